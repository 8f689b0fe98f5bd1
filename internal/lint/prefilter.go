package lint

import (
	"regexp/syntax"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Go's regexp engine has no literal prefilter for alternations or
// case-insensitive patterns, so a pattern rule run over every sentence costs
// far more than the rest of the engine. requiredLiterals derives from the
// pattern a condition on literal strings — an and/or tree — that holds for
// every text the pattern matches (in lower case); sentences for which it
// does not hold are skipped without running the regexp. Lower-casing maps
// the case variants that (?i) accepts onto one form, except rarities such
// as the long s.
type literalSet = *litReq

// litReq is a condition: all of And hold, or (when Or is set) at least one
// of Or holds, or (when Lit is set) Lit occurs.
type litReq struct {
	Lit string
	And []*litReq
	Or  []*litReq
	id  int32 // Lit's number in the engine's litIndex
	// newLitIndex folds the literals among And (or Or), also those of
	// nested Ands (Ors), into bit masks: for And, every bit of lits must be
	// set, for Or one of them; rest are the other parts.
	lits []litMask
	rest []*litReq
}

// litMask is the bits of one word of a literal bit set.
type litMask struct {
	i int32
	m uint64
}

// requiredLiterals returns the condition of pattern: for a built-in
// pattern from the table derived ahead of time (prefilter_table.go), else
// derived from the pattern's syntax; an error when it does not parse.
func requiredLiterals(pattern string) (literalSet, error) {
	if build, ok := builtinPrefilters[pattern]; ok {
		return build(), nil // parsed when the table was made
	}
	return deriveLiterals(pattern)
}

// deriveLiterals is requiredLiterals without the table.
func deriveLiterals(pattern string) (literalSet, error) {
	re, err := syntax.Parse(pattern, syntax.Perl)
	if err != nil {
		return nil, err
	}
	return required(re.Simplify()), nil
}

// maxExact bounds the strings of an exact set (see exact).
const maxExact = 16

// required returns the condition for re, or nil when none can be derived
// (the pattern may match without any particular literal) or the one
// derived would hold for almost every text (a single letter or space).
func required(re *syntax.Regexp) *litReq {
	if set, ok := exact(re); ok {
		return anyOf(set)
	}
	switch re.Op {
	case syntax.OpCapture, syntax.OpPlus:
		return required(re.Sub[0])
	case syntax.OpRepeat:
		if re.Min >= 1 {
			return required(re.Sub[0])
		}
	case syntax.OpConcat:
		return concatReq(nil, false, re.Sub, 0)
	case syntax.OpAlternate:
		var or []*litReq
		for _, sub := range re.Sub {
			r := required(sub)
			if r == nil {
				return nil
			}
			or = append(or, r)
		}
		return &litReq{Or: or}
	}
	return nil
}

// maxSpread bounds how deep concatReq carries a run of exact parts into
// the branches of the alternations that follow it.
const maxSpread = 3

// concatReq is the condition for the concatenation of parts, after a run
// of exact parts whose strings are run (when inRun). Runs of parts with
// exact sets are joined into one set, so that the parser's factoring
// ("u(?:m|ns)") still yields whole words; when a run is followed by an
// alternation that is not exact ("d(?:ecided|id\s+this)"), the run is
// carried into each branch, so that every branch keeps its whole word.
func concatReq(run []string, inRun bool, parts []*syntax.Regexp, depth int) *litReq {
	var and []*litReq
	flush := func() {
		if inRun {
			if r := anyOf(run); r != nil {
				and = append(and, r)
			}
		}
		run, inRun = nil, false
	}
	for i, sub := range parts {
		set, ok := exact(sub)
		if !ok {
			if inRun && sub.Op == syntax.OpAlternate && depth < maxSpread {
				var or []*litReq
				for _, b := range sub.Sub {
					rest := []*syntax.Regexp{b}
					if b.Op == syntax.OpConcat {
						rest = b.Sub
					}
					rest = append(rest[:len(rest):len(rest)], parts[i+1:]...)
					r := concatReq(run, true, rest, depth+1)
					if r == nil {
						or = nil
						break
					}
					or = append(or, r)
				}
				if or != nil {
					and = append(and, &litReq{Or: or})
					run, inRun = nil, false
					break
				}
			}
			flush()
			if r := required(sub); r != nil {
				and = append(and, r)
			}
			continue
		}
		if !inRun {
			run, inRun = set, true
			continue
		}
		if joined, ok := cross(run, set); ok {
			run = joined
		} else {
			flush()
			run, inRun = set, true
		}
	}
	flush()
	switch len(and) {
	case 0:
		return nil
	case 1:
		return and[0]
	}
	return &litReq{And: and}
}

// anyOf is the condition that one of set occurs; nil when set holds the
// empty string or a string too common to filter anything.
func anyOf(set []string) *litReq {
	var or []*litReq
	for _, s := range set {
		if weakLiteral(s) {
			return nil
		}
		or = append(or, &litReq{Lit: s})
	}
	switch len(or) {
	case 0:
		return nil
	case 1:
		return or[0]
	}
	return &litReq{Or: or}
}

// weakLiteral reports a literal that nearly every sentence holds: none,
// or one or two letters or spaces ("e", " ", "en", "in").
func weakLiteral(s string) bool {
	if s == "" {
		return true
	}
	n := 0
	for _, r := range s {
		if n++; n > 2 || !unicode.IsLetter(r) && !unicode.IsSpace(r) {
			return false
		}
	}
	return true
}

// exact returns the lower-cased strings re matches, when they are few
// (at most maxExact): literals, small ASCII classes, and alternations,
// concatenations and options of those.
func exact(re *syntax.Regexp) ([]string, bool) {
	switch re.Op {
	case syntax.OpLiteral:
		return []string{strings.ToLower(string(re.Rune))}, true
	case syntax.OpEmptyMatch:
		return []string{""}, true
	case syntax.OpCapture:
		return exact(re.Sub[0])
	case syntax.OpQuest:
		set, ok := exact(re.Sub[0])
		if !ok || len(set) >= maxExact {
			return nil, false
		}
		return append([]string{""}, set...), true
	case syntax.OpCharClass:
		// A small class of ASCII characters, or of others that have no
		// other case (apostrophes, dashes, quotes): each is a string.
		var set []string
		for i := 0; i+1 < len(re.Rune); i += 2 {
			lo, hi := re.Rune[i], re.Rune[i+1]
			if hi-lo > 3 {
				return nil, false
			}
			for r := lo; r <= hi; r++ {
				if r >= utf8.RuneSelf && unicode.SimpleFold(r) != r {
					return nil, false
				}
			}
			for r := lo; r <= hi; r++ {
				set = appendUniq(set, strings.ToLower(string(r)))
			}
		}
		if len(set) == 0 || len(set) > 8 {
			return nil, false
		}
		return set, true
	case syntax.OpAlternate:
		var set []string
		for _, sub := range re.Sub {
			s, ok := exact(sub)
			if !ok {
				return nil, false
			}
			for _, x := range s {
				set = appendUniq(set, x)
			}
			if len(set) > maxExact {
				return nil, false
			}
		}
		return set, true
	case syntax.OpConcat:
		set := []string{""}
		for _, sub := range re.Sub {
			s, ok := exact(sub)
			if !ok {
				return nil, false
			}
			if set, ok = cross(set, s); !ok {
				return nil, false
			}
		}
		return set, true
	}
	return nil, false
}

// cross returns every a+b, when there are at most maxExact.
func cross(as, bs []string) ([]string, bool) {
	if len(as)*len(bs) > maxExact {
		return nil, false
	}
	out := make([]string, 0, len(as)*len(bs))
	for _, a := range as {
		for _, b := range bs {
			out = appendUniq(out, a+b)
		}
	}
	return out, true
}

// holds reports whether the condition holds for a text in which the
// literals with the set bits occur (see litIndex). q must have been
// compiled by newLitIndex.
func (q *litReq) holds(bits []uint64) bool {
	switch {
	case q.Lit != "":
		return bits[q.id>>6]&(1<<(q.id&63)) != 0
	case q.And != nil:
		for _, m := range q.lits {
			if bits[m.i]&m.m != m.m {
				return false
			}
		}
		for _, r := range q.rest {
			if !r.holds(bits) {
				return false
			}
		}
		return true
	default:
		for _, m := range q.lits {
			if bits[m.i]&m.m != 0 {
				return true
			}
		}
		for _, r := range q.rest {
			if r.holds(bits) {
				return true
			}
		}
		return false
	}
}

// litIndex finds in one pass over a text which literals of all pattern
// conditions occur in its lower-cased form (strings.ToLower), instead of
// one substring search per literal, condition and sentence: an
// Aho–Corasick automaton compiled to a transition table over byte classes.
type litIndex struct {
	lits  []string
	class [256]uint16 // byte → class; 0 = a byte no literal has
	// fold is class with the ASCII capitals mapped as their small letters:
	// the class of a byte once lower-cased.
	fold   [256]uint16
	nclass int
	// next[s+class] is the state after s, a state being its row offset
	// state*nclass; ^offset marks a state where literals end.
	next []int32
	out  [][]int32 // state → ids of the literals that end there
}

// newLitIndex numbers the literals of the conditions (equal literals share
// an id) and compiles the automaton.
func newLitIndex(conds []*litReq) *litIndex {
	x := &litIndex{}
	ids := map[string]int32{}
	var number func(q *litReq)
	number = func(q *litReq) {
		if q.Lit != "" {
			id, ok := ids[q.Lit]
			if !ok {
				id = int32(len(x.lits))
				ids[q.Lit] = id
				x.lits = append(x.lits, q.Lit)
			}
			q.id = id
		}
		for _, r := range q.And {
			number(r)
		}
		for _, r := range q.Or {
			number(r)
		}
	}
	for _, q := range conds {
		number(q)
	}
	// The literals of an And or Or are tested as masks over the bit set.
	for _, q := range conds {
		q.compile()
	}
	x.nclass = 1
	for _, l := range x.lits {
		for i := 0; i < len(l); i++ {
			if x.class[l[i]] == 0 {
				x.class[l[i]] = uint16(x.nclass)
				x.nclass++
			}
		}
	}
	x.fold = x.class
	for c := 'A'; c <= 'Z'; c++ {
		x.fold[c] = x.class[c+'a'-'A']
	}
	// The trie of the literals in one flat table: goto[state*nclass+class]
	// = state+1, 0 = none.
	n := 1
	for _, l := range x.lits {
		n += len(l)
	}
	gotos := make([]int32, x.nclass, n*x.nclass)
	x.out = make([][]int32, 1, n)
	states := int32(1)
	for id, l := range x.lits {
		st := int32(0)
		for i := 0; i < len(l); i++ {
			c := int(x.class[l[i]])
			if gotos[int(st)*x.nclass+c] == 0 {
				gotos = append(gotos, make([]int32, x.nclass)...)
				x.out = append(x.out, nil)
				gotos[int(st)*x.nclass+c] = states + 1
				states++
			}
			st = gotos[int(st)*x.nclass+c] - 1
		}
		x.out[st] = append(x.out[st], int32(id))
	}
	// Breadth first: a state's transitions and outputs extend those of
	// its failure state, which is shallower.
	x.next = make([]int32, int(states)*x.nclass)
	fail := make([]int32, states)
	queue := []int32{0}
	for len(queue) > 0 {
		st := queue[0]
		queue = queue[1:]
		if st != 0 {
			x.out[st] = append(x.out[st], x.out[fail[st]]...)
		}
		for c := 0; c < x.nclass; c++ {
			if g := gotos[int(st)*x.nclass+c]; g != 0 {
				child := g - 1
				if st != 0 {
					fail[child] = x.next[int(fail[st])*x.nclass+c]
				}
				x.next[int(st)*x.nclass+c] = child
				queue = append(queue, child)
			} else if st != 0 {
				x.next[int(st)*x.nclass+c] = x.next[int(fail[st])*x.nclass+c]
			}
		}
	}
	// Outputs are final now: turn targets into marked row offsets.
	for i, t := range x.next {
		off := t * int32(x.nclass)
		if len(x.out[t]) > 0 {
			off = ^off
		}
		x.next[i] = off
	}
	return x
}

// compile fills lits and rest of q and the conditions in it, once their
// literals are numbered.
func (q *litReq) compile() {
	if q.Lit != "" {
		return
	}
	and := q.And != nil
	var masks []litMask
	var rest []*litReq
	var walk func(n *litReq)
	walk = func(n *litReq) {
		parts := n.Or
		if and {
			parts = n.And
		}
		for _, r := range parts {
			switch {
			case r.Lit != "":
				bit := litMask{r.id >> 6, 1 << (r.id & 63)}
				k := slices.IndexFunc(masks, func(m litMask) bool { return m.i == bit.i })
				if k < 0 {
					masks = append(masks, bit)
				} else {
					masks[k].m |= bit.m
				}
			case (r.And != nil) == and:
				walk(r) // an And in an And, an Or in an Or
			default:
				r.compile()
				rest = append(rest, r)
			}
		}
	}
	walk(q)
	q.lits, q.rest = masks, rest
}

// words is the length of a literal bit set.
func (x *litIndex) words() int { return (len(x.lits) + 63) / 64 }

// scan sets in bits the literals that occur in strings.ToLower(text),
// lower-casing as it goes.
func (x *litIndex) scan(text []byte, bits []uint64) {
	x.scanFrom(text, 0, 0, bits)
}

// scanFrom continues scan at text[i] in state st.
func (x *litIndex) scanFrom(text []byte, i int, st int32, bits []uint64) {
	// The inner loop is one table load per byte; states where literals
	// end are the rare case and are looked up in out.
	next, fold := x.next, &x.fold
	for i < len(text) {
		c := text[i]
		if c < utf8.RuneSelf {
			i++
			st = next[st+int32(fold[c])]
			if st < 0 {
				st = x.hit(st, bits)
			}
			continue
		}
		i, st = x.stepRune(text, i, st, bits)
	}
}

// scan2 is scan of two texts at once: the table loads of one do not wait
// for those of the other, which nearly halves the time per byte.
func (x *litIndex) scan2(t0, t1 []byte, b0, b1 []uint64) {
	next, fold := x.next, &x.fold
	var s0, s1 int32
	i, j := 0, 0
	for i < len(t0) && j < len(t1) {
		c0, c1 := t0[i], t1[j]
		if c0|c1 < utf8.RuneSelf {
			i++
			j++
			s0 = next[s0+int32(fold[c0])]
			s1 = next[s1+int32(fold[c1])]
			if s0|s1 < 0 {
				if s0 < 0 {
					s0 = x.hit(s0, b0)
				}
				if s1 < 0 {
					s1 = x.hit(s1, b1)
				}
			}
			continue
		}
		if c0 < utf8.RuneSelf {
			i++
			if s0 = next[s0+int32(fold[c0])]; s0 < 0 {
				s0 = x.hit(s0, b0)
			}
		} else {
			i, s0 = x.stepRune(t0, i, s0, b0)
		}
		if c1 < utf8.RuneSelf {
			j++
			if s1 = next[s1+int32(fold[c1])]; s1 < 0 {
				s1 = x.hit(s1, b1)
			}
		} else {
			j, s1 = x.stepRune(t1, j, s1, b1)
		}
	}
	x.scanFrom(t0, i, s0, b0)
	x.scanFrom(t1, j, s1, b1)
}

// stepRune feeds the lower-cased rune at text[i] (not ASCII) to the
// automaton in state st and returns where the next rune starts and the
// state after it.
func (x *litIndex) stepRune(text []byte, i int, st int32, bits []uint64) (int, int32) {
	// strings.ToLower maps every rune, an invalid byte as U+FFFD.
	r, size := utf8.DecodeRune(text[i:])
	var buf [utf8.UTFMax]byte
	n := utf8.EncodeRune(buf[:], unicode.ToLower(r))
	for _, b := range buf[:n] {
		st = x.next[st+int32(x.fold[b])]
		if st < 0 {
			st = x.hit(st, bits)
		}
	}
	return i + size, st
}

// hit records the literals ending in the marked state st and returns it
// unmarked.
func (x *litIndex) hit(st int32, bits []uint64) int32 {
	st = ^st
	for _, id := range x.out[int(st)/x.nclass] {
		bits[id>>6] |= 1 << (id & 63)
	}
	return st
}
