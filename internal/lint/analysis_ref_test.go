package lint

import (
	"slices"
	"sort"
	"strings"
	"sync"
	"testing"
	"unicode"
	"unicode/utf8"

	"github.com/crisis-comms/crisis/playbook"
)

// The lexicon matching as it was before wordMatch, kept as the reference
// that FuzzAnalysisMatch holds analysis.match to: every token's word
// patterns are looked up afresh and every token goes through the phrase
// search.

type refMatchState struct {
	pats    [][2]int32 // per token: range into all
	all     []int32
	hits    []hit
	scratch []int32
}

// refPatterns memoizes matcher.wordPatterns, a pure function, for speed
// under the fuzzer's instrumentation.
var refPatterns sync.Map // refPatternKey → []int32

type refPatternKey struct {
	m      *matcher
	folded string
}

func refMatchTokens(m *matcher, toks []token) []hit {
	var st refMatchState
	for i := range toks {
		key := refPatternKey{m, toks[i].folded}
		v, ok := refPatterns.Load(key)
		if !ok {
			v, _ = refPatterns.LoadOrStore(key, m.wordPatterns(nil, toks[i].folded, m.stem(toks[i].folded)))
		}
		ids := v.([]int32)
		from := int32(len(st.all))
		st.all = append(st.all, ids...)
		st.pats = append(st.pats, [2]int32{from, int32(len(st.all))})
	}
	for i := range toks {
		if st.pats[i][0] == st.pats[i][1] {
			continue
		}
		st.hits = refMatchPhrases(m, st.hits, &st.scratch, i, st.pats, st.all, toks)
	}
	return st.hits
}

func refMatchPhrases(m *matcher, dst []hit, scratch *[]int32, i int, toks [][2]int32, pats []int32, words []token) []hit {
	n := len(toks)
	var next []int32
	if i+1 < n {
		p := toks[i+1]
		next = pats[p[0]:p[1]]
	}
	for _, wp := range pats[toks[i][0]:toks[i][1]] {
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
				slices.Sort(merged)
				cand = merged
			}
			*scratch = merged
		}
		for _, pid := range cand {
			ph := &m.phrases[pid]
			if i+len(ph.words) > n || words[i+len(ph.words)-1].sentence != words[i].sentence {
				continue
			}
			ok := true
			for k := 2; k < len(ph.words); k++ {
				if p := toks[i+k]; !containsID(pats[p[0]:p[1]], ph.words[k]) {
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

// refMatch is the rest of the old analysis.match: hits per group and the
// first hit of every sentence.
func refMatch(a *analysis, m *matcher) (hits []hit, groupHits [][]int32, sentHits []int32) {
	if m != nil {
		hits = refMatchTokens(m, a.tokens)
	}
	groupHits = make([][]int32, len(a.groupHits))
	for i, h := range hits {
		groupHits[h.group] = append(groupHits[h.group], int32(i))
	}
	hi := 0
	for si := range a.sentences {
		for hi < len(hits) && a.tokens[hits[hi].tok].sentence < int32(si) {
			hi++
		}
		sentHits = append(sentHits, int32(hi))
	}
	sentHits = append(sentHits, int32(len(hits)))
	return hits, groupHits, sentHits
}

// analysisVocab is what FuzzAnalysisMatch spells its texts with: the words
// of the built-in lexicons, as written, capitalized and with endings, and
// a few other words and separators.
var analysisVocab = sync.OnceValues(func() ([]string, []*Engine) {
	var engines []*Engine
	seen := map[string]bool{}
	var vocab []string
	add := func(w string) {
		if w != "" && !seen[w] {
			seen[w] = true
			vocab = append(vocab, w)
		}
	}
	for _, name := range []string{"builtin:de", "builtin:en"} {
		pb, err := playbook.Load(name)
		if err != nil {
			panic(err)
		}
		eng, err := New(pb)
		if err != nil {
			panic(err)
		}
		engines = append(engines, eng)
		groups := make([]string, 0, len(eng.pb.Lexicon))
		for g := range eng.pb.Lexicon {
			groups = append(groups, g)
		}
		sort.Strings(groups)
		for _, g := range groups {
			langs := make([]string, 0, len(eng.pb.Lexicon[g]))
			for l := range eng.pb.Lexicon[g] {
				langs = append(langs, l)
			}
			sort.Strings(langs)
			for _, l := range langs {
				for _, t := range eng.pb.Lexicon[g][l] {
					add(strings.ReplaceAll(t, "*", ""))
					forTermWords(t, func(w string) {
						core := strings.Trim(w, "*")
						add(core)
						if r, size := utf8.DecodeRuneInString(core); size > 0 {
							add(string(unicode.ToUpper(r)) + core[size:])
						}
						if strings.HasSuffix(w, "*") {
							add(core + "ung")
						}
						if strings.HasPrefix(w, "*") {
							add("Groß" + core)
						}
						add(core + "en")
					})
				}
			}
		}
	}
	for _, w := range []string{"und", "the", "Update", "wir", "we", "Uhr", "9:40", "Rabatt", "z.B.", "NICHT"} {
		add(w)
	}
	return vocab, engines
})

var analysisSeps = []string{" ", " ", " ", " ", ". ", ", ", "\n", "\n\n", "-", "! ", " – ", "\n- ", " „", "“ "}

// analysisSpell spells a text with the vocabulary: each byte of b picks a
// word or, now and then, a separator.
func analysisSpell(b string, vocab []string) string {
	var sb strings.Builder
	for i := 0; i < len(b); i++ {
		c := int(b[i])
		if c < 40 {
			sb.WriteString(analysisSeps[c%len(analysisSeps)])
			continue
		}
		k := c
		if i+1 < len(b) {
			k = c<<8 | int(b[i+1])
			i++
		}
		sb.WriteString(vocab[k%len(vocab)])
		sb.WriteByte(' ')
	}
	return sb.String()
}

// analysisCheckMatch checks a.match on text against refMatch, in both
// languages; a is reused across calls, so that its caches are tested too.
func analysisCheckMatch(t *testing.T, engines []*Engine, a *analysis, text string) {
	t.Helper()
	for _, e := range engines {
		analysisCheckMatchIn(t, e, a, text)
	}
}

func analysisCheckMatchIn(t *testing.T, e *Engine, a *analysis, text string) {
	t.Helper()
	d, err := Parse("f.md", []byte(text), true)
	if err != nil {
		return
	}
	d.prepareVoice("")
	langs := []string{"fr"}
	for l := range e.matchers {
		langs = append(langs, l)
	}
	sort.Strings(langs)
	for _, lang := range langs {
		a.reset(len(e.groups))
		a.tokenize(d)
		m := e.matchers[lang]
		a.match(m)
		hits, groupHits, sentHits := refMatch(a, m)
		if !slices.Equal(a.hits, hits) {
			t.Fatalf("%q (%s): hits %v, want %v", text, lang, a.hits, hits)
		}
		for g := range groupHits {
			if !slices.Equal(a.groupHits[g], groupHits[g]) {
				t.Fatalf("%q (%s): group %d hits %v, want %v", text, lang, g, a.groupHits[g], groupHits[g])
			}
		}
		if !slices.Equal(a.sentHits, sentHits) {
			t.Fatalf("%q (%s): sentence hits %v, want %v", text, lang, a.sentHits, sentHits)
		}
	}
}

func TestAnalysisMatchCorpus(t *testing.T) {
	vocab, e := analysisVocab()
	a := newAnalysis()
	for _, s := range append(append([]string{benchText}, fuzzSeeds...), wordsSeeds...) {
		analysisCheckMatch(t, e, a, s)
		analysisCheckMatch(t, e, a, analysisSpell(s, vocab))
	}
	// Every word and term of the vocabulary next to two others.
	var sb strings.Builder
	for i, w := range vocab {
		sb.WriteString(w + " " + vocab[(i*10)%len(vocab)] + " " + vocab[(i*7+3)%len(vocab)] + ". ")
	}
	analysisCheckMatch(t, e, a, sb.String())
	// All terms in a row.
	analysisCheckMatch(t, e, a, strings.Join(vocab, " "))
}

// FuzzAnalysisMatch holds the lexicon matching to the code it replaced:
// the same hits, hits per group and hits per sentence.
func FuzzAnalysisMatch(f *testing.F) {
	for _, s := range append(append([]string{benchText}, fuzzSeeds...), wordsSeeds...) {
		f.Add(s)
	}
	vocab, e := analysisVocab()
	a := newAnalysis()
	f.Fuzz(func(t *testing.T, s string) {
		if len(s) > 400 {
			s = s[:400] // longer texts find nothing new, and slowly
		}
		analysisCheckMatch(t, e, a, s)
		analysisCheckMatch(t, e, a, analysisSpell(s, vocab))
	})
}

// refAbbreviationBefore is abbreviationBefore as it was before its ASCII
// path.
func refAbbreviationBefore(s string, i int) bool {
	j := i
	for j > 0 {
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
	if w == "" {
		return false
	}
	if w[0] >= '0' && w[0] <= '9' {
		allDigits := strings.Trim(w, "0123456789") == ""
		return allDigits && len(w) <= 2
	}
	if utf8.RuneCountInString(w) == 1 {
		return true
	}
	var buf [16]byte
	if len(w) > len(buf) {
		return false
	}
	for k := 0; k < len(w); k++ {
		c := w[k]
		if c >= utf8.RuneSelf {
			return abbreviations[strings.ToLower(w)]
		}
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		buf[k] = c
	}
	return abbreviations[string(buf[:len(w)])]
}

// analysisAbbrevAlphabet spells texts for FuzzAbbreviationBefore: letters
// of the abbreviations in both cases, digits, and letters that change
// length in lower case.
var analysisAbbrevAlphabet = []string{
	"a", "b", "c", "d", "e", "g", "i", "k", "l", "n", "o", "p", "r", "s", "t", "v", "w", "x", "z", "A", "B", "D",
	"I", "K", "N", "O", "P", "S", "T", "Z", "0", "1", "2", "9", "ä", "Ü", "ß", "\u212a", "\u0130", "\u017f", "_",
	"'", "’", " ", "\n", ".", "-", "\u0301", "\xff",
}

func analysisCheckAbbrev(t *testing.T, s string) {
	t.Helper()
	for i := 0; i < len(s); i++ {
		if s[i] == '.' {
			if got, want := abbreviationBefore(s, i), refAbbreviationBefore(s, i); got != want {
				t.Fatalf("abbreviationBefore(%q, %d) = %v, want %v", s, i, got, want)
			}
		}
	}
}

func TestAbbreviationBefore(t *testing.T) {
	for w := range abbreviations {
		for _, s := range []string{w, strings.ToUpper(w), "x" + w, "1" + w, "ä" + w, w + "x"} {
			analysisCheckAbbrev(t, s+". "+s+".")
			if !abbreviationBefore(w+".", len(w)) {
				t.Fatalf("%q is no abbreviation", w)
			}
		}
	}
	for _, s := range []string{"23.", "123.", "1a.", "a1.", ".", " .", "\u212akl.", "in\u212al.", "\u0130ncl.", "approx.", "approxi.", "Sept.", "ÜBER."} {
		analysisCheckAbbrev(t, s)
	}
}

// FuzzAbbreviationBefore holds abbreviationBefore to the code it replaced
// at every period of arbitrary texts and of texts spelled from
// analysisAbbrevAlphabet.
func FuzzAbbreviationBefore(f *testing.F) {
	for _, s := range []string{"z. B. 23. Nov. 2026, ca. 9 Uhr, inkl. MwSt.", "in\u212al. approx. Approxim.", "\u0130ncl. 1.2.3."} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		analysisCheckAbbrev(t, s)
		var sb strings.Builder
		for i := 0; i < len(s); i++ {
			sb.WriteString(analysisAbbrevAlphabet[int(s[i])%len(analysisAbbrevAlphabet)])
		}
		analysisCheckAbbrev(t, sb.String())
	})
}

// refScanWords is scanWords as it was before its inline ASCII paths.
func refScanWords(s string, spans []wordSpan) ([]wordSpan, bool) {
	i := 0
	for {
		for i < len(s) && wbByte[s[i]]&wbSkip != 0 {
			i++
		}
		if i >= len(s) {
			return spans, true
		}
		start := i
		first, size := wbAt(s, i)
		i += size
		switch first {
		case wbALetter, wbNumeric, wbExtendNum:
		case wbBail:
			return spans, false
		default:
			continue
		}
		// A word starts at start.
	word:
		for {
			// WB5, WB8–WB10, WB13a/b: word characters join.
			for i < len(s) && wbByte[s[i]]&wbWord != 0 {
				i++
			}
			cls, size := wbAt(s, i)
			switch cls {
			case wbALetter, wbNumeric, wbExtendNum:
				i += size
			case wbMidLetter, wbMidNum, wbMidNumLet:
				// WB6/7: ALetter × (MidLetter | MidNumLetQ) × ALetter;
				// WB11/12: Numeric × (MidNum | MidNumLetQ) × Numeric.
				prev := wbBefore(s, i)
				if !(prev == wbALetter && cls != wbMidNum || prev == wbNumeric && cls != wbMidLetter) {
					break word
				}
				next, nsize := wbAt(s, i+size)
				if next == wbBail {
					return spans, false
				}
				if next != prev {
					break word
				}
				i += size + nsize
			case wbBail:
				return spans, false
			default: // wbOther, or the end of s
				break word
			}
		}
		if first != wbExtendNum || wbHasLetter(s[start:i]) {
			spans = append(spans, wordSpan{int32(start), int32(i)})
		}
	}
}

func analysisCheckScan(t *testing.T, s string) {
	t.Helper()
	got, ok := scanWords(s, nil)
	want, wantOK := refScanWords(s, nil)
	if ok != wantOK || ok && !slices.Equal(got, want) {
		t.Fatalf("scanWords(%q) = %v %v, want %v %v", s, got, ok, want, wantOK)
	}
}

// FuzzScanWordsRef holds scanWords to the code it replaced: the same
// words, and the same texts left to uax29. Each input is tried as it is
// and spelled with the characters scanWords knows.
func FuzzScanWordsRef(f *testing.F) {
	for _, s := range append(append([]string{benchText}, fuzzSeeds...), wordsSeeds...) {
		f.Add(s)
	}
	for _, s := range wordsAlphabet {
		f.Add("a" + s + "b" + s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		analysisCheckScan(t, s)
		analysisCheckScan(t, wordsSpell(s))
	})
}

// FuzzNextSentenceByte holds nextSentenceByte to the byte loop it
// replaced, from every offset; splitSentences as a whole is held to its
// reference by FuzzWordsTokenize.
func FuzzNextSentenceByte(f *testing.F) {
	for _, s := range []string{"", "abcdefgh.", "Wir sind da… Heute!\nMorgen? Ja.", "\xe2\x80\xa6\xe2\x80\x9c\xfe\x2e\x2d\x2f", "........"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		for i := 0; i <= len(s); i++ {
			want := i
			for want < len(s) && !sentenceByte[s[want]] {
				want++
			}
			if got := nextSentenceByte(s, i); got != want {
				t.Fatalf("nextSentenceByte(%q, %d) = %d, want %d", s, i, got, want)
			}
		}
	})
}
