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
	rules  map[string]*playbook.ListenRule
	lang   string
	facts  *factIndex
}

// New compiles the listen section of pb. lang is the language assumed
// when a message gives no signal of its own.
func New(pb *playbook.Playbook, lang string) (*Classifier, error) {
	l := pb.Listen
	if l == nil || len(l.Rules) == 0 {
		return nil, fmt.Errorf("playbook %s has no listen section: extend builtin:de or builtin:en, or add listen: rules", pb.Source)
	}
	if lang == "" {
		lang = pb.Lang
	}
	syn := &playbook.Playbook{Version: playbook.SchemaVersion, ID: pb.ID + "-listen", Lang: lang, Lexicon: l.Lexicon}
	c := &Classifier{listen: l, rules: map[string]*playbook.ListenRule{}, lang: lang}
	for i := range l.Rules {
		r := &l.Rules[i]
		if r.Disabled {
			continue
		}
		c.rules[r.ID] = r
		syn.Rules = append(syn.Rules, playbook.Rule{ID: r.ID, Principle: "community", Tone: "listen", Severity: "info",
			Message: r.Label, Langs: r.Langs, Terms: r.Terms, Pattern: r.Pattern, Sentence: r.Sentence,
			Metric: r.Metric, Unless: r.Unless})
	}
	for _, t := range l.Topics {
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

// Lang is the language assumed for messages that give no signal.
func (c *Classifier) Lang() string { return c.lang }

// Topic returns the listen topic with the given id, or nil.
func (c *Classifier) Topic(id string) *playbook.Topic { return c.listen.Topic(id) }

// Classify labels one message.
func (c *Classifier) Classify(m Message) Result {
	res := Result{Message: m}
	fired := c.fire(m.Text, m.Lang)
	res.Lang = fired.lang
	scores := map[string]float64{}
	best := map[string]Cue{}
	bestWeight := map[string]float64{}
	matches := map[string]string{}
	topicHits := map[string]int{}
	var urgency, urgentWeight float64
	for _, f := range fired.findings {
		if id, ok := strings.CutPrefix(f.Rule, topicPrefix); ok {
			topicHits[id]++
			continue
		}
		if _, seen := matches[f.Rule]; seen {
			continue
		}
		matches[f.Rule] = f.Match
		r := c.rules[f.Rule]
		if r.Label == playbook.UrgentLabel {
			urgency += r.Score()
			// The reason is the strongest cue's; among equals the first.
			if r.Score() > urgentWeight {
				urgentWeight, res.Reason, res.Cue = r.Score(), r.Reason, f.Match
			}
			continue
		}
		if kind, ok := strings.CutPrefix(r.Label, playbook.NotPrefix); ok {
			scores[kind] -= r.Score()
			continue
		}
		scores[r.Label] += r.Score()
		if w := r.Score(); w > bestWeight[r.Label] {
			bestWeight[r.Label] = w
			best[r.Label] = Cue{Label: r.Label, Rule: r.ID, Match: f.Match}
		}
	}
	if urgency >= threshold {
		res.Urgent = true
	} else {
		res.Reason, res.Cue = "", ""
	}
	for _, k := range playbook.Kinds {
		if k == "other" || scores[k] < threshold {
			continue
		}
		if k == "rumour" && c.facts != nil && c.facts.confirms(m.Text, matches, res.Lang) {
			continue
		}
		res.Kinds = append(res.Kinds, k)
		res.Cues = append(res.Cues, best[k])
	}
	if len(res.Kinds) == 0 {
		res.Kinds = []string{"other"}
	}
	if res.Cues == nil {
		res.Cues = []Cue{}
	}
	most := 0
	for _, t := range c.listen.Topics {
		if n := topicHits[t.ID]; n > most {
			most, res.Topic = n, t.ID
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
	words   []string // lower-case words of the clause
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
			fs := factSentence{words: words(cl)}
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
// message's content words) stand in one clause of the facts, and that
// clause does not deny what the message affirms, or affirm what it
// denies.
func (ix *factIndex) confirms(text string, matches map[string]string, _ string) bool {
	var claim []string
	if m, ok := matches["rumour.claim"]; ok {
		claim = contentWords(m, nil, 4)
	} else {
		skip := map[string]bool{}
		for _, w := range words(matches["rumour.hearsay"]) {
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
	msgClauses := clauses(text)
	for _, s := range ix.sentences {
		var found []string
		for _, w := range claim {
			if slices.ContainsFunc(s.words, func(f string) bool { return sameWord(w, f) }) {
				found = append(found, w)
			}
		}
		if len(found) < need {
			continue
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

// sameWord reports whether a word of a message and a word of the facts
// name the same thing: the same first five letters ("Überweisungen",
// "Überweisung"), or the message's word inside a compound of the facts
// ("Kabel" in "Hochspannungskabel").
func sameWord(msg, fact string) bool {
	if k, ok := key(msg); ok {
		if f, _ := key(fact); f == k {
			return true
		}
	}
	return len([]rune(msg)) >= 5 && strings.Contains(fact, msg)
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
