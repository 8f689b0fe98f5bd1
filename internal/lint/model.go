package lint

import (
	"cmp"
	"fmt"
	"math"
	"slices"
	"strings"

	"github.com/crisis-comms/crisis/playbook"
)

// model is a playbook's statement-level verdict compiled for linting: the
// features it counts and the heads that weigh them.
type model struct {
	feats []modelFeature
	heads []modelHead
	actor []bool // lexicon group → it names who acts or suffers
}

type modelFeature struct {
	*playbook.Feature
	groups  []int32 // lexicon groups that must meet
	subject int32   // the actor group that must be the subject of the cue; -1: any
	message bool    // anywhere in the message rather than in one sentence
	minSev  int     // the lowest severity rank a finding counts with
	// evidence is the index of the first feature that reads the same
	// evidence (the same groups with the subject, or the same rule or
	// tone): "a third party as the cause" and the share of sentences
	// that show it are one cue, not two.
	evidence int
}

type modelHead struct {
	*playbook.Head
	w []float64 // weight per feature, in the order of model.feats
}

// compileModel resolves a playbook model against the engine's groups.
func compileModel(m *playbook.Model, ids func([]string) []int32) *model {
	out := &model{}
	for _, g := range ids(m.Actors) {
		if int(g) >= len(out.actor) {
			out.actor = append(out.actor, make([]bool, int(g)+1-len(out.actor))...)
		}
		out.actor[g] = true
	}
	index, evidence := map[string]int{}, map[string]int{}
	for i := range m.Features {
		f := &m.Features[i]
		index[f.ID] = i
		key := evidenceKey(f)
		if _, ok := evidence[key]; !ok {
			evidence[key] = i
		}
		mf := modelFeature{Feature: f, groups: ids(f.All), subject: -1, message: f.Within == "message", minSev: severityRank("warning"), evidence: evidence[key]}
		if g := ids([]string{f.Subject}); len(g) == 1 {
			mf.subject = g[0]
		}
		if f.Severity != "" {
			mf.minSev = severityRank(f.Severity)
		}
		out.feats = append(out.feats, mf)
	}
	for i := range m.Heads {
		h := &m.Heads[i]
		w := make([]float64, len(out.feats))
		for f, x := range h.Weights {
			if j, ok := index[f]; ok {
				w[j] = x
			}
		}
		out.heads = append(out.heads, modelHead{Head: h, w: w})
	}
	return out
}

// evidenceKey names what a feature reads, whatever its scale: its groups
// and subject in their scope, or the rule or tone whose findings it counts.
func evidenceKey(f *playbook.Feature) string {
	switch {
	case f.Rule != "":
		return "rule " + f.Rule
	case f.Tone != "":
		return "tone " + f.Tone
	}
	groups := slices.Clone(f.All)
	if f.Subject != "" && !slices.Contains(groups, f.Subject) {
		groups = append(groups, f.Subject)
	}
	slices.Sort(groups)
	return f.Within + " " + strings.Join(groups, " ")
}

// FeatureEvidence gives, per feature in the order of FeatureIDs, the index
// of the first feature that reads the same evidence: a head counts the cues
// it has seen once per evidence.
func (e *Engine) FeatureEvidence() []int {
	if e.model == nil {
		return nil
	}
	out := make([]int, len(e.model.feats))
	for i, f := range e.model.feats {
		out[i] = f.evidence
	}
	return out
}

// FeatureIDs names the model's features in the order Features returns
// their values; nil without a model.
func (e *Engine) FeatureIDs() []string {
	if e.model == nil {
		return nil
	}
	out := make([]string, len(e.model.feats))
	for i, f := range e.model.feats {
		out[i] = f.ID
	}
	return out
}

// Features lints d with the rules alone and returns, per model feature in
// the order of FeatureIDs, its value (see playbook.Feature) and its count,
// and the rules' findings: what a model is trained on.
func (e *Engine) Features(d *Document, ctx Context) (x []float64, n []int, fs []Finding) {
	ev := e.analyse(d, ctx)
	defer e.release(ev)
	ev.runRules()
	if e.model != nil {
		x, n = make([]float64, len(e.model.feats)), make([]int, len(e.model.feats))
		for i := range e.model.feats {
			n[i], _ = ev.countFeature(e.model, &e.model.feats[i])
			x[i] = ev.featureValue(&e.model.feats[i], n[i])
		}
	}
	fs = applySuppressions(d, slices.Clone(ev.findings), e.pb)
	sortFindings(fs)
	return x, n, fs
}

// featureValue is the value a head weighs for a feature counted n times.
func (ev *evaluation) featureValue(f *modelFeature, n int) float64 {
	if f.Share {
		if len(ev.a.sentences) == 0 {
			return 0
		}
		return float64(n) / float64(len(ev.a.sentences))
	}
	return math.Log1p(float64(n))
}

// Score is a head's probability for feature values x.
func (h *modelHead) score(x []float64) float64 {
	z := h.Bias
	for i, w := range h.w {
		z += w * x[i]
	}
	return 1 / (1 + math.Exp(-z))
}

// countFeature counts a feature in the evaluated document and returns the
// sentence that shows it first (-1 when it does not occur).
func (ev *evaluation) countFeature(m *model, f *modelFeature) (int, int32) {
	a := ev.a
	switch {
	case f.Rule != "" || f.Tone != "":
		n, first := 0, int32(-1)
		for _, fd := range ev.findings {
			if (fd.Rule == f.Rule || f.Rule == "" && fd.Tone == f.Tone) && severityRank(fd.Severity) >= f.minSev {
				if n == 0 {
					first = ev.sentenceAt(fd.Offset)
				}
				n++
			}
		}
		return n, first
	case len(f.groups) == 0:
		return 0, -1
	}
	// The rarest group leads: the others are looked up in its sentences.
	lead := f.groups[0]
	for _, g := range f.groups[1:] {
		if len(a.groupHits[g]) < len(a.groupHits[lead]) {
			lead = g
		}
	}
	hits := a.groupHits[lead]
	if len(hits) == 0 {
		return 0, -1
	}
	if f.message {
		return len(hits), a.tokens[a.hits[hits[0]].tok].sentence
	}
	n, first, last := 0, int32(-1), int32(-1)
	for _, hi := range hits {
		s := a.tokens[a.hits[hi].tok].sentence
		if s == last {
			continue
		}
		last = s
		all := f.subject < 0 || a.subjectIs(s, f.groups, f.subject, m.actor)
		for _, g := range f.groups {
			if !all {
				break
			}
			if g != lead && !a.sentenceHas(g, s, s) {
				all = false
				break
			}
		}
		if all {
			if n == 0 {
				first = s
			}
			n++
		}
	}
	return n, first
}

// judgeStatement weighs the model's features for every head that applies
// and whose tone no rule has reported, and reports a head whose
// probability reaches its threshold, on the sentence of its strongest cue,
// naming the cues that drove it.
func (ev *evaluation) judgeStatement(m *model) {
	var x []float64
	var first []int32
	var counts []int
	for hi := range m.heads {
		h := &m.heads[hi]
		if h.Off || len(h.Langs) > 0 && !slices.Contains(h.Langs, ev.lang) || ev.ctx.Disabled[h.ID] {
			continue
		}
		// A head speaks where the rules are silent: when a rule of its
		// tone has reported, the statement is flagged and explained
		// already.
		if slices.ContainsFunc(ev.findings, func(f Finding) bool { return f.Tone == h.Tone && severityRank(f.Severity) >= severityRank("warning") }) {
			continue
		}
		if x == nil {
			x, first, counts = make([]float64, len(m.feats)), make([]int32, len(m.feats)), make([]int, len(m.feats))
			for i := range m.feats {
				counts[i], first[i] = ev.countFeature(m, &m.feats[i])
				x[i] = ev.featureValue(&m.feats[i], counts[i])
			}
		}
		if h.score(x) < h.Threshold {
			continue
		}
		type cue struct {
			i    int
			pull float64
		}
		var cues []cue
		for i, w := range h.w {
			if p := w * x[i]; p > 0 && first[i] >= 0 {
				cues = append(cues, cue{i, p})
			}
		}
		// The model weighs several cues: the bias alone, or one cue met
		// once, never makes a finding (one cue is the rules' business).
		// Features that read the same evidence count it once.
		slices.SortStableFunc(cues, func(a, b cue) int { return cmp.Compare(b.pull, a.pull) })
		seen, named := 0, make([]int, 0, len(cues))
		names := make([]string, 0, 3)
		for _, c := range cues {
			key := m.feats[c.i].evidence
			j := slices.IndexFunc(named, func(k int) bool { return m.feats[k].evidence == key })
			switch {
			case j < 0:
				named = append(named, c.i)
				seen += counts[c.i]
				if len(names) < 3 {
					names = append(names, fmt.Sprintf("%s (%d)", m.feats[c.i].Title, counts[c.i]))
				}
			case counts[c.i] > counts[named[j]]:
				seen += counts[c.i] - counts[named[j]]
				named[j] = c.i
			}
		}
		if seen < 2 {
			continue
		}
		s := ev.a.sentences[first[cues[0].i]]
		from, to := s.start, s.end
		for from < to && isSpaceASCII(ev.d.voice[from]) {
			from++
		}
		for to > from && isSpaceASCII(ev.d.voice[to-1]) {
			to--
		}
		sev := h.Severity
		if o, ok := ev.ctx.Severity[h.ID]; ok {
			sev = o
		}
		msg := strings.ReplaceAll(strings.TrimSpace(h.Message), "{cues}", strings.Join(names, ", "))
		f := Finding{Rule: h.ID, Principle: h.Principle, Tone: h.Tone, Severity: sev, Message: msg,
			Suggestion: strings.TrimSpace(h.Suggestion), Offset: from, End: to}
		ev.findings = append(ev.findings, ev.d.locate(f))
	}
}

// subjectIs reports whether, in sentence s, a hit of one of the groups
// has g as its subject: the nearest actor named before it, or after it
// when none comes before ("we had a brutal week", "a hard week for us" —
// the sender suffers; "we know you had a hard week" — the reader does;
// "the supplier failed us" — a third party is at fault).
func (a *analysis) subjectIs(s int32, groups []int32, g int32, actor []bool) bool {
	isActor := func(h hit) bool { return int(h.group) < len(actor) && actor[h.group] }
	hits := a.hitsIn(s, s)
	for i, h := range hits {
		if !slices.Contains(groups, h.group) {
			continue
		}
		// The nearest actor word at or before the cue's first word (a
		// phrase may hold it: „uns hart getroffen“), else the first after.
		subj := -1
		for j, o := range hits {
			if j != i && isActor(o) && o.tok <= h.tok && (subj < 0 || o.tok > hits[subj].tok) {
				subj = j
			}
		}
		for j := i + 1; subj < 0 && j < len(hits); j++ {
			if isActor(hits[j]) {
				subj = j
			}
		}
		// After the cue, the head of "our supplier" is the supplier:
		// follow actor words that come straight after one another.
		for j := subj + 1; subj > i && j < len(hits) && hits[j].tok <= hits[subj].tok+1; j++ {
			if isActor(hits[j]) && hits[j].tok == hits[subj].tok+1 {
				subj = j
			}
		}
		if subj < 0 {
			continue
		}
		// Every group that names the subject's word.
		t := hits[subj].tok
		for j := subj; j >= 0 && hits[j].tok == t; j-- {
			if hits[j].group == g {
				return true
			}
		}
		for j := subj + 1; j < len(hits) && hits[j].tok == t; j++ {
			if hits[j].group == g {
				return true
			}
		}
	}
	return false
}
