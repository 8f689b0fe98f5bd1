package report

import (
	"fmt"
	"slices"
	"strings"

	"github.com/crisis-comms/crisis/playbook"
)

// weighingText holds the sentences that say how a rule's findings are
// weighed against the whole statement (see playbook.Weighing).
type weighingText struct {
	label string
	// strong: a strong rule always flags.
	strong string
	// weak and normal name a rule that can be weighed away; weakWhy says
	// why a weak one gives way sooner.
	weak, weakWhy, normal string
	// heldDown says when a finding is held down (the tone, the number of
	// signals, the signals); unreadable that it cannot be, for the
	// playbook reads fewer signals than it needs (the rule, the signals
	// read, the signals needed).
	heldDown, unreadable string
	// unweighed: the rule is marked (strongName or weakName), but its
	// tone is not weighed.
	unweighed, strongName, weakName string
	// tones finishes "the only sentence that …" for a weighed tone;
	// otherTone for a tone it does not name.
	tones     map[string]string
	otherTone string
}

var weighingTexts = map[string]weighingText{
	"de": {
		label:      "Abwägung",
		strong:     "eine starke Regel – sie meldet immer, auch wenn der Rest der Meldung Verantwortung übernimmt.",
		weak:       "eine schwache Regel",
		weakWhy:    ", denn was sie findet, ist oft ehrlich gemeint. ",
		normal:     "eine Regel normaler Stärke",
		heldDown:   "Ist der gemeldete Satz der einzige, der %s, wird der Befund zum bloßen Hinweis (info), sobald die übrigen Sätze mindestens %d hiervon zeigen: %s.",
		unreadable: "%s, doch dieses Playbook kann nur %d der %d Zeichen lesen, die es braucht, um einen Befund herabzustufen: Sie meldet immer.",
		unweighed:  "als %s markiert, doch dieses Playbook wägt ihre Befunde nicht gegen die ganze Meldung ab: Sie meldet immer.",
		strongName: "stark",
		weakName:   "schwach",
		tones: map[string]string{"promotional": "nach Werbung klingt", "whiny": "nach Jammern klingt",
			"spin": "nach Schönfärberei klingt", "distant": "distanziert klingt"},
		otherTone: "als „%s“ gemeldet wird",
	},
	"en": {
		label:      "Weighing",
		strong:     "a strong rule – it always flags, however well the rest of the statement owns the crisis.",
		weak:       "a weak rule",
		weakWhy:    ", since what it finds is often meant honestly. ",
		normal:     "a rule of normal strength",
		heldDown:   "If the sentence it flags is the only one that %s, the finding drops to a note (info) once the other sentences show at least %d of these: %s.",
		unreadable: "%s, but this playbook can read only %d of the %d signals it needs to hold a finding down: it always flags.",
		unweighed:  "marked %s, but this playbook does not weigh this rule's findings against the whole statement: it always flags.",
		strongName: "strong",
		weakName:   "weak",
		tones: map[string]string{"promotional": "sounds promotional", "whiny": "sounds whiny",
			"spin": "reads as spin", "distant": "sounds distant"},
		otherTone: "is flagged as %s",
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
			return t.label, fmt.Sprintf(t.unweighed, t.strongName)
		case "weak":
			return t.label, fmt.Sprintf(t.unweighed, t.weakName)
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
	need, name, lead := w.Min, t.normal, t.normal+". "
	if r.Strength == "weak" {
		need, name, lead = w.MinWeak, t.weak, t.weak+t.weakWhy
		if need == 0 {
			need = w.Min
		}
	}
	if len(signals) < need {
		return t.label, fmt.Sprintf(t.unreadable, name, len(signals), need)
	}
	return t.label, lead + fmt.Sprintf(t.heldDown, tone, need, strings.Join(signals, ", "))
}
