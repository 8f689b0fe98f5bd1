package lint

import (
	"math/bits"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"
	"unsafe"
)

// token is a word of the sender's voice, per UAX #29.
type token struct {
	start, end int // byte offsets in the raw file
	folded     string
	sentence   int32
	caps       bool // written in capitals, at least 4 letters
	form       *wordForm
}

// sentence is a byte range of the body, with its tokens [tok, tokEnd).
type sentence struct {
	start, end  int
	tok, tokEnd int32
}

// analysis is the per-file working state; it is pooled and reused so that
// linting allocates little.
type analysis struct {
	tokens    []token
	sentences []sentence
	hits      []hit
	groupHits [][]int32 // group → indexes into hits
	// sentHits[s] is the first index into hits of sentence s (hits are in
	// token order); sentHits[len(sentences)] == len(hits).
	sentHits []int32
	folder   *folder
	// words caches the word patterns of every folded word seen, per
	// matcher: stemming, hash lookups and trie walks cost more than one
	// lookup, and messages repeat their words.
	words map[*matcher]map[string]*wordMatch
	// wordForms caches the folded form of every word text seen, and
	// recent the forms of some of them, for a lookup without hashing.
	wordForms map[string]*wordForm
	recent    [1024]struct {
		word string
		form *wordForm
	}
	// litBits backs evaluation.litBits.
	litBits []uint64
	scratch []int32 // matchPhrases' candidates
	spans   []wordSpan
}

func newAnalysis() *analysis {
	return &analysis{folder: newFolder(), words: map[*matcher]map[string]*wordMatch{}, wordForms: map[string]*wordForm{}}
}

func (a *analysis) reset(groups int) {
	a.tokens = a.tokens[:0]
	a.sentences = a.sentences[:0]
	a.hits = a.hits[:0]
	if cap(a.groupHits) < groups {
		a.groupHits = make([][]int32, groups)
	}
	a.groupHits = a.groupHits[:groups]
	for i := range a.groupHits {
		a.groupHits[i] = a.groupHits[i][:0]
	}
	for _, m := range a.words {
		if len(m) > 50_000 {
			clear(m)
		}
	}
}

// tokenize splits the voice view of the body into sentences and words.
func (a *analysis) tokenize(d *Document) {
	// The voice view is read as a string without a copy: it does not
	// change while tokenize runs, and nothing tokenize keeps refers to it
	// (the word cache clones its keys and forms).
	var voice string
	if b := d.voice[d.Body:]; len(b) > 0 {
		voice = unsafe.String(&b[0], len(b))
	}
	base := d.Body
	a.splitSentences(voice, base)
	spans, ok := scanWords(voice, a.spans[:0])
	if !ok {
		spans = uaxWords(voice, spans[:0])
	}
	a.spans = spans
	// Every word is a token: the tokens are written in place, field by
	// field (a composite literal goes through the stack and is copied
	// with loads wider than its stores).
	// The token ranges of the sentences are set as the sentence index
	// moves on.
	toks := slices.Grow(a.tokens[:0], len(spans))[:len(spans)]
	sents := a.sentences
	if len(sents) > 0 {
		sents[0].tok = 0
	}
	si := 0
	for k, sp := range spans {
		w := voice[sp.start:sp.end]
		start := base + int(sp.start)
		for si < len(sents)-1 && start >= sents[si].end {
			sents[si].tokEnd = int32(k)
			si++
			sents[si].tok = int32(k)
		}
		// Messages repeat their words, and so do the files of a run: the
		// folded form and the capitals test come from a cache.
		// A small table indexed by length and letters goes before the map.
		h := uint(len(w))*0x9E + uint(w[0])*0x3B + uint(w[len(w)-1])*0x11 + uint(w[len(w)>>1])
		slot := &a.recent[h%uint(len(a.recent))]
		wf := slot.form
		if slot.word != w {
			var ok bool
			wf, ok = a.wordForms[w]
			if !ok {
				if len(a.wordForms) >= 50_000 {
					clear(a.wordForms)
					clear(a.recent[:])
				}
				wf = &wordForm{folded: a.folder.fold(w), caps: isCaps(w)}
				key := strings.Clone(w)
				if wf.folded == w {
					wf.folded = key // neither may keep the file's text alive
				}
				a.wordForms[key] = wf
				wf.word = key
			}
			slot.word, slot.form = wf.word, wf
		}
		t := &toks[k]
		t.start, t.end = start, base+int(sp.end)
		t.folded, t.caps, t.form = wf.folded, wf.caps, wf
		t.sentence = int32(si)
	}
	a.tokens = toks
	if si < len(sents) {
		sents[si].tokEnd = int32(len(toks))
		for i := si + 1; i < len(sents); i++ {
			sents[i].tok, sents[i].tokEnd = int32(len(toks)), int32(len(toks))
		}
	}
}

// wordForm is what tokenize derives from a word's text, and what the last
// matcher found for it.
type wordForm struct {
	word   string // the key of analysis.wordForms
	folded string
	caps   bool
	m      *matcher
	*wordMatch
}

// wordMatch is what a matcher finds for a folded word: its word-pattern
// ids, and the groups of the one-word phrases it matches, in the order
// matchPhrases finds them. Where a pattern of the word starts a phrase of
// several words, those come in between, and then only when the next word
// has a pattern that is a second word of one of them: the phrase search
// runs only where firsts, the second words of the word's phrases, and
// the next word's own patterns share a bit.
type wordMatch struct {
	pats   []int32
	groups []int32
	pairs  bool   // a pattern starts a phrase of several words
	firsts wpBits // the second words of those phrases
	own    wpBits // pats
}

// wpBits is a set of word-pattern ids, as bits modulo 256.
type wpBits [4]uint64

func (b *wpBits) add(wp int32) { b[wp>>6&3] |= 1 << (wp & 63) }

func (b *wpBits) meets(c *wpBits) bool {
	return b[0]&c[0]|b[1]&c[1]|b[2]&c[2]|b[3]&c[3] != 0
}

func isASCIIAlnum(c byte) bool {
	return 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9'
}

func hasWordRune(s string) bool {
	for _, r := range s {
		if isWordRune(r) {
			return true
		}
	}
	return false
}

func isCaps(w string) bool {
	letters := 0
	for _, r := range w {
		if unicode.IsLetter(r) {
			if !unicode.IsUpper(r) {
				return false
			}
			letters++
		} else if unicode.IsDigit(r) {
			return false
		}
	}
	return letters >= 4
}

// abbreviations after which a period does not end a sentence.
var abbreviations = map[string]bool{
	"z": true, "b": true, "d": true, "h": true, "u": true, "a": true, "bzw": true, "ca": true, "nr": true,
	"ggf": true, "inkl": true, "usw": true, "etc": true, "evtl": true, "vgl": true, "str": true, "tel": true,
	"dr": true, "mr": true, "mrs": true, "ms": true, "st": true, "e": true, "g": true, "i": true, "vs": true,
	"no": true, "approx": true, "incl": true, "max": true, "min": true, "bspw": true, "sog": true, "zzgl": true,
	"mo": true, "di": true, "mi": true, "do": true, "fr": true, "sa": true, "so": true, "jan": true, "feb": true,
	"apr": true, "jun": true, "jul": true, "aug": true, "sep": true, "sept": true, "okt": true, "oct": true,
	"nov": true, "dez": true, "dec": true, "tsd": true, "mio": true, "mrd": true,
}

// splitSentences finds sentence boundaries: terminal punctuation followed
// by space, line breaks after terminal punctuation or between list items
// and headings, and blank lines.
func (a *analysis) splitSentences(s string, base int) {
	start := 0
	emit := func(end int) {
		for end-start > maxSentence {
			// A run-on "sentence" (no full stop in kilobytes) is judged in
			// windows, so that the work per sentence stays bounded.
			cut := windowEnd(s, start, end)
			if strings.TrimSpace(s[start:cut]) != "" {
				a.sentences = append(a.sentences, sentence{start: base + start, end: base + cut})
			}
			start = cut
		}
		if strings.TrimSpace(s[start:end]) != "" {
			a.sentences = append(a.sentences, sentence{start: base + start, end: base + end})
		}
		start = end
	}
	for i := 0; i < len(s); i++ {
		i = nextSentenceByte(s, i)
		if i >= len(s) {
			break
		}
		c := s[i]
		switch c {
		case '.', '!', '?':
			j := i + 1
			for j < len(s) && (s[j] == '.' || s[j] == '!' || s[j] == '?' || s[j] == '"' || s[j] == ')') {
				j++
			}
			if j < len(s) && s[j] != ' ' && s[j] != '\n' && s[j] != '\t' && s[j] != '\r' && !strings.HasPrefix(s[j:], "“") && !strings.HasPrefix(s[j:], "”") {
				continue
			}
			if c == '.' && j == i+1 && abbreviationBefore(s, i) {
				continue
			}
			emit(j)
			i = j - 1
		case '\n':
			// blank line, or a line that starts a list item or heading
			// (the cut sets of strings.TrimLeft and TrimRight, by hand)
			k := i + 1
			for k < len(s) && (s[k] == ' ' || s[k] == '\t' || s[k] == '\r') {
				k++
			}
			rest := s[k:]
			e := i
			for e > start && (s[e-1] == ' ' || s[e-1] == '\t' || s[e-1] == '\r') {
				e--
			}
			b := start
			for b < i && (s[b] == ' ' || s[b] == '\t') {
				b++
			}
			if strings.HasPrefix(rest, "\n") || startsBlock(rest) || endsClause(s[start:e]) || startsBlock(s[b:i]) {
				emit(i + 1)
			}
		default: // the first byte of "…"
			if strings.HasPrefix(s[i:], "…") {
				j := i + len("…")
				if j >= len(s) || s[j] == ' ' || s[j] == '\n' {
					emit(j)
					i = j - 1
				}
			}
		}
	}
	emit(len(s))
}

// maxSentence is the longest span, in bytes, judged as one sentence: a
// real sentence is a few hundred bytes; a longer run is split into windows.
const maxSentence = 2048

// windowEnd returns where the window of s that starts at start ends: after
// the last space or line break of its second half, else at the code point
// boundary at start+maxSentence (a word that long is cut).
func windowEnd(s string, start, end int) int {
	limit := min(start+maxSentence, end)
	for i := limit - 1; i > start+maxSentence/2; i-- {
		if c := s[i]; c == ' ' || c == '\n' || c == '\t' {
			return i + 1
		}
	}
	for limit > start+1 && limit < len(s) && !utf8.RuneStart(s[limit]) {
		limit--
	}
	return limit
}

// sentenceByte marks the bytes splitSentences looks at: terminal
// punctuation, line feed, and 0xE2, the first byte of "…".
var sentenceByte = [256]bool{'.': true, '!': true, '?': true, '\n': true, 0xE2: true}

// nextSentenceByte returns the index of the first sentence byte of s
// from i on, or len(s). Sentence bytes are few: the search goes eight
// bytes at a time.
func nextSentenceByte(s string, i int) int {
	// (v&lo7 + lo7) | v has the high bit of a byte set where the byte of
	// v is not 0, exactly: no carry crosses bytes.
	const lo7, ones = 0x7F7F7F7F7F7F7F7F, 0x0101010101010101
	for ; i+8 <= len(s); i += 8 {
		w := s[i : i+8]
		x := uint64(w[0]) | uint64(w[1])<<8 | uint64(w[2])<<16 | uint64(w[3])<<24 |
			uint64(w[4])<<32 | uint64(w[5])<<40 | uint64(w[6])<<48 | uint64(w[7])<<56
		v1, v2, v3, v4, v5 := x^('.'*ones), x^('!'*ones), x^('?'*ones), x^('\n'*ones), x^(0xE2*ones)
		m := ^((v1&lo7 + lo7 | v1) & (v2&lo7 + lo7 | v2) & (v3&lo7 + lo7 | v3) & (v4&lo7 + lo7 | v4) & (v5&lo7 + lo7 | v5)) &^ lo7
		if m != 0 {
			return i + bits.TrailingZeros64(m)>>3
		}
	}
	for ; i < len(s); i++ {
		if sentenceByte[s[i]] {
			break
		}
	}
	return i
}

func startsBlock(line string) bool {
	if line == "" {
		return false
	}
	switch line[0] {
	case '-', '*', '+', '#', '>':
		return true
	}
	if strings.HasPrefix(line, "•") || strings.HasPrefix(line, "–") {
		return true
	}
	i := 0
	for i < len(line) && line[i] >= '0' && line[i] <= '9' {
		i++
	}
	return i > 0 && i < len(line) && (line[i] == '.' || line[i] == ')') && i+1 < len(line) && line[i+1] == ' '
}

func endsClause(line string) bool {
	if line == "" {
		return false
	}
	switch line[len(line)-1] {
	case ':', '.', '!', '?', ';':
		return true
	}
	return strings.HasSuffix(line, "…")
}

// abbreviationBefore reports whether the period at i closes an
// abbreviation or an ordinal number ("23. November").
func abbreviationBefore(s string, i int) bool {
	// Most words before a period are ASCII: they are looked at without
	// decoding, and at most abbrevMax+1 bytes back, as a longer word is
	// neither an abbreviation nor a short number (a word reaching further
	// back over other letters is longer still).
	j := i
	for j > 0 {
		c := s[j-1]
		if c >= utf8.RuneSelf {
			return abbreviationBeforeRunes(s, i)
		}
		if !isASCIIAlnum(c) {
			break
		}
		if i-j == abbrevMax {
			return false
		}
		j--
	}
	n := i - j
	switch {
	case n == 0:
		return false
	case s[j] <= '9':
		// "23." followed by a word: an ordinal/date in German.
		for k := j; k < i; k++ {
			if s[k] > '9' {
				return false
			}
		}
		return n <= 2
	case n == 1:
		return true
	}
	var key uint64
	for k := j; k < i; k++ {
		c := s[k]
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		key = key<<8 | uint64(c)
	}
	for h := abbrevHash(key); ; h = (h + 1) % uint(len(abbrevTable)) {
		switch abbrevTable[h] {
		case key:
			return true
		case 0:
			return false
		}
	}
}

// abbrevMax is the length of the longest abbreviation.
const abbrevMax = 6

// abbrevTable holds the abbreviations of up to abbrevMax bytes (all of
// them, and all ASCII), the bytes of each packed into a word, in an open
// addressing table.
var abbrevTable = func() (t [256]uint64) {
	for w := range abbreviations {
		if len(w) > abbrevMax {
			panic("abbreviation longer than abbrevMax: " + w)
		}
		var key uint64
		for k := 0; k < len(w); k++ {
			if w[k] >= utf8.RuneSelf || 'A' <= w[k] && w[k] <= 'Z' {
				panic("abbreviation not in lower-case ASCII: " + w)
			}
			key = key<<8 | uint64(w[k])
		}
		h := abbrevHash(key)
		for t[h] != 0 {
			h = (h + 1) % uint(len(t))
		}
		t[h] = key
	}
	return t
}()

func abbrevHash(key uint64) uint { return uint((key * 0x9E3779B97F4A7C15) >> 56) }

// abbreviationBeforeRunes is abbreviationBefore for words with non-ASCII
// letters.
func abbreviationBeforeRunes(s string, i int) bool {
	// A word of more than 16 bytes is neither an abbreviation, in any
	// case, nor a short number: the walk back stops there.
	const longest = 16
	j := i
	for j > 0 {
		if i-j > longest {
			return false
		}
		if c := s[j-1]; c < utf8.RuneSelf {
			if !isASCIIAlnum(c) {
				break
			}
			j--
			continue
		}
		r, size := utf8.DecodeLastRuneInString(s[:j])
		if !unicode.IsLetter(r) && !unicode.IsDigit(r) {
			break
		}
		j -= size
	}
	w := s[j:i]
	if w == "" || len(w) > longest {
		return false
	}
	if w[0] >= '0' && w[0] <= '9' {
		// "23." followed by a word: an ordinal/date in German.
		allDigits := strings.Trim(w, "0123456789") == ""
		return allDigits && len(w) <= 2
	}
	if utf8.RuneCountInString(w) == 1 {
		return true
	}
	// The abbreviations are ASCII: w is one only if every letter is ASCII
	// in lower case (as the Kelvin sign and the dotted capital I are).
	var buf [longest]byte
	n := 0
	for _, r := range w {
		l := unicode.ToLower(r)
		if l >= utf8.RuneSelf {
			return false
		}
		buf[n] = byte(l)
		n++
	}
	return abbreviations[string(buf[:n])]
}

// match runs the lexicon matcher over the tokens and records hits per group.
func (a *analysis) match(m *matcher) {
	if m != nil {
		a.matchTokens(m)
	}
	for i, h := range a.hits {
		a.groupHits[h.group] = append(a.groupHits[h.group], int32(i))
	}
	// sentHits must be rebuilt for every document, with or without a
	// lexicon for its language: a stale one indexes past the hits.
	a.sentHits = a.sentHits[:0]
	hi := 0
	for si := range a.sentences {
		for hi < len(a.hits) && a.tokens[a.hits[hi].tok].sentence < int32(si) {
			hi++
		}
		a.sentHits = append(a.sentHits, int32(hi))
	}
	a.sentHits = append(a.sentHits, int32(len(a.hits)))
}

// matchTokens finds the lexicon hits of the tokens, in token order. A
// token that starts no phrase of several words, as none of its patterns
// starts one or the next token has none of their second words, has the
// hits of its one-word phrases, and takes them from its wordMatch.
func (a *analysis) matchTokens(m *matcher) {
	toks := a.tokens
	for i := range toks {
		if wf := toks[i].form; wf.m != m {
			wf.m, wf.wordMatch = m, a.wordPatterns(m, wf.folded)
		}
	}
	for i := range toks {
		wm := toks[i].form.wordMatch
		if wm.pairs && i+1 < len(toks) && wm.firsts.meets(&toks[i+1].form.own) {
			a.hits = m.matchPhrases(a.hits, &a.scratch, i, toks)
			continue
		}
		for _, g := range wm.groups {
			a.hits = append(a.hits, hit{group: g, tok: int32(i), end: int32(i + 1)})
		}
	}
}

// hitsIn returns the hits of sentences [from, to].
func (a *analysis) hitsIn(from, to int32) []hit {
	if len(a.sentHits) == 0 {
		return nil
	}
	return a.hits[a.sentHits[from]:a.sentHits[to+1]]
}

// wordPatterns returns what m finds for a folded token, from the cache
// when the word was seen before.
func (a *analysis) wordPatterns(m *matcher, folded string) *wordMatch {
	cache := a.words[m]
	if cache == nil {
		cache = map[string]*wordMatch{}
		a.words[m] = cache
	}
	if wm, ok := cache[folded]; ok {
		return wm
	}
	wm := &wordMatch{pats: m.wordPatterns(nil, folded, m.stem(folded))}
	for _, wp := range wm.pats {
		wm.own.add(wp)
		if int(wp) >= len(m.singles) {
			continue
		}
		for _, p := range m.pairs[wp] {
			wm.pairs = true
			wm.firsts.add(p.second)
		}
		for _, pid := range m.singles[wp] {
			wm.groups = append(wm.groups, m.phrases[pid].group)
		}
	}
	cache[strings.Clone(folded)] = wm
	return wm
}

// sentenceHas reports whether group g has a hit in sentences [from, to].
func (a *analysis) sentenceHas(g int32, from, to int32) bool {
	for _, h := range a.hitsIn(from, to) {
		if h.group == g {
			return true
		}
	}
	return false
}
