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
}

type modelFeature struct {
	*playbook.Feature
	groups  []int32 // lexicon groups that must meet
	message bool    // anywhere in the message rather than in one sentence
}

type modelHead struct {
	*playbook.Head
	w []float64 // weight per feature, in the order of model.feats
}

// compileModel resolves a playbook model against the engine's groups.
func compileModel(m *playbook.Model, ids func([]string) []int32) *model {
	out := &model{}
	index := map[string]int{}
	for i := range m.Features {
		f := &m.Features[i]
		index[f.ID] = i
		out.feats = append(out.feats, modelFeature{Feature: f, groups: ids(f.All), message: f.Within == "message"})
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

// Features lints d with the rules alone and returns the value of each
// model feature (ln(1+count), in the order of FeatureIDs) and the rules'
// findings: what a model is trained on.
func (e *Engine) Features(d *Document, ctx Context) ([]float64, []Finding) {
	ev := e.analyse(d, ctx)
	defer e.release(ev)
	ev.runRules()
	var x []float64
	if e.model != nil {
		x = make([]float64, len(e.model.feats))
		for i := range e.model.feats {
			n, _ := ev.countFeature(&e.model.feats[i])
			x[i] = math.Log1p(float64(n))
		}
	}
	fs := slices.Clone(ev.findings)
	out := applySuppressions(d, fs, e.pb)
	sortFindings(out)
	return x, out
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
func (ev *evaluation) countFeature(f *modelFeature) (int, int32) {
	a := ev.a
	switch {
	case f.Rule != "" || f.Tone != "":
		n, first := 0, int32(-1)
		for _, fd := range ev.findings {
			if (fd.Rule == f.Rule || f.Rule == "" && fd.Tone == f.Tone) && (fd.Severity == "error" || fd.Severity == "warning") {
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
		all := true
		for _, g := range f.groups {
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
// and reports a head whose probability reaches its threshold, on the
// sentence of its strongest cue, naming the cues that drove it.
func (ev *evaluation) judgeStatement(m *model) {
	var x []float64
	var first []int32
	var counts []int
	for hi := range m.heads {
		h := &m.heads[hi]
		if h.Off || len(h.Langs) > 0 && !slices.Contains(h.Langs, ev.lang) || ev.ctx.Disabled[h.ID] {
			continue
		}
		if x == nil {
			x, first, counts = make([]float64, len(m.feats)), make([]int32, len(m.feats)), make([]int, len(m.feats))
			for i := range m.feats {
				counts[i], first[i] = ev.countFeature(&m.feats[i])
				x[i] = math.Log1p(float64(counts[i]))
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
		seen := 0
		for _, c := range cues {
			seen += counts[c.i]
		}
		if seen < 2 {
			continue
		}
		slices.SortStableFunc(cues, func(a, b cue) int { return cmp.Compare(b.pull, a.pull) })
		names := make([]string, 0, 3)
		for _, c := range cues[:min(3, len(cues))] {
			names = append(names, fmt.Sprintf("%s (%d)", m.feats[c.i].Title, counts[c.i]))
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
