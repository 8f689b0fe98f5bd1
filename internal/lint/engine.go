// Package lint is the tone and essentials linter: it reads a message file
// into a text model (front matter, Markdown-aware masking of what is not
// the sender's voice, sentences, Unicode words), matches a playbook's
// compiled lexicons in one pass, evaluates its rules and reports findings
// with exact positions.
package lint

import (
	"bytes"
	"cmp"
	"fmt"
	"regexp"
	"slices"
	"sort"
	"strings"
	"sync"

	"github.com/crisis-comms/crisis/playbook"
)

// Finding is one problem in a message. Field order is the JSON contract.
type Finding struct {
	Rule       string `json:"rule"`
	Principle  string `json:"principle"`
	Tone       string `json:"tone"`
	Severity   string `json:"severity"`
	Message    string `json:"message"`
	Match      string `json:"match"`
	Line       int    `json:"line"`
	Column     int    `json:"column"`
	EndLine    int    `json:"end_line"`
	EndColumn  int    `json:"end_column"`
	Suggestion string `json:"suggestion,omitempty"`
	// Also names the other rules of the same tone that fired in the same
	// sentence and were folded into this finding (Context.Fold).
	Also []string `json:"also,omitempty"`

	// Offset and End are byte offsets into the file.
	Offset int `json:"-"`
	End    int `json:"-"`
}

// Context says how to judge one file.
type Context struct {
	Lang    string // de, en, …; empty = detect
	Channel string // empty = unknown: no channel requirements
	Stage   string
	// Disabled rules are skipped; Severity overrides a rule's severity.
	Disabled map[string]bool
	Severity map[string]string
	// Fold gathers the findings that word rules (terms, pattern, sentence)
	// of one tone give in one sentence into one finding: the most severe
	// (the first of equals), spanning all of them, with the other rules in
	// Also. It is for people reading a report; a classifier that counts
	// rules leaves it off.
	Fold bool
}

// Engine is a playbook compiled for linting. It is safe for concurrent use.
type Engine struct {
	pb       *playbook.Playbook
	groups   map[string]int32
	matchers map[string]*matcher
	rules    []*rule
	foldable map[string]bool // rules whose findings Context.Fold may fold
	byGroup  [][]*rule       // terms rules by group id
	lits     *litIndex       // the literals of all pattern prefilters
	pool     sync.Pool       // of *evalState
	model    *model          // the statement-level verdict, nil without one
	weighing *weighing       // the weighing of a lone cue, nil without one

	planMu sync.Mutex
	plans  map[planKey]*plan

	notMu    sync.Mutex
	notCache map[string][]string // rule+lang → folded Not word parts
}

type rule struct {
	*playbook.Rule
	kind     string
	k        ruleKind // kind as a number, for the evaluation loop
	idx      int      // index in Engine.rules
	terms    []int32
	unless   []int32
	unlessSt []int32               // groups that clear the rule anywhere in the message
	re       func() *regexp.Regexp // compiled on first use
	lits     literalSet
	all, any []int32
	groups   []int32
	per      []int32
	cues     []int32
	when     []int32
	not      []int32
	past     []int32
	future   []int32
	links    []int32
}

// New compiles a validated playbook.
func New(pb *playbook.Playbook) (*Engine, error) {
	e := &Engine{pb: pb, groups: map[string]int32{}, matchers: map[string]*matcher{}, foldable: map[string]bool{}}
	names := make([]string, 0, len(pb.Lexicon))
	for g := range pb.Lexicon {
		names = append(names, g)
	}
	sort.Strings(names)
	perLang := map[string]map[int32][]string{}
	e.byGroup = make([][]*rule, len(names))
	for i, g := range names {
		e.groups[g] = int32(i)
		for lang, terms := range pb.Lexicon[g] {
			if perLang[lang] == nil {
				perLang[lang] = map[int32][]string{}
			}
			perLang[lang][int32(i)] = terms
		}
	}
	// The matchers (stemming every term) and the rules (compiling their
	// expressions) are independent: build them side by side, since
	// compiling the playbook is most of a short lint's start-up time.
	var wg sync.WaitGroup
	var mu sync.Mutex
	for lang, terms := range perLang {
		wg.Add(1)
		go func() {
			defer wg.Done()
			m := loadMatcher(lang, terms)
			mu.Lock()
			e.matchers[lang] = m
			mu.Unlock()
		}()
	}
	ids := func(list []string) []int32 {
		out := make([]int32, 0, len(list))
		for _, g := range list {
			if id, ok := e.groups[g]; ok {
				out = append(out, id)
			}
		}
		return out
	}
	for i := range pb.Rules {
		pr := &pb.Rules[i]
		if pr.Disabled {
			continue
		}
		r := &rule{Rule: pr, kind: pr.Kind(), terms: ids(pr.Terms), unless: ids(pr.Unless), unlessSt: ids(pr.UnlessStatement)}
		switch r.kind {
		case "pattern":
			// Parsing checks the pattern now; compiling waits for the first
			// sentence that passes the prefilter, which most short runs
			// never reach for most rules.
			lits, err := requiredLiterals(pr.Pattern)
			if err != nil {
				wg.Wait()
				return nil, fmt.Errorf("rule %s: %w", pr.ID, err)
			}
			r.lits = lits
			r.re = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(pr.Pattern) })
		case "sentence":
			r.all, r.any = ids(pr.Sentence.All), ids(pr.Sentence.Any)
		case "metric":
			r.groups, r.per = ids(pr.Metric.Groups), ids(pr.Metric.Per)
		case "require":
			r.cues, r.when, r.not = ids(pr.Require.Cues), ids(pr.Require.When), ids(pr.Require.Not)
			r.past, r.future = ids(pr.Require.Past), ids(pr.Require.Future)
			r.links = ids(pr.Require.Links)
		}
		r.k = kindOf[r.kind]
		if r.Tone != "" && (r.k == kindTerms || r.k == kindPattern || r.k == kindSentence) {
			e.foldable[r.ID] = true
		}
		r.idx = len(e.rules)
		e.rules = append(e.rules, r)
		for _, g := range r.terms {
			e.byGroup[g] = append(e.byGroup[g], r)
		}
	}
	if pb.Model != nil {
		e.model = compileModel(pb.Model, ids)
	}
	if pb.Weighing != nil {
		e.weighing = compileWeighing(pb.Weighing, ids, e.rules)
	}
	var conds []*litReq
	for _, r := range e.rules {
		if r.lits != nil {
			conds = append(conds, r.lits)
		}
	}
	e.lits = newLitIndex(conds)
	e.pool.New = func() any { return &evalState{a: newAnalysis()} }
	wg.Wait()
	return e, nil
}

// Playbook returns the playbook the engine was compiled from.
func (e *Engine) Playbook() *playbook.Playbook { return e.pb }

// Lint judges a parsed document and returns its findings, sorted.
func (e *Engine) Lint(d *Document, ctx Context) []Finding {
	fs, _ := e.LintLang(d, ctx)
	return fs
}

// LintLang is Lint that also returns the language the document was judged
// in: ctx.Lang, or the detected one when that is empty.
func (e *Engine) LintLang(d *Document, ctx Context) ([]Finding, string) {
	ev := e.analyse(d, ctx)
	defer e.release(ev)
	ev.run()
	// The findings outlive the pooled state: hand out a copy of exactly
	// their number (nil when there are none, as before).
	var fs []Finding
	if len(ev.findings) > 0 {
		fs = make([]Finding, len(ev.findings))
		copy(fs, ev.findings)
	}
	out := applySuppressions(d, fs, e.pb)
	sortFindings(out)
	if ctx.Fold {
		out = ev.fold(out)
	}
	return out, ev.lang
}

// fold gathers the foldable findings of one tone in one sentence into the
// first of them (see Context.Fold). fs is sorted and stays sorted: a group
// starts where its first finding does.
func (ev *evaluation) fold(fs []Finding) []Finding {
	type key struct {
		sentence int32
		tone     string
	}
	var at map[key]int // a group's finding in out
	out := fs[:0]
	folded := false
	for _, f := range fs {
		if !ev.e.foldable[f.Rule] {
			out = append(out, f)
			continue
		}
		k := key{ev.sentenceAt(f.Offset), f.Tone}
		i, ok := at[k]
		if !ok {
			if at == nil {
				at = map[key]int{}
			}
			at[k] = len(out)
			out = append(out, f)
			continue
		}
		g := &out[i]
		from, to := g.Offset, max(g.End, f.End)
		also := slices.Concat(g.Also, f.Also)
		if severityRank(f.Severity) > severityRank(g.Severity) {
			also = append(also, g.Rule)
			*g = f
		} else {
			also = append(also, f.Rule)
		}
		slices.Sort(also)
		g.Also = slices.DeleteFunc(slices.Compact(also), func(r string) bool { return r == g.Rule })
		g.Offset, g.End = from, to
		folded = true
	}
	if !folded {
		return out
	}
	for i := range out {
		if ev.e.foldable[out[i].Rule] {
			out[i] = ev.d.locate(out[i])
		}
	}
	sortFindings(out)
	return out
}

// severityRank orders severities: error above warning above info (a
// model feature counts findings at its severity or above).
func severityRank(s string) int {
	switch s {
	case "error":
		return 3
	case "warning":
		return 2
	case "info":
		return 1
	}
	return 0
}

// evalState is the pooled per-file state: the analysis, the evaluation
// and the plan of the last language and channel seen.
type evalState struct {
	a    *analysis
	ev   evaluation
	plan *plan
	// findings backs evaluation.findings; ignore backs metric's bit set.
	findings []Finding
	ignore   []uint64
}

// analyse tokenizes d and matches the lexicon of its language: the work
// every judgement starts from. release returns the pooled state.
func (e *Engine) analyse(d *Document, ctx Context) *evaluation {
	st := e.pool.Get().(*evalState)
	a := st.a
	a.reset(len(e.groups))
	d.prepareVoice(ctx.Channel)
	a.tokenize(d)
	lang := ctx.Lang
	if lang == "" {
		lang = DetectLang(a, e.pb.Lang)
	}
	a.match(e.matchers[lang])
	p := st.plan
	if p == nil || p.lang != lang || p.channel != ctx.Channel {
		p = e.planFor(lang, ctx.Channel)
		st.plan = p
	}
	st.ev = evaluation{e: e, a: a, d: d, ctx: ctx, lang: lang, plan: p, st: st, findings: st.findings[:0]}
	return &st.ev
}

// release returns the state of an evaluation to the pool; ev must not be
// used after.
func (e *Engine) release(ev *evaluation) {
	st := ev.st
	if cap(ev.findings) <= 256 {
		clear(ev.findings[:cap(ev.findings)]) // keep no file's text alive
		st.findings = ev.findings[:0]
	} else {
		st.findings = nil
	}
	st.ev = evaluation{}
	e.pool.Put(st)
}

// ruleKind numbers the kinds of rule.
type ruleKind uint8

const (
	kindNone ruleKind = iota
	kindTerms
	kindPattern
	kindSentence
	kindMetric
	kindRequire
)

var kindOf = map[string]ruleKind{"terms": kindTerms, "pattern": kindPattern, "sentence": kindSentence,
	"metric": kindMetric, "require": kindRequire}

// plan is what depends only on a file's language and channel: which rules
// apply (ctx.Disabled aside) and which the channel requires.
type plan struct {
	lang, channel string
	ok            []bool  // rule index → the rule's languages and channels admit the file
	required      []bool  // rule index → the channel requires the rule
	rules         []*rule // the rules of ok other than terms rules, in order
}

type planKey struct{ lang, channel string }

// planFor returns the plan of a language and channel, computed once.
func (e *Engine) planFor(lang, channel string) *plan {
	key := planKey{lang, channel}
	e.planMu.Lock()
	p := e.plans[key]
	e.planMu.Unlock()
	if p != nil {
		return p
	}
	p = &plan{lang: lang, channel: channel, ok: make([]bool, len(e.rules)), required: make([]bool, len(e.rules))}
	ch := e.pb.Channel(channel)
	for i, r := range e.rules {
		p.ok[i] = (len(r.Langs) == 0 || slices.Contains(r.Langs, lang)) &&
			(len(r.Channels) == 0 || slices.Contains(r.Channels, channel))
		if p.ok[i] && r.k != kindTerms {
			p.rules = append(p.rules, r)
		}
		if ch != nil {
			p.required[i] = slices.Contains(ch.Require, r.ID)
		}
	}
	e.planMu.Lock()
	if e.plans == nil {
		e.plans = map[planKey]*plan{}
	}
	if len(e.plans) < 1024 { // channels come from the files: bound the memo
		e.plans[key] = p
	}
	e.planMu.Unlock()
	return p
}

// LintText lints a bare message text (no file), as the drafting flow and
// the rule examples do.
func (e *Engine) LintText(text string, ctx Context) []Finding {
	d, err := Parse("<text>", []byte(text), true)
	if err != nil {
		return nil
	}
	defer d.Release() // the findings keep only strings of Raw
	return e.Lint(d, ctx)
}

type evaluation struct {
	e        *Engine
	a        *analysis
	d        *Document
	ctx      Context
	lang     string
	findings []Finding
	litBits  []uint64 // prefilter literals per sentence, once a pattern rule needs them
	plan     *plan
	st       *evalState
}

func (ev *evaluation) applies(r *rule) bool {
	return ev.plan.ok[r.idx] && (len(ev.ctx.Disabled) == 0 || !ev.ctx.Disabled[r.ID])
}

func (ev *evaluation) add(r *rule, from, to int, msg string) {
	sev := r.Severity
	if s, ok := ev.ctx.Severity[r.ID]; ok {
		sev = s
	}
	if msg == "" {
		msg = r.Message
	}
	f := Finding{Rule: r.ID, Principle: r.Principle, Tone: r.Tone, Severity: sev, Message: strings.TrimSpace(msg),
		Suggestion: strings.TrimSpace(r.Suggestion), Offset: from, End: to}
	ev.findings = append(ev.findings, ev.d.locate(f))
}

// locate fills match text and line/column positions from byte offsets.
func (d *Document) locate(f Finding) Finding {
	f.Match = d.Raw[f.Offset:f.End]
	if len(f.Match) > 200 {
		f.Match = f.Match[:200] + "…"
		for !validPrefix(f.Match) {
			f.Match = f.Match[:len(f.Match)-4] + "…"
		}
	}
	f.Line, f.Column = d.Position(f.Offset)
	f.EndLine, f.EndColumn = d.Position(f.End)
	return f
}

func validPrefix(s string) bool { return strings.ToValidUTF8(s, "\x00") == s }

func (ev *evaluation) run() {
	ev.runRules()
	if ev.e.model != nil {
		ev.judgeStatement(ev.e.model)
	}
}

// runRules evaluates the rules: everything but the statement-level model.
func (ev *evaluation) runRules() {
	a := ev.a
	// terms: one walk over all hits
	for _, h := range a.hits {
		for _, r := range ev.e.byGroup[h.group] {
			if !ev.applies(r) {
				continue
			}
			s := a.tokens[h.tok].sentence
			if ev.cleared(r, s, s) {
				continue
			}
			ev.add(r, a.tokens[h.tok].start, a.tokens[h.end-1].end, "")
		}
	}
	for _, r := range ev.plan.rules {
		if len(ev.ctx.Disabled) > 0 && ev.ctx.Disabled[r.ID] {
			continue
		}
		switch r.k {
		case kindPattern:
			ev.pattern(r)
		case kindSentence:
			ev.sentence(r)
		case kindMetric:
			ev.metric(r)
		case kindRequire:
			ev.require(r)
		}
	}
	ev.dedupe()
	if ev.e.weighing != nil {
		ev.weigh(ev.e.weighing)
	}
}

// cleared reports whether a match of r in sentences [from, to] gives way:
// a group of r.unless in those sentences, or of r.unlessSt anywhere.
func (ev *evaluation) cleared(r *rule, from, to int32) bool {
	for _, g := range r.unless {
		if ev.a.sentenceHas(g, from, to) {
			return true
		}
	}
	for _, g := range r.unlessSt {
		if len(ev.a.groupHits[g]) > 0 {
			return true
		}
	}
	return false
}

func (ev *evaluation) pattern(r *rule) {
	// Patterns match within a sentence; the prefilter skips sentences that
	// lack every literal the pattern needs.
	var words int
	if r.lits != nil {
		words = ev.e.lits.words()
		if ev.litBits == nil {
			ev.scanLiterals()
		}
		if !r.lits.holds(ev.litBits[len(ev.a.sentences)*words:]) {
			return
		}
	}
	for si, s := range ev.a.sentences {
		if r.lits != nil && !r.lits.holds(ev.litBits[si*words:]) {
			continue
		}
		for _, loc := range r.re().FindAllIndex(ev.d.voice[s.start:s.end], -1) {
			if loc[0] == loc[1] {
				continue
			}
			if ev.cleared(r, int32(si), int32(si)) {
				break
			}
			ev.add(r, s.start+loc[0], s.start+loc[1], "")
		}
	}
}

// scanLiterals finds the prefilter literals of every sentence: sentence i
// has the bit set ev.litBits[i*words:], and a last set is their union.
func (ev *evaluation) scanLiterals() {
	words := ev.e.lits.words()
	n := len(ev.a.sentences)
	bits := ev.a.litBits[:0]
	for range (n + 1) * words {
		bits = append(bits, 0)
	}
	ev.a.litBits = bits
	all := bits[n*words:]
	ss, voice, x := ev.a.sentences, ev.d.voice, ev.e.lits
	// Two sentences at a time: see scan2.
	i := 0
	for ; i+1 < n; i += 2 {
		x.scan2(voice[ss[i].start:ss[i].end], voice[ss[i+1].start:ss[i+1].end], bits[i*words:(i+1)*words], bits[(i+1)*words:(i+2)*words])
	}
	if i < n {
		x.scan(voice[ss[i].start:ss[i].end], bits[i*words:(i+1)*words])
	}
	for i := range n {
		for k, w := range bits[i*words : (i+1)*words] {
			all[k] |= w
		}
	}
	ev.litBits = bits
}

func (ev *evaluation) sentenceAt(off int) int32 {
	ss := ev.a.sentences
	i := sort.Search(len(ss), func(i int) bool { return ss[i].end > off })
	if i < len(ss) {
		return int32(i)
	}
	return -1
}

// sentence reports co-occurrence of groups within a window of sentences.
func (ev *evaluation) sentence(r *rule) {
	a := ev.a
	// A window needs a hit of every group of r.all and one of r.any: a
	// document without them has no such window.
	for _, g := range r.all {
		if len(a.groupHits[g]) == 0 {
			return
		}
	}
	if len(r.any) > 0 {
		found := false
		for _, g := range r.any {
			if len(a.groupHits[g]) > 0 {
				found = true
				break
			}
		}
		if !found {
			return
		}
	}
	span := int32(max(r.Sentence.Span, 1))
	last := int32(-1) // last sentence already reported, to avoid overlapping windows
	for s := int32(0); s < int32(len(a.sentences)); s++ {
		if s <= last {
			continue
		}
		to := min(s+span-1, int32(len(a.sentences))-1)
		first, end, ok := ev.cooccur(r, s, to)
		if !ok || ev.cleared(r, s, to) {
			continue
		}
		ev.add(r, first, end, "")
		last = to
	}
}

// cooccur finds one hit per group of r.all (in order when r.Ordered) and
// one of r.any inside sentences [from, to]; it returns the covered range.
func (ev *evaluation) cooccur(r *rule, from, to int32) (int, int, bool) {
	a := ev.a
	minOff, maxOff := -1, -1
	prevEnd := -1
	take := func(h hit) {
		s, e := a.tokens[h.tok].start, a.tokens[h.end-1].end
		if minOff < 0 || s < minOff {
			minOff = s
		}
		if e > maxOff {
			maxOff = e
		}
	}
	hits := a.hitsIn(from, to)
	for _, g := range r.all {
		found := false
		for _, h := range hits {
			if h.group != g || (r.Sentence.Ordered && a.tokens[h.tok].start < prevEnd) {
				continue
			}
			take(h)
			prevEnd = a.tokens[h.end-1].end
			found = true
			break
		}
		if !found {
			return 0, 0, false
		}
	}
	if len(r.any) > 0 {
		found := false
		for _, h := range hits {
			if !containsID(r.any, h.group) || (r.Sentence.Ordered && a.tokens[h.tok].start < prevEnd) {
				continue
			}
			take(h)
			found = true
			break
		}
		if !found {
			return 0, 0, false
		}
	}
	return minOff, maxOff, true
}

func (ev *evaluation) countHits(groups []int32) (n int, first int) {
	first = -1
	for _, g := range groups {
		for _, hi := range ev.a.groupHits[g] {
			n++
			if off := ev.a.tokens[ev.a.hits[hi].tok].start; first < 0 || off < first {
				first = off
			}
		}
	}
	return n, first
}

func (ev *evaluation) metric(r *rule) {
	m := r.Metric
	a := ev.a
	switch m.Name {
	case "exclamations":
		n := 0
		body := ev.d.voice[ev.d.Body:]
		for i := 0; ; i++ {
			k := bytes.IndexByte(body[i:], '!')
			if k < 0 {
				break
			}
			i += k
			n++
			if float64(n) > m.Max {
				off := ev.d.Body + i
				ev.add(r, off, off+1, fmt.Sprintf("%s (%d exclamation marks; at most %g read as calm)", r.Message, countByte(body, '!'), m.Max))
				return
			}
		}
	case "capitals":
		// Fewer words in capitals than the most allowed, even before
		// taking out those of r.groups: nothing to report.
		caps := 0
		for i := range a.tokens {
			if a.tokens[i].caps {
				caps++
			}
		}
		if float64(caps) <= m.Max {
			return
		}
		n := 0
		// ignore has a bit for each token of a hit of r.groups.
		ignore := ev.st.ignore[:0]
		for range (len(a.tokens) + 63) / 64 {
			ignore = append(ignore, 0)
		}
		ev.st.ignore = ignore
		for _, g := range r.groups {
			for _, hi := range a.groupHits[g] {
				t := a.hits[hi].tok
				ignore[t>>6] |= 1 << (t & 63)
			}
		}
		for i := range a.tokens {
			t := &a.tokens[i]
			if !t.caps || ignore[i>>6]&(1<<(i&63)) != 0 {
				continue
			}
			n++
			if float64(n) > m.Max {
				ev.add(r, t.start, t.end, "")
				return
			}
		}
	case "share":
		n, first := ev.countHits(r.groups)
		if n < max(m.MinCount, 1) || len(a.tokens) == 0 {
			return
		}
		if v := float64(n) / float64(len(a.tokens)); v > m.Max {
			ev.add(r, first, tokenEndAt(a, first), fmt.Sprintf("%s (%d of %d words, %.0f%%)", r.Message, n, len(a.tokens), v*100))
		}
	case "ratio":
		n, first := ev.countHits(r.groups)
		if n < max(m.MinCount, 1) {
			return
		}
		d, _ := ev.countHits(r.per)
		v := float64(n) / float64(max(d, 1))
		if v > m.Max {
			ev.add(r, first, tokenEndAt(a, first), fmt.Sprintf("%s (%d to %d)", r.Message, n, d))
		}
	}
}

func tokenEndAt(a *analysis, start int) int {
	for _, t := range a.tokens {
		if t.start == start {
			return t.end
		}
	}
	return start
}

func countByte(b []byte, c byte) int {
	n := 0
	for _, x := range b {
		if x == c {
			n++
		}
	}
	return n
}

// dedupe drops a finding that repeats the same rule at the same place
// (two terms of one rule on overlapping words).
func (ev *evaluation) dedupe() {
	sortFindings(ev.findings)
	out := ev.findings[:0]
	for _, f := range ev.findings {
		if n := len(out); n > 0 && out[n-1].Rule == f.Rule && f.Offset < out[n-1].End {
			if f.End > out[n-1].End {
				out[n-1].End = f.End
				out[n-1] = ev.d.locate(out[n-1])
			}
			continue
		}
		out = append(out, f)
	}
	ev.findings = out
}

func sortFindings(fs []Finding) {
	if len(fs) > 16 {
		slices.SortStableFunc(fs, func(a, b Finding) int {
			if a.Offset != b.Offset {
				return cmp.Compare(a.Offset, b.Offset)
			}
			if a.End != b.End {
				return cmp.Compare(a.End, b.End)
			}
			return strings.Compare(a.Rule, b.Rule)
		})
		return
	}
	// A file has few findings, mostly in order already (the second sort
	// of a file finds them sorted): insertion sort, stable as well.
	for i := 1; i < len(fs); i++ {
		for j := i; j > 0 && findingLess(&fs[j], &fs[j-1]); j-- {
			fs[j], fs[j-1] = fs[j-1], fs[j]
		}
	}
}

func findingLess(a, b *Finding) bool {
	if a.Offset != b.Offset {
		return a.Offset < b.Offset
	}
	if a.End != b.End {
		return a.End < b.End
	}
	return a.Rule < b.Rule
}

// Plain returns the text of the document with front matter, code and
// comments blanked, byte for byte aligned with Raw.
func (d *Document) Plain() string { return d.plainText }

// Locate fills a finding's match and positions from its byte offsets.
func (d *Document) Locate(f Finding) Finding { return d.locate(f) }

// SortFindings orders findings by position, then rule id.
func SortFindings(fs []Finding) { sortFindings(fs) }
