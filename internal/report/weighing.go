package report

import (
	"fmt"
	"slices"
	"strings"

	"github.com/crisis-comms/crisis/playbook"
)

// weighingTexts say, per language, how a rule's findings are weighed
// against the whole statement (see playbook.Weighing).
var weighingTexts = map[string]struct {
	label, strong, weak, normalLead, normal, unweighed string
	// tones finishes "the only sentence that …" for a weighed tone;
	// otherTone for a tone it does not name.
	tones            map[string]string
	otherTone        string
	strongs, weakish string // the strengths as unweighed names them
}{
	"de": {
		label:      "Abwägung",
		strong:     "eine starke Regel – sie meldet immer, auch wenn der Rest der Meldung Verantwortung übernimmt.",
		weak:       "eine schwache Regel, denn was sie findet, ist oft ehrlich gemeint. ",
		normalLead: "eine Regel normaler Stärke. ",
		normal:     "Ist der gemeldete Satz der einzige, der %s, wird der Befund zum bloßen Hinweis (info), sobald die übrigen Sätze mindestens %d hiervon zeigen: %s.",
		unweighed:  "als %s markiert, doch dieses Playbook wägt ihre Befunde nicht gegen die ganze Meldung ab: Sie meldet immer.",
		tones: map[string]string{"promotional": "nach Werbung klingt", "whiny": "nach Jammern klingt",
			"spin": "nach Schönfärberei klingt", "distant": "distanziert klingt"},
		otherTone: "als „%s“ gemeldet wird",
		strongs:   "stark", weakish: "schwach",
	},
	"en": {
		label:      "Weighing",
		strong:     "a strong rule – it always flags, however well the rest of the statement owns the crisis.",
		weak:       "a weak rule, since what it finds is often meant honestly. ",
		normalLead: "a rule of normal strength. ",
		normal:     "If the sentence it flags is the only one that %s, the finding drops to a note (info) once the other sentences show at least %d of these: %s.",
		unweighed:  "marked %s, but this playbook does not weigh this rule's findings against the whole statement: it always flags.",
		tones: map[string]string{"promotional": "sounds promotional", "whiny": "sounds whiny",
			"spin": "reads as spin", "distant": "sounds distant"},
		otherTone: "is flagged as %s",
		strongs:   "strong", weakish: "weak",
	},
}

// Weighing says in the playbook's language whether a finding of rule r
// can be held down by a statement that owns its crisis: never for a
// strong rule, and for a weak or normal one which signals, and how many,
// the rest of the statement must show. label heads the sentence
// ("Weighing"); text is empty when the rule has no strength and the
// playbook does not weigh its tone.
func Weighing(pb *playbook.Playbook, r *playbook.Rule) (label, text string) {
	t, ok := weighingTexts[playbookLang(pb)]
	if !ok {
		t = weighingTexts["en"]
	}
	w := pb.Weighing
	if w == nil || !slices.Contains(w.Tones, r.Tone) {
		switch r.Strength {
		case "strong":
			return t.label, fmt.Sprintf(t.unweighed, t.strongs)
		case "weak":
			return t.label, fmt.Sprintf(t.unweighed, t.weakish)
		}
		return t.label, ""
	}
	if r.Strength == "strong" {
		return t.label, t.strong
	}
	// A signal read by a disabled rule is not read at all.
	var signals []string
	for _, s := range w.Signals {
		if s.Rule != "" {
			if sr := pb.Rule(s.Rule); sr == nil || sr.Disabled {
				continue
			}
		}
		signals = append(signals, strings.TrimSpace(s.Title))
	}
	tone, ok := t.tones[r.Tone]
	if !ok {
		tone = fmt.Sprintf(t.otherTone, r.Tone)
	}
	need, lead := w.Min, t.normalLead
	if r.Strength == "weak" {
		need, lead = w.MinWeak, t.weak
		if need == 0 {
			need = w.Min
		}
	}
	return t.label, lead + fmt.Sprintf(t.normal, tone, need, strings.Join(signals, ", "))
}
