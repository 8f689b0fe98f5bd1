package draft

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/crisis-comms/crisis/internal/check"
	"github.com/crisis-comms/crisis/internal/compose"
	"github.com/crisis-comms/crisis/internal/incident"
)

// TestPreviewCountsAsLintDoes: the length the review shows is the length
// crisis lint reports for the written file, to the character.
func TestPreviewCountsAsLintDoes(t *testing.T) {
	f := &flow{st: &State{Lang: "de"}}
	if err := f.loadPlaybook("builtin:de"); err != nil {
		t.Fatal(err)
	}
	facts := &incident.Facts{Incident: "x", Stage: "initial", Lang: "de"}
	text := strings.Repeat("Die Kartenzahlung ist gestört. ", 12)
	dir := t.TempDir()
	for _, ch := range []string{"x", "sms"} {
		m := compose.NewMessage(facts, "de", ch, text)
		if err := os.WriteFile(filepath.Join(dir, m.FileName), []byte(m.Text), 0o644); err != nil {
			t.Fatal(err)
		}
		r, err := check.New(check.Options{Jobs: 1})
		if err != nil {
			t.Fatal(err)
		}
		res := r.Run([]string{filepath.Join(dir, m.FileName)})[0]
		var want string
		if ch == "x" {
			want = fmt.Sprintf("X %d/280", res.Stats.X.WeightedLength)
		} else {
			want = fmt.Sprintf("SMS %s, %d von", res.Stats.SMS.Encoding, res.Stats.SMS.Segments)
		}
		if got := f.stats(m); !strings.HasPrefix(got, want) {
			t.Errorf("%s: preview says %q, lint counts %q", ch, got, want)
		}
		var limitMsg string
		for _, x := range res.Findings {
			if x.Principle == "channels" {
				limitMsg = x.Message
			}
		}
		if _, body := f.preview(m, false); limitMsg == "" || !strings.Contains(body, limitMsg) {
			t.Errorf("%s: the preview does not show lint's limit finding %q:\n%s", ch, limitMsg, body)
		}
	}
}

func TestShortCounterCountsTheShortChannels(t *testing.T) {
	f := &flow{o: Options{Now: now}, st: &State{Lang: "de", Playbook: "builtin:de", Scenario: "it-outage", Stage: "initial",
		Facts: map[string]string{"what": "Die App ist gestört.", "headline": "App gestört", "next_update": "2026-11-23T15:00:00+01:00",
			"landing_page": "https://nordbank.example/stoerung", "hotline": "0800 000 00 00"}}}
	if err := f.loadPlaybook("builtin:de"); err != nil {
		t.Fatal(err)
	}
	got := f.shortCounter("Die App ist gestört, Bargeld gibt es am Schalter.")
	if !strings.Contains(got, "SMS GSM-7, 1 von höchstens 2 Segmenten") || !strings.Contains(got, "X ") || strings.Contains(got, "kürzen") {
		t.Errorf("counter for a short version that fits:\n%s", got)
	}
	got = f.shortCounter(strings.Repeat("Die App ist gestört. ", 14))
	if !strings.Contains(got, "die SMS braucht 3 Segmente (höchstens 2): um") || !strings.Contains(got, "X zählt") {
		t.Errorf("counter for a short version that is too long:\n%s", got)
	}
}

// TestFindingsTextNamesFoldedRules: a discount line gives one promotional
// finding in the review, and the rules folded into it are named, in the
// draft's language.
func TestFindingsTextNamesFoldedRules(t *testing.T) {
	for _, tc := range []struct{ lang, text, also string }{
		{"de", "Nur heute 20 % Rabatt mit Code SORRY20!", "Ebenso: "},
		{"en", "Save 30% on everything with code SORRY30 today only!", "Also: "},
	} {
		f := &flow{st: &State{Lang: tc.lang}}
		if err := f.loadPlaybook("builtin:" + tc.lang); err != nil {
			t.Fatal(err)
		}
		facts := &incident.Facts{Incident: "x", Stage: "initial", Lang: tc.lang}
		got := f.findingsText(compose.NewMessage(facts, tc.lang, "sms", tc.text))
		if n := strings.Count(got, "helpful.discount-code"); n != 1 {
			t.Errorf("%s: discount-code named %d times, want once:\n%s", tc.lang, n, got)
		}
		if !strings.Contains(got, tc.also+"helpful.") || !strings.Contains(got, "helpful.urgency") {
			t.Errorf("%s: the folded rules are not named:\n%s", tc.lang, got)
		}
	}
}
