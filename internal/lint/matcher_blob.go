package lint

import (
	_ "embed" // the matcher blobs
	"encoding/binary"
	"errors"
	"slices"
)

// The matchers of the built-in lexicons are built ahead of time and
// embedded (matchers/LANG.bin, kept current by TestMatcherBlobs -update):
// folding, stemming and indexing seven thousand terms is most of a short
// lint's start-up, and reading the finished matcher takes a fraction of it.
// A blob is used only when the terms it was built from are exactly the
// terms asked for (a hash of them); any other lexicon — a playbook that
// extends or replaces the built-ins — is built as before.
// The blobs are strings: the matcher's keys point into them, and nothing
// is copied.
var (
	//go:embed matchers/de.bin
	deMatcherBlob string
	//go:embed matchers/en.bin
	enMatcherBlob string
	matcherBlobs  = map[string]string{"de": deMatcherBlob, "en": enMatcherBlob}
)

// blobMagic starts every matcher blob; a new layout takes a new magic.
const blobMagic = "crisis-matcher-1\n"

// termsHash identifies the input of newMatcher: the language and every
// group's terms in group order (64-bit FNV-1a, written out so that no term
// is copied).
func termsHash(lang string, terms map[int32][]string) uint64 {
	const prime = 1099511628211
	h := uint64(14695981039346656037)
	str := func(s string) {
		for i := 0; i < len(s); i++ {
			h = (h ^ uint64(s[i])) * prime
		}
	}
	var buf [binary.MaxVarintLen64]byte
	num := func(n int) {
		for _, c := range buf[:binary.PutUvarint(buf[:], uint64(n))] {
			h = (h ^ uint64(c)) * prime
		}
	}
	num(len(lang))
	str(lang)
	groups := make([]int32, 0, len(terms))
	for g := range terms {
		groups = append(groups, g)
	}
	slices.Sort(groups)
	for _, g := range groups {
		num(int(g))
		num(len(terms[g]))
		for _, t := range terms[g] {
			num(len(t))
			str(t)
		}
	}
	return h
}

// loadMatcher returns the matcher for terms, read from its embedded blob
// when there is one for exactly these terms, else built.
func loadMatcher(lang string, terms map[int32][]string) *matcher {
	if data := matcherBlobs[lang]; data != "" {
		if m, err := decodeMatcher(lang, data, termsHash(lang, terms)); err == nil {
			return m
		}
	}
	return newMatcher(lang, terms)
}

// encodeMatcher writes m, built from terms with the given hash.
func encodeMatcher(m *matcher, hash uint64) []byte {
	b := []byte(blobMagic)
	b = binary.LittleEndian.AppendUint64(b, hash)
	// The number of ids in all lists, so that decoding allocates them once.
	total := 0
	for _, ids := range m.exact {
		total += len(ids)
	}
	for _, t := range []*trie{m.prefix, m.suffix, m.infix} {
		for _, n := range t.nodes {
			total += len(n.ends)
		}
	}
	for _, ph := range m.phrases {
		total += len(ph.words)
	}
	for _, ids := range m.singles {
		total += len(ids)
	}
	for _, ps := range m.pairs {
		for _, p := range ps {
			total += len(p.ids)
		}
	}
	u := func(n int) { b = binary.AppendUvarint(b, uint64(n)) }
	ids := func(list []int32) {
		u(len(list))
		for _, id := range list {
			u(int(id))
		}
	}
	u(total)
	keys := make([]string, 0, len(m.exact))
	for k := range m.exact {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	u(len(keys))
	for _, k := range keys {
		u(len(k))
		b = append(b, k...)
		ids(m.exact[k])
	}
	for _, t := range []*trie{m.prefix, m.suffix, m.infix} {
		for _, r := range t.root {
			u(int(r))
		}
		u(len(t.nodes))
		for _, n := range t.nodes {
			u(len(n.edges))
			for _, e := range n.edges {
				b = append(b, e.b)
				u(int(e.node))
			}
			ids(n.ends)
		}
	}
	for _, f := range m.hasFix {
		if f {
			b = append(b, 1)
		} else {
			b = append(b, 0)
		}
	}
	u(len(m.phrases))
	for _, ph := range m.phrases {
		u(int(ph.group))
		ids(ph.words)
	}
	u(len(m.singles))
	for _, list := range m.singles {
		ids(list)
	}
	u(len(m.pairs))
	for _, ps := range m.pairs {
		u(len(ps))
		for _, p := range ps {
			u(int(p.second))
			ids(p.ids)
		}
	}
	u(len(m.pairMask))
	for _, mask := range m.pairMask {
		b = binary.LittleEndian.AppendUint64(b, mask)
	}
	return b
}

var errBlob = errors.New("matcher blob: malformed or built from other terms")

// blobReader reads the fields of a matcher blob; a read past the end or a
// value out of range sets bad.
type blobReader struct {
	s   string
	bad bool
}

func (r *blobReader) uvarint() int {
	var x uint64
	for shift := uint(0); shift < 64; shift += 7 {
		if len(r.s) == 0 {
			r.bad = true
			return 0
		}
		c := r.s[0]
		r.s = r.s[1:]
		x |= uint64(c&0x7f) << shift
		if c < 0x80 {
			if x > 1<<31-1 {
				r.bad = true
				return 0
			}
			return int(x)
		}
	}
	r.bad = true
	return 0
}

// count reads a length that must fit in what is left of the blob.
func (r *blobReader) count() int {
	n := r.uvarint()
	if n > len(r.s) {
		r.bad = true
		return 0
	}
	return n
}

func (r *blobReader) byte() byte {
	if len(r.s) == 0 {
		r.bad = true
		return 0
	}
	c := r.s[0]
	r.s = r.s[1:]
	return c
}

func (r *blobReader) uint64() uint64 {
	if len(r.s) < 8 {
		r.bad = true
		r.s = ""
		return 0
	}
	var x uint64
	for i := 7; i >= 0; i-- {
		x = x<<8 | uint64(r.s[i])
	}
	r.s = r.s[8:]
	return x
}

func (r *blobReader) bytes(n int) string {
	if n > len(r.s) {
		r.bad = true
		return ""
	}
	s := r.s[:n]
	r.s = r.s[n:]
	return s
}

// decodeMatcher reads a blob of encodeMatcher, which must have been built
// from terms with hash want. Id lists share one backing array (capped, so
// that no append reaches into the next) and keys share the blob's bytes.
func decodeMatcher(lang, data string, want uint64) (*matcher, error) {
	r := &blobReader{s: data}
	if r.bytes(len(blobMagic)) != blobMagic {
		return nil, errBlob
	}
	if h := r.uint64(); r.bad || h != want {
		return nil, errBlob
	}
	arena := make([]int32, 0, r.count())
	ids := func() []int32 {
		n := r.count()
		if n == 0 || len(arena)+n > cap(arena) {
			if n > 0 {
				r.bad = true
			}
			return nil
		}
		start := len(arena)
		for range n {
			arena = append(arena, int32(r.uvarint()))
		}
		return arena[start:len(arena):len(arena)]
	}
	m := &matcher{lang: lang, stemmer: stemmerFor(lang)}
	n := r.count()
	m.exact = make(map[string][]int32, n)
	for range n {
		k := r.bytes(r.count())
		m.exact[k] = ids()
	}
	for _, t := range []**trie{&m.prefix, &m.suffix, &m.infix} {
		tr := &trie{}
		for i := range tr.root {
			tr.root[i] = int32(r.uvarint())
		}
		if nodes := r.count(); nodes > 0 {
			tr.nodes = make([]trieNode, nodes)
			for i := range tr.nodes {
				if ne := r.count(); ne > 0 {
					tr.nodes[i].edges = make([]trieEdge, ne)
					for j := range tr.nodes[i].edges {
						tr.nodes[i].edges[j] = trieEdge{r.byte(), int32(r.uvarint())}
					}
				}
				tr.nodes[i].ends = ids()
			}
		}
		*t = tr
	}
	for i := range m.hasFix {
		m.hasFix[i] = r.byte() == 1
	}
	if n := r.count(); n > 0 {
		m.phrases = make([]phrase, n)
		for i := range m.phrases {
			m.phrases[i].group = int32(r.uvarint())
			m.phrases[i].words = ids()
		}
	}
	if n := r.count(); n > 0 {
		m.singles = make([][]int32, n)
		for i := range m.singles {
			m.singles[i] = ids()
		}
	}
	if n := r.count(); n > 0 {
		m.pairs = make([][]pairPhrases, n)
		for i := range m.pairs {
			if np := r.count(); np > 0 {
				m.pairs[i] = make([]pairPhrases, np)
				for j := range m.pairs[i] {
					m.pairs[i][j].second = int32(r.uvarint())
					m.pairs[i][j].ids = ids()
				}
			}
		}
	}
	if n := r.count(); n > 0 {
		m.pairMask = make([]uint64, n)
		for i := range m.pairMask {
			m.pairMask[i] = r.uint64()
		}
	}
	if r.bad || r.s != "" {
		return nil, errBlob
	}
	return m, nil
}
