package examples_test

import (
	"errors"
	"flag"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/crisis-comms/crisis/examples"
	"github.com/crisis-comms/crisis/internal/check"
	"github.com/crisis-comms/crisis/internal/compose"
	"github.com/crisis-comms/crisis/internal/incident"
	"github.com/crisis-comms/crisis/playbook"
	"github.com/crisis-comms/crisis/templates"
)

var update = flag.Bool("update", false, "rewrite the checked-in messages from the facts")

// scenarios are the examples the product promises (crisis new --example).
var scenarios = []string{"closure", "data-breach", "it-outage", "product-recall", "severe-weather", "supply-chain-delay"}

func TestList(t *testing.T) {
	var names []string
	for _, e := range examples.List() {
		names = append(names, e.Name)
		if !slices.Equal(e.Langs, []string{"de", "en"}) {
			t.Errorf("%s: languages %v, want de and en", e.Name, e.Langs)
		}
		if e.Title == "" || e.TitleIn("de") == "" || e.TitleIn("de") == e.TitleIn("en") {
			t.Errorf("%s: titles %q (de) and %q (en), want one per language", e.Name, e.TitleIn("de"), e.Title)
		}
	}
	if !slices.Equal(names, scenarios) {
		t.Errorf("List() = %v, want %v", names, scenarios)
	}
	// Every example directory on disk is embedded, and nothing else is.
	entries, err := os.ReadDir(".")
	if err != nil {
		t.Fatal(err)
	}
	var onDisk []string
	for _, e := range entries {
		if m, _ := filepath.Glob(filepath.Join(e.Name(), "*", examples.FactsFile)); e.IsDir() && len(m) > 0 {
			onDisk = append(onDisk, e.Name())
		}
	}
	if !slices.Equal(onDisk, names) {
		t.Errorf("example directories on disk %v, embedded %v: update the go:embed line", onDisk, names)
	}
}

func TestFactsUnknown(t *testing.T) {
	if _, err := examples.Facts("no-such", "de"); !errors.Is(err, examples.ErrUnknown) || !strings.Contains(err.Error(), "it-outage") {
		t.Errorf("unknown example: %v", err)
	}
	if _, err := examples.Facts("it-outage", "fr"); !errors.Is(err, examples.ErrUnknown) {
		t.Errorf("unknown language: %v", err)
	}
	if _, ok := examples.Lookup("incidents"); ok {
		t.Error("incidents/ is listed as an example")
	}
}

// TestMessages renders every example with compose, as crisis render does,
// and compares the result with the checked-in messages. Refresh them with
// go test ./examples -update after changing facts or templates, and read
// the diff.
func TestMessages(t *testing.T) {
	for _, e := range examples.List() {
		for _, lang := range e.Langs {
			t.Run(e.Name+"/"+lang, func(t *testing.T) {
				facts := loadFacts(t, e.Name, lang)
				pb, err := playbook.Load(facts.Playbook)
				if err != nil {
					t.Fatal(err)
				}
				now, err := time.Parse(time.RFC3339, facts.Time)
				if err != nil {
					t.Fatal(err)
				}
				msgs, err := compose.Render(pb, facts, facts.Channels, now)
				if err != nil {
					t.Fatal(err)
				}
				dir := filepath.Join(e.Name, lang, examples.MessagesDir)
				if *update {
					writeMessages(t, dir, msgs)
				}
				var want []string
				for _, m := range msgs {
					want = append(want, m.FileName)
					got, err := os.ReadFile(filepath.Join(dir, m.FileName))
					if err != nil {
						t.Errorf("%v (run go test ./examples -update)", err)
						continue
					}
					if string(got) != m.Text {
						t.Errorf("%s differs from what compose renders (go test ./examples -update rewrites it):\n--- checked in\n%s\n--- rendered\n%s", filepath.Join(dir, m.FileName), got, m.Text)
					}
				}
				if have := fileNames(t, dir); !slices.Equal(have, sorted(want)) {
					t.Errorf("%s holds %v, want %v", dir, have, sorted(want))
				}
			})
		}
	}
}

// TestMessagesLintClean lints the checked-in messages as `crisis lint`
// does, with the built-in playbook of their language. An example is what
// people copy, so it must not teach anything the linter warns about.
func TestMessagesLintClean(t *testing.T) {
	for _, e := range examples.List() {
		for _, lang := range e.Langs {
			t.Run(e.Name+"/"+lang, func(t *testing.T) {
				r, err := check.New(check.Options{Playbook: playbook.BuiltinPrefix + lang, Jobs: 1})
				if err != nil {
					t.Fatal(err)
				}
				files := r.Run([]string{filepath.Join(e.Name, lang, examples.MessagesDir)})
				if len(files) == 0 {
					t.Fatal("no messages linted")
				}
				for _, f := range files {
					if f.Err != nil {
						t.Errorf("%s: %v", f.Path, f.Err)
					}
					if f.Lang != lang {
						t.Errorf("%s: linted as %q, want %q", f.Path, f.Lang, lang)
					}
					for _, x := range f.Findings {
						msg := fmt.Sprintf("%s:%d:%d: %s %s: %s [%s]", f.Path, x.Line, x.Column, x.Severity, x.Rule, x.Message, x.Match)
						if x.Severity == "info" {
							t.Log(msg)
						} else {
							t.Error(msg)
						}
					}
				}
			})
		}
	}
}

// TestFacts checks that every example is complete, fits the built-in
// playbooks, and tells the same story in both languages.
func TestFacts(t *testing.T) {
	scenarioIDs := map[string]bool{}
	for _, ref := range playbook.BuiltinNames() {
		pb, err := playbook.Load(ref)
		if err != nil {
			t.Fatal(err)
		}
		for _, s := range pb.Scenarios {
			scenarioIDs[s.ID] = true
		}
	}
	for _, e := range examples.List() {
		byLang := map[string]*incident.Facts{}
		for _, lang := range e.Langs {
			f := loadFacts(t, e.Name, lang)
			byLang[lang] = f
			where := e.Name + "/" + lang + ": "
			if f.Scenario != e.Name || f.Lang != lang || f.Playbook != playbook.BuiltinPrefix+lang || f.Stage != incident.StageInitial {
				t.Errorf("%sscenario %q, lang %q, playbook %q, stage %q; want %s, %s, builtin:%s, initial", where, f.Scenario, f.Lang, f.Playbook, f.Stage, e.Name, lang, lang)
			}
			if len(scenarioIDs) > 0 && !scenarioIDs[f.Scenario] {
				t.Errorf("%sscenario %q is not a scenario of the built-in playbooks", where, f.Scenario)
			}
			for name, v := range map[string]string{
				"incident": f.Incident, "org": f.Org, "time": f.Time, "headline": f.Headline, "what": f.What,
				"impact": f.Impact, "affected": f.Affected, "actions": f.Actions, "who": f.Who, "unknown": f.Unknown,
				"help": f.Help, "empathy": f.Empathy, "background": f.Background, "next_update": f.NextUpdate,
				"landing_page": f.LandingPage, "hotline": f.Hotline, "email": f.Email,
			} {
				if strings.TrimSpace(v) == "" {
					t.Errorf("%s%s is empty", where, name)
				}
			}
			if !strings.HasPrefix(f.LandingPage, "https://") || !strings.Contains(f.LandingPage, ".example/") {
				t.Errorf("%slanding_page %q: want https://….example/… (a reserved, fictional domain)", where, f.LandingPage)
			}
			if !strings.HasSuffix(f.Email, ".example") {
				t.Errorf("%semail %q: want an address at a .example domain", where, f.Email)
			}
			if !strings.HasPrefix(f.Hotline, "0800 ") && !strings.HasPrefix(f.Hotline, "+49 800 ") {
				t.Errorf("%shotline %q: want a fictional 0800 number", where, f.Hotline)
			}
			for _, ch := range []string{"sms", "email", "x", "landing"} {
				if !slices.Contains(f.Channels, ch) {
					t.Errorf("%schannels %v lack %s", where, f.Channels, ch)
				}
			}
		}
		de, en := byLang["de"], byLang["en"]
		if de == nil || en == nil {
			continue
		}
		for name, v := range map[string][2]string{
			"incident": {de.Incident, en.Incident}, "time": {de.Time, en.Time}, "next_update": {de.NextUpdate, en.NextUpdate},
			"hotline": {de.Hotline, en.Hotline}, "channels": {strings.Join(de.Channels, ","), strings.Join(en.Channels, ",")},
		} {
			if v[0] != v[1] {
				t.Errorf("%s: %s differs between de (%q) and en (%q)", e.Name, name, v[0], v[1])
			}
		}
	}
}

func loadFacts(t *testing.T, name, lang string) *incident.Facts {
	t.Helper()
	data, err := examples.Facts(name, lang)
	if err != nil {
		t.Fatal(err)
	}
	f, err := incident.ParseFacts(filepath.Join(name, lang, examples.FactsFile), data)
	if err != nil {
		t.Fatal(err)
	}
	return f
}

func writeMessages(t *testing.T, dir string, msgs []compose.Message) {
	t.Helper()
	if err := os.RemoveAll(dir); err != nil {
		t.Fatal(err)
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	for _, m := range msgs {
		if err := os.WriteFile(filepath.Join(dir, m.FileName), []byte(m.Text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

func fileNames(t *testing.T, dir string) []string {
	t.Helper()
	entries, err := os.ReadDir(dir)
	if err != nil && !errors.Is(err, fs.ErrNotExist) {
		t.Fatal(err)
	}
	var names []string
	for _, e := range entries {
		names = append(names, e.Name())
	}
	return names
}

func sorted(s []string) []string {
	s = slices.Clone(s)
	slices.Sort(s)
	return s
}

// TestLongerFactsFitEveryChannel renders every example at every stage on
// every built-in channel with its facts made longer, as real ones are
// (each text fact twice as long, a longer headline), and lints the written
// files as crisis lint does: no message may break its channel's limits.
func TestLongerFactsFitEveryChannel(t *testing.T) {
	for _, e := range examples.List() {
		for _, lang := range e.Langs {
			t.Run(e.Name+"/"+lang, func(t *testing.T) {
				base := loadFacts(t, e.Name, lang)
				pb, err := playbook.Load(base.Playbook)
				if err != nil {
					t.Fatal(err)
				}
				now, err := time.Parse(time.RFC3339, base.Time)
				if err != nil {
					t.Fatal(err)
				}
				r, err := check.New(check.Options{Playbook: base.Playbook, Jobs: 1})
				if err != nil {
					t.Fatal(err)
				}
				for _, stage := range incident.Stages {
					facts := lengthen(base)
					facts.Stage = stage
					msgs, err := compose.Render(pb, facts, templates.BuiltinChannels(lang), now)
					if err != nil {
						t.Fatalf("%s: %v", stage, err)
					}
					dir := filepath.Join(t.TempDir(), stage)
					if _, err := compose.WriteUpdate(dir+"/2026-11-23T0930", facts, msgs, now, false); err != nil {
						t.Fatal(err)
					}
					for _, f := range r.Run([]string{dir}) {
						for _, x := range f.Findings {
							if x.Principle == "channels" {
								t.Errorf("%s %s: %s: %s", stage, filepath.Base(f.Path), x.Rule, x.Message)
							}
						}
					}
				}
			})
		}
	}
}

// lengthen makes every free-text fact twice as long and the headline
// longer by a clause, the way facts grow during a real incident.
func lengthen(f *incident.Facts) *incident.Facts {
	g := *f
	for _, p := range []*string{&g.What, &g.Impact, &g.Affected, &g.Actions, &g.Who, &g.Unknown, &g.Help,
		&g.Empathy, &g.Background, &g.Prevention, &g.Remedy, &g.Safety, &g.Alternatives, &g.Rights} {
		if *p != "" {
			*p = *p + " " + *p
		}
	}
	if g.Lang == "de" {
		g.Headline += " – Hilfe und nächste Schritte"
	} else {
		g.Headline += " – help and next steps"
	}
	return &g
}
