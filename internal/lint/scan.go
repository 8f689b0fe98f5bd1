package lint

import (
	"regexp"
)

// Go's regexp engine costs about a microsecond per call plus time per
// byte, and has no literal prefilter for patterns like these. The finders
// below run an expression only on the short pieces of text it can match,
// with enough context that the result is exactly what a run over the
// whole text gives (the fuzz tests compare both).

// isSpaceASCII is \s in Go's regexp syntax.
func isSpaceASCII(c byte) bool {
	return c == ' ' || c == '\t' || c == '\n' || c == '\f' || c == '\r'
}

// findInTokens runs re on every whitespace-separated token for which need
// is true. It is exact for expressions that cannot match whitespace: the
// space around a token is a non-word character, just like the token's
// boundary in the full text.
func findInTokens(re *regexp.Regexp, s string, need func(string) bool) [][]int {
	var out [][]int
	for i := 0; i < len(s); {
		for i < len(s) && isSpaceASCII(s[i]) {
			i++
		}
		start := i
		for i < len(s) && !isSpaceASCII(s[i]) {
			i++
		}
		if tok := s[start:i]; tok != "" && need(tok) {
			for _, loc := range re.FindAllStringIndex(tok, -1) {
				out = append(out, []int{start + loc[0], start + loc[1]})
			}
		}
	}
	return out
}

// phoneChars are the characters a phone number match can consist of;
// isPhoneChar marks them by byte.
const phoneChars = "0123456789+()/.- \t\n\f\r"

var isPhoneChar = func() (t [256]bool) {
	for i := 0; i < len(phoneChars); i++ {
		t[phoneChars[i]] = true
	}
	return t
}()

// findPhones returns phoneRe matches with at least minDigits digits. The
// expression runs on maximal runs of phone characters holding that many
// digits, with one character of context on each side so that its word
// boundaries and "not after a letter" test see what they would see in
// the whole text.
func findPhones(s string, minDigits int) [][]int {
	var out [][]int
	for i := 0; i < len(s); {
		for i < len(s) && !isPhoneChar[s[i]] {
			i++
		}
		start := i
		n := 0
		for i < len(s) && isPhoneChar[s[i]] {
			if s[i] >= '0' && s[i] <= '9' {
				n++
			}
			i++
		}
		if n < minDigits {
			continue
		}
		from, to := start, i
		if from > 0 {
			from = prevRuneStart(s, from)
		}
		if to < len(s) {
			to = nextRuneEnd(s, to)
		}
		for _, loc := range phoneRe().FindAllStringIndex(s[from:to], -1) {
			if digits(s[from+loc[0]:from+loc[1]]) >= minDigits {
				out = append(out, []int{from + loc[0], from + loc[1]})
			}
		}
	}
	return out
}

func prevRuneStart(s string, i int) int {
	i--
	for i > 0 && s[i]&0xC0 == 0x80 {
		i--
	}
	return i
}

func nextRuneEnd(s string, i int) int {
	i++
	for i < len(s) && s[i]&0xC0 == 0x80 {
		i++
	}
	return i
}
