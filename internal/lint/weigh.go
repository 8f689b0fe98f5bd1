package lint

import (
	"math/bits"
	"strings"

	"github.com/crisis-comms/crisis/playbook"
)

// weighing is a playbook's Weighing compiled for linting.
type weighing struct {
	*playbook.Weighing
	min     int
	minWeak int
	signals []weighSignal
	// detectors counts the signals read by a require rule.
	detectors int
	// strength is the strength of every rule that has one (rule id →
	// strong or weak).
	strength map[string]string
}

type weighSignal struct {
	title  string
	groups []int32
	rule   *rule // a require rule whose element counts; nil for groups
}

// compileWeighing resolves a playbook's weighing against the engine's
// groups and rules.
func compileWeighing(w *playbook.Weighing, ids func([]string) []int32, rules []*rule) *weighing {
	out := &weighing{Weighing: w, min: w.Min, minWeak: w.MinWeak, strength: map[string]string{}}
	for _, r := range rules {
		if r.Strength != "" {
			out.strength[r.ID] = r.Strength
		}
	}
	if out.minWeak == 0 {
		out.minWeak = out.min
	}
	for _, s := range w.Signals {
		ws := weighSignal{title: s.Title, groups: ids(s.Groups)}
		if s.Rule != "" {
			for _, r := range rules {
				if r.ID == s.Rule && r.k == kindRequire {
					ws.rule = r
				}
			}
			if ws.rule == nil {
				continue // disabled: the signal cannot be read
			}
		}
		if ws.rule != nil {
			out.detectors++
		}
		out.signals = append(out.signals, ws)
	}
	return out
}

// weigh holds down a lone cue of a weighed tone in a statement that owns
// its crisis (see playbook.Weighing): the findings of the tone stay, at
// info, and name the signals that outweighed them.
func (ev *evaluation) weigh(w *weighing) {
	for _, tone := range w.Tones {
		sentence, weak, ok := ev.loneCue(w, tone)
		if !ok {
			continue
		}
		need := w.min
		if weak {
			need = w.minWeak
		}
		shown := ev.signals(w, sentence, need)
		if bits.OnesCount64(shown) < need {
			continue
		}
		names := make([]string, 0, bits.OnesCount64(shown))
		for i, s := range w.signals {
			if shown&(1<<i) != 0 {
				names = append(names, s.title)
			}
		}
		note := " " + strings.ReplaceAll(strings.TrimSpace(w.Message), "{signals}", strings.Join(names, ", "))
		for i := range ev.findings {
			f := &ev.findings[i]
			if f.Tone == tone && severityRank(f.Severity) >= severityRank("warning") {
				f.Severity = "info"
				f.Message += note
			}
		}
	}
}

// loneCue reports whether the findings of tone at warning or error lie in
// one sentence with no strong rule among them, which sentence, and
// whether all their rules are weak.
func (ev *evaluation) loneCue(w *weighing, tone string) (sentence int32, weak, ok bool) {
	sentence, weak = -1, true
	for i := range ev.findings {
		f := &ev.findings[i]
		if f.Tone != tone || severityRank(f.Severity) < severityRank("warning") {
			continue
		}
		strength := w.strength[f.Rule]
		if strength == "strong" {
			return -1, false, false
		}
		s := ev.sentenceAt(f.Offset)
		if s < 0 || sentence >= 0 && s != sentence {
			return -1, false, false
		}
		sentence = s
		weak = weak && strength == "weak"
	}
	return sentence, weak, sentence >= 0
}

// signals returns the set of signals (bit i: w.signals[i]) the statement
// shows outside sentence. The lexicon signals are all looked up; the
// require detectors run only while fewer than need are found.
func (ev *evaluation) signals(w *weighing, sentence int32, need int) uint64 {
	var shown uint64
	n := 0
	a := ev.a
	for i, s := range w.signals {
		if s.rule != nil {
			continue
		}
		for _, g := range s.groups {
			if hitOutside(a, g, sentence) {
				shown |= 1 << i
				n++
				break
			}
		}
	}
	// The detectors cost more than the lookups: none runs when all of
	// them together could not make up the shortfall.
	if n >= need || n+w.detectors < need {
		return shown
	}
	for i, s := range w.signals {
		if n >= need {
			break
		}
		if s.rule != nil && ev.hasElement(s.rule) {
			shown |= 1 << i
			n++
		}
	}
	return shown
}

// hitOutside reports whether group g has a hit in a sentence other than s.
func hitOutside(a *analysis, g int32, s int32) bool {
	for _, hi := range a.groupHits[g] {
		if a.tokens[a.hits[hi].tok].sentence != s {
			return true
		}
	}
	return false
}

// hasElement reports whether the statement has what require rule r looks
// for, whatever the channel requires.
func (ev *evaluation) hasElement(r *rule) bool {
	switch r.Require.Element {
	case "next-update":
		return ev.hasNextUpdate(r)
	case "contact":
		return ev.hasContact(r)
	case "link":
		return ev.hasHelpLink(r)
	case "phone":
		return ev.hasPhone()
	}
	return false
}
