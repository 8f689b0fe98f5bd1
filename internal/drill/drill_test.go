package drill

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/crisis-comms/crisis/internal/draft"
	"github.com/crisis-comms/crisis/internal/kit"
	"github.com/crisis-comms/crisis/internal/ready"
)

var start = time.Date(2026, 12, 6, 9, 0, 0, 0, time.UTC)

func starterKit(t *testing.T, lang string) *kit.Kit {
	t.Helper()
	dir := t.TempDir()
	if _, err := kit.WriteStarter(dir, lang, start); err != nil {
		t.Fatal(err)
	}
	k, err := kit.Load(dir)
	if err != nil {
		t.Fatal(err)
	}
	return k
}

// TestNoInputDrill runs every prepared scenario of both starter kits without
// questions: each step writes a clean update, the record lands in the kit,
// and crisis ready counts it as the last drill.
func TestNoInputDrill(t *testing.T) {
	for _, lang := range kit.StarterLangs {
		k := starterKit(t, lang)
		for i, sc := range k.Scenarios {
			res, err := Run(Options{Kit: k, Scenario: sc, Start: start.Add(time.Duration(i) * time.Minute)})
			if err != nil {
				t.Fatalf("%s %s: %v", lang, sc, err)
			}
			ids := []string{}
			for _, s := range res.Record.Steps {
				ids = append(ids, s.ID)
				if !s.Met {
					t.Errorf("%s %s: step %s not met: %+v", lang, sc, s.ID, s)
				}
			}
			if got := strings.Join(ids, ","); got != "first-message,landing-page,update,twist" {
				t.Errorf("steps = %s", got)
			}
			updates, _ := os.ReadDir(res.Dir)
			if len(updates) != 3 {
				t.Errorf("%s %s: %d updates in %s, want 3", lang, sc, len(updates), res.Dir)
			}
			recs, err := kit.Drills(k.Dir)
			if err != nil || len(recs) != i+1 || recs[i].Scenario != sc {
				t.Fatalf("records after %s: %v, %v", sc, recs, err)
			}
		}
		r, err := ready.Audit(k.Dir, ready.Options{Now: start.Add(24 * time.Hour)})
		if err != nil {
			t.Fatal(err)
		}
		for _, it := range r.Items {
			if it.ID == "drill" && (it.Status != ready.OK || !strings.Contains(it.Message, "2026-12-06")) {
				t.Errorf("ready after drill: %+v", it)
			}
		}
	}
}

// TestSlowTeamMissesTargets: a clock that moves 40 minutes per reading
// makes every step slower than its target.
func TestSlowTeamMissesTargets(t *testing.T) {
	k := starterKit(t, "de")
	clock := start
	res, err := Run(Options{Kit: k, Scenario: "it-outage", Start: start, Clock: func() time.Time {
		clock = clock.Add(40 * time.Minute)
		return clock
	}})
	if err != nil {
		t.Fatal(err)
	}
	missed := res.Record.Missed()
	if strings.Join(missed, ",") != "first-message,landing-page,update,twist" {
		t.Errorf("missed = %v (%+v)", missed, res.Record.Steps)
	}
	r, err := ready.Audit(k.Dir, ready.Options{Now: start.Add(time.Hour)})
	if err != nil {
		t.Fatal(err)
	}
	for _, it := range r.Items {
		if it.ID == "drill" && it.Status != ready.Warning {
			t.Errorf("ready after a missed drill: %+v", it)
		}
	}
}

func TestDrillErrors(t *testing.T) {
	k := starterKit(t, "en")
	if _, err := Run(Options{Kit: k, Scenario: "alien-invasion", Start: start}); err == nil || !strings.Contains(err.Error(), "it-outage") {
		t.Errorf("unknown scenario: %v", err)
	}
	if _, err := Run(Options{Kit: k, Scenario: "strike", Start: start}); err == nil || !strings.Contains(err.Error(), "no holding statement") {
		t.Errorf("no holding statement: %v", err)
	}
	if _, err := Run(Options{Kit: k, Scenario: "it-outage", Start: start}); err != nil {
		t.Fatal(err)
	}
	if _, err := Run(Options{Kit: k, Scenario: "it-outage", Start: start}); err == nil || !strings.Contains(err.Error(), "already exists") {
		t.Errorf("same minute twice: %v", err)
	}
}

// acceptAll answers every question with its default, as a team that takes
// the holding statement as it is; it counts the reviews it saw.
type acceptAll struct{ reviews int }

func (a *acceptAll) Select(p draft.Prompt, opts []draft.Option, def string) (string, error) {
	if strings.HasPrefix(p.Key, "review") {
		a.reviews++
		return draft.ActionAccept, nil
	}
	if def == "" && len(opts) > 0 {
		return opts[0].Value, nil
	}
	return def, nil
}
func (a *acceptAll) MultiSelect(p draft.Prompt, opts []draft.Option, def []string, _ func([]string) error) ([]string, error) {
	return def, nil
}
func (a *acceptAll) Input(p draft.Prompt, def string, _ func(string) error) (string, error) {
	if p.Key == draft.FactKey("next_update") && def == "" {
		return "23:00", nil // a new promise for each update
	}
	return def, nil
}
func (a *acceptAll) Text(p draft.Prompt, def string, _ func(string) error) (string, error) {
	return def, nil
}
func (a *acceptAll) Confirm(p draft.Prompt, def bool) (bool, error) { return true, nil }
func (a *acceptAll) Show(string, string) error                      { return nil }

// TestInteractiveDrillRunsTheDraftFlow: with a prompter, each step runs the
// draft flow prefilled from the holding statement and the injects.
func TestInteractiveDrillRunsTheDraftFlow(t *testing.T) {
	k := starterKit(t, "de")
	p := &acceptAll{}
	res, err := Run(Options{Kit: k, Scenario: "it-outage", Start: start, Prompter: p})
	if err != nil {
		t.Fatal(err)
	}
	if res.Record.Mode != "interactive" {
		t.Errorf("mode = %s", res.Record.Mode)
	}
	if p.reviews < 3 {
		t.Errorf("the flow reviewed %d messages over three steps", p.reviews)
	}
	facts, err := os.ReadFile(filepath.Join(k.Dir, res.Record.Steps[3].Update, "facts.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(facts), "keinen Hinweis") || !strings.Contains(string(facts), "stage: update") {
		t.Errorf("the twist's facts did not reach the last update:\n%s", facts)
	}
	first, err := os.ReadFile(filepath.Join(k.Dir, res.Record.Steps[0].Update, "facts.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(first), "stage: initial") {
		t.Errorf("the first report was not drafted as a first message:\n%s", first)
	}
}
