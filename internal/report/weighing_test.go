package report

import (
	"fmt"
	"strings"
	"testing"

	"github.com/crisis-comms/crisis/playbook"
)

// weighed is a small playbook that weighs promotional findings against
// three signals, one of them read by a disabled rule.
func weighed(lang string, need, needWeak int) *playbook.Playbook {
	return &playbook.Playbook{Lang: lang,
		Rules: []playbook.Rule{
			{ID: "p.code", Tone: "promotional", Strength: "strong"},
			{ID: "p.event", Tone: "promotional", Strength: "weak"},
			{ID: "p.praise", Tone: "promotional"},
			{ID: "w.blame", Tone: "whiny", Strength: "weak"},
			{ID: "w.pity", Tone: "whiny"},
			{ID: "a.contact", Tone: "missing", Require: &playbook.Require{Element: "contact"}},
			{ID: "a.update", Tone: "missing", Disabled: true, Require: &playbook.Require{Element: "next-update"}},
		},
		Weighing: &playbook.Weighing{Tones: []string{"promotional"}, Min: need, MinWeak: needWeak, Message: "m",
			Signals: []playbook.Signal{
				{ID: "apology", Title: "an apology", Groups: []string{"apology"}},
				{ID: "contact", Title: "a contact", Rule: "a.contact"},
				{ID: "update", Title: "the next update", Rule: "a.update"},
			}},
	}
}

func TestWeighing(t *testing.T) {
	tests := []struct {
		name  string
		pb    *playbook.Playbook
		rule  string
		label string
		want  string
	}{
		{"strong en", weighed("en", 2, 1), "p.code", "Weighing",
			"a strong rule – it always flags, however well the rest of the statement owns the crisis."},
		{"strong de", weighed("de", 2, 1), "p.code", "Abwägung",
			"eine starke Regel – sie meldet immer, auch wenn der Rest der Meldung Verantwortung übernimmt."},
		{"weak en", weighed("en", 2, 1), "p.event", "Weighing",
			"a weak rule, since what it finds is often meant honestly. If the sentence it flags is the only one that sounds promotional, the finding drops to a note (info) once the other sentences show at least 1 of these: an apology, a contact."},
		{"weak de", weighed("de", 2, 1), "p.event", "Abwägung",
			"eine schwache Regel, denn was sie findet, ist oft ehrlich gemeint. Ist der gemeldete Satz der einzige, der nach Werbung klingt, wird der Befund zum bloßen Hinweis (info), sobald die übrigen Sätze mindestens 1 hiervon zeigen: an apology, a contact."},
		{"weak without min_weak needs min", weighed("en", 2, 0), "p.event", "Weighing",
			"a weak rule, since what it finds is often meant honestly. If the sentence it flags is the only one that sounds promotional, the finding drops to a note (info) once the other sentences show at least 2 of these: an apology, a contact."},
		{"normal en", weighed("en", 2, 1), "p.praise", "Weighing",
			"a rule of normal strength. If the sentence it flags is the only one that sounds promotional, the finding drops to a note (info) once the other sentences show at least 2 of these: an apology, a contact."},
		{"normal de", weighed("de", 2, 1), "p.praise", "Abwägung",
			"eine Regel normaler Stärke. Ist der gemeldete Satz der einzige, der nach Werbung klingt, wird der Befund zum bloßen Hinweis (info), sobald die übrigen Sätze mindestens 2 hiervon zeigen: an apology, a contact."},
		{"other language speaks English", weighed("fr", 2, 1), "p.praise", "Weighing",
			"a rule of normal strength. If the sentence it flags is the only one that sounds promotional, the finding drops to a note (info) once the other sentences show at least 2 of these: an apology, a contact."},
		{"too few signals to read, en", weighed("en", 3, 0), "p.event", "Weighing",
			"a weak rule, but this playbook can read only 2 of the 3 signals it needs to hold a finding down: it always flags."},
		{"too few signals to read, de", weighed("de", 3, 0), "p.event", "Abwägung",
			"eine schwache Regel, doch dieses Playbook kann nur 2 der 3 Zeichen lesen, die es braucht, um einen Befund herabzustufen: Sie meldet immer."},
		{"weak, tone not weighed, en", weighed("en", 2, 1), "w.blame", "Weighing",
			"marked weak, but this playbook does not weigh this rule's findings against the whole statement: it always flags."},
		{"weak, tone not weighed, de", weighed("de", 2, 1), "w.blame", "Abwägung",
			"als schwach markiert, doch dieses Playbook wägt ihre Befunde nicht gegen die ganze Meldung ab: Sie meldet immer."},
		{"normal, tone not weighed", weighed("en", 2, 1), "w.pity", "Weighing", ""},
		{"form rule", weighed("de", 2, 1), "a.contact", "Abwägung", ""},
		{"strong, no weighing", &playbook.Playbook{Lang: "en", Rules: []playbook.Rule{{ID: "p.code", Tone: "promotional", Strength: "strong"}}},
			"p.code", "Weighing", "marked strong, but this playbook does not weigh this rule's findings against the whole statement: it always flags."},
		{"normal, no weighing", &playbook.Playbook{Lang: "de", Rules: []playbook.Rule{{ID: "p.praise", Tone: "promotional"}}},
			"p.praise", "Abwägung", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			label, text := Weighing(tt.pb, tt.pb.Rule(tt.rule))
			if label != tt.label || text != tt.want {
				t.Errorf("Weighing(%s) = %q, %q\nwant %q, %q", tt.rule, label, text, tt.label, tt.want)
			}
		})
	}
}

// TestWeighingBuiltins: every weighed rule of the built-in playbooks says
// how strong it is, the threshold of its strength and every signal.
func TestWeighingBuiltins(t *testing.T) {
	lead := map[string]map[string]string{
		"de": {"strong": "eine starke Regel", "weak": "eine schwache Regel", "": "eine Regel normaler Stärke"},
		"en": {"strong": "a strong rule", "weak": "a weak rule", "": "a rule of normal strength"},
	}
	atLeast := map[string]string{"de": "mindestens %d hiervon", "en": "at least %d of these"}
	for _, pb := range builtinPlaybooks(t) {
		w := pb.Weighing
		if w == nil {
			t.Fatalf("%s has no weighing", pb.Source)
		}
		counts := map[string]int{}
		for i := range pb.Rules {
			r := &pb.Rules[i]
			_, text := Weighing(pb, r)
			if !strings.Contains(strings.Join(w.Tones, " "), r.Tone) {
				if text != "" {
					t.Errorf("%s %s (tone %s, not weighed): %q, want nothing", pb.Source, r.ID, r.Tone, text)
				}
				continue
			}
			counts[r.Strength]++
			if !strings.HasPrefix(text, lead[pb.Lang][r.Strength]) {
				t.Errorf("%s %s (strength %q): %q does not start with %q", pb.Source, r.ID, r.Strength, text, lead[pb.Lang][r.Strength])
			}
			if r.Strength == "strong" {
				continue
			}
			need := w.Min
			if r.Strength == "weak" {
				need = w.MinWeak
			}
			if want := fmt.Sprintf(atLeast[pb.Lang], need); !strings.Contains(text, want) {
				t.Errorf("%s %s: %q lacks %q", pb.Source, r.ID, text, want)
			}
			for _, s := range w.Signals {
				if !strings.Contains(text, s.Title) {
					t.Errorf("%s %s: %q does not name the signal %q", pb.Source, r.ID, text, s.Title)
				}
			}
		}
		if counts["strong"] == 0 || counts["weak"] == 0 || counts[""] == 0 {
			t.Errorf("%s: weighed rules by strength %v, want strong, weak and normal ones", pb.Source, counts)
		}
	}
}

// TestRulePageWeighing: a rule page carries the weighing in each language.
func TestRulePageWeighing(t *testing.T) {
	de, en := weighed("de", 2, 1), weighed("en", 2, 1)
	for _, d := range RuleCatalog([]*playbook.Playbook{de, en}) {
		if d.ID != "p.code" {
			continue
		}
		page := d.RulePage()
		for _, want := range []string{"**Abwägung:** eine starke Regel – sie meldet immer", "**Weighing:** a strong rule – it always flags"} {
			if !strings.Contains(page, want) {
				t.Errorf("rule page lacks %q:\n%s", want, page)
			}
		}
		if help := d.helpText(); !strings.Contains(help, "Weighing: a strong rule") {
			t.Errorf("help text lacks the weighing:\n%s", help)
		}
		return
	}
	t.Fatal("p.code is not in the catalog")
}
