package lint_test

import (
	"strings"
	"testing"

	"github.com/crisis-comms/crisis/internal/lint"
	"github.com/crisis-comms/crisis/playbook"
)

// weighPlaybook has one rule of each strength per tone and four signals:
// an apology and steps (lexicon), a contact (a require rule), and a
// sympathy signal.
const weighPlaybook = `
playbook: 1
id: weigh
lang: en
principles:
  - {id: helpful, title: Helpful}
  - {id: authentic, title: Authentic}
  - {id: anchor, title: Anchor}
lexicon:
  event:    {en: [storm]}
  pride:    {en: [proud]}
  code:     {en: [promo code]}
  supplier: {en: [supplier]}
  sorry:    {en: [sorry]}
  steps:    {en: [from now on]}
  care:     {en: [how frustrating]}
  chat:     {en: [live chat]}
rules:
  - {id: helpful.event, principle: helpful, tone: promotional, severity: warning, message: An event named., strength: weak,
     terms: [event], examples: {bad: {en: [storm]}, good: {en: [calm]}}}
  - {id: helpful.pride, principle: helpful, tone: promotional, severity: warning, message: Pride.,
     terms: [pride], examples: {bad: {en: [proud]}, good: {en: [calm]}}}
  - {id: helpful.code, principle: helpful, tone: promotional, severity: error, message: A promo code., strength: strong,
     terms: [code], examples: {bad: {en: [promo code]}, good: {en: [calm]}}}
  - {id: authentic.supplier, principle: authentic, tone: whiny, severity: warning, message: A supplier blamed., strength: weak,
     terms: [supplier], examples: {bad: {en: [supplier]}, good: {en: [calm]}}}
  - id: anchor.contact
    principle: anchor
    tone: missing
    severity: error
    message: No contact.
    require: {element: contact, cues: [chat]}
    examples: {bad: {en: [calm]}, good: {en: [call 0800 123 456]}}
weighing:
  tones: [promotional, whiny]
  min: 4
  min_weak: 2
  message: 'Held down ({signals}).'
  signals:
    - {id: apology, title: an apology, groups: [sorry]}
    - {id: steps, title: steps, groups: [steps]}
    - {id: sympathy, title: sympathy, groups: [care]}
    - {id: contact, title: a contact, rule: anchor.contact}
`

func TestWeighing(t *testing.T) {
	pb, err := playbook.Parse("weigh.yaml", []byte(weighPlaybook))
	if err != nil {
		t.Fatal(err)
	}
	e, err := lint.New(pb)
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name, text         string
		promotional, whiny bool
		// held names the signals a held-down finding must list.
		held string
	}{
		{"weak cue, two signals elsewhere", "We are sorry. The storm closed the shop. From now on we warn you a day ahead.", false, false, "(an apology, steps)"},
		{"weak cue, a require signal counts", "We are sorry. The storm closed the shop. Questions: live chat on our site.", false, false, "(an apology, a contact)"},
		{"weak cue, one signal", "We are sorry. The storm closed the shop.", true, false, ""},
		{"weak cue, signals only in its own sentence", "We are sorry the storm closed the shop, and from now on we warn you.", true, false, ""},
		{"two weak cues in two sentences", "We are sorry. The storm closed the shop. The storm is moving north. From now on we warn you.", true, false, ""},
		{"weak and normal cue in one sentence need min", "We are sorry. Proud that the storm did not close us. From now on we warn you.", true, false, ""},
		{"normal cue with min signals", "We are sorry. We are proud of the crew. From now on we warn you. How frustrating this is. Questions: live chat.", false, false,
			"(an apology, steps, sympathy, a contact)"},
		{"normal cue below min", "We are sorry. We are proud of the crew. From now on we warn you. Questions: live chat.", true, false, ""},
		{"strong cue is never weighed", "We are sorry. Use promo code SORRY. From now on we warn you. How frustrating this is. Questions: live chat.", true, false, ""},
		{"each tone weighed on its own", "We are sorry. Our supplier failed. From now on we warn you. Use promo code SORRY.", true, false, "(an apology, steps)"},
		{"weak whiny cue with a strong promotional one", "We are sorry. Our supplier failed. From now on we check. The storm is here: promo code STORM.", true, false, "(an apology, steps)"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			fs := e.LintText(tc.text, lint.Context{Lang: "en"})
			if got := lint.Flagged(fs, "promotional"); got != tc.promotional {
				t.Errorf("promotional = %v, want %v: %+v", got, tc.promotional, fs)
			}
			if got := lint.Flagged(fs, "whiny"); got != tc.whiny {
				t.Errorf("whiny = %v, want %v: %+v", got, tc.whiny, fs)
			}
			var notes []string
			for _, f := range fs {
				if f.Severity == "info" && strings.Contains(f.Message, "Held down") {
					notes = append(notes, f.Message)
				}
			}
			switch {
			case tc.held == "" && len(notes) > 0:
				t.Errorf("held down, want flagged or clean: %q", notes)
			case tc.held != "" && len(notes) == 0:
				t.Errorf("nothing held down, want the signals %s named: %+v", tc.held, fs)
			}
			for _, n := range notes {
				if !strings.HasSuffix(n, "Held down "+tc.held+".") {
					t.Errorf("held-down finding says %q, want it to name %s", n, tc.held)
				}
			}
		})
	}
}

// TestWeighingStatements holds the built-in weighing to long statements
// written for it (testdata/weighing.yaml): forty honest ones with one
// risky-looking sentence each, and twenty mixed ones with a real push or
// real blame. The weighing must never hold down the tone a mixed
// statement carries, and both kinds must stay within the figures reached:
// 1 of 40 honest ones flagged (4 before the weighing), 18 of 20 mixed ones
// flagged for their tone (14 before, when any "our mistake" in a statement
// cleared a discount code in it).
func TestWeighingStatements(t *testing.T) {
	entries, err := lint.LoadCorpus("testdata/weighing.yaml")
	if err != nil {
		t.Fatal(err)
	}
	engines := map[string]*lint.Engine{"en": builtin(t, "en"), "de": builtin(t, "de")}
	honest, honestFlagged, mixed, mixedFlagged := 0, 0, 0, 0
	for _, en := range entries {
		fs := engines[en.Lang].LintText(en.Text, lint.Context{Lang: en.Lang, Channel: en.Channel, Stage: en.Stage})
		if !en.Promotional && !en.Whiny {
			honest++
			if lint.Flagged(fs, "promotional") || lint.Flagged(fs, "whiny") {
				honestFlagged++
			}
			continue
		}
		mixed++
		tone := "promotional"
		if en.Whiny {
			tone = "whiny"
		}
		if lint.Flagged(fs, tone) {
			mixedFlagged++
		}
		for _, f := range fs {
			if f.Tone == tone && f.Severity == "info" && heldDown(f) {
				t.Errorf("%s: the weighing holds down its %s cue %s %q", en.ID, tone, f.Rule, f.Match)
			}
		}
	}
	if honest != 40 || mixed != 20 {
		t.Fatalf("weighing.yaml has %d honest and %d mixed statements, want 40 and 20", honest, mixed)
	}
	if honestFlagged > 1 {
		t.Errorf("%d of %d honest statements flagged, want at most 1", honestFlagged, honest)
	}
	if mixedFlagged < 18 {
		t.Errorf("%d of %d mixed statements flagged for their tone, want at least 18", mixedFlagged, mixed)
	}
	t.Logf("honest flagged %d of %d, mixed flagged %d of %d", honestFlagged, honest, mixedFlagged, mixed)
}

// heldDown reports whether the built-in weighing held a finding down: its
// message ends with the weighing's note in either language.
func heldDown(f lint.Finding) bool {
	return strings.Contains(f.Message, "Weighed against the whole statement") || strings.Contains(f.Message, "Im Ganzen gelesen")
}
