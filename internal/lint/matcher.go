package lint

import (
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/blevesearch/snowballstem"
	"github.com/blevesearch/snowballstem/english"
	"github.com/blevesearch/snowballstem/german"
	"golang.org/x/text/cases"
)

// Word-pattern kinds: a plain word matches its folded form and its stem, a
// word with * matches a part of a word (German compounds).
const (
	patExact = iota
	patPrefix
	patSuffix
	patInfix
)

// matcher finds the lexicon terms of one language in a token stream. All
// terms are compiled into hash maps and byte tries, so the cost per token
// does not grow with the number of terms.
type matcher struct {
	lang    string
	stemmer func(*snowballstem.Env) bool
	exact   map[string][]int32 // folded word or its stem → word-pattern ids
	prefix  *trie
	suffix  *trie // built over reversed words
	infix   *trie
	hasFix  [3]bool
	// singles maps a word-pattern id to the phrases of that one word;
	// pairs[wp] lists the longer phrases starting with wp by their second
	// word-pattern id, sorted by it. Both are slices, as map lookups per
	// token add up; phrase ids ascend in every list.
	singles [][]int32
	pairs   [][]pairPhrases
	// pairMask[wp] has bit second%64 set for every pair of wp: most
	// second words are ruled out without a search.
	pairMask []uint64
	phrases  []phrase
}

// pairPhrases are the phrases whose second word is second.
type pairPhrases struct {
	second int32
	ids    []int32
}

type phrase struct {
	words []int32 // word-pattern ids, in order
	group int32
}

// hit is a lexicon term found in the text: tokens [tok, end) belong to group.
type hit struct {
	group    int32
	tok, end int32
}

func stemmerFor(lang string) func(*snowballstem.Env) bool {
	switch lang {
	case "de":
		return german.Stem
	case "en":
		return english.Stem
	}
	return nil
}

// newMatcher compiles terms[group] for one language. groups maps group
// names to ids.
func newMatcher(lang string, terms map[int32][]string) *matcher {
	n := 0
	for _, list := range terms {
		n += len(list)
	}
	m := &matcher{
		lang: lang, stemmer: stemmerFor(lang),
		exact: make(map[string][]int32, 2*n), prefix: newTrie(), suffix: newTrie(), infix: newTrie(),
		phrases: make([]phrase, 0, n),
	}
	// ids[kind] maps a folded word core to its word-pattern id.
	var ids [4]map[string]int32
	for k := range ids {
		ids[k] = map[string]int32{}
	}
	ids[patExact] = make(map[string]int32, n)
	var next int32
	f := newFolder()
	wordID := func(w string) int32 {
		kind := patExact
		core := w
		switch {
		case strings.HasPrefix(w, "*") && strings.HasSuffix(w, "*") && len(w) > 1:
			kind, core = patInfix, strings.Trim(w, "*")
		case strings.HasSuffix(w, "*"):
			kind, core = patPrefix, strings.TrimSuffix(w, "*")
		case strings.HasPrefix(w, "*"):
			kind, core = patSuffix, strings.TrimPrefix(w, "*")
		}
		core = f.fold(core)
		if id, ok := ids[kind][core]; ok {
			return id
		}
		id := next
		next++
		ids[kind][core] = id
		switch kind {
		case patExact:
			m.exact[core] = appendUniq(m.exact[core], id)
			if s := m.stemTerm(core); s != core {
				m.exact[s] = appendUniq(m.exact[s], id)
			}
		case patPrefix:
			m.prefix.add(core, id)
			m.hasFix[0] = true
		case patSuffix:
			m.suffix.add(reverseBytes(core), id)
			m.hasFix[1] = true
		case patInfix:
			m.infix.add(core, id)
			m.hasFix[2] = true
		}
		return id
	}
	// Groups in order, so that phrase and word-pattern ids, and with them
	// the order of hits at one token, are the same in every run.
	groups := make([]int32, 0, len(terms))
	for g := range terms {
		groups = append(groups, g)
	}
	slices.Sort(groups)
	for _, g := range groups {
		for _, t := range terms[g] {
			var ph phrase
			ph.group = g
			forTermWords(t, func(w string) { ph.words = append(ph.words, wordID(w)) })
			if len(ph.words) == 0 {
				continue
			}
			id := int32(len(m.phrases))
			m.phrases = append(m.phrases, ph)
			for int(ph.words[0]) >= len(m.singles) {
				m.singles = append(m.singles, nil)
				m.pairs = append(m.pairs, nil)
				m.pairMask = append(m.pairMask, 0)
			}
			first := ph.words[0]
			if len(ph.words) == 1 {
				m.singles[first] = append(m.singles[first], id)
				continue
			}
			list := m.pairs[first]
			i, found := slices.BinarySearchFunc(list, ph.words[1], cmpSecond)
			if !found {
				list = slices.Insert(list, i, pairPhrases{second: ph.words[1]})
			}
			list[i].ids = append(list[i].ids, id)
			m.pairs[first] = list
			m.pairMask[first] |= 1 << (ph.words[1] & 63)
		}
	}
	return m
}

// forTermWords calls fn with each word of a lexicon term, split the way
// the tokenizer splits text: at spaces and at hyphens and slashes, keeping
// * markers (strings.FieldsFunc without building the slice).
func forTermWords(t string, fn func(string)) {
	start := -1
	for i := 0; i < len(t); i++ {
		switch t[i] {
		case ' ', '-', '/', '\t':
			if start >= 0 {
				fn(t[start:i])
				start = -1
			}
		default:
			if start < 0 {
				start = i
			}
		}
	}
	if start >= 0 {
		fn(t[start:])
	}
}

// stemTerm is stem for the words of lexicon terms: the stems of the
// built-in lexicons come from a table (stems_table.go), as stemming two
// thousand words is a good part of a short lint's start-up.
func (m *matcher) stemTerm(word string) string {
	table := builtinStems(m.lang)
	i, ok := slices.BinarySearchFunc(table, word, func(p [2]string, w string) int { return strings.Compare(p[0], w) })
	if ok {
		return table[i][1]
	}
	return m.stem(word)
}

func (m *matcher) stem(word string) string {
	if m.stemmer == nil || len(word) < 3 {
		return word
	}
	env := snowballstem.NewEnv(word)
	m.stemmer(env)
	return env.Current()
}

// wordPatterns appends the ids of every word pattern matching the folded
// token to dst.
func (m *matcher) wordPatterns(dst []int32, folded, stem string) []int32 {
	// dst may hold earlier tokens' ids; uniqueness is per token, so the
	// tries append into a fresh tail and are merged below.
	start := len(dst)
	dst = append(dst, m.exact[folded]...)
	if stem != folded {
		for _, id := range m.exact[stem] {
			if !containsID(dst[start:], id) {
				dst = append(dst, id)
			}
		}
	}
	var fix []int32
	if m.hasFix[0] {
		fix = m.prefix.walk(fix, folded)
	}
	if m.hasFix[1] {
		fix = m.suffix.walkBack(fix, folded)
	}
	if m.hasFix[2] {
		for i := 0; i < len(folded); {
			fix = m.infix.walk(fix, folded[i:])
			_, size := utf8.DecodeRuneInString(folded[i:])
			i += size
		}
	}
	for _, id := range fix {
		if !containsID(dst[start:], id) {
			dst = append(dst, id)
		}
	}
	return dst
}

// matchPhrases appends a hit for every phrase starting at token i, in the
// order of token i's word patterns and, for each, of phrase ids. Token j's
// word-pattern ids are toks[j].form.pats, found by m; scratch is reused
// storage.
func (m *matcher) matchPhrases(dst []hit, scratch *[]int32, i int, toks []token) []hit {
	n := len(toks)
	var next []int32
	if i+1 < n {
		next = toks[i+1].form.pats
	}
	for _, wp := range toks[i].form.pats {
		if int(wp) >= len(m.singles) {
			continue
		}
		cand := m.singles[wp]
		if pairs := m.pairs[wp]; len(next) > 0 && len(pairs) > 0 {
			merged := append((*scratch)[:0], cand...)
			mask := m.pairMask[wp]
			for _, wp2 := range next {
				if mask&(1<<(wp2&63)) == 0 {
					continue
				}
				if ids := findPair(pairs, wp2); ids != nil {
					merged = append(merged, ids...)
				}
			}
			if len(merged) > len(cand) {
				slices.Sort(merged) // ids are unique: a phrase has one second word
				cand = merged
			}
			*scratch = merged
		}
		for _, pid := range cand {
			ph := &m.phrases[pid]
			// A phrase lies within one sentence: "as usual. We" is not
			// "as usual we".
			if i+len(ph.words) > n || toks[i+len(ph.words)-1].sentence != toks[i].sentence {
				continue
			}
			ok := true
			for k := 2; k < len(ph.words); k++ {
				if !containsID(toks[i+k].form.pats, ph.words[k]) {
					ok = false
					break
				}
			}
			if ok {
				dst = append(dst, hit{group: ph.group, tok: int32(i), end: int32(i + len(ph.words))})
			}
		}
	}
	return dst
}

func cmpSecond(p pairPhrases, second int32) int { return int(p.second - second) }

// findPair returns the phrases of pairs with the second word second.
func findPair(pairs []pairPhrases, second int32) []int32 {
	lo, hi := 0, len(pairs)
	for lo < hi {
		mid := int(uint(lo+hi) >> 1)
		switch s := pairs[mid].second; {
		case s < second:
			lo = mid + 1
		case s > second:
			hi = mid
		default:
			return pairs[mid].ids
		}
	}
	return nil
}

func containsID(list []int32, id int32) bool {
	for _, x := range list {
		if x == id {
			return true
		}
	}
	return false
}

func appendUniq[T comparable](list []T, x T) []T {
	if slices.Contains(list, x) {
		return list
	}
	return append(list, x)
}

// reverseBytes reverses s byte by byte; suffix terms are stored this way
// so that a token can be walked from its end without allocating.
func reverseBytes(s string) string {
	b := make([]byte, len(s))
	for i := 0; i < len(s); i++ {
		b[len(s)-1-i] = s[i]
	}
	return string(b)
}

// trie is a byte trie; terminal nodes carry word-pattern ids. The root has
// a direct table because most positions fail at the first byte.
type trie struct {
	root  [256]int32 // child node index + 1, 0 = none
	nodes []trieNode
}

type trieNode struct {
	edges []trieEdge
	ends  []int32
}

type trieEdge struct {
	b    byte
	node int32
}

func newTrie() *trie { return &trie{} }

func (t *trie) add(word string, id int32) {
	if word == "" {
		return
	}
	cur := t.root[word[0]] - 1
	if cur < 0 {
		t.nodes = append(t.nodes, trieNode{})
		cur = int32(len(t.nodes) - 1)
		t.root[word[0]] = cur + 1
	}
	for i := 1; i < len(word); i++ {
		next := t.child(cur, word[i])
		if next < 0 {
			t.nodes = append(t.nodes, trieNode{})
			next = int32(len(t.nodes) - 1)
			t.nodes[cur].edges = append(t.nodes[cur].edges, trieEdge{word[i], next})
		}
		cur = next
	}
	t.nodes[cur].ends = appendUniq(t.nodes[cur].ends, id)
}

// walk appends the ids of every word in the trie that is a prefix of s.
func (t *trie) walk(dst []int32, s string) []int32 {
	if s == "" {
		return dst
	}
	cur := t.root[s[0]] - 1
	if cur < 0 {
		return dst
	}
	for i := 1; ; i++ {
		for _, id := range t.nodes[cur].ends {
			dst = appendUniq(dst, id)
		}
		if i >= len(s) {
			return dst
		}
		if cur = t.child(cur, s[i]); cur < 0 {
			return dst
		}
	}
}

// child returns the node reached from cur by byte b, or -1.
func (t *trie) child(cur int32, b byte) int32 {
	for _, e := range t.nodes[cur].edges {
		if e.b == b {
			return e.node
		}
	}
	return -1
}

// walkBack is walk over s read from its last byte to its first.
func (t *trie) walkBack(dst []int32, s string) []int32 {
	if s == "" {
		return dst
	}
	cur := t.root[s[len(s)-1]] - 1
	if cur < 0 {
		return dst
	}
	for i := len(s) - 2; ; i-- {
		for _, id := range t.nodes[cur].ends {
			dst = appendUniq(dst, id)
		}
		if i < 0 {
			return dst
		}
		if cur = t.child(cur, s[i]); cur < 0 {
			return dst
		}
	}
}

// folder applies full Unicode case folding (ß → ss) with an ASCII fast
// path, and maps typographic apostrophes to '.
type folder struct {
	caser cases.Caser
	buf   []byte
	// cache holds the folds of non-ASCII words: the Unicode caser costs
	// far more than a lookup, and messages repeat their words.
	cache map[string]string
}

func newFolder() *folder { return &folder{caser: cases.Fold(), cache: map[string]string{}} }

func (f *folder) fold(s string) string {
	ascii := true
	upper := false
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c >= utf8.RuneSelf {
			ascii = false
			break
		}
		if 'A' <= c && c <= 'Z' {
			upper = true
		}
	}
	if ascii {
		if !upper {
			return s
		}
		f.buf = f.buf[:0]
		for i := 0; i < len(s); i++ {
			c := s[i]
			if 'A' <= c && c <= 'Z' {
				c += 'a' - 'A'
			}
			f.buf = append(f.buf, c)
		}
		return string(f.buf)
	}
	if out, ok := f.cache[s]; ok {
		return out
	}
	out := f.caser.String(s)
	if strings.ContainsRune(out, '’') {
		out = strings.ReplaceAll(out, "’", "'")
	}
	if len(f.cache) >= 50_000 {
		clear(f.cache)
	}
	// Neither key nor value may keep the caller's text alive.
	key := strings.Clone(s)
	if out == s {
		out = key
	}
	f.cache[key] = out
	return out
}
