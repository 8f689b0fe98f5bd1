package lint

import (
	"fmt"
	"math"
	"reflect"
	"regexp"
	"slices"
	"sort"
	"strings"
	"testing"

	"github.com/crisis-comms/crisis/playbook"
)

// refEval is the rule evaluation as it was before its fast paths: every
// rule's languages and channels compared per file and per hit, a map for
// the capitals metric, every sentence window of a sentence rule tried,
// the prefilter literals found by one substring search per literal, and
// the start-time and phone checks by expressions (refHasConcreteTime,
// phoneRe over the whole text). FuzzEvaluation holds Lint to it.
type refEval struct {
	e        *Engine
	a        *analysis
	d        *Document
	ctx      Context
	lang     string
	findings []Finding
}

// refLint is LintLang with refEval.
func refLint(e *Engine, d *Document, ctx Context) []Finding {
	ev := e.analyse(d, ctx)
	defer e.release(ev)
	r := &refEval{e: e, a: ev.a, d: d, ctx: ctx, lang: ev.lang}
	r.run()
	out := applySuppressions(d, r.findings, e.pb)
	refSortFindings(out)
	return out
}

func (ev *refEval) applies(r *rule) bool {
	if ev.ctx.Disabled[r.ID] {
		return false
	}
	if len(r.Langs) > 0 && !slices.Contains(r.Langs, ev.lang) {
		return false
	}
	if len(r.Channels) > 0 && !slices.Contains(r.Channels, ev.ctx.Channel) {
		return false
	}
	return true
}

func (ev *refEval) add(r *rule, from, to int, msg string) {
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

func (ev *refEval) run() {
	a := ev.a
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
	for _, r := range ev.e.rules {
		if !ev.applies(r) {
			continue
		}
		switch r.kind {
		case "pattern":
			ev.pattern(r)
		case "sentence":
			ev.sentence(r)
		case "metric":
			ev.metric(r)
		case "require":
			ev.require(r)
		}
	}
	ev.dedupe()
	if ev.e.weighing != nil {
		ev.weigh()
	}
	if ev.e.model != nil {
		ev.model()
	}
}

// weigh is the weighing of a lone cue in its plain form: for each tone,
// every finding's sentence and rule strength looked up afresh, every
// signal's groups sought through all hits, and every require signal's
// detector run.
func (ev *refEval) weigh() {
	w := ev.e.weighing.Weighing
	strength := map[string]string{}
	for _, r := range ev.e.pb.Rules {
		strength[r.ID] = r.Strength
	}
	for _, tone := range w.Tones {
		var sentences []int32
		strong, weak := false, true
		for _, f := range ev.findings {
			if f.Tone != tone || (f.Severity != "warning" && f.Severity != "error") {
				continue
			}
			sentences = append(sentences, ev.sentenceAt(f.Offset))
			strong = strong || strength[f.Rule] == "strong"
			weak = weak && strength[f.Rule] == "weak"
		}
		slices.Sort(sentences)
		if strong || len(slices.Compact(sentences)) != 1 || sentences[0] < 0 {
			continue
		}
		need := w.Min
		if weak && w.MinWeak > 0 {
			need = w.MinWeak
		}
		var names []string
		for _, sg := range w.Signals {
			if sg.Rule != "" {
				continue
			}
			var ids []int32
			for _, g := range sg.Groups {
				ids = append(ids, ev.e.groups[g])
			}
			for _, h := range ev.a.hits {
				if slices.Contains(ids, h.group) && ev.a.tokens[h.tok].sentence != sentences[0] {
					names = append(names, sg.Title)
					break
				}
			}
		}
		for _, sg := range w.Signals {
			if sg.Rule == "" || len(names) >= need {
				continue
			}
			var r *rule
			for _, x := range ev.e.rules {
				if x.ID == sg.Rule && x.kind == "require" {
					r = x
				}
			}
			if r == nil {
				continue
			}
			has := false
			switch r.Require.Element {
			case "next-update":
				has = ev.hasNextUpdate(r)
			case "contact":
				has = ev.hasContact(r)
			case "link":
				has = ev.hasHelpLink(r)
			case "phone":
				has = ev.hasPhone()
			}
			if has {
				names = append(names, sg.Title)
			}
		}
		if len(names) < need {
			continue
		}
		note := strings.ReplaceAll(strings.TrimSpace(w.Message), "{signals}", strings.Join(names, ", "))
		for i := range ev.findings {
			f := &ev.findings[i]
			if f.Tone == tone && (f.Severity == "warning" || f.Severity == "error") {
				f.Severity = "info"
				f.Message += " " + note
			}
		}
	}
}

// refSubject reports, in its plain form, whether a hit of groups in
// sentence si has g as its subject: the actor word nearest before it (or
// on its first word), else the first after it followed through the actor
// words straight after that one ("our supplier").
func (ev *refEval) refSubject(si int32, groups []int32, g int32) bool {
	a, actor := ev.a, ev.e.model.actor
	isActor := func(h hit) bool { return int(h.group) < len(actor) && actor[h.group] }
	for i, h := range a.hits {
		if a.tokens[h.tok].sentence != si || !slices.Contains(groups, h.group) {
			continue
		}
		subj := int32(-1)
		for j, o := range a.hits {
			if j != i && a.tokens[o.tok].sentence == si && isActor(o) && o.tok <= h.tok {
				subj = max(subj, o.tok)
			}
		}
		if subj < 0 {
			for _, o := range a.hits {
				if a.tokens[o.tok].sentence == si && isActor(o) && o.tok > h.tok && (subj < 0 || o.tok < subj) {
					subj = o.tok
				}
			}
			for next := true; subj >= 0 && next; {
				next = false
				for _, o := range a.hits {
					if a.tokens[o.tok].sentence == si && isActor(o) && o.tok == subj+1 {
						subj, next = subj+1, true
						break
					}
				}
			}
		}
		for _, o := range a.hits {
			if subj >= 0 && o.tok == subj && o.group == g {
				return true
			}
		}
	}
	return false
}

// model is the statement-level verdict in its plain form: every feature
// counted by looking at every sentence and every hit.
func (ev *refEval) model() {
	a, m := ev.a, ev.e.model
	counts, first := make([]int, len(m.feats)), make([]int32, len(m.feats))
	for i, f := range m.feats {
		first[i] = -1
		switch {
		case f.Rule != "" || f.Tone != "":
			for _, fd := range ev.findings {
				if (f.Rule != "" && fd.Rule == f.Rule || f.Rule == "" && fd.Tone == f.Tone) && severityRank(fd.Severity) >= f.minSev {
					if counts[i] == 0 {
						first[i] = ev.sentenceAt(fd.Offset)
					}
					counts[i]++
				}
			}
		case f.message:
			// counted by the rarest group (the first of equals), shown by its first hit
			best := -1
			for _, g := range f.groups {
				if best < 0 || len(a.groupHits[g]) < len(a.groupHits[f.groups[best]]) {
					best = slices.Index(f.groups, g)
				}
			}
			if best >= 0 {
				for _, h := range a.hits {
					if h.group == f.groups[best] {
						if counts[i] == 0 {
							first[i] = a.tokens[h.tok].sentence
						}
						counts[i]++
					}
				}
			}
		default:
			for si := range a.sentences {
				all := len(f.groups) > 0
				for _, g := range f.groups {
					found := false
					for _, h := range a.hits {
						if h.group == g && a.tokens[h.tok].sentence == int32(si) {
							found = true
						}
					}
					all = all && found
				}
				if all && f.subject >= 0 {
					all = ev.refSubject(int32(si), f.groups, f.subject)
				}
				if all {
					if counts[i] == 0 {
						first[i] = int32(si)
					}
					counts[i]++
				}
			}
		}
	}
	for _, h := range m.heads {
		if h.Off || len(h.Langs) > 0 && !slices.Contains(h.Langs, ev.lang) || ev.ctx.Disabled[h.ID] {
			continue
		}
		ruled := false
		for _, fd := range ev.findings {
			ruled = ruled || fd.Tone == h.Tone && (fd.Severity == "error" || fd.Severity == "warning")
		}
		if ruled {
			continue
		}
		value := func(i int) float64 {
			if m.feats[i].Share {
				return float64(counts[i]) / float64(len(a.sentences))
			}
			return math.Log1p(float64(counts[i]))
		}
		z := h.Bias
		for i := range m.feats {
			z += h.w[i] * value(i)
		}
		if 1/(1+math.Exp(-z)) < h.Threshold {
			continue
		}
		// the cues that pull towards the tone, strongest first (stable)
		var order []int
		for i := range m.feats {
			if h.w[i]*value(i) > 0 && first[i] >= 0 {
				order = append(order, i)
			}
		}
		// strongest first (stable); several cues: at least two occurrences
		// in all, each evidence counted once at its largest count and
		// named once, by its strongest feature
		sort.SliceStable(order, func(x, y int) bool {
			return h.w[order[x]]*value(order[x]) > h.w[order[y]]*value(order[y])
		})
		most := map[int]int{}
		var names []string
		for _, i := range order {
			key := m.feats[i].evidence
			if _, ok := most[key]; !ok && len(names) < 3 {
				names = append(names, fmt.Sprintf("%s (%d)", m.feats[i].Title, counts[i]))
			}
			most[key] = max(most[key], counts[i])
		}
		seen := 0
		for _, n := range most {
			seen += n
		}
		if seen < 2 {
			continue
		}
		s := a.sentences[first[order[0]]]
		text := ev.d.voice[s.start:s.end]
		from := s.start + len(text) - len(strings.TrimLeft(string(text), " \t\n\f\r"))
		to := s.start + len(strings.TrimRight(string(text), " \t\n\f\r"))
		if to < from {
			to = from
		}
		sev := h.Severity
		if o, ok := ev.ctx.Severity[h.ID]; ok {
			sev = o
		}
		f := Finding{Rule: h.ID, Principle: h.Principle, Tone: h.Tone, Severity: sev,
			Message:    strings.ReplaceAll(strings.TrimSpace(h.Message), "{cues}", strings.Join(names, ", ")),
			Suggestion: strings.TrimSpace(h.Suggestion), Offset: from, End: to}
		ev.findings = append(ev.findings, ev.d.locate(f))
	}
}

func (ev *refEval) cleared(r *rule, from, to int32) bool {
	for _, g := range r.unless {
		if ev.a.sentenceHas(g, from, to) {
			return true
		}
	}
	for _, g := range r.unlessSt {
		for s := int32(0); s < int32(len(ev.a.sentences)); s++ {
			if ev.a.sentenceHas(g, s, s) {
				return true
			}
		}
	}
	return false
}

func (ev *refEval) pattern(r *rule) {
	for si, s := range ev.a.sentences {
		text := ev.d.voice[s.start:s.end]
		if r.lits != nil && !r.lits.in(strings.ToLower(string(text))) {
			continue
		}
		for _, loc := range r.re().FindAllIndex(text, -1) {
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

func (ev *refEval) sentenceAt(off int) int32 {
	ss := ev.a.sentences
	i := sort.Search(len(ss), func(i int) bool { return ss[i].end > off })
	if i < len(ss) {
		return int32(i)
	}
	return -1
}

func (ev *refEval) sentence(r *rule) {
	a := ev.a
	span := int32(max(r.Sentence.Span, 1))
	last := int32(-1)
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

func (ev *refEval) cooccur(r *rule, from, to int32) (int, int, bool) {
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

func (ev *refEval) countHits(groups []int32) (n int, first int) {
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

func (ev *refEval) metric(r *rule) {
	m := r.Metric
	a := ev.a
	switch m.Name {
	case "exclamations":
		n := 0
		body := ev.d.voice[ev.d.Body:]
		for i, c := range body {
			if c != '!' {
				continue
			}
			n++
			if float64(n) > m.Max {
				off := ev.d.Body + i
				ev.add(r, off, off+1, fmt.Sprintf("%s (%d exclamation marks; at most %g read as calm)", r.Message, countByte(body, '!'), m.Max))
				return
			}
		}
	case "capitals":
		n := 0
		ignore := map[int]bool{}
		for _, g := range r.groups {
			for _, hi := range a.groupHits[g] {
				ignore[int(a.hits[hi].tok)] = true
			}
		}
		for i, t := range a.tokens {
			if !t.caps || ignore[i] {
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

func (ev *refEval) dedupe() {
	refSortFindings(ev.findings)
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

func (ev *refEval) hasNextUpdate(r *rule) bool {
	a := ev.a
	text := ev.d.plainText
	cue := make([]bool, len(a.sentences))
	for _, g := range r.cues {
		for _, hi := range a.groupHits[g] {
			cue[a.tokens[a.hits[hi].tok].sentence] = true
		}
	}
	// The clauses of the cue sentences, and the clause of each of their
	// tokens.
	var clauses []*refClause
	clauseOf := map[int32]*refClause{}
	for si, ok := range cue {
		if ok {
			for _, c := range refSplitClauses(text, a, int32(si)) {
				clauses = append(clauses, c)
				for _, k := range c.toks {
					clauseOf[k] = c
				}
			}
		}
	}
	has := func(groups []int32, c *refClause) bool {
		for _, g := range groups {
			for _, hi := range a.groupHits[g] {
				if clauseOf[a.hits[hi].tok] == c {
					return true
				}
			}
		}
		return false
	}
	for _, c := range clauses {
		c.cue, c.not, c.future = has(r.cues, c), has(r.not, c), has(r.future, c)
		for _, g := range r.past {
			for _, hi := range a.groupHits[g] {
				t := a.tokens[a.hits[hi].tok]
				if clauseOf[a.hits[hi].tok] == c && !refNounInside.MatchString(text[a.sentences[t.sentence].start:t.start]+"\x00"+text[t.start:]) {
					c.past = true
				}
			}
		}
	}
	// Voids reach across a parenthesis both ways, and forward across a
	// colon or dash that governs.
	for i, c := range clauses {
		if c.link != nil {
			c.not, c.link.not = c.not || c.link.not, c.not || c.link.not
			c.past, c.link.past = c.past || c.link.past, c.past || c.link.past
			c.perfect, c.link.perfect = c.perfect || c.link.perfect, c.perfect || c.link.perfect
			c.simplePast, c.link.simplePast = c.simplePast || c.link.simplePast, c.simplePast || c.link.simplePast
		}
		if c.governed && i > 0 && clauses[i-1].sent == c.sent {
			p := clauses[i-1]
			c.not, c.past = c.not || p.not, c.past || p.past
			c.perfect, c.simplePast = c.perfect || p.perfect, c.simplePast || p.simplePast
		}
	}
	live := func(c *refClause) bool {
		return !c.not && (!c.past || c.future) && (!c.perfect || c.future || c.deadline || c.cadence) &&
			(!c.simplePast || c.future || c.cadence)
	}
	// inRun: live, and in an unbroken row of live clauses of its sentence
	// of which one has a cue.
	inRun := func(c *refClause) bool {
		i := slices.Index(clauses, c)
		if !live(c) {
			return false
		}
		for j := i; j >= 0 && clauses[j].sent == c.sent && live(clauses[j]); j-- {
			if clauses[j].cue {
				return true
			}
		}
		for j := i; j < len(clauses) && clauses[j].sent == c.sent && live(clauses[j]); j++ {
			if clauses[j].cue {
				return true
			}
		}
		return false
	}
	for _, g := range r.when {
		for _, hi := range a.groupHits[g] {
			t := a.tokens[a.hits[hi].tok]
			c := clauseOf[a.hits[hi].tok]
			if c == nil || !inRun(c) {
				continue
			}
			if sn := a.sentences[t.sentence]; t.start >= sn.start && t.start <= len(text) &&
				refSinceBeforeRe.MatchString(lastWords(text[sn.start:t.start], 2)) {
				continue
			}
			if h := a.hits[hi]; h.end > h.tok && refPossessive(text, a.tokens[h.end-1].end) {
				continue
			}
			return true
		}
	}
	for i := 0; i < len(clauses); i++ {
		if !inRun(clauses[i]) {
			continue
		}
		j := i
		for j+1 < len(clauses) && clauses[j+1].sent == clauses[i].sent && inRun(clauses[j+1]) {
			j++
		}
		if refHasConcreteTime(text[clauses[i].from:clauses[j].to]) {
			return true
		}
		i = j
	}
	return false
}

// refClause is a clause of a cue sentence in refEval.hasNextUpdate.
type refClause struct {
	sent                                   int32
	from, to                               int
	toks                                   []int32
	cue, not, past, future, governed       bool
	perfect, simplePast, deadline, cadence bool
	link                                   *refClause // the clause before the parenthesis this one follows
}

// The words that shape a clause, as the reference reads them.
var (
	refSubjects  = strings.Fields("we i you they he she it there our your their this these wir ich du ihr sie er es man unser unsere unseren unserem unserer euer eure")
	refJoins     = strings.Fields("and but und aber")
	refOpeners   = strings.Fields("meanwhile währenddessen zwischenzeitlich because weil nachdem")
	refThens     = strings.Fields("dahin then meantime zwischenzeit")
	refHaben     = strings.Fields("habe hat haben hast habt")
	refSein      = strings.Fields("ist sind bin")
	refPartHaben = strings.Fields("informiert benachrichtigt veröffentlicht gepostet verschickt geschickt versendet versandt gesendet gemeldet mitgeteilt bekanntgegeben angekündigt aktualisiert behoben repariert gelöst beseitigt entdeckt bemerkt festgestellt begonnen angefangen gestartet ausgelöst beantwortet angerufen geschrieben geliefert nachgeliefert ausgeliefert zugestellt nachgeholt erstattet besprochen")
	refPartSein  = strings.Fields("ausgefallen abgestürzt zusammengebrochen passiert geschehen aufgetreten eingetroffen eingegangen gewesen gestartet")
	refReportEN  = strings.Fields("posted published emailed texted tweeted notified informed announced shared updated fixed resolved repaired noticed detected discovered spotted failed crashed stopped started broke struck sent wrote told discussed returned")
	refBe        = strings.Fields("be been being is are s re m will ll get gets getting to has have had ve d")
	refDeadline  = strings.Fields("bis spätestens by until till within innerhalb")
	refCadence   = strings.Fields("daily hourly weekly every each täglich stündlich wöchentlich jeden jede jeder")

	refSinceBeforeRe = regexp.MustCompile(`(?i)(?:^|\s)(?:seit|since)$|^(?:seit|since) (?:heute|gestern|this|yesterday|last)$`)

	refContractedRe = regexp.MustCompile(`(?:'|’)(?:s|re|m|ve|d|ll)$`)

	refCloseRe = regexp.MustCompile(`\)`)
	refOpenRe  = regexp.MustCompile(`\(`)
	refSemiRe  = regexp.MustCompile(`;`)
	refColonRe = regexp.MustCompile(`:[ \t\n\f\r]`)
	refDashRe  = regexp.MustCompile(` (?:–|—|-) `)
	refDigitE  = regexp.MustCompile(`[0-9]$`)
	refDigitS  = regexp.MustCompile(`^[0-9]`)
)

// refSplitClauses cuts sentence si into clauses, deciding at each token
// from the text between it and the word before.
func refSplitClauses(text string, a *analysis, si int32) []*refClause {
	sn := a.sentences[si]
	word := func(k int32) string { return a.tokens[k].folded }
	is := func(k int32, set []string) bool { return k >= sn.tok && k < sn.tokEnd && slices.Contains(set, word(k)) }
	// opensThen: "bis dahin", "until then", "in the meantime" from k on.
	opensThen := func(k int32) bool {
		return slices.Contains([]string{"bis", "until", "till"}, word(k)) && is(k+1, refThens) ||
			word(k) == "in" && is(k+2, refThens)
	}
	cur := &refClause{sent: si, from: sn.start}
	out := []*refClause{cur}
	var paren *refClause
	for k := sn.tok; k < sn.tokEnd; k++ {
		t := a.tokens[k]
		if k > sn.tok {
			prev := a.tokens[k-1]
			gap := text[min(prev.end, len(text)):min(max(t.start, prev.end), len(text))]
			subject := is(k, refSubjects)
			cut, governed := -1, false
			var link *refClause
			switch {
			case refCloseRe.MatchString(gap):
				cut, link, paren = prev.end, paren, nil
			case refOpenRe.MatchString(gap):
				cut, paren = prev.end, cur
			case refSemiRe.MatchString(gap):
				cut = prev.end
			case refColonRe.MatchString(gap) && (subject || is(k, refOpeners) || opensThen(k)):
				cut, governed = prev.end, true
			case refDashRe.MatchString(gap) && !refDigitE.MatchString(text[prev.start:prev.end]) && !refDigitS.MatchString(text[t.start:]):
				cut, governed = prev.end, !subject && !is(k, refOpeners) && !is(k, refJoins) && !is(k, refThens) && !opensThen(k)
			case subject && is(k-1, refJoins) && k-1 > sn.tok:
				cut = prev.start
			case is(k, refOpeners):
				cut = t.start
			case is(k, refThens) && slices.Contains([]string{"bis", "until", "till"}, word(k-1)) && k-1 > sn.tok:
				cut = prev.start
			case is(k, refThens) && (word(k-1) == "the" || word(k-1) == "der") && k-2 > sn.tok && word(k-2) == "in":
				cut = a.tokens[k-2].start
			}
			if cut >= 0 {
				next := &refClause{sent: si, from: cut, governed: governed, link: link}
				cur.to = cut
				// Words of the old clause after the cut move over.
				for len(cur.toks) > 0 && a.tokens[cur.toks[len(cur.toks)-1]].start >= cut {
					next.toks = append([]int32{cur.toks[len(cur.toks)-1]}, next.toks...)
					cur.toks = cur.toks[:len(cur.toks)-1]
				}
				cur = next
				out = append(out, cur)
			}
		}
		cur.toks = append(cur.toks, k)
	}
	cur.to = sn.end
	for _, c := range out {
		var words []string
		for _, k := range c.toks {
			words = append(words, word(k))
		}
		has := func(set []string) bool {
			return slices.ContainsFunc(words, func(w string) bool { return slices.Contains(set, w) })
		}
		for _, k := range c.toks {
			// „bis dahin“, "until then" set no deadline.
			if is(k, refDeadline) && !opensThen(k) {
				c.deadline = true
			}
			c.cadence = c.cadence || is(k, refCadence)
		}
		c.perfect = has(refHaben) && has(refPartHaben) || has(refSein) && has(refPartSein)
		for i, w := range words {
			if i > 0 && slices.Contains(refReportEN, w) && !slices.Contains(refBe, words[i-1]) && !refContractedRe.MatchString(words[i-1]) {
				c.simplePast = true
			}
		}
	}
	return out
}

// refNounInside matches "<sentence before the word>\x00<word…>" when the
// word is capitalised like a noun and something stands before it.
var refNounInside = regexp.MustCompile(`(?s)^.*[\pL\pN].*\x00\p{Lu}\p{Ll}`)

// refPossessive is possessive by regular expression: an 's that ends the
// word before end or follows it as a word of its own.
func refPossessive(text string, end int) bool {
	if end < 0 || end > len(text) {
		return false
	}
	return refPossessiveEnd.MatchString(text[:end]) || refPossessiveNext.MatchString(text[end:])
}

var (
	refPossessiveEnd  = regexp.MustCompile(`(?:'|\x{2019})s$`)
	refPossessiveNext = regexp.MustCompile(`^(?:'|\x{2019})s\b`)
)

func (ev *refEval) hasContact(r *rule) bool {
	a := ev.a
	for _, g := range r.cues {
		for _, hi := range a.groupHits[g] {
			s := a.tokens[a.hits[hi].tok].sentence
			pitch := false
			for _, ng := range r.not {
				if a.sentenceHas(ng, s, s) {
					pitch = true
					break
				}
			}
			if !pitch {
				return true
			}
		}
	}
	return len(ev.d.emails) > 0 || ev.hasHelpLink(r) || ev.hasPhone()
}

func (ev *refEval) hasPhone() bool {
	s := ev.d.plainText[ev.d.Body:]
	for _, loc := range phoneRe().FindAllStringIndex(s, -1) {
		if digits(s[loc[0]:loc[1]]) >= 7 {
			return true
		}
	}
	return false
}

func (ev *refEval) hasHelpLink(r *rule) bool {
	a := ev.a
	notTerms := ev.e.notTerms(r, ev.lang)
	isShop := func(url string, s int32) bool {
		for _, t := range notTerms {
			if strings.Contains(url, t) {
				return true
			}
		}
		helpPage := false
		for _, w := range helpURLWords {
			helpPage = helpPage || strings.Contains(url, w)
		}
		for _, g := range r.not {
			if !helpPage && s >= 0 && a.sentenceHas(g, max(s-1, 0), s) {
				return true
			}
		}
		return false
	}
	isHelp := func(url string, s int32) bool {
		if len(r.links) == 0 {
			return true
		}
		for _, w := range helpURLWords {
			if strings.Contains(url, w) {
				return true
			}
		}
		for _, g := range r.links {
			if s >= 0 && a.sentenceHas(g, s, s) {
				return true
			}
		}
		return false
	}
	for _, loc := range ev.d.links {
		url, s := strings.ToLower(ev.d.Raw[loc[0]:loc[1]]), ev.sentenceAt(loc[0])
		if !isShop(url, s) && isHelp(url, s) {
			return true
		}
	}
	return false
}

func (ev *refEval) require(r *rule) {
	required := false
	if ch := ev.e.pb.Channel(ev.ctx.Channel); ch != nil {
		for _, id := range ch.Require {
			if id == r.ID {
				required = true
			}
		}
	}
	if !required {
		return
	}
	switch r.Require.Element {
	case "next-update":
		if ev.ctx.Stage == "resolved" || ev.ctx.Stage == "followup" {
			return
		}
		if ev.hasNextUpdate(r) {
			return
		}
	case "contact":
		if ev.hasContact(r) {
			return
		}
	case "link":
		if ev.hasHelpLink(r) {
			return
		}
	case "phone":
		if ev.hasPhone() {
			return
		}
	}
	from, to := ev.firstLine()
	ev.add(r, from, to, "")
}

func (ev *refEval) firstLine() (int, int) {
	body := ev.d.Raw[ev.d.Body:]
	off := ev.d.Body
	for len(body) > 0 {
		line, rest, _ := strings.Cut(body, "\n")
		if t := strings.TrimSpace(line); t != "" {
			lead := len(line) - len(strings.TrimLeft(line, " \t"))
			return off + lead, off + len(strings.TrimRight(line, " \t\r"))
		}
		off += len(line) + 1
		body = rest
	}
	return ev.d.Body, ev.d.Body
}

// refDetected is Detected with refEval.
func refDetected(e *Engine, d *Document, ctx Context) (nextUpdate, contact bool) {
	ev := e.analyse(d, ctx)
	defer e.release(ev)
	r := &refEval{e: e, a: ev.a, d: d, ctx: ctx, lang: ev.lang}
	for _, x := range e.rules {
		if x.kind != "require" || !r.applies(x) {
			continue
		}
		switch x.Require.Element {
		case "next-update":
			nextUpdate = nextUpdate || r.hasNextUpdate(x)
		case "contact":
			contact = contact || r.hasContact(x)
		}
	}
	return nextUpdate, contact
}

// evalEngines are the built-in playbooks compiled, with the channels and
// stages files are judged in.
type evalEngines struct {
	engines  []*Engine
	channels []string
}

func newEvalEngines(t testing.TB) evalEngines {
	t.Helper()
	var ee evalEngines
	seen := map[string]bool{"": true, "nonesuch": true}
	ee.channels = []string{"", "nonesuch"}
	for _, name := range playbook.BuiltinNames() {
		e := builtinEngine(t, name)
		ee.engines = append(ee.engines, e)
		if on := modelOn(t, e.pb); on != nil {
			ee.engines = append(ee.engines, on)
		}
		for _, c := range e.pb.Channels {
			if !seen[c.ID] {
				seen[c.ID] = true
				ee.channels = append(ee.channels, c.ID)
			}
		}
	}
	return ee
}

// modelOn compiles pb with every model head on, so that the reference
// holds the model too while the built-in heads are off.
func modelOn(t testing.TB, pb *playbook.Playbook) *Engine {
	if pb.Model == nil {
		return nil
	}
	cp := *pb
	m := *pb.Model
	m.Heads = slices.Clone(m.Heads)
	for i := range m.Heads {
		m.Heads[i].Off = false
		m.Heads[i].Threshold = 0.3 // fire often enough to be compared
	}
	cp.Model = &m
	e, err := New(&cp)
	if err != nil {
		t.Fatal(err)
	}
	return e
}

// check lints text with every engine, in every channel (or only in the
// one numbered sel, when sel >= 0) and some contexts, and compares the
// findings and detections with the reference.
func (ee evalEngines) check(t *testing.T, text string, markdown bool, sel int) {
	t.Helper()
	d, err := Parse("f.md", []byte(text), markdown)
	if err != nil {
		return
	}
	for ei, e := range ee.engines {
		var some string
		if len(e.rules) > 0 {
			some = e.rules[len(text)%len(e.rules)].ID
		}
		for ci, ch := range ee.channels {
			if sel >= 0 && ci != sel%len(ee.channels) {
				continue
			}
			ctxs := []Context{
				{Channel: ch, Stage: "update"},
				{Lang: []string{"de", "en", "fr"}[ci%3], Channel: ch, Stage: []string{"", "resolved", "followup"}[ci%3]},
				{Channel: ch, Disabled: map[string]bool{some: true}, Severity: map[string]string{some: "info"}},
			}
			for _, ctx := range ctxs {
				got, _ := e.LintLang(d, ctx)
				want := refLint(e, d, ctx)
				if !reflect.DeepEqual(got, want) {
					t.Fatalf("engine %d, %+v, %q:\ngot  %+v\nwant %+v", ei, ctx, text, got, want)
				}
				gn, gc := e.Detected(d, ctx)
				wn, wc := refDetected(e, d, ctx)
				if gn != wn || gc != wc {
					t.Fatalf("engine %d, %+v, %q: Detected %v %v, reference %v %v", ei, ctx, text, gn, gc, wn, wc)
				}
			}
		}
	}
}

func evalSeeds(t testing.TB) []string {
	entries, err := LoadCorpus("testdata/corpus.yaml")
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, e := range entries {
		out = append(out, e.Text)
	}
	out = append(out, fuzzSeeds...)
	out = append(out, benchText)
	return out
}

// TestEvaluationMatchesReference compares Lint with the reference on the
// corpus and the rule examples of every built-in playbook.
func TestEvaluationMatchesReference(t *testing.T) {
	ee := newEvalEngines(t)
	texts := evalSeeds(t)
	for _, e := range ee.engines {
		for _, r := range e.rules {
			for _, set := range []map[string][]string{r.Examples.Bad, r.Examples.Good} {
				for _, xs := range set {
					texts = append(texts, xs...)
				}
			}
		}
	}
	for i, text := range texts {
		ee.check(t, text, i%2 == 0, -1)
	}
}

func FuzzEvaluation(f *testing.F) {
	ee := newEvalEngines(f)
	for i, s := range evalSeeds(f) {
		f.Add(s, true, uint8(i))
	}
	f.Fuzz(func(t *testing.T, text string, markdown bool, channel uint8) {
		ee.check(t, text, markdown, int(channel))
	})
}

// FuzzScanPair checks that scan2 finds in each of two texts exactly what
// scan finds in it alone (FuzzLiteralIndex holds scan to strings.Contains).
func FuzzScanPair(f *testing.F) {
	var xs []*litIndex
	for _, name := range playbook.BuiltinNames() {
		xs = append(xs, builtinEngine(f, name).lits)
	}
	f.Add("NUR HEUTE 20 % RABATT MIT DEM CODE SORRY20", "zwei für eins, Gutschein-Code")
	f.Add("İSTANBUL ẞ Straße \xff\xfe KÜNDIGUNG", "gratis-Gutschein \u212aW")
	f.Add("", "Rabatt")
	f.Fuzz(func(t *testing.T, a, b string) {
		for _, x := range xs {
			w := x.words()
			wantA, wantB := make([]uint64, w), make([]uint64, w)
			x.scan([]byte(a), wantA)
			x.scan([]byte(b), wantB)
			gotA, gotB := make([]uint64, w), make([]uint64, w)
			x.scan2([]byte(a), []byte(b), gotA, gotB)
			if !slices.Equal(gotA, wantA) || !slices.Equal(gotB, wantB) {
				t.Fatalf("scan2(%q, %q) = %x %x, scan %x %x", a, b, gotA, gotB, wantA, wantB)
			}
		}
	})
}

// FuzzRecentWords holds recentWords to lastWords.
func FuzzRecentWords(f *testing.F) {
	for _, s := range timeSeeds {
		f.Add(s)
	}
	f.Add("a\u00a0b \u2028c\t\td  ")
	f.Add("\xe2\x80 x\xe2\x80\xa8y \xff")
	f.Fuzz(func(t *testing.T, s string) {
		for n := 1; n <= 2; n++ {
			if got, want := recentWords(s, n), lastWords(s, n); got != want {
				t.Fatalf("recentWords(%q, %d) = %q, lastWords %q", s, n, got, want)
			}
		}
	})
}

// refSortFindings is sortFindings as first written.
func refSortFindings(fs []Finding) {
	sort.SliceStable(fs, func(i, j int) bool {
		a, b := fs[i], fs[j]
		if a.Offset != b.Offset {
			return a.Offset < b.Offset
		}
		if a.End != b.End {
			return a.End < b.End
		}
		return a.Rule < b.Rule
	})
}

// FuzzSortFindings holds sortFindings to sort.SliceStable, on short and
// long lists with many ties (the message tells equal keys apart).
func FuzzSortFindings(f *testing.F) {
	f.Add([]byte{3, 1, 2, 2, 0, 1, 1})
	f.Add([]byte("the quick brown fox jumps over the lazy dog, twice: the quick brown fox"))
	f.Fuzz(func(t *testing.T, data []byte) {
		var fs []Finding
		for i := 0; i+1 < len(data); i += 2 {
			fs = append(fs, Finding{Offset: int(data[i] % 8), End: int(data[i]%8 + data[i+1]%3),
				Rule: string(rune('a' + data[i+1]%4)), Message: fmt.Sprint(i)})
		}
		got, want := slices.Clone(fs), slices.Clone(fs)
		sortFindings(got)
		refSortFindings(want)
		if !reflect.DeepEqual(got, want) {
			t.Fatalf("sortFindings %v, sort.SliceStable %v", got, want)
		}
	})
}
