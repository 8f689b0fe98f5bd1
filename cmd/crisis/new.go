package main

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"text/tabwriter"

	"github.com/spf13/cobra"

	"github.com/crisis-comms/crisis/examples"
	"github.com/crisis-comms/crisis/internal/atomicfile"
	"github.com/crisis-comms/crisis/internal/clock"
	"github.com/crisis-comms/crisis/internal/incident"
	"github.com/crisis-comms/crisis/internal/kit"
)

type newOptions struct {
	example string
	dir     string
	lang    string
	list    bool
	force   bool
	kit     string
}

func newNewCmd(s streams) *cobra.Command {
	o := &newOptions{}
	c := &cobra.Command{
		Use:   "new --example NAME DIR | --kit DIR",
		Short: "Start an incident from a prepared example, or a crisis kit",
		Long: `Start an incident directory from a prepared example: copy the example's
facts.yaml into DIR to edit, then render it with crisis render.

Examples are named by scenario (it-outage, product-recall, …); --list shows
them. Each is written in German and English; --lang picks one. Without
--lang the language follows the locale: German when LC_ALL, LC_MESSAGES or
LANG (the first that is set) starts with "de", English otherwise.

DIR is created when missing. A facts.yaml already in DIR is never replaced
without --force.

--kit DIR writes a complete, made-up crisis kit to prepare before anything
happens: kit.yaml (organisation, roles, processors, landing page, hotline),
contacts.csv (an invented contact register with consents) and a holding
statement per scenario in holding/. Every name, number and address in it is
invented. Check it with crisis ready DIR, practise with crisis drill.`,
		Example: `  crisis new --list
  crisis new --example it-outage incident/
  crisis new --example product-recall --lang en recall/
  crisis render incident/facts.yaml
  crisis new --kit kit/ --lang de`,
		Args: func(c *cobra.Command, args []string) error {
			switch {
			case o.kit != "" && len(args) > 0:
				return usageHint(c, errors.New("--kit takes the kit directory as its value: crisis new --kit DIR"))
			case o.kit != "":
				return nil
			case o.list && len(args) > 0:
				return usageHint(c, errors.New("--list takes no directory"))
			case !o.list && o.example == "":
				return usageHint(c, fmt.Errorf("name an example with --example NAME (one of %s), or use --list", strings.Join(examples.Names(), ", ")))
			case !o.list && len(args) != 1:
				return usageHint(c, fmt.Errorf("new needs one directory to write to, got %d arguments", len(args)))
			}
			return nil
		},
		RunE: func(c *cobra.Command, args []string) error {
			if o.list {
				return newList(s, o)
			}
			if o.kit != "" {
				return newKit(s, o)
			}
			o.dir = args[0]
			return newRun(s, o)
		},
		ValidArgsFunction: func(*cobra.Command, []string, string) ([]string, cobra.ShellCompDirective) {
			return nil, cobra.ShellCompDirectiveFilterDirs
		},
	}
	f := c.Flags()
	f.StringVar(&o.example, "example", "", "example to start from (see --list)")
	f.StringVar(&o.lang, "lang", "", `language of the example, de or en (default: German when the locale starts with "de", else English)`)
	f.BoolVar(&o.list, "list", false, "list the examples")
	f.BoolVar(&o.force, "force", false, "replace a facts.yaml that is already in DIR")
	f.StringVar(&o.kit, "kit", "", "write a made-up starter crisis kit to this directory")
	c.MarkFlagsMutuallyExclusive("list", "example")
	c.MarkFlagsMutuallyExclusive("kit", "example")
	c.MarkFlagsMutuallyExclusive("kit", "list")
	c.MarkFlagsMutuallyExclusive("kit", "force")
	c.MarkFlagsMutuallyExclusive("list", "force")
	_ = c.RegisterFlagCompletionFunc("example", func(*cobra.Command, []string, string) ([]string, cobra.ShellCompDirective) {
		var out []string
		for _, e := range examples.List() {
			out = append(out, e.Name+"\t"+e.Title)
		}
		return out, cobra.ShellCompDirectiveNoFileComp
	})
	_ = c.RegisterFlagCompletionFunc("lang", fixedCompletion("de", "en"))
	return c
}

func newList(s streams, o *newOptions) error {
	lang := o.lang
	if lang == "" {
		lang = localeLang()
	}
	tw := tabwriter.NewWriter(s.out, 0, 4, 2, ' ', 0)
	fmt.Fprintln(tw, "NAME\tLANG\tTITLE")
	for _, e := range examples.List() {
		fmt.Fprintf(tw, "%s\t%s\t%s\n", e.Name, strings.Join(e.Langs, ","), e.TitleIn(lang))
	}
	return tw.Flush()
}

func newRun(s streams, o *newOptions) error {
	ex, ok := examples.Lookup(o.example)
	if !ok {
		return usageErr(fmt.Errorf("no example %q; the examples are %s (crisis new --list shows them)", o.example, strings.Join(examples.Names(), ", ")))
	}
	lang := o.lang
	switch {
	case lang != "" && !slices.Contains(ex.Langs, lang):
		return usageErr(fmt.Errorf("--lang %q: the %s example is written in %s", lang, ex.Name, strings.Join(ex.Langs, ", ")))
	case lang == "":
		lang = localeLang()
		if !slices.Contains(ex.Langs, lang) {
			lang = ex.Langs[0]
		}
	}
	data, err := examples.Facts(ex.Name, lang)
	if err != nil {
		return usageErr(err)
	}
	if fi, err := os.Stat(o.dir); err == nil && !fi.IsDir() {
		return usageErr(fmt.Errorf("%s: not a directory", o.dir))
	}
	target := filepath.Join(o.dir, incident.FactsFile)
	if err := atomicfile.Write(target, data, 0o644, o.force); err != nil {
		if errors.Is(err, atomicfile.ErrExists) {
			return usageErr(fmt.Errorf("%s already exists; nothing was written (pick another directory, or --force to replace it)", target))
		}
		return usageErr(err)
	}
	fmt.Fprintln(s.out, target)
	hint := `Started from the %s example (%s). Every name, number and address in it is
made up: put in your own facts, time and next_update. Then render one
message per channel:

  crisis render %s
`
	if lang == "de" {
		hint = `Angelegt aus dem Beispiel %s (%s). Alle Namen, Nummern und Adressen darin
sind erfunden: Setzen Sie Ihre eigenen Fakten, time und next_update ein.
Dann entsteht je Kanal eine Nachricht mit:

  crisis render %s
`
	}
	fmt.Fprintf(s.err, hint, ex.Name, lang, target)
	return nil
}

func newKit(s streams, o *newOptions) error {
	lang := o.lang
	if lang == "" {
		lang = localeLang()
	}
	if !slices.Contains(kit.StarterLangs, lang) {
		return usageErr(fmt.Errorf("--lang %q: the starter kit is written in %s", lang, strings.Join(kit.StarterLangs, " and ")))
	}
	now, err := clock.Now()
	if err != nil {
		return usageErr(err)
	}
	paths, err := kit.WriteStarter(o.kit, lang, now)
	for _, p := range paths {
		fmt.Fprintln(s.out, p)
	}
	if err != nil {
		return usageErr(err)
	}
	if lang == "de" {
		fmt.Fprintf(s.err, `Ein Krisen-Kit zum Anpassen liegt in %[1]s. Alle Namen, Nummern und Adressen
darin sind erfunden: Setzen Sie Ihre eigenen ein, exportieren Sie Ihr
Kontaktverzeichnis nach contacts.csv und prüfen Sie dann:

  crisis ready %[1]s
  crisis drill it-outage --kit %[1]s
`, o.kit)
		return nil
	}
	fmt.Fprintf(s.err, `A crisis kit to adapt is in %[1]s. Every name, number and address in it
is made up: put in your own, export your contact register to contacts.csv,
then check:

  crisis ready %[1]s
  crisis drill it-outage --kit %[1]s
`, o.kit)
	return nil
}

// localeLang picks de or en from the locale, in POSIX precedence: the
// first of LC_ALL, LC_MESSAGES and LANG that is set decides.
func localeLang() string {
	for _, v := range []string{"LC_ALL", "LC_MESSAGES", "LANG"} {
		if l := os.Getenv(v); l != "" {
			if strings.HasPrefix(strings.ToLower(l), "de") {
				return "de"
			}
			return "en"
		}
	}
	return "en"
}
