package playbook

import (
	"regexp"
	"slices"
	"strings"
	"sync"

	"go.yaml.in/yaml/v3"
)

// Kinds are the labels `crisis listen` gives an incoming message, in the
// order of how much they need the team: a worried person before a
// complaint, a complaint before praise.
var Kinds = []string{"worry", "question", "anger", "complaint", "rumour", "insult", "praise", "spam", "other"}

// UrgentLabel is the label of listen rules that mark a message urgent.
const UrgentLabel = "urgent"

// NotPrefix marks a listen rule's label as evidence against a kind
// ("not-praise" for the "thanks" in "thanks for nothing").
const NotPrefix = "not-"

// presenceFacts answer a topic by being there (a time, a phone number, an
// address); a text fact answers only when it speaks of the topic.
var presenceFacts = []string{"next_update", "hotline", "email", "landing_page"}

// Listen is how `crisis listen` reads incoming messages: its own lexicon
// (categories of meaning per language), the rules that turn matches into
// labels, and the topics people ask about.
type Listen struct {
	Lexicon Lexicon      `yaml:"lexicon,omitempty" json:"lexicon,omitempty"`
	Rules   []ListenRule `yaml:"rules,omitempty" json:"rules,omitempty"`
	Topics  []Topic      `yaml:"topics,omitempty" json:"topics,omitempty"`

	lexiconPos map[string]pos
}

// ListenRule is one cue for a label. When it fires on a message, Weight is
// added to the label's score; a message gets a kind when its score
// reaches 1. Exactly one of Terms, Pattern, Sentence or Metric says what
// the cue is, as in a lint rule.
type ListenRule struct {
	ID string `yaml:"id" json:"id"`
	// Label is a kind (see Kinds), not-KIND for evidence against one, or
	// urgent.
	Label string `yaml:"label" json:"label"`
	// Weight is what the cue adds to the label's score (default 1).
	Weight float64 `yaml:"weight,omitempty" json:"weight,omitempty"`
	// Reason says, for urgent rules, what is at stake ("health",
	// "violence"), in the team's words.
	Reason   string    `yaml:"reason,omitempty" json:"reason,omitempty"`
	Langs    []string  `yaml:"langs,omitempty" json:"langs,omitempty"`
	Terms    []string  `yaml:"terms,omitempty" json:"terms,omitempty"`
	Pattern  string    `yaml:"pattern,omitempty" json:"pattern,omitempty"`
	Sentence *Sentence `yaml:"sentence,omitempty" json:"sentence,omitempty"`
	Metric   *Metric   `yaml:"metric,omitempty" json:"metric,omitempty"`
	Unless   []string  `yaml:"unless,omitempty" json:"unless,omitempty"`
	Disabled bool      `yaml:"disabled,omitempty" json:"disabled,omitempty"`
	// Examples are messages the cue must fire on (Match) and must not
	// (Miss), per language; the test suite runs them.
	Examples ListenExamples `yaml:"examples" json:"examples"`
	pos      pos
}

// Kind names the cue's kind: terms, pattern, sentence or metric.
func (r *ListenRule) Kind() string {
	switch {
	case len(r.Terms) > 0:
		return "terms"
	case r.Pattern != "":
		return "pattern"
	case r.Sentence != nil:
		return "sentence"
	case r.Metric != nil:
		return "metric"
	}
	return ""
}

// Score is the rule's weight, 1 when none is given.
func (r *ListenRule) Score() float64 {
	if r.Weight == 0 {
		return 1
	}
	return r.Weight
}

// ListenExamples are messages a listen rule must and must not fire on.
type ListenExamples struct {
	Match map[string][]string `yaml:"match,omitempty" json:"match,omitempty"`
	Miss  map[string][]string `yaml:"miss,omitempty" json:"miss,omitempty"`
}

// Topic is something people ask about (when it works again, refunds,
// fees), named by lexicon groups, and the facts of an update that answer
// it.
type Topic struct {
	ID string `yaml:"id" json:"id"`
	// Title is the topic as a question, per language, for the summary and
	// the landing page's FAQ.
	Title map[string]string `yaml:"title" json:"title"`
	Terms []string          `yaml:"terms" json:"terms"`
	// Facts answer the topic, best first: a time, phone, e-mail or link by
	// being set, a text fact when it speaks of the topic.
	Facts []string `yaml:"facts,omitempty" json:"facts,omitempty"`
	pos   pos
}

// lazyListen is the listen section of a built-in playbook, decoded from
// its compiled parts on first use.
type lazyListen struct {
	once   sync.Once
	base   *Listen
	parts  []string // paths of the compiled parts
	listen *Listen
}

// ListenSection returns the playbook's listen section (nil when it has
// none). Safe for concurrent use.
func (p *Playbook) ListenSection() *Listen {
	if p.lazy == nil {
		return p.Listen
	}
	lz := p.lazy
	lz.once.Do(func() {
		l := lz.base
		for _, path := range lz.parts {
			var part Playbook
			if err := decodeBuiltinGob(path, &part); err != nil {
				panic("playbook: compiled listen part does not decode: " + err.Error()) // embedded and tested
			}
			if part.Listen != nil {
				part.Listen.lexiconPos = map[string]pos{}
			}
			l = mergeListen(l, part.Listen)
		}
		lz.listen = l
	})
	return lz.listen
}

// resolveListen decodes a lazy listen section into Listen, for code that
// reads or writes the whole playbook.
func (p *Playbook) resolveListen() {
	if p.lazy != nil {
		p.Listen = p.ListenSection()
		p.lazy = nil
	}
}

// AnswersByPresence reports whether fact answers a topic by being set.
func AnswersByPresence(fact string) bool { return slices.Contains(presenceFacts, fact) }

// Topic returns the listen topic with the given id, or nil.
func (l *Listen) Topic(id string) *Topic {
	for i := range l.Topics {
		if l.Topics[i].ID == id {
			return &l.Topics[i]
		}
	}
	return nil
}

// attachListen records where the listen section's items are defined.
func attachListen(l *Listen, file string, n *yaml.Node) {
	if l == nil || n == nil {
		return
	}
	if seq := valueOf(n, "rules"); seq != nil && seq.Kind == yaml.SequenceNode {
		for i, c := range seq.Content {
			l.Rules[i].pos = pos{file, c}
		}
	}
	if seq := valueOf(n, "topics"); seq != nil && seq.Kind == yaml.SequenceNode {
		for i, c := range seq.Content {
			l.Topics[i].pos = pos{file, c}
		}
	}
	l.lexiconPos = map[string]pos{}
	if lex := valueOf(n, "lexicon"); lex != nil && lex.Kind == yaml.MappingNode {
		for i := 0; i+1 < len(lex.Content); i += 2 {
			l.lexiconPos[lex.Content[i].Value] = pos{file, lex.Content[i+1]}
		}
	}
}

// mergeListen lays child's listen section over base's: rules and topics
// with the same id replace the base's, lexicon terms are added.
func mergeListen(base, child *Listen) *Listen {
	if child == nil {
		return base
	}
	if base == nil {
		return child
	}
	out := &Listen{Lexicon: Lexicon{}, lexiconPos: map[string]pos{}}
	mergeLexicon(out.Lexicon, out.lexiconPos, base.Lexicon, base.lexiconPos)
	mergeLexicon(out.Lexicon, out.lexiconPos, child.Lexicon, child.lexiconPos)
	rules := append([]ListenRule(nil), child.Rules...)
	for i, r := range rules {
		if r.Disabled && r.Kind() == "" {
			for _, b := range base.Rules {
				if b.ID == r.ID {
					keep := r.pos
					rules[i] = b
					rules[i].Disabled = true
					rules[i].pos = keep
				}
			}
		}
	}
	out.Rules = mergeByID(base.Rules, rules, func(x ListenRule) string { return x.ID })
	out.Topics = mergeByID(base.Topics, child.Topics, func(x Topic) string { return x.ID })
	return out
}

// mergeLexicon adds the terms of src to dst, group by group.
func mergeLexicon(dst Lexicon, dstPos map[string]pos, src Lexicon, srcPos map[string]pos) {
	for g, langs := range src {
		if dst[g] == nil {
			dst[g] = map[string][]string{}
		}
		for l, terms := range langs {
			dst[g][l] = append(dst[g][l], terms...)
		}
		if p, ok := srcPos[g]; ok {
			dstPos[g] = p
		}
	}
}

// checkListen validates the listen section: labels, lexicon groups,
// patterns, metrics, topics and examples.
func (v *validator) checkListen(l *Listen, factIDs map[string]bool) {
	if l == nil {
		return
	}
	for g, langs := range l.Lexicon {
		ps := l.lexiconPos[g]
		for lang, terms := range langs {
			if !validLang(lang) {
				v.at(ps, lang, "listen lexicon group %s: %q is not a language code such as de or en", g, lang)
			}
			for i, t := range terms {
				if msg := checkTerm(t); msg != "" {
					v.atIndex(ps, lang, i, "listen lexicon group %s (%s): term %q %s", g, lang, t, msg)
				}
			}
		}
	}
	groups := func(ps pos, id string, lists map[string][]string) {
		keys := make([]string, 0, len(lists))
		for k := range lists {
			keys = append(keys, k)
		}
		slices.Sort(keys)
		for _, key := range keys {
			for i, g := range lists[key] {
				if _, ok := l.Lexicon[g]; !ok {
					v.atIndex(ps, key, i, "listen rule %s: unknown listen lexicon group %q: define it under listen: lexicon:", id, g)
				}
			}
		}
	}
	uniq(v, "listen rule", l.Rules, func(x ListenRule) (string, pos) { return x.ID, x.pos })
	uniq(v, "listen topic", l.Topics, func(x Topic) (string, pos) { return x.ID, x.pos })
	for _, r := range l.Rules {
		if r.Disabled {
			continue
		}
		if !validLabel(r.Label) {
			v.at(r.pos, "label", "listen rule %s: label %q is not a kind (%s), not-KIND or urgent", r.ID, r.Label, strings.Join(Kinds, ", "))
		}
		if r.Label == UrgentLabel && strings.TrimSpace(r.Reason) == "" {
			v.at(r.pos, "", "listen rule %s: an urgent rule needs a reason (what is at stake, such as health or violence)", r.ID)
		}
		n := 0
		for _, set := range []bool{len(r.Terms) > 0, r.Pattern != "", r.Sentence != nil, r.Metric != nil} {
			if set {
				n++
			}
		}
		if n != 1 {
			v.at(r.pos, "", "listen rule %s must have exactly one of terms, pattern, sentence, metric (it has %d)", r.ID, n)
		}
		groups(r.pos, r.ID, map[string][]string{"terms": r.Terms, "unless": r.Unless})
		if r.Pattern != "" {
			if _, err := regexp.Compile(r.Pattern); err != nil {
				v.at(r.pos, "pattern", "listen rule %s: invalid RE2 pattern: %s", r.ID, strings.TrimPrefix(err.Error(), "error parsing regexp: "))
			}
		}
		if s := r.Sentence; s != nil {
			sp := pos{r.pos.file, valueOf(r.pos.node, "sentence")}
			if len(s.All)+len(s.Any) < 2 && !(len(s.All) == 1 && len(s.Any) > 0) {
				v.at(r.pos, "sentence", "listen rule %s: a sentence rule needs at least two groups (all: [a, b], or all: [a] with any: [...])", r.ID)
			}
			if s.Span < 0 || s.Span > 5 {
				v.at(sp, "span", "listen rule %s: span must be between 1 and 5 sentences", r.ID)
			}
			groups(sp, r.ID, map[string][]string{"all": s.All, "any": s.Any})
		}
		if m := r.Metric; m != nil {
			mp := pos{r.pos.file, valueOf(r.pos.node, "metric")}
			if !slices.Contains(MetricNames, m.Name) {
				v.at(mp, "name", "listen rule %s: metric %q is not one of %s", r.ID, m.Name, strings.Join(MetricNames, ", "))
			}
			if (m.Name == "share" || m.Name == "ratio") && len(m.Groups) == 0 {
				v.at(mp, "", "listen rule %s: metric %s needs groups:", r.ID, m.Name)
			}
			groups(mp, r.ID, map[string][]string{"groups": m.Groups, "per": m.Per})
		}
		for i, lang := range r.Langs {
			if !validLang(lang) {
				v.atIndex(r.pos, "langs", i, "listen rule %s: %q is not a language code such as de or en", r.ID, lang)
			}
		}
		if len(flatten(r.Examples.Match)) == 0 || len(flatten(r.Examples.Miss)) == 0 {
			v.at(r.pos, "examples", "listen rule %s needs examples: at least one message it matches and one it misses (they are run as tests)", r.ID)
		}
	}
	for _, t := range l.Topics {
		if len(t.Title) == 0 {
			v.at(t.pos, "", "listen topic %s has no title: give it as a question per language", t.ID)
		}
		if len(t.Terms) == 0 {
			v.at(t.pos, "", "listen topic %s has no terms: name the lexicon groups that speak of it", t.ID)
		}
		groups(t.pos, t.ID, map[string][]string{"terms": t.Terms})
		for i, f := range t.Facts {
			if !knownFact(f, factIDs) {
				v.atIndex(t.pos, "facts", i, "listen topic %s: unknown fact %q%s", t.ID, f, known(factIDs))
			}
		}
	}
}

func validLabel(l string) bool {
	if l == UrgentLabel {
		return true
	}
	return slices.Contains(Kinds, strings.TrimPrefix(l, NotPrefix))
}

// standardFacts are the fields of an update's facts.yaml that every
// incident can carry, whatever the playbook's scenarios ask.
var standardFacts = []string{"what", "impact", "affected", "actions", "who", "unknown", "help", "empathy",
	"background", "prevention", "remedy", "next_update", "landing_page", "hotline", "email"}

func knownFact(f string, factIDs map[string]bool) bool {
	return factIDs[f] || slices.Contains(standardFacts, f)
}
