package lint

import (
	"strconv"
	"strings"
	"testing"

	"github.com/crisis-comms/crisis/playbook"
)

const testPlaybook = `
playbook: 1
id: test
lang: de
principles:
  - {id: helpful, title: Helpful}
  - {id: authentic, title: Authentic}
  - {id: anchor, title: Anchor}
lexicon:
  sales: {de: ["*rabatt*", gutscheincode, "jetzt kaufen"], en: [discount, "promo code", "buy now"]}
  comp:  {de: [entschädigung, erstattung], en: [compensation, refund]}
  self:  {de: [wir, uns, "unser*"], en: [we, us, our]}
  hard:  {de: [überfordert, "schwere zeit"], en: [overwhelmed, "tough time"]}
  cue:   {de: [update, informieren], en: [update]}
  when:  {de: [morgen], en: [tomorrow]}
  help:  {de: [chat], en: [chat]}
  shop:  {de: [shop, kollektion], en: [shop, store]}
  acro:  {de: [], en: []}
rules:
  - id: helpful.sales
    principle: helpful
    tone: promotional
    severity: warning
    message: Sales talk.
    terms: [sales]
    unless: [comp]
    examples: {bad: {de: [x]}, good: {de: [y]}}
  - id: authentic.self-pity
    principle: authentic
    tone: whiny
    severity: warning
    message: Self-pity.
    sentence: {all: [self, hard]}
    examples: {bad: {de: [x]}, good: {de: [y]}}
  - id: helpful.exclamations
    principle: helpful
    tone: promotional
    severity: info
    message: Too many exclamation marks.
    metric: {name: exclamations, max: 1}
    examples: {bad: {de: [x]}, good: {de: [y]}}
  - id: helpful.shouting
    principle: helpful
    tone: promotional
    severity: info
    message: Shouting.
    metric: {name: capitals, max: 0, groups: [acro]}
    examples: {bad: {de: [x]}, good: {de: [y]}}
  - id: helpful.free-pattern
    principle: helpful
    tone: promotional
    severity: info
    message: Percent off.
    pattern: '\d+\s?% (?:Rabatt|off)'
    examples: {bad: {de: [x]}, good: {de: [y]}}
  - id: anchor.next-update
    principle: anchor
    tone: missing
    severity: warning
    message: Say when the next update comes.
    require: {element: next-update, cues: [cue], when: [when]}
    examples: {bad: {de: [x]}, good: {de: [y]}}
  - id: anchor.contact
    principle: anchor
    tone: missing
    severity: warning
    message: Say where to get help.
    require: {element: contact, cues: [help], not: [shop]}
    examples: {bad: {de: [x]}, good: {de: [y]}}
channels:
  - {id: sms, title: SMS, require: [anchor.next-update, anchor.contact]}
`

func testEngine(t testing.TB) *Engine {
	t.Helper()
	pb, err := playbook.Parse("test.yaml", []byte(testPlaybook))
	if err != nil {
		t.Fatal(err)
	}
	e, err := New(pb)
	if err != nil {
		t.Fatal(err)
	}
	return e
}

func rules(fs []Finding) string {
	var ids []string
	for _, f := range fs {
		ids = append(ids, f.Rule+"@"+strconv.Itoa(f.Line)+":"+strconv.Itoa(f.Column)+"-"+strconv.Itoa(f.EndColumn)+"="+f.Match)
	}
	return strings.Join(ids, " ")
}

func TestEngine(t *testing.T) {
	e := testEngine(t)
	tests := []struct {
		name, text, channel, lang, want string
	}{
		{"compound word part", "Jetzt mit Corona-Sonderrabatt.", "", "de", "helpful.sales@1:18-30=Sonderrabatt"},
		{"inflection via stem", "We offer discounts.", "", "en", "helpful.sales@1:10-19=discounts"},
		{"phrase", "Buy now and save.", "", "en", "helpful.sales@1:1-8=Buy now"},
		{"unless clears", "Als Entschädigung erhalten Sie einen Gutscheincode.", "", "de", ""},
		{"code span is not voice", "Nutzen Sie `RABATT20` nicht.", "", "de", ""},
		{"url is not voice", "Siehe https://example.com/rabatt heute.", "", "de", ""},
		{"quote of others is not voice", "Ein Kunde schrieb: „Wir sind überfordert mit dem Rabatt“ – danke.", "", "de", ""},
		{"self-pity cooccurrence", "Wir sind völlig überfordert.", "", "de", "authentic.self-pity@1:1-28=Wir sind völlig überfordert"},
		{"no cooccurrence across sentences", "Wir arbeiten daran. Viele sind überfordert.", "", "de", ""},
		{"exclamations", "Danke! Wirklich! Super!", "", "de", "helpful.exclamations@1:16-17=!"},
		{"shouting", "Das ist WICHTIG.", "", "de", "helpful.shouting@1:9-16=WICHTIG"},
		{"pattern", "Heute 20 % Rabatt.", "", "de", "helpful.free-pattern@1:7-18=20 % Rabatt helpful.sales@1:12-18=Rabatt"},
		{"sms requires both", "Die Kasse ist gestört.", "sms", "de", "anchor.contact@1:1-23=Die Kasse ist gestört. anchor.next-update@1:1-23=Die Kasse ist gestört."},
		{"sms with both", "Störung. Nächstes Update um 15 Uhr. Hilfe: 0800 123 4567", "sms", "de", ""},
		{"shop link is no contact", "Update morgen. Neue Kollektion: shop.example.de/herbst", "sms", "de", "anchor.contact@1:1-55=Update morgen. Neue Kollektion: shop.example.de/herbst"},
		{"status link is contact", "Update morgen. Infos: status.example.de", "sms", "de", ""},
		{"since-time is no next update", "Seit 9:40 Uhr gestört, wir informieren Sie. Chat: example", "sms", "de", "anchor.next-update@1:1-58=Seit 9:40 Uhr gestört, wir informieren Sie. Chat: example"},
		{"ß folding", "STRASSE gesperrt, Update morgen, Chat offen.", "sms", "de", "helpful.shouting@1:1-8=STRASSE"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got := rules(e.LintText(tc.text, Context{Lang: tc.lang, Channel: tc.channel}))
			if got != tc.want {
				t.Errorf("%q\n got: %s\nwant: %s", tc.text, got, tc.want)
			}
		})
	}
}

func TestHotlineQuotesAreOwnVoice(t *testing.T) {
	e := testEngine(t)
	text := "Ansage: „Wir sind völlig überfordert, das ist alles.“"
	if got := rules(e.LintText(text, Context{Lang: "de", Channel: "email"})); got != "" {
		t.Errorf("quoted speech in an e-mail must not be judged, got %s", got)
	}
	got := rules(e.LintText(text, Context{Lang: "de", Channel: "hotline"}))
	if !strings.Contains(got, "authentic.self-pity") {
		t.Errorf("a hotline script's quotes are the agent's words and must be judged, got %q", got)
	}
}

// TestResultsIndependentOfHistory lints the corpus in one engine, whose
// pooled state carries over from file to file, and each message again in
// a fresh engine: the findings must not depend on what was linted before.
// The German playbook judges the English messages too, in a language it
// has no lexicon for — that once left stale sentence tables behind.
func TestResultsIndependentOfHistory(t *testing.T) {
	entries, err := LoadCorpus("testdata/corpus.yaml")
	if err != nil {
		t.Fatal(err)
	}
	pb, err := playbook.Load("builtin:de")
	if err != nil {
		t.Fatal(err)
	}
	shared, err := New(pb)
	if err != nil {
		t.Fatal(err)
	}
	langs := 0
	for i, en := range entries {
		ctx := Context{Lang: en.Lang, Channel: en.Channel}
		got := rules(shared.LintText(en.Text, ctx))
		if i%10 != 0 && en.Lang == "de" {
			continue // a fresh engine per message is slow; sample the rest
		}
		fresh, err := New(pb)
		if err != nil {
			t.Fatal(err)
		}
		if want := rules(fresh.LintText(en.Text, ctx)); got != want {
			t.Errorf("%s: after other messages %q, alone %q", en.ID, got, want)
		}
		if en.Lang == "en" {
			langs++
		}
	}
	if langs == 0 {
		t.Fatal("corpus has no English message to judge with the German playbook")
	}
}

func TestForTermWords(t *testing.T) {
	for _, term := range []string{"wir bedauern", " a-b/c\td ", "*team", "24/7", "", "--", "über-fällig", "e-mail adresse"} {
		var got []string
		forTermWords(term, func(w string) { got = append(got, w) })
		want := strings.FieldsFunc(term, func(r rune) bool { return r == ' ' || r == '-' || r == '/' || r == '\t' })
		if strings.Join(got, "|") != strings.Join(want, "|") || len(got) != len(want) {
			t.Errorf("%q: %q, want %q", term, got, want)
		}
	}
}
