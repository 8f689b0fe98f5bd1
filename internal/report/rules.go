package report

import (
	"cmp"
	"fmt"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/crisis-comms/crisis/playbook"
)

// RulePagesBase is where the rule pages of the built-in rules are published
// (docs/rules/RULE.md in the repository); SARIF points each rule there.
const RulePagesBase = toolURI + "/blob/"

// RuleDoc describes one rule for people: SARIF rule metadata and the rule
// pages in docs/rules are both made from it. A rule id can be described by
// several playbooks (the German and the English built-in), so the text is
// kept per language.
type RuleDoc struct {
	ID        string
	Principle string
	Tone      string
	Severity  string
	// Strength is the rule's strength in the weighing: strong, weak, or
	// empty for normal.
	Strength string
	// Texts are the rule's descriptions, one per language, sorted by
	// language; the first is the one SARIF leads with.
	Texts []RuleText
}

// RuleText is a rule's description in one language.
type RuleText struct {
	Lang       string
	Message    string
	Why        string
	Suggestion string
	// Weighing says whether a statement that owns its crisis can hold a
	// finding of the rule down (see Weighing); empty when it cannot.
	Weighing string
	// PrincipleTitle and PrincipleSummary describe the principle behind
	// the rule.
	PrincipleTitle   string
	PrincipleSummary string
	Bad, Good        []string
}

// Name is the rule's friendly name in PascalCase, as SARIF asks for:
// helpful.sales-pitch becomes HelpfulSalesPitch.
func (d *RuleDoc) Name() string {
	var b strings.Builder
	up := true
	for _, r := range d.ID {
		if !unicode.IsLetter(r) && !unicode.IsDigit(r) {
			up = true
			continue
		}
		if up {
			r = unicode.ToUpper(r)
			up = false
		}
		b.WriteRune(r)
	}
	return b.String()
}

// toolRule is a rule built into the tool rather than a playbook: channel
// limits, congruence and the checks of suppression directives.
type toolRule struct {
	id, principle, tone, severity string
	text                          map[string]RuleText // by language
}

// The principle the tool's own rules belong to, per language.
var toolPrinciples = map[string]map[string][2]string{
	"channels": {
		"de": {"Kanäle", "Jeder Kanal hat Grenzen, und alle Kanäle einer Meldung sagen dasselbe."},
		"en": {"Channels", "Every channel has its limits, and every channel of one update says the same."},
	},
	"lint": {
		"de": {"Prüfung", "Eine Ausnahme von einer Regel ist begründet, damit das Team sie nachvollziehen kann."},
		"en": {"Linting", "An exception to a rule carries its reason, so that the team can follow it."},
	},
}

var toolRules = []toolRule{
	{id: "channels.congruence", principle: "channels", tone: "form", severity: "warning", text: map[string]RuleText{
		"de": {Message: "Die Nachrichten eines Updates widersprechen sich: ein Kanal nennt einen anderen Beginn, ein anderes Ende, eine andere Hotline, E-Mail-Adresse, einen anderen Link oder Betrag als ein anderer oder als facts.yaml (Hotline, E-Mail-Adresse und Link: Fehler; Beginn, Ende und Beträge: Warnung).",
			Why:        "Wer zwei verschiedene Nummern oder Uhrzeiten liest, glaubt keiner. Widersprüche kosten in der Krise mehr Vertrauen als jede Formulierung.",
			Suggestion: "Korrigieren Sie die falsche Angabe, sodass jeder Kanal dasselbe sagt.",
			Bad:        []string{"SMS: „Hotline 0800 123 4567“ – E-Mail: „Hotline 0800 123 4568“", "SMS: „gestört seit 7:40 Uhr“ – E-Mail: „gestört seit 8:10 Uhr“"},
			Good:       []string{"SMS: „gestört seit 7:40 Uhr“ – E-Mail: „seit 13:15 Uhr wieder gestört“ (ein anderes Ereignis, kein Widerspruch)"}},
		"en": {Message: "The messages of one update contradict each other: one channel gives another start, end, hotline, e-mail address, link or amount than another or than facts.yaml (hotline, e-mail address and link: error; start, end and amounts: warning).",
			Why:        "People who read two different numbers or times believe neither. In a crisis a contradiction costs more trust than any wording.",
			Suggestion: "Correct whichever is wrong so that every channel says the same.",
			Bad:        []string{`SMS: "Call 0800 123 4567" – e-mail: "Call 0800 123 4568"`, `SMS: "down since 7:40 am" – e-mail: "down since 8:10 am"`},
			Good:       []string{`SMS: "down since 7:40 am" – e-mail: "back up since 1:15 pm" (another event, no contradiction)`}},
	}},
	{id: "channels.next-update", principle: "channels", tone: "form", severity: "error", text: map[string]RuleText{
		"de": {Message: "Die Nachrichten eines Updates nennen verschiedene Zeitpunkte für das nächste Update – untereinander, gegenüber facts.yaml oder gegenüber next_update in ihrer eigenen Front Matter.",
			Why:        "Das nächste Update ist ein Versprechen. Wer um 9 Uhr nachsieht, weil die SMS es sagt, und in der E-Mail 10:30 Uhr liest, verliert das Vertrauen in beide.",
			Suggestion: "Korrigieren Sie die falsche Zeit, sodass jeder Kanal dasselbe nächste Update verspricht.",
			Bad:        []string{"SMS: „Nächstes Update um 9:00 Uhr.“ – E-Mail: „Wir melden uns um 10:30 Uhr wieder.“"},
			Good:       []string{"SMS und E-Mail: „Nächstes Update um 9:00 Uhr.“"}},
		"en": {Message: "The messages of one update promise the next update at different times – to each other, to facts.yaml or to next_update in their own front matter.",
			Why:        "The next update is a promise. Someone who checks back at 9 because the SMS said so and reads 10:30 in the e-mail trusts neither.",
			Suggestion: "Correct the wrong time so that every channel promises the same next update.",
			Bad:        []string{`SMS: "Next update at 9 am." – e-mail: "We will update you at 10:30 am."`},
			Good:       []string{`SMS and e-mail: "Next update at 9 am."`}},
	}},
	{id: "channels.max-chars", principle: "channels", tone: "form", severity: "warning", text: map[string]RuleText{
		"de": {Message: "Die Nachricht ist länger, als der Kanal erlaubt.",
			Why:        "Was über die Grenze geht, schneidet der Kanal ab, oder er nimmt die Nachricht gar nicht an – abgeschnitten wird oft gerade der Satz, wann das nächste Update kommt.",
			Suggestion: "Kürzen Sie auf das Wesentliche und verlinken Sie die Landing-Page für alles Weitere.",
			Bad:        []string{"Ein WhatsApp-Status mit 900 Zeichen Vorgeschichte."},
			Good:       []string{"Drei Sätze: was los ist, was Sie tun können, wann wir uns wieder melden – und der Link."}},
		"en": {Message: "The message is longer than the channel allows.",
			Why:        "What goes over the limit is cut off or refused by the channel – often the very sentence that says when the next update comes.",
			Suggestion: "Cut to the essentials and link the landing page for everything else.",
			Bad:        []string{"A WhatsApp status with 900 characters of background."},
			Good:       []string{"Three sentences: what is going on, what you can do, when we get back to you – and the link."}},
	}},
	{id: "channels.sms-segments", principle: "channels", tone: "form", severity: "warning", text: map[string]RuleText{
		"de": {Message: "Die SMS braucht mehr Teile, als der Kanal vorsieht.",
			Why:        "Jeder Teil kostet, kommt manchmal getrennt oder in falscher Reihenfolge an. Ein einziges Zeichen außerhalb von GSM-7 (etwa „ oder ein Emoji) lässt jeden Teil von 160 auf 70 Zeichen schrumpfen.",
			Suggestion: "Kürzen Sie, und ersetzen Sie typografische Anführungszeichen und Emojis durch \" und Text.",
			Bad:        []string{"„Wichtig“: Störung im Zahlungsverkehr 🙁 … (mit „ und Emoji UCS-2, 3 Teile)"},
			Good:       []string{"Stadtwerke: Zahlungen per Karte gehen gerade nicht. Bar zahlen geht. Update um 15 Uhr: stadtwerke.example.de/status"}},
		"en": {Message: "The SMS needs more segments than the channel allows.",
			Why:        "Every segment costs money and may arrive separately or out of order. A single character outside GSM-7 (such as “ or an emoji) shrinks every segment from 160 to 70 characters.",
			Suggestion: "Shorten it, and replace typographic quotes and emoji with \" and words.",
			Bad:        []string{"“Important”: card payments are down 🙁 … (UCS-2 because of “ and the emoji, 3 segments)"},
			Good:       []string{"City Power: card payments are down. Cash works. Next update 3 pm: citypower.example/status"}},
	}},
	{id: "channels.subject-length", principle: "channels", tone: "form", severity: "warning", text: map[string]RuleText{
		"de": {Message: "Der Betreff der E-Mail ist länger, als Mail-Apps auf dem Telefon zeigen.",
			Why:        "Der Betreff ist oft das Einzige, was gelesen wird. Was abgeschnitten wird, erreicht niemanden.",
			Suggestion: "Das Wichtigste nach vorn, höchstens etwa 60 Zeichen.",
			Bad:        []string{"Betreff: Informationen zur aktuellen Situation rund um die Störung unseres Online-Bankings seit heute Morgen"},
			Good:       []string{"Betreff: Online-Banking gestört – Karten funktionieren"}},
		"en": {Message: "The e-mail subject is longer than mail apps on a phone show.",
			Why:        "The subject is often all that gets read. What is cut off reaches nobody.",
			Suggestion: "Put what matters first, about 60 characters at most.",
			Bad:        []string{"Subject: Information about the current situation regarding the disruption of our online banking since this morning"},
			Good:       []string{"Subject: Online banking down – cards work"}},
	}},
	{id: "channels.x-length", principle: "channels", tone: "form", severity: "warning", text: map[string]RuleText{
		"de": {Message: "Der Post ist länger, als X erlaubt (gewichtete Länge; Links zählen 23, Emojis 2).",
			Why:        "X nimmt zu lange Posts nicht an; wer unter Zeitdruck kürzt, streicht oft das Falsche.",
			Suggestion: "Kürzen Sie auf eine Aussage, einen nächsten Schritt und den Link zur Landing-Page.",
			Bad:        []string{"Ein Post mit drei Absätzen Hintergrund."},
			Good:       []string{"Kartenzahlung gestört, bar geht. Update um 15 Uhr: stadtwerke.example.de/status"}},
		"en": {Message: "The post is longer than X allows (weighted length; links count 23, emoji 2).",
			Why:        "X refuses posts that are too long; cutting under time pressure often cuts the wrong part.",
			Suggestion: "Cut it to one statement, one next step and the link to the landing page.",
			Bad:        []string{"A post with three paragraphs of background."},
			Good:       []string{"Card payments down, cash works. Next update 3 pm: citypower.example/status"}},
	}},
	{id: "lint.suppression-reason", principle: "lint", tone: "form", severity: "warning", text: map[string]RuleText{
		"de": {Message: "Ein crisis-ignore ohne Begründung.",
			Why:        "Eine Ausnahme ohne Grund kann niemand prüfen; beim nächsten Update weiß keiner mehr, warum die Regel schwieg.",
			Suggestion: "Nennen Sie nach einem Doppelpunkt, warum der Text in Ordnung ist.",
			Bad:        []string{"<!-- crisis-ignore authentic.self-pity -->"},
			Good:       []string{"<!-- crisis-ignore authentic.self-pity: wir zitieren den Brief des Betriebsrats -->"}},
		"en": {Message: "A crisis-ignore without a reason.",
			Why:        "Nobody can review an exception without a reason; by the next update nobody knows why the rule was silenced.",
			Suggestion: "Say after a colon why the text is fine.",
			Bad:        []string{"<!-- crisis-ignore authentic.self-pity -->"},
			Good:       []string{"<!-- crisis-ignore authentic.self-pity: quoting the works council's letter -->"}},
	}},
	{id: "lint.suppression-unknown", principle: "lint", tone: "form", severity: "warning", text: map[string]RuleText{
		"de": {Message: "Ein crisis-ignore nennt keine oder eine unbekannte Regel.",
			Why:        "Ein Tippfehler in der Regel-ID schaltet nichts ab – der Befund bleibt, und die Ausnahme täuscht.",
			Suggestion: "Übernehmen Sie die Regel-ID aus dem Befund (crisis playbook show listet alle).",
			Bad:        []string{"<!-- crisis-ignore authentic.selfpity: Zitat -->"},
			Good:       []string{"<!-- crisis-ignore authentic.self-pity: Zitat einer Kundin -->"}},
		"en": {Message: "A crisis-ignore names no rule or an unknown one.",
			Why:        "A typo in the rule id silences nothing – the finding stays and the exception misleads.",
			Suggestion: "Copy the rule id from the finding (crisis playbook show lists them all).",
			Bad:        []string{"<!-- crisis-ignore authentic.selfpity: quote -->"},
			Good:       []string{"<!-- crisis-ignore authentic.self-pity: quoting a customer -->"}},
	}},
}

// isToolRule reports whether id is one of the tool's own rules.
func isToolRule(id string) bool {
	return slices.ContainsFunc(toolRules, func(r toolRule) bool { return r.id == id })
}

// RuleCatalog describes every rule of the given playbooks and the tool's
// own rules, sorted by id. Disabled rules are left out. A rule described
// by several playbooks has one text per language; where two playbooks of
// one language describe it, the first wins. The tool's own rules are
// described in the languages of the playbooks (English when there are
// none).
func RuleCatalog(pbs []*playbook.Playbook) []RuleDoc {
	byID := map[string]*RuleDoc{}
	langs := map[string]bool{}
	for _, pb := range pbs {
		lang := playbookLang(pb)
		langs[lang] = true
		for i := range pb.Rules {
			r := &pb.Rules[i]
			if r.Disabled {
				continue
			}
			d := byID[r.ID]
			if d == nil {
				d = &RuleDoc{ID: r.ID, Principle: r.Principle, Tone: r.Tone, Severity: r.Severity, Strength: r.Strength}
				byID[r.ID] = d
			}
			if slices.ContainsFunc(d.Texts, func(t RuleText) bool { return t.Lang == lang }) {
				continue
			}
			t := RuleText{Lang: lang, Message: r.Message, Why: r.Why, Suggestion: r.Suggestion,
				Bad: examplesIn(r.Examples.Bad, lang), Good: examplesIn(r.Examples.Good, lang)}
			_, t.Weighing = Weighing(pb, r)
			if p := pb.Principle(r.Principle); p != nil {
				t.PrincipleTitle, t.PrincipleSummary = p.Title, p.Summary
			}
			d.Texts = append(d.Texts, t)
		}
	}
	if len(langs) == 0 {
		langs["en"] = true
	}
	for _, tr := range toolRules {
		d := &RuleDoc{ID: tr.id, Principle: tr.principle, Tone: tr.tone, Severity: tr.severity}
		for lang := range langs {
			t, ok := tr.text[lang]
			if !ok {
				t = tr.text["en"]
			}
			t.Lang = lang
			p := toolPrinciples[tr.principle][lang]
			if p[0] == "" {
				p = toolPrinciples[tr.principle]["en"]
			}
			t.PrincipleTitle, t.PrincipleSummary = p[0], p[1]
			d.Texts = append(d.Texts, t)
		}
		if _, ok := byID[tr.id]; !ok {
			byID[tr.id] = d
		}
	}
	out := make([]RuleDoc, 0, len(byID))
	for _, d := range byID {
		slices.SortFunc(d.Texts, func(a, b RuleText) int { return cmp.Compare(a.Lang, b.Lang) })
		out = append(out, *d)
	}
	slices.SortFunc(out, func(a, b RuleDoc) int { return cmp.Compare(a.ID, b.ID) })
	return out
}

// playbookLang is the language a playbook's texts are written in.
func playbookLang(pb *playbook.Playbook) string {
	if pb.Lang != "" {
		return pb.Lang
	}
	return "en"
}

// examplesIn returns the examples in lang, or all of them in language
// order when the playbook has none in its own language.
func examplesIn(m map[string][]string, lang string) []string {
	if ex := m[lang]; len(ex) > 0 {
		return ex
	}
	var out []string
	for _, l := range slices.Sorted(mapKeys(m)) {
		out = append(out, m[l]...)
	}
	return out
}

func mapKeys[V any](m map[string]V) func(func(string) bool) {
	return func(yield func(string) bool) {
		for k := range m {
			if !yield(k) {
				return
			}
		}
	}
}

// labels are the headings of a rule's help, per language.
var labels = map[string]ruleLabels{
	"de": {"Warum", "Stattdessen", "Wird gemeldet", "In Ordnung", "Grundsatz", "Deutsch", weighingTexts["de"].label},
	"en": {"Why", "Instead", "Flagged", "Fine", "Principle", "English", weighingTexts["en"].label},
}

type ruleLabels struct{ why, instead, bad, good, principle, lang, weighing string }

func labelsFor(lang string) ruleLabels {
	if l, ok := labels[lang]; ok {
		return l
	}
	l := labels["en"]
	l.lang = lang
	return l
}

// shortDescription is the first sentence of the message: code scanning
// shows it as the alert's title.
func (t *RuleText) shortDescription() string {
	s := oneLine(t.Message)
	for i, r := range s {
		if (r == '.' || r == ':' || r == '!' || r == '?') && (i+1 == len(s) || s[i+1] == ' ') {
			if i > 20 {
				return clip(strings.TrimRight(s[:i], ":")+".", 200)
			}
		}
	}
	return clip(s, 200)
}

// fullDescription is the message and the reason behind the rule, within
// the 1024 bytes code scanning keeps.
func (t *RuleText) fullDescription() string {
	return clip(joinNonEmpty(" ", oneLine(t.Message), oneLine(t.Why)), 1000)
}

// clip shortens s to at most max bytes, at a word boundary where there is
// one, and marks the cut with an ellipsis.
func clip(s string, max int) string {
	if len(s) <= max {
		return s
	}
	cut := max - len("…")
	for cut > 0 && !utf8.RuneStart(s[cut]) {
		cut--
	}
	if sp := strings.LastIndexByte(s[:cut], ' '); sp > cut/2 {
		cut = sp
	}
	return strings.TrimRight(s[:cut], " ,;:") + "…"
}

// helpText is the plain-text help: message, why, suggestion, examples.
func (d *RuleDoc) helpText() string {
	var parts []string
	for i := range d.Texts {
		t := &d.Texts[i]
		l := labelsFor(t.Lang)
		var b strings.Builder
		if len(d.Texts) > 1 {
			fmt.Fprintf(&b, "[%s]\n", l.lang)
		}
		b.WriteString(oneLine(t.Message))
		if t.Why != "" {
			fmt.Fprintf(&b, "\n\n%s: %s", l.why, oneLine(t.Why))
		}
		if t.Suggestion != "" {
			fmt.Fprintf(&b, "\n\n%s: %s", l.instead, oneLine(t.Suggestion))
		}
		if t.Weighing != "" {
			fmt.Fprintf(&b, "\n\n%s: %s", l.weighing, t.Weighing)
		}
		for _, ex := range []struct {
			label string
			list  []string
		}{{l.bad, t.Bad}, {l.good, t.Good}} {
			if len(ex.list) > 0 {
				fmt.Fprintf(&b, "\n\n%s:", ex.label)
				for _, s := range ex.list {
					fmt.Fprintf(&b, "\n- %s", oneLine(s))
				}
			}
		}
		if t.PrincipleTitle != "" {
			fmt.Fprintf(&b, "\n\n%s: %s", l.principle, joinNonEmpty(" – ", t.PrincipleTitle, oneLine(t.PrincipleSummary)))
		}
		parts = append(parts, b.String())
	}
	return strings.Join(parts, "\n\n")
}

// Markdown is the rule's help in Markdown: code scanning shows it under
// the alert, and the rule pages in docs/rules are made of it.
func (d *RuleDoc) Markdown(headingLevel int) string {
	h := strings.Repeat("#", headingLevel)
	var b strings.Builder
	for i := range d.Texts {
		t := &d.Texts[i]
		l := labelsFor(t.Lang)
		if i > 0 {
			b.WriteString("\n")
		}
		if len(d.Texts) > 1 {
			fmt.Fprintf(&b, "%s %s\n\n", h, l.lang)
		}
		fmt.Fprintf(&b, "%s\n", mdEscape(oneLine(t.Message)))
		if t.Why != "" {
			fmt.Fprintf(&b, "\n**%s:** %s\n", l.why, mdEscape(oneLine(t.Why)))
		}
		if t.Suggestion != "" {
			fmt.Fprintf(&b, "\n**%s:** %s\n", l.instead, mdEscape(oneLine(t.Suggestion)))
		}
		if t.Weighing != "" {
			fmt.Fprintf(&b, "\n**%s:** %s\n", l.weighing, mdEscape(t.Weighing))
		}
		for _, ex := range []struct {
			label, mark string
			list        []string
		}{{l.bad, "✗", t.Bad}, {l.good, "✓", t.Good}} {
			if len(ex.list) > 0 {
				fmt.Fprintf(&b, "\n**%s:**\n\n", ex.label)
				for _, s := range ex.list {
					fmt.Fprintf(&b, "- %s %s\n", ex.mark, mdEscape(oneLine(s)))
				}
			}
		}
		if t.PrincipleTitle != "" {
			fmt.Fprintf(&b, "\n**%s:** %s\n", l.principle,
				mdEscape(joinNonEmpty(" – ", t.PrincipleTitle, oneLine(t.PrincipleSummary))))
		}
	}
	return b.String()
}

// RulePage is the page docs/rules/ID.md of a built-in rule.
func (d *RuleDoc) RulePage() string {
	var b strings.Builder
	fmt.Fprintf(&b, "<!-- Generated from the built-in playbooks by `go test ./internal/report -run TestRulePages -update`; do not edit. -->\n\n")
	fmt.Fprintf(&b, "# %s\n\n", d.ID)
	fmt.Fprintf(&b, "| principle | tone | severity |\n|---|---|---|\n| %s | %s | %s |\n\n", d.Principle, d.Tone, d.Severity)
	b.WriteString(d.Markdown(2))
	fmt.Fprintf(&b, "\nSilence it for one passage with a reason: `<!-- crisis-ignore %s: why the text is fine -->`;\n", d.ID)
	fmt.Fprintf(&b, "switch it off or change its severity for some files in `.crisis.yaml` (`overrides: [{files: [...], rules: {%s: off}}]`).\n", d.ID)
	return b.String()
}

// mdEscape keeps text from being read as Markdown or HTML: example
// sentences quote `<!-- crisis-ignore … -->` and prices with *.
func mdEscape(s string) string {
	var b strings.Builder
	for _, r := range s {
		switch r {
		case '\\', '`', '*', '_', '[', ']', '<', '>', '#', '|':
			b.WriteByte('\\')
		}
		b.WriteRune(r)
	}
	return b.String()
}

func oneLine(s string) string { return strings.Join(strings.Fields(s), " ") }

func joinNonEmpty(sep string, parts ...string) string {
	var out []string
	for _, p := range parts {
		if p = strings.TrimSpace(p); p != "" {
			out = append(out, p)
		}
	}
	return strings.Join(out, sep)
}
