package lint

import (
	"regexp"
	"strings"
	"unicode/utf8"
)

// Hand-written matchers for urlRe, emailRe and bareURLRe. Each returns
// exactly the spans FindAllStringIndex(s, -1) of its expression returns,
// for any string (FuzzMaskMatchers compares them); the expressions stay
// the reference. They save the regexp engine's fixed cost per call, which
// was most of the time Parse spends on a short message.
//
// What the expressions mean, spelled out:
//   - (?i) makes [a-z] also match U+017F (ſ, folds to s) and U+212A
//     (Kelvin sign, folds to k), and so do the letters s and k of literals.
//   - \b is an ASCII word boundary: only [0-9A-Za-z_] are word characters,
//     so ſ and K are not.
//   - \s is ASCII space: \t \n \f \r and ' '.
//   - Matching is leftmost-first: the earliest start wins, and at a start
//     the first alternative and the longest repetition that lead to a
//     match.
//   - Invalid UTF-8 reads as U+FFFD, one byte wide.

// maxHandToken is the longest text the hand-written matchers are used
// for in Parse; longer tokens (base64 blobs and the like) go to the
// expressions, whose running time is linear in any case.
const maxHandToken = 4096

// isWordByte reports whether c is a \b word character.
func isWordByte(c byte) bool {
	return c >= '0' && c <= '9' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c == '_'
}

// atBoundary is \b at byte offset i. A byte of a multi-byte or invalid
// sequence never decodes to a word character, so one byte on each side
// decides.
func atBoundary(s string, i int) bool {
	before := i > 0 && isWordByte(s[i-1])
	after := i < len(s) && isWordByte(s[i])
	return before != after
}

// foldLetterWidth is the width of a (?i)[a-z] character at i, or 0.
func foldLetterWidth(s string, i int) int {
	c := s[i]
	switch {
	case c|0x20 >= 'a' && c|0x20 <= 'z':
		return 1
	case c == 0xC5:
		if i+1 < len(s) && s[i+1] == 0xBF { // ſ
			return 2
		}
	case c == 0xE2:
		if i+2 < len(s) && s[i+1] == 0x84 && s[i+2] == 0xAA { // K
			return 3
		}
	}
	return 0
}

// alnumWidth is the width of a (?i)[a-z0-9] character at i, or 0.
func alnumWidth(s string, i int) int {
	if c := s[i]; c >= '0' && c <= '9' {
		return 1
	}
	return foldLetterWidth(s, i)
}

// runeWidth is how far the regexp engine steps at i.
func runeWidth(s string, i int) int {
	if s[i] < utf8.RuneSelf {
		return 1
	}
	_, w := utf8.DecodeRuneInString(s[i:])
	return w
}

// foldLit matches the lower-case ASCII literal lit at i as (?i) does and
// returns the end, or -1.
func foldLit(s string, i int, lit string) int {
	for k := 0; k < len(lit); k++ {
		if i >= len(s) {
			return -1
		}
		c := lit[k]
		switch {
		case s[i] == c, c >= 'a' && c <= 'z' && s[i]|0x20 == c:
			i++
		case c == 's' && i+1 < len(s) && s[i] == 0xC5 && s[i+1] == 0xBF:
			i += 2
		case c == 'k' && i+2 < len(s) && s[i] == 0xE2 && s[i+1] == 0x84 && s[i+2] == 0xAA:
			i += 3
		default:
			return -1
		}
	}
	return i
}

// linkRune classifies the rune at i for the run of a link or a path:
// in reports whether it is in [^\s<>()"„“”] (plus »« when guillemets
// end the run, as in urlRe), last whether it may also end the match
// (not one of .,;:!?'’). w is its width.
func linkRune(s string, i int, guillemets bool) (in, last bool, w int) {
	c := s[i]
	if c < utf8.RuneSelf {
		switch c {
		case '\t', '\n', '\f', '\r', ' ', '<', '>', '(', ')', '"':
			return false, false, 1
		case '.', ',', ';', ':', '!', '?', '\'':
			return true, false, 1
		}
		return true, true, 1
	}
	r, w := utf8.DecodeRuneInString(s[i:])
	switch r {
	case '„', '“', '”':
		return false, false, w
	case '»', '«':
		return !guillemets, !guillemets, w
	case '’':
		return true, false, w
	}
	return true, true, w
}

// findURLs appends the matches of urlRe in s, shifted by off, to dst.
func findURLs(dst [][2]int, s string, off int) [][2]int {
	for i := 0; i < len(s); {
		if end := urlAt(s, i); end > 0 {
			dst = append(dst, [2]int{off + i, off + end})
			i = end
			continue
		}
		i++
	}
	return dst
}

// urlAt is the end of the urlRe match starting at i, or -1:
// \b(?:https?://|www\.)[^\s<>()"„“”»«]+[^\s<>()"„“”»«.,;:!?'’)]
func urlAt(s string, i int) int {
	j := -1
	switch s[i] | 0x20 {
	case 'h':
		if j = foldLit(s, i, "http"); j < 0 {
			return -1
		}
		if k := foldLit(s, j, "s"); k > 0 {
			j = k
		}
		if j = foldLit(s, j, "://"); j < 0 {
			return -1
		}
	case 'w':
		if j = foldLit(s, i, "www."); j < 0 {
			return -1
		}
	default:
		return -1
	}
	if i > 0 && isWordByte(s[i-1]) {
		return -1
	}
	// The greedy run, then back to its last character that may end a
	// link; the first character of the run only counts for the run.
	end := -1
	for k, n := j, 0; k < len(s); n++ {
		in, last, w := linkRune(s, k, true)
		if !in {
			break
		}
		k += w
		if last && n > 0 {
			end = k
		}
	}
	return end
}

// mailLocalWidth is the width of a (?i)[a-z0-9._%+-] character at i, or 0.
func mailLocalWidth(s string, i int) int {
	switch s[i] {
	case '.', '_', '%', '+', '-':
		return 1
	}
	return alnumWidth(s, i)
}

// mailDomainWidth is the width of a (?i)[a-z0-9.-] character at i, or 0.
func mailDomainWidth(s string, i int) int {
	switch s[i] {
	case '.', '-':
		return 1
	}
	return alnumWidth(s, i)
}

// findEmails appends the matches of emailRe in s, shifted by off, to dst:
// \b[a-z0-9._%+-]+@[a-z0-9.-]+\.[a-z]{2,}\b
func findEmails(dst [][2]int, s string, off int) [][2]int {
	for pos := 0; pos < len(s); {
		at := strings.IndexByte(s[pos:], '@')
		if at < 0 {
			break
		}
		at += pos
		// The local part is all of [start, at); starts before the last
		// character outside its class cannot reach the @.
		q := pos
		for i := pos; i < at; {
			if w := mailLocalWidth(s, i); w > 0 {
				i += w
			} else {
				i += runeWidth(s, i)
				q = i
			}
		}
		start := -1
		for i := q; i < at; i += mailLocalWidth(s, i) {
			if atBoundary(s, i) {
				start = i
				break
			}
		}
		if start < 0 {
			pos = at + 1
			continue
		}
		end := mailDomainEnd(s, at+1)
		if end < 0 {
			pos = at + 1
			continue
		}
		dst = append(dst, [2]int{off + start, off + end})
		pos = end
	}
	return dst
}

// mailDomainEnd matches [a-z0-9.-]+\.[a-z]{2,}\b at b and returns the
// end, or -1. The domain class holds the dot and the letters, so the
// match lies within the run of domain characters; the greedy + makes the
// last dot that works win, and {2,} the longest letter run.
func mailDomainEnd(s string, b int) int {
	r := b
	for r < len(s) {
		w := mailDomainWidth(s, r)
		if w == 0 {
			break
		}
		r += w
	}
	for d := r; ; {
		d = strings.LastIndexByte(s[b:d], '.')
		if d <= 0 { // none, or no domain character before it
			return -1
		}
		d += b
		end := -1
		for i, n := d+1, 0; i < len(s); {
			w := foldLetterWidth(s, i)
			if w == 0 {
				break
			}
			i += w
			n++
			if n >= 2 && atBoundary(s, i) {
				end = i
			}
		}
		if end >= 0 {
			return end
		}
	}
}

// findBare appends the matches of bareURLRe in s, shifted by off, to dst.
func findBare(dst [][2]int, s string, off int) [][2]int {
	for i := 0; i < len(s); {
		w := alnumWidth(s, i)
		if w == 0 {
			i++
			continue
		}
		if !atBoundary(s, i) {
			i += w
			continue
		}
		end, next := bareAt(s, i)
		if end >= 0 {
			dst = append(dst, [2]int{off + i, off + end})
			i = end
			continue
		}
		i = next
	}
	return dst
}

// labelEnd returns the end of the run of (?i)[a-z0-9-] characters at i
// and whether the run is a label: starting and ending with a letter or
// digit. A label in bareURLRe is always followed by a dot, and a dot
// can only follow the whole run, so the run is the only candidate.
func labelEnd(s string, i int) (int, bool) {
	ok, first := false, true
	for i < len(s) {
		if s[i] == '-' {
			if first {
				return i, false
			}
			ok = false
			i++
		} else if w := alnumWidth(s, i); w > 0 {
			ok = true
			i += w
		} else {
			break
		}
		first = false
	}
	return i, ok
}

// bareAt is the end of the bareURLRe match at start (an alphanumeric
// character at a word boundary), or -1 and where the search goes on:
//
//	\b label (?:\.label)* \.(?:de|com|...|edu)\b (?:/[^\s<>()"„“”]*[^\s<>()"„“”.,;:!?'’)])?
//
// The labels are the dot-separated runs of the host name; the greedy *
// takes all of them that are followed by a dot, then gives back one at a
// time until a top-level domain follows the last dot taken. Whether one
// follows a dot does not depend on the start, so when none does, no start
// within these labels matches either.
func bareAt(s string, start int) (int, int) {
	first, ok := labelEnd(s, start)
	if !ok || first >= len(s) || s[first] != '.' {
		return -1, first
	}
	last := first
	for {
		e, ok := labelEnd(s, last+1)
		if !ok || e >= len(s) || s[e] != '.' {
			break
		}
		last = e
	}
	for d := last; ; {
		if end := tldEnd(s, d+1); end >= 0 {
			return bareURLPath(s, end), 0
		}
		if d == first {
			return -1, last + 1
		}
		d = strings.LastIndexByte(s[:d], '.')
	}
}

// bareTLDs are the top-level domains a web address without a scheme
// may end in, in the order of bareURLRe's alternation.
var bareTLDs = []string{"de", "com", "net", "org", "info", "eu", "at", "ch", "io", "co", "uk", "app", "shop", "online", "example", "bank", "news", "gov", "edu",
	"cloud", "dev", "biz", "tv", "fr", "nl", "lu", "li", "ie", "nz", "au", "berlin", "wien", "koeln", "hamburg", "bayern", "swiss", "travel", "health",
	"studio", "support", "help", "services", "digital", "energy", "group", "email", "events", "tickets", "club", "live", "media"}

// tldsByLetter are bareTLDs by first letter, in the order of the
// alternation.
var tldsByLetter = func() [26][]string {
	var t [26][]string
	for _, tld := range bareTLDs {
		t[tld[0]-'a'] = append(t[tld[0]-'a'], tld)
	}
	return t
}()

// tldEnd matches (?:de|com|...|edu)\b at i and returns the end, or -1.
func tldEnd(s string, i int) int {
	if i >= len(s) {
		return -1
	}
	var cands []string
	if c := s[i] | 0x20; c >= 'a' && c <= 'z' {
		cands = tldsByLetter[c-'a']
	} else if foldLit(s, i, "s") > 0 {
		cands = tldsByLetter['s'-'a']
	}
	for _, t := range cands {
		if end := foldLit(s, i, t); end >= 0 && atBoundary(s, end) {
			return end
		}
	}
	return -1
}

// bareURLPath extends a bare domain ending at end by its optional path:
// a slash, the greedy run of path characters, back to the last one that
// may end a link.
func bareURLPath(s string, end int) int {
	if end >= len(s) || s[end] != '/' {
		return end
	}
	for k := end + 1; k < len(s); {
		in, last, w := linkRune(s, k, false)
		if !in {
			break
		}
		k += w
		if last {
			end = k
		}
	}
	return end
}

// Byte classes for maskPlain's walk over the tokens.
const (
	tokSpace = 1 << iota // \s: separates tokens
	tokColon
	tokAt
	tokDot
)

var tokenByte = [256]uint8{
	'\t': tokSpace, '\n': tokSpace, '\f': tokSpace, '\r': tokSpace, ' ': tokSpace,
	':': tokColon, '@': tokAt, '.': tokDot,
}

// hasWWW reports whether s has "www." in any case, as a link without a
// scheme starts.
func hasWWW(s string) bool {
	for i := 3; i < len(s); i++ {
		if s[i] == '.' && s[i-1]|0x20 == 'w' && s[i-2]|0x20 == 'w' && s[i-3]|0x20 == 'w' {
			return true
		}
	}
	return false
}

// findAddresses adds the links, e-mail addresses and bare domains of one
// token at start to urls, mails and bare: urlRe, then emailRe on the
// token with the links blanked, then bareURLRe with the e-mail addresses
// blanked too. seen holds the token's byte classes; a link needs "://"
// or "www.", an e-mail address '@', a domain '.'.
func findAddresses(tok string, start int, seen uint8, urls, mails, bare [][2]int) ([][2]int, [][2]int, [][2]int) {
	find := func(dst [][2]int, hand func([][2]int, string, int) [][2]int, re func() *regexp.Regexp, s string) [][2]int {
		if len(s) <= maxHandToken {
			return hand(dst, s, start)
		}
		for _, loc := range re().FindAllStringIndex(s, -1) {
			dst = append(dst, [2]int{start + loc[0], start + loc[1]})
		}
		return dst
	}
	var blanked []byte // tok with the matches so far blanked, once there are any
	view := func(found [][2]int) string {
		if blanked == nil {
			blanked = []byte(tok)
		}
		for _, l := range found {
			for i := l[0] - start; i < l[1]-start; i++ {
				blanked[i] = ' '
			}
		}
		return string(blanked)
	}
	s := tok
	if seen&tokColon != 0 && strings.Contains(tok, "://") || seen&tokDot != 0 && hasWWW(tok) {
		n := len(urls)
		if urls = find(urls, findURLs, urlRe, s); len(urls) > n {
			s = view(urls[n:])
		}
	}
	if seen&tokAt != 0 {
		n := len(mails)
		if mails = find(mails, findEmails, emailRe, s); len(mails) > n {
			s = view(mails[n:])
		}
	}
	if seen&tokDot != 0 {
		bare = find(bare, findBare, bareURLRe, s)
	}
	return urls, mails, bare
}
