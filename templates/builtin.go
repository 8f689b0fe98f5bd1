package templates

import (
	"embed"
	"fmt"
	"io/fs"
	"sort"
	"strings"

	"github.com/crisis-comms/crisis/internal/incident"
)

// builtinFS holds the built-in channel templates, one file per language and
// channel: builtin/LANG/CHANNEL.tmpl. Each file covers all four stages.
//
//go:embed builtin
var builtinFS embed.FS

// BuiltinLangs lists the languages that have built-in templates.
func BuiltinLangs() []string {
	entries, _ := fs.ReadDir(builtinFS, "builtin")
	var langs []string
	for _, e := range entries {
		if e.IsDir() {
			langs = append(langs, e.Name())
		}
	}
	return langs
}

// BuiltinChannels lists the channels with a built-in template in lang,
// sorted; nil when there are none.
func BuiltinChannels(lang string) []string {
	entries, err := fs.ReadDir(builtinFS, "builtin/"+baseLang(lang))
	if err != nil {
		return nil
	}
	var chans []string
	for _, e := range entries {
		if name, ok := strings.CutSuffix(e.Name(), ".tmpl"); ok && !e.IsDir() {
			chans = append(chans, name)
		}
	}
	sort.Strings(chans)
	return chans
}

// Builtin returns the source of the built-in template for lang and channel.
func Builtin(lang, channel string) (string, error) {
	l := baseLang(lang)
	if strings.ContainsAny(channel, "/\\.") || channel == "" {
		return "", fmt.Errorf("no built-in template for channel %q", channel)
	}
	b, err := fs.ReadFile(builtinFS, "builtin/"+l+"/"+channel+".tmpl")
	if err != nil {
		if len(BuiltinChannels(l)) == 0 {
			return "", fmt.Errorf("no built-in templates for language %q (have %s)", lang, strings.Join(BuiltinLangs(), ", "))
		}
		return "", fmt.Errorf("no built-in %s template for channel %q (have %s)", l, channel, strings.Join(BuiltinChannels(l), ", "))
	}
	return string(b), nil
}

// Detail is one of the scenario's own facts (a product, a batch, an
// area), which the built-in templates list under the news with its title:
// {{ range .details }}{{ .Title }}: {{ .Value }}{{ end }}.
type Detail struct {
	ID, Title, Value string
}

// RenderBuiltin renders the built-in template for lang and channel. The
// template is named LANG/CHANNEL in errors. Facts missing from data count as
// empty, so a partial map gets the templates' own "is required" messages
// rather than text/template's "map has no entry".
func RenderBuiltin(lang, channel string, data map[string]any, opts Options) (string, error) {
	src, err := Builtin(lang, channel)
	if err != nil {
		return "", err
	}
	full := (&incident.Facts{}).Map()
	full["details"] = []Detail(nil)
	for k, v := range data {
		full[k] = v
	}
	if opts.Lang == "" {
		opts.Lang = lang
	}
	return Render(baseLang(lang)+"/"+channel, src, full, opts)
}
