// Package examples holds the prepared crisis scenarios that `crisis new`
// starts from: for each scenario and language a facts.yaml a comms team can
// edit, and the messages `crisis render` makes of it, checked in so that
// readers see the result and tests notice when templates change it.
//
// The layout is NAME/LANG/facts.yaml and NAME/LANG/messages/FILE, where NAME
// is the scenario id of the built-in playbooks (it-outage, product-recall,
// …). Other directories here, such as incidents/, are not examples.
package examples

import (
	"embed"
	"errors"
	"fmt"
	"io/fs"
	"path"
	"slices"
	"strings"

	"github.com/crisis-comms/crisis/internal/incident"
)

// FS holds the examples, rooted at this directory (it-outage/de/facts.yaml,
// it-outage/de/messages/sms.txt, …). The directive names each scenario so
// that unrelated directories next to them are never embedded.
//
//go:embed it-outage supply-chain-delay product-recall data-breach closure severe-weather
var FS embed.FS

// FactsFile is the name of an example's facts file in each language directory.
const FactsFile = incident.FactsFile

// MessagesDir is the directory, next to the facts, that holds the messages
// rendered from them.
const MessagesDir = "messages"

// Example describes one prepared scenario.
type Example struct {
	Name   string            // the scenario id, e.g. "it-outage"
	Langs  []string          // languages it is written in, sorted
	Title  string            // the English headline, else the first language's
	Titles map[string]string // the headline per language
}

// TitleIn returns the headline in lang, falling back to Title.
func (e Example) TitleIn(lang string) string {
	if t := e.Titles[lang]; t != "" {
		return t
	}
	return e.Title
}

// ErrUnknown is returned for an example or language that does not exist.
var ErrUnknown = errors.New("no such example")

// List returns every example, sorted by name. A directory counts as an
// example when it has at least one LANG/facts.yaml.
func List() []Example {
	dirs, _ := fs.ReadDir(FS, ".")
	var out []Example
	for _, d := range dirs {
		if !d.IsDir() {
			continue
		}
		ex := Example{Name: d.Name(), Titles: map[string]string{}}
		langs, _ := fs.ReadDir(FS, d.Name())
		for _, l := range langs {
			data, err := fs.ReadFile(FS, path.Join(d.Name(), l.Name(), FactsFile))
			if !l.IsDir() || err != nil {
				continue
			}
			ex.Langs = append(ex.Langs, l.Name())
			// The examples are tested to parse; a broken one still lists, untitled.
			if f, err := incident.ParseFacts(FactsFile, data); err == nil {
				ex.Titles[l.Name()] = strings.TrimSpace(f.Headline)
			}
		}
		if len(ex.Langs) == 0 {
			continue
		}
		slices.Sort(ex.Langs)
		ex.Title = ex.Titles["en"]
		if ex.Title == "" {
			ex.Title = ex.Titles[ex.Langs[0]]
		}
		out = append(out, ex)
	}
	return out
}

// Names returns the example names, sorted.
func Names() []string {
	var names []string
	for _, e := range List() {
		names = append(names, e.Name)
	}
	return names
}

// Lookup returns the example called name.
func Lookup(name string) (Example, bool) {
	for _, e := range List() {
		if e.Name == name {
			return e, true
		}
	}
	return Example{}, false
}

// Facts returns the facts.yaml of an example in lang. The error wraps
// ErrUnknown and names what exists.
func Facts(name, lang string) ([]byte, error) {
	e, ok := Lookup(name)
	if !ok {
		return nil, fmt.Errorf("%w %q; examples are %s", ErrUnknown, name, strings.Join(Names(), ", "))
	}
	if !slices.Contains(e.Langs, lang) {
		return nil, fmt.Errorf("%w %q in language %q; it is written in %s", ErrUnknown, name, lang, strings.Join(e.Langs, ", "))
	}
	return fs.ReadFile(FS, path.Join(name, lang, FactsFile))
}
