// Package listen triages incoming messages — comments, mails, direct
// messages — for `crisis listen` and `crisis reply`: what kind of message
// each is (a question, a worry, a complaint, a rumour, …), whether
// someone's safety is at stake, what it is about, and which fact of the
// latest update answers it. The words and rules come from the playbook's
// listen section; every label names the cue that set it.
package listen

import (
	"fmt"
	"slices"
	"strings"
	"unicode"

	"github.com/crisis-comms/crisis/internal/incident"
	"github.com/crisis-comms/crisis/internal/lint"
	"github.com/crisis-comms/crisis/playbook"
)

// topicPrefix names the internal lint rules that find a topic.
const topicPrefix = "topic:"

// threshold is the score at which a message gets a label. Weights are
// decimals such as 0.6: allow for their rounding.
const threshold = 1 - 1e-9

// shortMessage is the number of spaces below which a message is judged in
// both languages before one is picked.
const shortMessage = 12

// Cue is what set a label: the rule and the words it matched.
type Cue struct {
	Label string `json:"label"`
	Rule  string `json:"rule"`
	Match string `json:"match"`
}

// Result is a message with its labels.
type Result struct {
	Message
	Kinds []string `json:"kinds"`
	// Urgent marks a message where someone's safety or health is at risk;
	// Reason says what is at stake and Cue the words that said so.
	Urgent bool   `json:"urgent"`
	Reason string `json:"reason,omitempty"`
	Cue    string `json:"cue,omitempty"`
	Topic  string `json:"topic,omitempty"`
	// AnsweredBy is the fact of the latest update that answers the topic,
	// empty when none does (or no update was given).
	AnsweredBy string `json:"answered_by,omitempty"`
	Cues       []Cue  `json:"cues"`
}

// Has reports whether the result carries kind.
func (r *Result) Has(kind string) bool { return slices.Contains(r.Kinds, kind) }

// Classifier labels messages with a playbook's listen section.
type Classifier struct {
	engine *lint.Engine
	listen *playbook.Listen
	cues   map[string]*cueRule // by lint rule id
	lang   string
	facts  *factIndex
}

// maxKinds bounds the number of kinds, for the per-message score arrays.
const maxKinds = 16

// cueRule is a listen rule as the classifier uses it, or a topic.
type cueRule struct {
	*playbook.ListenRule
	kind    int  // index in playbook.Kinds
	against bool // the label is not-KIND
	urgent  bool
	topic   int // index in the listen topics, -1 for a cue
}

// New compiles the listen section of pb. lang is the language assumed
// when a message gives no signal of its own.
func New(pb *playbook.Playbook, lang string) (*Classifier, error) {
	l := pb.ListenSection()
	if l == nil || len(l.Rules) == 0 {
		return nil, fmt.Errorf("playbook %s has no listen section: extend builtin:de or builtin:en, or add listen: rules", pb.Source)
	}
	if lang == "" {
		lang = pb.Lang
	}
	syn := &playbook.Playbook{Version: playbook.SchemaVersion, ID: pb.ID + "-listen", Lang: lang, Lexicon: l.Lexicon}
	c := &Classifier{listen: l, cues: map[string]*cueRule{}, lang: lang}
	for i := range l.Rules {
		r := &l.Rules[i]
		if r.Disabled {
			continue
		}
		kind, against := strings.CutPrefix(r.Label, playbook.NotPrefix)
		c.cues[r.ID] = &cueRule{ListenRule: r, kind: slices.Index(playbook.Kinds, kind), against: against,
			urgent: r.Label == playbook.UrgentLabel, topic: -1}
		syn.Rules = append(syn.Rules, playbook.Rule{ID: r.ID, Principle: "community", Tone: "listen", Severity: "info",
			Message: r.Label, Langs: r.Langs, Terms: r.Terms, Pattern: r.Pattern, Sentence: r.Sentence,
			Metric: r.Metric, Unless: r.Unless})
	}
	for i, t := range l.Topics {
		c.cues[topicPrefix+t.ID] = &cueRule{topic: i}
		syn.Rules = append(syn.Rules, playbook.Rule{ID: topicPrefix + t.ID, Principle: "community", Tone: "listen",
			Severity: "info", Message: t.ID, Terms: t.Terms})
	}
	e, err := lint.New(syn)
	if err != nil {
		return nil, fmt.Errorf("listen rules: %w", err)
	}
	c.engine = e
	return c, nil
}

// Topic returns the listen topic with the given id, or nil.
func (c *Classifier) Topic(id string) *playbook.Topic { return c.listen.Topic(id) }

// Classify labels one message.
func (c *Classifier) Classify(m Message) Result {
	res := Result{Message: m}
	fired := c.fire(m.Text, m.Lang)
	res.Lang = fired.lang
	// Per kind (indexed as playbook.Kinds): the score, and the strongest
	// cue that raised it.
	var scores, bestWeight [maxKinds]float64
	var best [maxKinds]Cue
	var urgency, urgentWeight float64
	var seen []*cueRule // each rule counts once, however often it matches
	topicHits := make([]int, len(c.listen.Topics))
	var hearsay, claim string
	for _, f := range fired.findings {
		r := c.cues[f.Rule]
		if r == nil {
			continue
		}
		if r.topic >= 0 {
			topicHits[r.topic]++
			continue
		}
		if slices.Contains(seen, r) {
			continue
		}
		seen = append(seen, r)
		switch r.ID {
		case "rumour.hearsay":
			hearsay = f.Match
		case "rumour.claim":
			claim = f.Match
		}
		w := r.Score()
		switch {
		case r.urgent:
			urgency += w
			// The reason is the strongest cue's; among equals the first.
			if w > urgentWeight {
				urgentWeight, res.Reason, res.Cue = w, r.Reason, f.Match
			}
		case r.against:
			scores[r.kind] -= w
		default:
			scores[r.kind] += w
			if w > bestWeight[r.kind] {
				bestWeight[r.kind] = w
				best[r.kind] = Cue{Label: r.Label, Rule: r.ID, Match: f.Match}
			}
		}
	}
	if urgency >= threshold {
		res.Urgent = true
	} else {
		res.Reason, res.Cue = "", ""
	}
	for i, k := range playbook.Kinds {
		if k == "other" || scores[i] < threshold {
			continue
		}
		if k == "rumour" && c.facts != nil && c.facts.confirms(m.Text, hearsay, claim) {
			continue
		}
		res.Kinds = append(res.Kinds, k)
		res.Cues = append(res.Cues, best[i])
	}
	if len(res.Kinds) == 0 {
		res.Kinds = []string{"other"}
	}
	if res.Cues == nil {
		res.Cues = []Cue{}
	}
	most := 0
	for i, n := range topicHits {
		if n > most {
			most, res.Topic = n, c.listen.Topics[i].ID
		}
	}
	if res.Topic != "" && c.facts != nil {
		res.AnsweredBy = c.facts.answers[res.Topic]
	}
	return res
}

type firing struct {
	findings []lint.Finding
	lang     string
}

// fire runs the cue rules over text. lang forces a language; empty means
// detect.
func (c *Classifier) fire(text, lang string) firing {
	if lang != "" && !slices.Contains(playbook.Languages, lang) {
		lang = ""
	}
	d, err := lint.Parse("<message>", []byte(text), false)
	if err != nil {
		return firing{lang: firstNonEmpty(lang, c.lang)}
	}
	defer d.Release()
	if lang == "" {
		// Function words decide the language, but a short message has few
		// ("Ernsthaft? Updates an einem Montagmorgen?" has only "an",
		// which English has too). Then the language whose cues find more
		// in it wins, and the function words break a tie.
		de, en := lint.DetectLanguage(d, "de"), lint.DetectLanguage(d, "en")
		lang = lint.DetectLanguage(d, c.lang)
		if de != en || strings.Count(text, " ") < shortMessage {
			fde := c.engine.Lint(d, lint.Context{Lang: "de"})
			fen := c.engine.Lint(d, lint.Context{Lang: "en"})
			switch {
			case len(fde) > len(fen), len(fde) == len(fen) && lang == "de":
				return firing{findings: fde, lang: "de"}
			}
			return firing{findings: fen, lang: "en"}
		}
	}
	fs, got := c.engine.LintLang(d, lint.Context{Lang: lang})
	return firing{findings: fs, lang: got}
}

// UseFacts makes the classifier judge against an update: which fact
// answers each topic, and which hearsay the facts confirm.
func (c *Classifier) UseFacts(f *incident.Facts) {
	if f == nil {
		c.facts = nil
		return
	}
	c.facts = c.indexFacts(f)
}

// factIndex is what the classifier needs of an update's facts.
type factIndex struct {
	answers   map[string]string // topic → fact id
	sentences []factSentence
	negation  map[string]bool // folded negation words of every language
}

type factSentence struct {
	words   []string        // lower-case words of the clause
	keys    map[string]bool // their keys, see key
	negated bool
}

// factFields are the text facts whose statements can confirm hearsay.
var factFields = []string{"headline", "what", "impact", "affected", "actions", "unknown", "help", "background",
	"prevention", "remedy", "empathy"}

func (c *Classifier) indexFacts(f *incident.Facts) *factIndex {
	m := f.Map()
	ix := &factIndex{answers: map[string]string{}, negation: map[string]bool{}}
	for _, terms := range c.listen.Lexicon["negation"] {
		for _, t := range terms {
			ix.negation[strings.ToLower(t)] = true
		}
	}
	lang := firstNonEmpty(f.Lang, c.lang)
	for _, t := range c.listen.Topics {
		for _, id := range t.Facts {
			v, _ := m[id].(string)
			if strings.TrimSpace(v) == "" {
				continue
			}
			if playbook.AnswersByPresence(id) || c.SpeaksOf(v, lang, t.ID) {
				ix.answers[t.ID] = id
				break
			}
		}
	}
	for _, id := range factFields {
		v, _ := m[id].(string)
		for _, cl := range clauses(v) {
			fs := factSentence{words: words(cl), keys: map[string]bool{}}
			for _, w := range fs.words {
				if k, ok := key(w); ok {
					fs.keys[k] = true
				}
			}
			fs.negated = ix.denies(fs.words)
			if len(fs.words) > 0 {
				ix.sentences = append(ix.sentences, fs)
			}
		}
	}
	return ix
}

// SpeaksOf reports whether text (in lang) is about topic.
func (c *Classifier) SpeaksOf(text, lang, topic string) bool {
	for _, f := range c.fire(text, lang).findings {
		if f.Rule == topicPrefix+topic {
			return true
		}
	}
	return false
}

// confirms reports whether the facts bear out what a rumour-like message
// asserts: the claim's words (or, for bare hearsay, a third of the
// message's content words) stand in one clause of the facts — the same
// first five letters, or the word inside a compound ("Kabel" in
// "Hochspannungskabel") — and that clause does not deny what the message
// affirms, or affirm what it denies.
func (ix *factIndex) confirms(text, hearsay, claimCue string) bool {
	var claim []string
	if claimCue != "" {
		claim = contentWords(claimCue, nil, 4)
	} else {
		skip := map[string]bool{}
		for _, w := range words(hearsay) {
			skip[w] = true
		}
		claim = contentWords(text, skip, 5)
	}
	if len(claim) == 0 {
		return false
	}
	// A third of the content words, at least two: a message carries
	// filler ("fingers crossed") that no update repeats.
	need := min(len(claim), max(2, (len(claim)+2)/3))
	claimKeys := make([]string, len(claim))
	for i, w := range claim {
		claimKeys[i], _ = key(w)
	}
	var msgClauses []string
	var found []string
	for _, s := range ix.sentences {
		found = found[:0]
		for i, w := range claim {
			if s.keys[claimKeys[i]] || len(w) >= 5 && slices.ContainsFunc(s.words, func(f string) bool { return strings.Contains(f, w) }) {
				found = append(found, w)
			}
		}
		if len(found) < need {
			continue
		}
		if msgClauses == nil {
			msgClauses = clauses(text)
		}
		// The message's stance: is a clause holding a found word denied?
		negated := false
		for _, cl := range msgClauses {
			ws := words(cl)
			if ix.denies(ws) && slices.ContainsFunc(found, func(w string) bool { return slices.Contains(ws, w) }) {
				negated = true
			}
		}
		if negated == s.negated {
			return true
		}
	}
	return false
}

// denies reports whether a clause holds a negation word.
func (ix *factIndex) denies(ws []string) bool {
	return slices.ContainsFunc(ws, func(w string) bool { return ix.negation[w] })
}

// contentWords are the words of s with at least minLen letters that are
// not in skip.
func contentWords(s string, skip map[string]bool, minLen int) []string {
	var out []string
	for _, w := range words(s) {
		if len([]rune(w)) >= minLen && !skip[w] {
			out = append(out, w)
		}
	}
	return out
}

// words splits s into lower-case words.
func words(s string) []string {
	return strings.FieldsFunc(strings.ToLower(s), func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) })
}

// key reduces a word to its first five letters, a stem good enough to
// match "Überweisungen" with "Überweisung" and "ausgeführt" with
// "ausgeführte"; words shorter than four letters carry no claim.
func key(w string) (string, bool) {
	r := []rune(w)
	if len(r) < 4 {
		return "", false
	}
	if len(r) > 5 {
		r = r[:5]
	}
	return string(r), true
}

// clauses cuts text at sentence ends, commas, colons, dashes and line
// breaks that a space follows: "a fault in the cable, not a cyber attack"
// holds two statements, "8:40" and "18.000" hold none.
func clauses(text string) []string {
	var out []string
	start := 0
	rs := []rune(text)
	for i, r := range rs {
		cut := r == '\n'
		if strings.ContainsRune(".!?;:,–—", r) {
			cut = i+1 == len(rs) || unicode.IsSpace(rs[i+1])
		}
		if cut {
			if cl := strings.TrimSpace(string(rs[start:i])); cl != "" {
				out = append(out, cl)
			}
			start = i + 1
		}
	}
	if cl := strings.TrimSpace(string(rs[start:])); cl != "" {
		out = append(out, cl)
	}
	return out
}

func firstNonEmpty(vals ...string) string {
	for _, v := range vals {
		if v != "" {
			return v
		}
	}
	return ""
}
