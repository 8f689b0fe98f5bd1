package playbook

import (
	"errors"
	"fmt"
	"regexp"
	"slices"
	"strings"
	"time"

	"go.yaml.in/yaml/v3"

	"github.com/crisis-comms/crisis/internal/yamlfile"
)

// Validate checks a merged playbook: unique ids, references between
// principles, lexicon groups, rules, channels and scenarios, valid tones,
// severities and patterns, and examples on every rule. All problems are
// returned, each with its file and line:column.
func Validate(p *Playbook) error {
	v := validator{p: p}
	v.check()
	return errors.Join(v.errs...)
}

type validator struct {
	p    *Playbook
	errs []error
}

// at reports a problem at the value of key inside the item at ps (or at the
// item itself when key is empty or absent).
func (v *validator) at(ps pos, key string, format string, args ...any) {
	file := ps.file
	if file == "" {
		file = v.p.Source
	}
	n := ps.node
	if key != "" {
		if kn := valueOf(n, key); kn != nil {
			n = kn
		}
	}
	e := &yamlfile.Error{File: file, Msg: fmt.Sprintf(format, args...)}
	if n != nil {
		e.Line, e.Column = n.Line, n.Column
	}
	v.errs = append(v.errs, e)
}

// atIndex points at element i of the list under key.
func (v *validator) atIndex(ps pos, key string, i int, format string, args ...any) {
	if seq := valueOf(ps.node, key); seq != nil && seq.Kind == yaml.SequenceNode && i < len(seq.Content) {
		v.at(pos{ps.file, seq.Content[i]}, "", format, args...)
		return
	}
	v.at(ps, key, format, args...)
}

func (v *validator) check() {
	p := v.p
	if strings.TrimSpace(p.ID) == "" {
		v.at(p.rootPos, "", "missing `id:`: give the playbook a short name such as acme")
	}
	if p.Region != "" && !validRegion(p.Region) {
		v.at(p.rootPos, "region", "region %q is not a country code such as DE, AT, CH, GB or US", p.Region)
	}
	if p.Timezone != "" {
		if _, err := time.LoadLocation(p.Timezone); err != nil {
			v.at(p.rootPos, "timezone", "timezone %q is not a time zone such as Europe/Berlin or UTC", p.Timezone)
		}
	}
	if p.Drill != nil {
		for _, d := range []struct{ key, v string }{
			{"first_message", p.Drill.FirstMessage}, {"landing_page", p.Drill.LandingPage}, {"update", p.Drill.Update},
		} {
			if d.v == "" {
				continue
			}
			if x, err := time.ParseDuration(d.v); err != nil || x <= 0 {
				v.at(p.rootPos, "drill", "drill.%s %q is not a duration such as 15m or 1h", d.key, d.v)
			}
		}
	}
	if p.Cadence != "" {
		if d, err := time.ParseDuration(p.Cadence); err != nil || d <= 0 {
			v.at(p.rootPos, "cadence", "cadence %q is not a duration such as 30m or 2h", p.Cadence)
		}
	}
	if p.Lang != "" && !validLang(p.Lang) {
		v.at(p.rootPos, "lang", "lang %q is not a language code such as de or en", p.Lang)
	}

	principles := uniq(v, "principle", p.Principles, func(x Principle) (string, pos) { return x.ID, x.pos })
	facts := uniq(v, "fact", p.Facts, func(x Fact) (string, pos) { return x.ID, x.pos })
	rules := uniq(v, "rule", p.Rules, func(x Rule) (string, pos) { return x.ID, x.pos })
	channels := uniq(v, "channel", p.Channels, func(x Channel) (string, pos) { return x.ID, x.pos })
	uniq(v, "scenario", p.Scenarios, func(x Scenario) (string, pos) { return x.ID, x.pos })

	for _, pr := range p.Principles {
		if pr.Title == "" {
			v.at(pr.pos, "", "principle %s has no title", pr.ID)
		}
	}
	for g, langs := range p.Lexicon {
		ps := p.lexiconPos[g]
		for lang, terms := range langs {
			if !validLang(lang) {
				v.at(ps, lang, "lexicon group %s: %q is not a language code such as de or en", g, lang)
			}
			for i, t := range terms {
				if msg := checkTerm(t); msg != "" {
					v.atIndex(ps, lang, i, "lexicon group %s (%s): term %q %s", g, lang, t, msg)
				}
			}
		}
	}
	for _, f := range p.Facts {
		if f.Title == "" {
			v.at(f.pos, "", "fact %s has no title", f.ID)
		}
		if f.Kind != "" && !slices.Contains(FactKinds, f.Kind) {
			v.at(f.pos, "kind", "fact %s: kind %q is not one of %s", f.ID, f.Kind, strings.Join(FactKinds, ", "))
		}
		if f.Principle != "" && !principles[f.Principle] {
			v.at(f.pos, "principle", "fact %s: unknown principle %q%s", f.ID, f.Principle, known(principles))
		}
	}
	for i := range p.Rules {
		v.rule(&p.Rules[i], principles, channels)
	}
	if p.Model != nil {
		v.model(p.Model, principles, rules)
	}
	if p.Weighing != nil {
		v.weighing(p.Weighing)
	}
	for _, c := range p.Channels {
		for i, r := range c.Require {
			if !rules[r] {
				v.atIndex(c.pos, "require", i, "channel %s requires unknown rule %q%s", c.ID, r, known(rules))
			}
		}
		l := c.Limits
		if l.SMSSegments < 0 || l.XWeighted < 0 || l.MaxChars < 0 || l.SubjectChars < 0 {
			v.at(c.pos, "limits", "channel %s: limits cannot be negative", c.ID)
		}
	}
	v.checkListen(p.Listen, facts)
	for _, s := range p.Scenarios {
		if s.Title == "" {
			v.at(s.pos, "", "scenario %s has no title", s.ID)
		}
		for i, c := range s.Channels {
			if !channels[c] {
				v.atIndex(s.pos, "channels", i, "scenario %s uses unknown channel %q%s", s.ID, c, known(channels))
			}
		}
		for i, f := range s.Facts {
			if !facts[f] {
				v.atIndex(s.pos, "facts", i, "scenario %s asks for unknown fact %q: define it under facts:%s", s.ID, f, known(facts))
			}
		}
	}
}

func (v *validator) rule(r *Rule, principles, channels map[string]bool) {
	if r.Disabled {
		return
	}
	if !principles[r.Principle] {
		v.at(r.pos, "principle", "rule %s: unknown principle %q%s", r.ID, r.Principle, known(principles))
	}
	if !slices.Contains(Tones, r.Tone) {
		v.at(r.pos, "tone", "rule %s: tone %q is not one of %s", r.ID, r.Tone, strings.Join(Tones, ", "))
	}
	if !slices.Contains(Severities, r.Severity) {
		v.at(r.pos, "severity", "rule %s: severity %q is not one of error, warning, info", r.ID, r.Severity)
	}
	if strings.TrimSpace(r.Message) == "" {
		v.at(r.pos, "", "rule %s has no message: say what is wrong and what to write instead", r.ID)
	}
	kinds := 0
	for _, set := range []bool{len(r.Terms) > 0, r.Pattern != "", r.Sentence != nil, r.Metric != nil, r.Require != nil} {
		if set {
			kinds++
		}
	}
	if kinds != 1 {
		v.at(r.pos, "", "rule %s must have exactly one of terms, pattern, sentence, metric, require (it has %d)", r.ID, kinds)
	}
	v.groupRefs(r.pos, "rule "+r.ID, map[string][]string{"terms": r.Terms, "unless": r.Unless, "unless_statement": r.UnlessStatement})
	if r.Strength != "" && !slices.Contains(Strengths, r.Strength) {
		v.at(r.pos, "strength", "rule %s: strength %q is not one of %s (leave it out for normal strength)", r.ID, r.Strength, strings.Join(Strengths, ", "))
	}
	if r.Pattern != "" {
		if _, err := regexp.Compile(r.Pattern); err != nil {
			v.at(r.pos, "pattern", "rule %s: invalid RE2 pattern: %s", r.ID, strings.TrimPrefix(err.Error(), "error parsing regexp: "))
		}
	}
	if s := r.Sentence; s != nil {
		sp := pos{r.pos.file, valueOf(r.pos.node, "sentence")}
		if len(s.All)+len(s.Any) < 2 && !(len(s.All) == 1 && len(s.Any) > 0) {
			v.at(r.pos, "sentence", "rule %s: a sentence rule needs at least two groups (all: [a, b], or all: [a] with any: [...])", r.ID)
		}
		if s.Span < 0 || s.Span > 5 {
			v.at(sp, "span", "rule %s: span must be between 1 and 5 sentences", r.ID)
		}
		v.groupRefs(sp, "rule "+r.ID, map[string][]string{"all": s.All, "any": s.Any})
	}
	if m := r.Metric; m != nil {
		mp := pos{r.pos.file, valueOf(r.pos.node, "metric")}
		if !slices.Contains(MetricNames, m.Name) {
			v.at(mp, "name", "rule %s: metric %q is not one of %s", r.ID, m.Name, strings.Join(MetricNames, ", "))
		}
		if (m.Name == "share" || m.Name == "ratio") && len(m.Groups) == 0 {
			v.at(mp, "", "rule %s: metric %s needs groups:", r.ID, m.Name)
		}
		if m.Name == "ratio" && len(m.Per) == 0 {
			v.at(mp, "", "rule %s: metric ratio needs per: (the groups to divide by)", r.ID)
		}
		if m.Max < 0 {
			v.at(mp, "max", "rule %s: max cannot be negative", r.ID)
		}
		v.groupRefs(mp, "rule "+r.ID, map[string][]string{"groups": m.Groups, "per": m.Per})
	}
	if q := r.Require; q != nil {
		qp := pos{r.pos.file, valueOf(r.pos.node, "require")}
		if !slices.Contains(Elements, q.Element) {
			v.at(qp, "element", "rule %s: element %q is not one of %s", r.ID, q.Element, strings.Join(Elements, ", "))
		}
		v.groupRefs(qp, "rule "+r.ID, map[string][]string{"cues": q.Cues, "when": q.When, "not": q.Not, "past": q.Past, "future": q.Future, "links": q.Links})
	}
	for i, l := range r.Langs {
		if !validLang(l) {
			v.atIndex(r.pos, "langs", i, "rule %s: %q is not a language code such as de or en", r.ID, l)
		}
	}
	for i, c := range r.Channels {
		if !channels[c] {
			v.atIndex(r.pos, "channels", i, "rule %s: unknown channel %q%s", r.ID, c, known(channels))
		}
	}
	if len(flatten(r.Examples.Bad)) == 0 || len(flatten(r.Examples.Good)) == 0 {
		v.at(r.pos, "examples", "rule %s needs examples: at least one bad and one good sentence (they are run as tests)", r.ID)
	}
}

// weighing checks the statement-level weighing: known tones, signals that
// say what they read (known groups, or a require rule), thresholds that
// can be met.
func (v *validator) weighing(w *Weighing) {
	wp := pos{v.p.rootPos.file, valueOf(v.p.rootPos.node, "weighing")}
	for _, t := range w.Tones {
		if !slices.Contains(Tones, t) {
			v.at(wp, "tones", "weighing: tone %q is not one of %s", t, strings.Join(Tones, ", "))
		}
	}
	if len(w.Tones) == 0 {
		v.at(wp, "", "weighing: name the tones to weigh (tones: [promotional, whiny])")
	}
	if w.Min < 1 || w.Min > len(w.Signals) {
		v.at(wp, "min", "weighing: min must be between 1 and the number of signals (%d)", len(w.Signals))
	}
	if w.MinWeak < 0 || w.MinWeak > w.Min {
		v.at(wp, "min_weak", "weighing: min_weak cannot be negative or above min (%d); leave it out to use min", w.Min)
	}
	if len(w.Signals) > 64 {
		v.at(wp, "signals", "weighing: at most 64 signals (it has %d)", len(w.Signals))
	}
	if strings.TrimSpace(w.Message) == "" {
		v.at(wp, "message", "weighing: a message is needed: a held-down finding says why it does not flag")
	}
	seen := map[string]bool{}
	for _, s := range w.Signals {
		switch {
		case s.ID == "" || seen[s.ID]:
			v.at(wp, "signals", "weighing: signal %q needs an id of its own", s.ID)
		case strings.TrimSpace(s.Title) == "":
			v.at(wp, "signals", "weighing: signal %s has no title (held-down findings name it)", s.ID)
		case (len(s.Groups) > 0) == (s.Rule != ""):
			v.at(wp, "signals", "weighing: signal %s must have exactly one of groups, rule", s.ID)
		case s.Rule != "":
			// A disabled require rule is allowed: its signal is not read.
			if r := v.p.Rule(s.Rule); r == nil || r.Require == nil {
				v.at(wp, "signals", "weighing: signal %s: rule %q is not a require rule of this playbook", s.ID, s.Rule)
			}
		}
		seen[s.ID] = true
		v.groupRefs(wp, "weighing signal "+s.ID, map[string][]string{"groups": s.Groups})
	}
}

// model checks the statement-level model: features that say what they
// count and name known groups, rules and tones; heads that report like
// rules and weigh only features the model defines.
func (v *validator) model(m *Model, principles, rules map[string]bool) {
	mp := pos{v.p.rootPos.file, valueOf(v.p.rootPos.node, "model")}
	v.groupRefs(mp, "model", map[string][]string{"actors": m.Actors})
	features := map[string]bool{}
	for _, f := range m.Features {
		switch {
		case f.ID == "":
			v.at(mp, "features", "model: a feature has no id")
			continue
		case features[f.ID]:
			v.at(mp, "features", "model: feature %s is defined twice", f.ID)
		case strings.TrimSpace(f.Title) == "":
			v.at(mp, "features", "model: feature %s has no title (the findings name it)", f.ID)
		}
		features[f.ID] = true
		kinds := 0
		for _, set := range []bool{len(f.All) > 0, f.Rule != "", f.Tone != ""} {
			if set {
				kinds++
			}
		}
		if kinds != 1 {
			v.at(mp, "features", "model: feature %s must have exactly one of all, rule, tone", f.ID)
		}
		if f.Within != "" && (len(f.All) == 0 || !slices.Contains(FeatureScopes, f.Within)) {
			v.at(mp, "features", "model: feature %s: within %q needs all: and is one of %s", f.ID, f.Within, strings.Join(FeatureScopes, ", "))
		}
		if f.Subject != "" && (len(f.All) == 0 || f.Within == "message" || !slices.Contains(m.Actors, f.Subject)) {
			v.at(mp, "features", "model: feature %s: subject %q needs all: within a sentence and must be one of the model's actors", f.ID, f.Subject)
		}
		if f.Share && (len(f.All) == 0 || f.Within == "message") {
			v.at(mp, "features", "model: feature %s: share counts sentences, so it needs all: within a sentence", f.ID)
		}
		if f.Severity != "" && (f.Rule == "" && f.Tone == "" || !slices.Contains(Severities, f.Severity)) {
			v.at(mp, "features", "model: feature %s: severity %q needs rule: or tone: and is one of %s", f.ID, f.Severity, strings.Join(Severities, ", "))
		}
		if f.Rule != "" && !rules[f.Rule] {
			v.at(mp, "features", "model: feature %s counts unknown rule %q", f.ID, f.Rule)
		}
		for _, t := range f.Toward {
			if !slices.Contains(Tones, t) {
				v.at(mp, "features", "model: feature %s: toward names unknown tone %q", f.ID, t)
			}
		}
		if f.Tone != "" && !slices.Contains(Tones, f.Tone) {
			v.at(mp, "features", "model: feature %s: tone %q is not one of %s", f.ID, f.Tone, strings.Join(Tones, ", "))
		}
		v.groupRefs(mp, "model feature "+f.ID, map[string][]string{"all": f.All})
	}
	heads := map[string]bool{}
	for _, h := range m.Heads {
		if h.ID == "" || heads[h.ID] || rules[h.ID] {
			v.at(mp, "heads", "model: head %q needs an id of its own, unlike every rule and other head", h.ID)
		}
		heads[h.ID] = true
		if !principles[h.Principle] {
			v.at(mp, "heads", "model head %s: unknown principle %q%s", h.ID, h.Principle, known(principles))
		}
		if !slices.Contains(Tones, h.Tone) {
			v.at(mp, "heads", "model head %s: tone %q is not one of %s", h.ID, h.Tone, strings.Join(Tones, ", "))
		}
		if !slices.Contains(Severities, h.Severity) {
			v.at(mp, "heads", "model head %s: severity %q is not one of error, warning, info", h.ID, h.Severity)
		}
		if strings.TrimSpace(h.Message) == "" {
			v.at(mp, "heads", "model head %s has no message", h.ID)
		}
		if !(h.Threshold > 0 && h.Threshold < 1) {
			v.at(mp, "heads", "model head %s: threshold %v must lie between 0 and 1", h.ID, h.Threshold)
		}
		names := make([]string, 0, len(h.Weights))
		for f := range h.Weights {
			names = append(names, f)
		}
		slices.Sort(names)
		for _, f := range names {
			if !features[f] {
				v.at(mp, "heads", "model head %s weighs unknown feature %q", h.ID, f)
			}
		}
		for i, l := range h.Langs {
			if !validLang(l) {
				v.atIndex(mp, "heads", i, "model head %s: %q is not a language code such as de or en", h.ID, l)
			}
		}
		if len(flatten(h.Examples.Bad)) == 0 || len(flatten(h.Examples.Good)) == 0 {
			v.at(mp, "heads", "model head %s needs examples: at least one bad and one good statement (they are run as tests)", h.ID)
		}
	}
}

// groupRefs reports lexicon group names under keys of the item at ps (named
// item in the message, such as "rule x.y") that
// no lexicon defines.
func (v *validator) groupRefs(ps pos, item string, lists map[string][]string) {
	keys := make([]string, 0, len(lists))
	for k := range lists {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	for _, key := range keys {
		for i, g := range lists[key] {
			if _, ok := v.p.Lexicon[g]; !ok {
				v.atIndex(ps, key, i, "%s: unknown lexicon group %q: define it under lexicon:", item, g)
			}
		}
	}
}

// uniq reports duplicate and empty ids and returns the set of ids.
func uniq[T any](v *validator, kind string, items []T, id func(T) (string, pos)) map[string]bool {
	seen := map[string]pos{}
	for _, x := range items {
		name, ps := id(x)
		if strings.TrimSpace(name) == "" {
			v.at(ps, "", "%s without id", kind)
			continue
		}
		if prev, dup := seen[name]; dup {
			line := 0
			if prev.node != nil {
				line = prev.node.Line
			}
			v.at(ps, "id", "duplicate %s id %q (first defined at line %d): ids must be unique", kind, name, line)
			continue
		}
		seen[name] = ps
	}
	out := make(map[string]bool, len(seen))
	for k := range seen {
		out[k] = true
	}
	return out
}

func known(set map[string]bool) string {
	if len(set) == 0 {
		return ""
	}
	names := make([]string, 0, len(set))
	for k := range set {
		names = append(names, k)
	}
	slices.Sort(names)
	if len(names) > 12 {
		names = append(names[:12], "…")
	}
	return " (known: " + strings.Join(names, ", ") + ")"
}

func flatten(m map[string][]string) []string {
	var out []string
	for _, v := range m {
		out = append(out, v...)
	}
	return out
}

var langRe = regexp.MustCompile(`^[a-z]{2,3}$`)

func validLang(l string) bool { return langRe.MatchString(l) }

// checkTerm returns why a lexicon term is malformed, or "".
func checkTerm(t string) string {
	if strings.TrimSpace(t) == "" {
		return "is empty"
	}
	if t != strings.TrimSpace(t) {
		return "has leading or trailing spaces"
	}
	for _, w := range strings.Fields(t) {
		inner := strings.Trim(w, "*")
		if inner == "" {
			return "has a word that is only *"
		}
		if strings.Contains(inner, "*") {
			return "has * inside a word: * may only start or end a word"
		}
	}
	return ""
}

// validRegion reports whether r is two upper-case letters, the form of an
// ISO 3166 country code.
func validRegion(r string) bool {
	return len(r) == 2 && r[0] >= 'A' && r[0] <= 'Z' && r[1] >= 'A' && r[1] <= 'Z'
}
