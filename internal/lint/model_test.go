package lint_test

import (
	"slices"
	"strings"
	"testing"

	"github.com/crisis-comms/crisis/internal/lint"
	"github.com/crisis-comms/crisis/playbook"
)

// modelPlaybook has one rule and a model whose whiny head fires on the
// sender suffering and blaming a supplier, and is held back by an apology.
const modelPlaybook = `playbook: 1
id: model-test
lang: en
principles:
  - {id: authentic, title: Be honest}
lexicon:
  self: {en: [we, our, us]}
  hardship: {en: [exhausted, "brutal week"]}
  cause: {en: ["due to", "because of"]}
  supplier: {en: [supplier, vendor]}
  apology: {en: [sorry]}
  you: {en: [you, your]}
rules:
  - id: authentic.supplier
    principle: authentic
    tone: whiny
    severity: info
    message: A supplier is named.
    terms: [supplier]
    examples: {bad: {en: [our supplier]}, good: {en: [our team]}}
model:
  actors: [self, you, supplier]
  features:
    - {id: suffers, title: sender suffers, all: [self, hardship]}
    - {id: cause, title: third party as cause, all: [cause, supplier]}
    - {id: apology, title: apology, all: [apology], within: message}
    - {id: info, title: a supplier named, rule: authentic.supplier}
    - {id: we-suffer, title: the sender as the one who suffers, all: [hardship], subject: self}
    - {id: you-suffer, title: the reader as the one who suffers, all: [hardship], subject: you}
    - {id: suffer-share, title: share of sentences where the sender suffers, all: [hardship], subject: self, share: true}
    - {id: info-too, title: a supplier named (hints too), rule: authentic.supplier, severity: info}
  heads:
    - id: authentic.statement
      principle: authentic
      tone: whiny
      severity: warning
      message: "Read as a whole, this is self-pity ({cues})."
      threshold: 0.5
      bias: -1.5
      weights: {suffers: 2, cause: 1.5, apology: -3}
      examples:
        bad: {en: ["Due to our supplier we had a brutal week. We are exhausted."]}
        good: {en: ["We are sorry. We had a brutal week."]}
`

func modelEngine(t *testing.T, yaml string) *lint.Engine {
	t.Helper()
	pb, err := playbook.Parse("model.yaml", []byte(yaml))
	if err != nil {
		t.Fatal(err)
	}
	e, err := lint.New(pb)
	if err != nil {
		t.Fatal(err)
	}
	return e
}

func TestModelHead(t *testing.T) {
	e := modelEngine(t, modelPlaybook)
	ctx := lint.Context{Lang: "en", Stage: "update"}
	text := "Deliveries are late. Due to our supplier we had a brutal week. We are exhausted, and so are we."
	var got *lint.Finding
	for _, f := range e.LintText(text, ctx) {
		if f.Rule == "authentic.statement" {
			got = &f
		}
	}
	if got == nil {
		t.Fatalf("the head did not fire on %q", text)
	}
	if got.Tone != "whiny" || got.Principle != "authentic" || got.Severity != "warning" {
		t.Errorf("finding = %+v, want the head's tone, principle and severity", *got)
	}
	// sender suffers pulls 2·ln 3 (two sentences), the cause 1.5·ln 2: the
	// span is the first sentence where the sender suffers.
	if want := "Due to our supplier we had a brutal week."; got.Match != want {
		t.Errorf("span = %q, want %q", got.Match, want)
	}
	if want := "Read as a whole, this is self-pity (sender suffers (2), third party as cause (1))."; got.Message != want {
		t.Errorf("message = %q, want %q", got.Message, want)
	}
	for _, tc := range []struct {
		name, text string
		ctx        lint.Context
	}{
		{"an apology outweighs", "We are sorry. Due to our supplier we had a brutal week.", ctx},
		{"one weak cue is not enough", "Deliveries are late because of our vendor.", ctx},
		{"disabled", text, lint.Context{Lang: "en", Disabled: map[string]bool{"authentic.statement": true}}},
		{"a rule of the tone has spoken", text, lint.Context{Lang: "en", Stage: "update", Severity: map[string]string{"authentic.supplier": "warning"}}},
	} {
		for _, f := range e.LintText(tc.text, tc.ctx) {
			if f.Rule == "authentic.statement" {
				t.Errorf("%s: the head fired on %q: %s", tc.name, tc.text, f.Message)
			}
		}
	}
	fs := e.LintText(text, lint.Context{Lang: "en", Severity: map[string]string{"authentic.statement": "error"}})
	if !lint.Flagged(fs, "whiny") || !slices.ContainsFunc(fs, func(f lint.Finding) bool { return f.Rule == "authentic.statement" && f.Severity == "error" }) {
		t.Errorf("severity override not applied: %+v", fs)
	}
	for _, r := range e.RunExamples() {
		if !r.OK {
			t.Errorf("example of %s (bad=%v) failed: %q, fired %v", r.Rule, r.Bad, r.Text, r.Got)
		}
	}
}

// TestModelFeatures checks what training sees: the counts of the features
// and the rules' findings without the head's own.
func TestModelFeatures(t *testing.T) {
	e := modelEngine(t, modelPlaybook)
	d, err := lint.Parse("x", []byte("Due to our supplier we had a brutal week. Sorry, sorry."), true)
	if err != nil {
		t.Fatal(err)
	}
	x, n, fs := e.Features(d, lint.Context{Lang: "en"})
	if got, want := strings.Join(e.FeatureIDs(), ","), "suffers,cause,apology,info,we-suffer,you-suffer,suffer-share,info-too"; got != want {
		t.Fatalf("features = %s, want %s", got, want)
	}
	// ln(1+n) of: 1 sentence, 1 sentence, 2 apologies, 0 warnings (info
	// only), the sender suffering in 1 sentence ("we" is the actor nearest
	// before "brutal week", not "our" nor the supplier), the reader in none;
	// then 1 of 2 sentences, and 1 finding counted with the hints.
	want := []float64{0.6931, 0.6931, 1.0986, 0, 0.6931, 0, 0.5, 0.6931}
	wantN := []int{1, 1, 2, 0, 1, 0, 1, 1}
	for i := range want {
		if d := x[i] - want[i]; d > 1e-3 || d < -1e-3 || n[i] != wantN[i] {
			t.Errorf("feature %s = %.4f (count %d), want %.4f (count %d)", e.FeatureIDs()[i], x[i], n[i], want[i], wantN[i])
		}
	}
	for _, f := range fs {
		if f.Rule == "authentic.statement" {
			t.Errorf("Features returned the head's own finding")
		}
	}
}

// TestModelOff checks that a head that is off never reports.
func TestModelOff(t *testing.T) {
	e := modelEngine(t, strings.Replace(modelPlaybook, "threshold: 0.5", "off: true\n      threshold: 0.5", 1))
	for _, f := range e.LintText("Due to our supplier we had a brutal week. We are exhausted.", lint.Context{Lang: "en"}) {
		if f.Rule == "authentic.statement" {
			t.Errorf("a head that is off reported: %+v", f)
		}
	}
}

// TestModelSubject checks who a subject feature reads as the one who
// suffers: the nearest actor before the cue, else the first after it.
func TestModelSubject(t *testing.T) {
	e := modelEngine(t, modelPlaybook)
	ids := e.FeatureIDs()
	at := func(id string) int { return slices.Index(ids, id) }
	for _, tc := range []struct {
		text     string
		we, you  int
		ourShare float64
	}{
		{"We had a brutal week.", 1, 0, 1},
		{"We know you had a brutal week.", 0, 1, 0},
		{"You had a brutal week because of our supplier.", 0, 1, 0},
		{"A brutal week for us. Your orders are late. Your refund is on its way.", 1, 0, 1.0 / 3},
		{"A brutal week, and nobody named.", 0, 0, 0},
		{"Our supplier had a brutal week.", 0, 0, 0},
		{"A brutal week for our supplier.", 0, 0, 0},
		{"A brutal week for us and our supplier.", 1, 0, 1},
	} {
		d, err := lint.Parse("x", []byte(tc.text), true)
		if err != nil {
			t.Fatal(err)
		}
		x, n, _ := e.Features(d, lint.Context{Lang: "en"})
		if n[at("we-suffer")] != tc.we || n[at("you-suffer")] != tc.you {
			t.Errorf("%q: sender suffers %d, reader suffers %d; want %d, %d", tc.text, n[at("we-suffer")], n[at("you-suffer")], tc.we, tc.you)
		}
		if d := x[at("suffer-share")] - tc.ourShare; d > 1e-9 || d < -1e-9 {
			t.Errorf("%q: share = %.3f, want %.3f", tc.text, x[at("suffer-share")], tc.ourShare)
		}
	}
}
