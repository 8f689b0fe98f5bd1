package channel

import (
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// Weights from twitter-text's configuration v3 (config/v3.json in
// github.com/twitter/twitter-text): maxWeightedTweetLength 280, scale 100,
// defaultWeight 200, transformedURLLength 23, emojiParsingEnabled true.
// Weights here are already divided by the scale.
const (
	xMaxWeighted   = 280
	xDefaultWeight = 2
	xURLWeight     = 23
)

// xLightRanges are the v3 ranges with weight 100 (1 after scaling): Latin,
// Greek, Cyrillic, Hebrew, Arabic, Devanagari … up to Georgian, and general
// punctuation such as spaces, dashes, typographic quotes and primes.
var xLightRanges = [][2]rune{
	{0x0000, 0x10FF},
	{0x2000, 0x200D},
	{0x2010, 0x201F},
	{0x2032, 0x2037},
}

// XStats is the length of a post on X.
type XStats struct {
	// WeightedLength is what X compares against its 280 limit.
	WeightedLength int `json:"weighted_length"`
}

// X returns the weighted length of text as X counts it.
func X(text string) XStats {
	n, ok := xCount(text, true)
	if !ok {
		n, _ = xCount(norm.NFC.String(text), false)
	}
	return XStats{WeightedLength: n}
}

// nfcSafeLimit bounds the runes that nfcSafe knows about; it covers Latin,
// Greek, Cyrillic and the general punctuation and currency signs.
const nfcSafeLimit = 0x3000

// nfcSafe has bit r set for each rune r below nfcSafeLimit that is
// unchanged by NFC, has combining class 0 and does not combine with a rune
// before it (NFC_Quick_Check=Yes, ccc=0). A text of such runes and ASCII
// is already NFC. It is built on first use, as most commands never count
// for X.
var nfcSafe = sync.OnceValue(func() *[nfcSafeLimit / 64]uint64 {
	var t [nfcSafeLimit / 64]uint64
	for r := rune(0); r < nfcSafeLimit; r++ {
		if r >= 0xD800 && r <= 0xDFFF {
			continue
		}
		s := string(r)
		if p := norm.NFC.PropertiesString(s); p.BoundaryBefore() && p.CCC() == 0 && norm.NFC.String(s) == s {
			t[r>>6] |= 1 << (r & 63)
		}
	}
	return &t
})

// asciiPrefix returns the length of the ASCII bytes that text starts
// with, testing eight at a time.
func asciiPrefix(text string) int {
	i := 0
	for ; i+8 <= len(text); i += 8 {
		w := uint64(text[i]) | uint64(text[i+1])<<8 | uint64(text[i+2])<<16 | uint64(text[i+3])<<24 |
			uint64(text[i+4])<<32 | uint64(text[i+5])<<40 | uint64(text[i+6])<<48 | uint64(text[i+7])<<56
		if w&0x8080808080808080 != 0 {
			break
		}
	}
	for i < len(text) && text[i] < utf8.RuneSelf {
		i++
	}
	return i
}

// isNFCQuick reports whether text is NFC because all its runes are in
// nfcSafe, which is much cheaper to find out than normalising. False means
// that text may or may not be NFC.
func isNFCQuick(text string) bool {
	var t *[nfcSafeLimit / 64]uint64
	for i := asciiPrefix(text); i < len(text); {
		if text[i] < utf8.RuneSelf {
			i++
			continue
		}
		if t == nil {
			t = nfcSafe()
		}
		r, size := utf8.DecodeRuneInString(text[i:])
		if r >= nfcSafeLimit || t[r>>6]&(1<<(r&63)) == 0 {
			return false
		}
		i += size
	}
	return true
}

// xWalk calls fn for each counted unit of text (a link, an emoji sequence or
// a single code point) with its byte span and weight. text must already be
// NFC.
func xWalk(text string, fn func(start, end, weight int)) {
	xScan(text, fn)
}

// Classes of ASCII bytes for xScan.
const (
	xAlnum    = 1 << iota // a letter or digit: a link may start here
	xKeycap               // '#', '*' or a digit: may start a keycap emoji
	xLinkNext             // a link may start after this byte (urlCanStart)
)

var xASCII = func() (t [utf8.RuneSelf]uint8) {
	for c := range t {
		b := byte(c)
		if isLetterByte(b) || isDigitByte(b) {
			t[c] |= xAlnum
		}
		if b == '#' || b == '*' || isDigitByte(b) {
			t[c] |= xKeycap
		}
		if urlCanStart(rune(c)) {
			t[c] |= xLinkNext
		}
	}
	return t
}()

// xScan returns the weighted length of text (already NFC) and, unless fn
// is nil, calls fn for each counted unit: a link, an emoji sequence or a
// single code point, with its byte span and weight.
//
// At each position a link is tried first (where urlCanStart allows one and
// a '.' comes before the next space, as every link has a dot in its host),
// then an emoji sequence, then the code point on its own. ASCII takes a
// short path: only a letter or digit with a '.' before the next space can
// start a link (matchURL needs both), and only '#', '*' or a digit
// followed by U+FE0F or U+20E3 an emoji.
func xScan(text string, fn func(start, end, weight int)) int {
	n, _ := xScanRange(text, 0, len(text), fn)
	return n
}

// xScanRange is xScan for the units that start in text[from:to], where a
// link may start at from (it is 0 or follows a space). It returns their
// weight and the end of the last one, which is to unless a unit goes on
// past to.
func xScanRange(text string, from, to int, fn func(start, end, weight int)) (int, int) {
	n := 0
	linkNext := true // urlCanStart(prev); true at the start of the text
	dotStop, dotVal := -1, false
	i := from
	for i < to {
		// ASCII that starts neither a link nor an emoji weighs 1.
		for j := i; j < to; j++ {
			c := text[j]
			if c >= utf8.RuneSelf {
				break
			}
			cls := xASCII[c]
			if cls&xKeycap != 0 && j+1 < len(text) && text[j+1] >= utf8.RuneSelf {
				break
			}
			// A letter or digit where a link may start leaves the short
			// path only when a '.' comes before the next space.
			if cls&xAlnum != 0 && linkNext {
				if j > dotStop {
					dotStop, dotVal = dotScan(text, j)
				}
				if dotVal {
					break
				}
				if fn == nil {
					// No link starts before dotStop: the ASCII up to there
					// weighs one per byte, except a keycap digit, '#' or
					// '*' right before a non-ASCII rune.
					k := j
					for k < dotStop && text[k] < utf8.RuneSelf {
						k++
					}
					if k < len(text) && text[k] >= utf8.RuneSelf && xASCII[text[k-1]]&xKeycap != 0 {
						k--
					}
					if k > j+1 {
						n += k - j
						linkNext = xASCII[text[k-1]]&xLinkNext != 0
						i = k
						j = k - 1
						continue
					}
				}
			}
			if fn != nil {
				fn(j, j+1, 1)
			}
			linkNext = cls&xLinkNext != 0
			n++
			i = j + 1
		}
		if i >= to {
			break
		}
		// The general step, as twitter-text takes it.
		if linkNext {
			if i > dotStop {
				dotStop, dotVal = dotScan(text, i)
			}
			if dotVal {
				if end := matchURL(text, i, true); end > i {
					n += xURLWeight
					if fn != nil {
						fn(i, end, xURLWeight)
					}
					linkNext = xLinkAfter(text[:end])
					i = end
					continue
				}
			}
		}
		r, size := rune(text[i]), 1
		if r >= utf8.RuneSelf {
			r, size = utf8.DecodeRuneInString(text[i:])
		}
		// Below U+0800, only '#', '*', digits, © and ® can start an emoji
		// (see matchEmoji), and an ASCII one only before a non-ASCII rune.
		if r >= 0x800 || r == 0xA9 || r == 0xAE ||
			r < utf8.RuneSelf && xASCII[r]&xKeycap != 0 && i+1 < len(text) && text[i+1] >= utf8.RuneSelf {
			if end := matchEmoji(text, i); end > i {
				n += xDefaultWeight
				if fn != nil {
					fn(i, end, xDefaultWeight)
				}
				linkNext = xLinkAfter(text[:end])
				i = end
				continue
			}
		}
		w := xRuneWeight(r)
		n += w
		if fn != nil {
			fn(i, i+size, w)
		}
		linkNext = xLinkNextAfter(r)
		i += size
	}
	return n, i
}

// Classes of bytes for xCount.
const (
	xcPlain = iota // ASCII of weight 1 that starts no link or emoji
	xcSpace        // a space where dotScan stops: every token starts after one
	xcDot          // '.': a link has one followed by a letter or digit
	xcDirty        // a byte that is no valid UTF-8 here or starts a four-byte sequence
	xcLead2        // the first byte of a two-byte sequence
	xcLead3        // the first byte of a three-byte sequence
)

var xClass = func() (t [256]uint8) {
	for c := range t {
		switch {
		case c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f':
			t[c] = xcSpace
		case c == '.':
			t[c] = xcDot
		case c < utf8.RuneSelf:
			t[c] = xcPlain
		case c >= 0xC2 && c < 0xE0:
			t[c] = xcLead2
		case c >= 0xE0 && c < 0xF0:
			t[c] = xcLead3
		default:
			t[c] = xcDirty
		}
	}
	return t
}()

// xCount is xScan(text, nil). With nfc, it first makes sure that text is
// NFC as isNFCQuick does, and reports false when it may not be.
//
// Text is counted token by token, a token being the bytes between two of
// the spaces where dotScan stops. No link or emoji spans such a space, and
// a link may start after one, so each token weighs what xScanRange gives
// for it. A token where no link can start (none has a '.' before a letter
// or digit, as its host needs) and with no emoji (whose sequences need a
// rune at or above U+0800: a pictograph, U+FE0F or U+20E3) weighs one per
// rune below U+0800 and xRuneWeight for the others; the other tokens go
// through xScanRange from their start.
func xCount(text string, nfc bool) (n int, ok bool) {
	var safe *[nfcSafeLimit / 64]uint64
	tok, nTok := 0, 0 // where the current token starts and n there
	for i := 0; i < len(text); {
		c := text[i]
		switch xClass[c] {
		case xcPlain:
			n++
			i++
			continue
		case xcSpace:
			n++
			i++
			tok, nTok = i, n
			continue
		case xcDot:
			if i+1 == len(text) || text[i+1] < utf8.RuneSelf && xASCII[text[i+1]]&xAlnum == 0 {
				n++
				i++
				continue
			}
		case xcLead2:
			if i+1 < len(text) && text[i+1]&0xC0 == 0x80 {
				if nfc {
					if safe == nil {
						safe = nfcSafe()
					}
					r := rune(c&0x1F)<<6 | rune(text[i+1]&0x3F)
					if safe[r>>6]&(1<<(r&63)) == 0 {
						return 0, false
					}
				}
				n++
				i += 2
				continue
			}
		case xcLead3:
			r, size := utf8.DecodeRuneInString(text[i:])
			if size == 3 {
				if nfc {
					if safe == nil {
						safe = nfcSafe()
					}
					if r >= nfcSafeLimit || safe[r>>6]&(1<<(r&63)) == 0 {
						return 0, false
					}
				}
				if r != vs16 && r != keycap && !isPictographic(r) {
					n += xRuneWeight(r)
					i += 3
					continue
				}
			}
		}
		// The token needs the general scan.
		end := i
		for end < len(text) && xClass[text[end]] != xcSpace {
			end++
		}
		if nfc && !isNFCQuick(text[tok:end]) {
			return 0, false
		}
		m, stop := xScanRange(text, tok, end, nil)
		n = nTok + m
		i = stop
	}
	return n, true
}

// xLinkAfter is urlCanStart for the last code point of s.
func xLinkAfter(s string) bool {
	r, _ := utf8.DecodeLastRuneInString(s)
	return xLinkNextAfter(r)
}

// xLinkNextAfter is urlCanStart(r), from tables below U+0800.
func xLinkNextAfter(r rune) bool {
	if r < utf8.RuneSelf {
		return xASCII[r]&xLinkNext != 0
	}
	if r < 0x800 {
		return xLinkNext2[r>>6]&(1<<(r&63)) != 0
	}
	return urlCanStart(r)
}

// xLinkNext2 has bit r set for each r below U+0800 after which a link may
// start (urlCanStart).
var xLinkNext2 = func() (t [0x800 / 64]uint64) {
	for r := rune(0); r < 0x800; r++ {
		if urlCanStart(r) {
			t[r>>6] |= 1 << (r & 63)
		}
	}
	return t
}()

// dotScan looks for a '.' before the next ASCII space from i. Every link
// has one (its host has a top-level domain) and none spans a space, so
// words without a dot skip the link matcher. It returns where it stopped
// (the dot, the space or the end of text) and whether it found a dot; the
// answer is the same from every position up to where it stopped.
func dotScan(text string, i int) (stop int, dot bool) {
	for ; i < len(text); i++ {
		switch text[i] {
		case '.':
			return i, true
		case ' ', '\t', '\n', '\r', '\f':
			return i, false
		}
	}
	return i, false
}

func xRuneWeight(r rune) int {
	if r <= 0x10FF && r >= 0 {
		return 1
	}
	for _, rg := range xLightRanges {
		if r >= rg[0] && r <= rg[1] {
			return 1
		}
	}
	return xDefaultWeight
}

// Emoji building blocks (Unicode TR #51).
const (
	zwj           = 0x200D
	vs16          = 0xFE0F
	keycap        = 0x20E3
	blackFlag     = 0x1F3F4
	tagCancel     = 0xE007F
	regionalFirst = 0x1F1E6
	regionalLast  = 0x1F1FF
)

func isRegional(r rune) bool { return r >= regionalFirst && r <= regionalLast }

func isSkinTone(r rune) bool { return r >= 0x1F3FB && r <= 0x1F3FF }

func isTag(r rune) bool { return r >= 0xE0020 && r <= 0xE007E }

// isPictographic approximates Extended_Pictographic (emoji-data.txt) with
// the blocks that hold it; over-matching a few unassigned code points does
// not matter because they weigh 2 on their own as well.
func isPictographic(r rune) bool {
	switch {
	case r < 0x2000:
		return r == 0x00A9 || r == 0x00AE
	case r < 0x3000:
		switch {
		case r == 0x203C, r == 0x2049, r == 0x2122, r == 0x2139,
			r >= 0x2194 && r <= 0x2199, r == 0x21A9, r == 0x21AA,
			r == 0x231A, r == 0x231B, r == 0x2328, r == 0x2388, r == 0x23CF,
			r >= 0x23E9 && r <= 0x23F3, r >= 0x23F8 && r <= 0x23FA,
			r == 0x24C2, r == 0x25AA, r == 0x25AB, r == 0x25B6, r == 0x25C0,
			r >= 0x25FB && r <= 0x25FE, r >= 0x2600 && r <= 0x27BF,
			r == 0x2934, r == 0x2935, r >= 0x2B05 && r <= 0x2B07,
			r == 0x2B1B, r == 0x2B1C, r == 0x2B50, r == 0x2B55:
			return true
		}
		return false
	case r == 0x3030, r == 0x303D, r == 0x3297, r == 0x3299:
		return true
	case r >= 0x1F000 && r <= 0x1FAFF:
		return !isRegional(r) && !isSkinTone(r)
	case r >= 0x1FC00 && r <= 0x1FFFD:
		return true
	}
	return false
}

// matchEmoji returns the end of the emoji sequence starting at text[i], or
// i when there is none: flags (regional indicator pairs and tag sequences),
// keycaps, and pictographs with variation selector, skin tone and ZWJ
// continuations. © and ® only count as emoji with U+FE0F, because as plain
// text they are ordinary Latin-1 characters of weight 1.
func matchEmoji(text string, i int) int {
	r, n := utf8.DecodeRuneInString(text[i:])
	j := i + n
	next := func() (rune, int) {
		if j >= len(text) {
			return -1, 0
		}
		return utf8.DecodeRuneInString(text[j:])
	}
	switch {
	case isRegional(r):
		if r2, n2 := next(); isRegional(r2) {
			return j + n2
		}
		return j
	case r == '#' || r == '*' || r >= '0' && r <= '9':
		r2, n2 := next()
		if r2 == vs16 {
			j += n2
			r2, n2 = next()
		}
		if r2 == keycap {
			return j + n2
		}
		return i
	case !isPictographic(r):
		return i
	}
	if r < 0x2000 {
		if r2, n2 := next(); r2 == vs16 {
			return j + n2
		}
		return i
	}
	if r == blackFlag {
		k := j
		for k < len(text) {
			t, tn := utf8.DecodeRuneInString(text[k:])
			if t == tagCancel {
				return k + tn
			}
			if !isTag(t) {
				break
			}
			k += tn
		}
	}
	for {
		if r2, n2 := next(); r2 == vs16 {
			j += n2
		}
		if r2, n2 := next(); isSkinTone(r2) {
			j += n2
		}
		r2, n2 := next()
		if r2 != zwj {
			return j
		}
		r3, n3 := utf8.DecodeRuneInString(text[j+n2:])
		if !isPictographic(r3) {
			return j
		}
		j += n2 + n3
	}
}

// urlCanStart reports whether a link may begin after prev (-1 at the start
// of the text). As in twitter-text, a link must not be glued to a word, to
// an @ (an email address) or to $ and # (cashtags, hashtags).
func urlCanStart(prev rune) bool {
	if prev < 0 {
		return true
	}
	if unicode.IsLetter(prev) || unicode.IsDigit(prev) {
		return false
	}
	switch prev {
	case '@', '$', '#', '.', '-', '_', '/', ':', '＠', '＃':
		return false
	}
	return true
}

// tlds are the top-level domains recognised in links without a scheme:
// common generic ones and the country codes of Europe and of the largest
// markets elsewhere. twitter-text knows every TLD; this subset keeps false
// matches on abbreviations low.
var tlds = func() map[string]bool {
	m := map[string]bool{}
	for _, t := range strings.Fields(`com org net edu gov mil int info biz name pro mobi app dev
		blog shop store online site tech news media cloud email help support
		berlin hamburg koeln cologne muenchen bayern nrw ruhr wien tirol swiss gmbh`) {
		m[t] = true
	}
	for _, t := range ccTLDs {
		m[t] = true
	}
	return m
}()

var ccTLDs = strings.Fields(`de at ch li lu nl be fr it es pt uk ie dk se no fi is pl cz sk hu si hr
	ro bg gr tr ru ua ee lv lt eu us ca mx br ar au nz jp cn kr in sg hk tw za io co me tv ly to fm
	ai gg cc ws`)

func isCCTLD(s string) bool {
	for _, t := range ccTLDs {
		if t == s {
			return true
		}
	}
	return false
}

// hasPrefixFold is strings.HasPrefix ignoring ASCII case.
func hasPrefixFold(s, prefix string) bool {
	return len(s) >= len(prefix) && strings.EqualFold(s[:len(prefix)], prefix)
}

// matchURL returns the end of the link starting at text[i], or i when there
// is none. A link is http:// or https:// followed by a host, or a bare
// domain ending in a known TLD; either may go on with a port, path, query or
// fragment. Trailing punctuation and an unbalanced closing bracket belong to
// the sentence, not the link. With xRules, a bare two-label domain under a
// country-code TLD without path (example.de) is not a link, as on X.
func matchURL(text string, i int, xRules bool) int {
	s := text[i:]
	scheme := 0
	switch {
	case hasPrefixFold(s, "https://"):
		scheme = len("https://")
	case hasPrefixFold(s, "http://"):
		scheme = len("http://")
	}
	hostEnd, labels, tld := scanHost(s[scheme:])
	if hostEnd == 0 || labels < 2 {
		return i
	}
	if scheme == 0 && !tlds[strings.ToLower(tld)] {
		return i
	}
	end := scheme + hostEnd
	if end < len(s) {
		if r, _ := utf8.DecodeRuneInString(s[end:]); r == '@' || r == '-' || r == '_' || unicode.IsLetter(r) || unicode.IsDigit(r) {
			return i
		}
	}
	if end < len(s) && s[end] == ':' {
		k := end + 1
		for k < len(s) && s[k] >= '0' && s[k] <= '9' {
			k++
		}
		if k > end+1 {
			end = k
		}
	}
	hasPath := false
	if end < len(s) && (s[end] == '/' || s[end] == '?' || s[end] == '#') {
		k := end
		for k < len(s) {
			r, n := utf8.DecodeRuneInString(s[k:])
			if unicode.IsSpace(r) || strings.ContainsRune("<>\"“”„«»‘’‚", r) {
				break
			}
			k += n
		}
		k = trimURLTail(s[:k], end)
		hasPath = k > end
		end = k
	}
	if xRules && scheme == 0 && !hasPath && labels == 2 && isCCTLD(strings.ToLower(tld)) &&
		!strings.EqualFold(s[:hostEnd], "t.co") {
		return i
	}
	return i + end
}

// scanHost reads dot-separated labels of letters, digits and hyphens from
// the start of s and returns where they end, how many there are and the
// last one. A trailing dot ends the sentence and is not part of the host.
func scanHost(s string) (end, labels int, last string) {
	k := 0
	for {
		start := k
		for k < len(s) {
			r, n := utf8.DecodeRuneInString(s[k:])
			if !(unicode.IsLetter(r) || unicode.IsDigit(r) || r == '-' && k > start) {
				break
			}
			k += n
		}
		if k == start || s[k-1] == '-' {
			if labels > 0 {
				return end, labels, last
			}
			return 0, 0, ""
		}
		end, last = k, s[start:k]
		labels++
		if k+1 < len(s) && s[k] == '.' {
			k++
			continue
		}
		if last != "" && !isAlpha(last) && labels > 1 {
			return 0, 0, ""
		}
		return end, labels, last
	}
}

func isAlpha(s string) bool {
	for _, r := range s {
		if !unicode.IsLetter(r) {
			return false
		}
	}
	return true
}

// trimURLTail drops trailing punctuation from the path part s[from:] and a
// closing bracket that has no opening partner inside the link.
func trimURLTail(s string, from int) int {
	end := len(s)
	for end > from {
		c := s[end-1]
		switch c {
		case '.', ',', ';', ':', '!', '?', '\'':
			end--
			continue
		case ')', ']':
			open := byte('(')
			if c == ']' {
				open = '['
			}
			if strings.Count(s[:end], string(open)) < strings.Count(s[:end], string(c)) {
				end--
				continue
			}
		}
		break
	}
	return end
}
