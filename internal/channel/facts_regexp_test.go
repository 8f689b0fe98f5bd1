package channel

// This file keeps the regular-expression implementation of ExtractFacts
// that the hand-written scanner in facts.go replaced. It is the reference
// that FuzzExtractFactsScanner compares the scanner with, and is compiled
// only into tests.

import (
	"fmt"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// monthWord matches any capitalised word that could be a month; the
// normaliser looks it up in months. A small pattern is much faster for RE2
// than an alternation of all the names.
const monthWord = `[A-Z][a-zä]{2,8}`

// An extractor finds facts of one kind. Extractors run in order and later
// ones skip text that earlier ones claimed, so that the "14.00" of a time is
// not read as a date and the digits of a date not as a phone number.
type extractor struct {
	kind string
	re   *regexp.Regexp
	// norm returns the value for match m (submatch byte indexes into text),
	// or "" to reject the match.
	norm func(text string, m []int) string
	// need is a cheap test that a window can hold a match at all; Go's
	// regexp engine costs microseconds per call even when nothing matches.
	need func(window string) bool
}

func hasAny(subs ...string) func(string) bool {
	return func(w string) bool {
		for _, s := range subs {
			if strings.Contains(w, s) {
				return true
			}
		}
		return false
	}
}

func hasUpper(w string) bool {
	for i := 0; i < len(w); i++ {
		if 'A' <= w[i] && w[i] <= 'Z' {
			return true
		}
	}
	return false
}

// hasPhoneStart: every phone number starts with +, ( or a 0 that does not
// follow another digit.
func hasPhoneStart(w string) bool {
	if strings.ContainsAny(w, "+(") {
		return true
	}
	for i := 0; i < len(w); i++ {
		if w[i] == '0' && (i == 0 || !isDigitByte(w[i-1])) {
			return true
		}
	}
	return false
}

// hasAMPM: a 12-hour time has an a or p followed by an m.
func hasAMPM(w string) bool {
	return strings.ContainsAny(w, "aApP") && strings.ContainsAny(w, "mM")
}

const (
	amountNum = `\d{1,3}(?:[.,' ]\d{3})+(?:[.,]\d{1,2})?|\d+(?:[.,]\d{1,2})?`
	currency  = `€|\$|£|EUR|USD|CHF|GBP`
)

var extractors = []extractor{
	{FactEmail, regexp.MustCompile(`[A-Za-z0-9._%+\-]+@[A-Za-z0-9\-]+(?:\.[A-Za-z0-9\-]+)*\.[A-Za-z]{2,}`), refNormEmail, hasAny("@")},
	{FactURL, nil, nil, nil}, // matchURL: a hand-written scanner shared with X
	{FactDate, regexp.MustCompile(`\b(\d{4})-(\d{2})-(\d{2})\b`), refNormISODate, hasAny("-")},
	{FactDate, regexp.MustCompile(`\b(\d{1,2})\.(\d{1,2})\.(\d{4}|\d{2})?`), refNormDottedDate, hasAny(".")},
	{FactDate, regexp.MustCompile(`\b(\d{1,2})(?:\.|st|nd|rd|th)?\s+(` + monthWord + `)\b\.?(?:,?\s+(\d{4})\b)?`), refNormDayMonth, hasUpper},
	{FactDate, regexp.MustCompile(`\b(` + monthWord + `)\.?\s+(\d{1,2})(?:st|nd|rd|th)?\b(?:,?\s+(\d{4})\b)?`), refNormMonthDay, hasUpper},
	{FactTime, regexp.MustCompile(`\b(\d{1,2})(?:[:.]([0-5]\d))?\s*(?:[–-]|bis)\s*(\d{1,2})(?:[:.]([0-5]\d))?\s*Uhr\b`), refNormTimeRange, hasAny("Uhr")},
	{FactTime, regexp.MustCompile(`\b(\d{1,2}):([0-5]\d)\s*(?:[–-]|bis|to)\s*(\d{1,2}):([0-5]\d)\b`), refNormTimeRange, hasAny(":")},
	{FactTime, regexp.MustCompile(`(?i)\b(\d{1,2})(?::([0-5]\d))?\s*([ap])(?:\.\s?m\.?|m\b)`), refNormTime12, hasAMPM},
	{FactTime, regexp.MustCompile(`\b(\d{1,2})[:.]([0-5]\d)\s*(?:Uhr\b|h\b)`), refNormTime24, hasAny("Uhr", "h")},
	{FactTime, regexp.MustCompile(`\b(\d{1,2}):([0-5]\d)\b`), refNormTime24, hasAny(":")},
	{FactTime, regexp.MustCompile(`\b(\d{1,2})\s*Uhr\b`), refNormTime24, hasAny("Uhr")},
	{FactAmount, regexp.MustCompile(`(` + currency + `)\s?(` + amountNum + `)(?:,-)?`), refNormAmountPrefix, hasCurrency},
	{FactAmount, regexp.MustCompile(`(` + amountNum + `)(?:,-)?\s?(` + currency + `|Euro|Euros|Dollar|Dollars|dollars|Franken|Pfund)`), refNormAmountSuffix, hasCurrency},
	{FactPhone, regexp.MustCompile(`(?:\+|\b00)[1-9]\d{0,2}(?:[ \-/]?\(0\))?(?:[ \-/]?\d{1,8}){1,6}|(?:\(0\d{1,5}\)|\b0\d{1,5})(?:[ \-/]?\d{1,8}){1,5}`), refNormPhone, hasPhoneStart},
}

// skipNeed turns the cheap window tests off, for the test that proves they
// never change a result.
var skipNeed = false

var hasCurrency = hasAny("€", "$", "£", "EUR", "USD", "CHF", "GBP", "Euro", "Dollar", "dollar", "Franken", "Pfund")

// extractFactsRegexp is the former ExtractFacts: the reference for the
// scanner.
func extractFactsRegexp(text string) []Fact {
	return extractFacts(text, factWindows(text))
}

// extractFacts runs the extractors on the given windows of text.
func extractFacts(text string, windows [][2]int) []Fact {
	var facts []Fact
	claimed := func(start, end int) bool {
		for _, f := range facts {
			if start < f.End && f.Offset < end {
				return true
			}
		}
		return false
	}
	for _, ex := range extractors {
		if ex.kind == FactURL {
			facts = append(facts, refExtractURLs(text, claimed)...)
			continue
		}
		for _, w := range windows {
			if !skipNeed && !ex.need(text[w[0]:w[1]]) {
				continue
			}
			for _, m := range ex.re.FindAllStringSubmatchIndex(text[w[0]:w[1]], -1) {
				for i := range m {
					if m[i] >= 0 {
						m[i] += w[0]
					}
				}
				start, end := m[0], m[1]
				if claimed(start, end) || refGluedToWord(text, start, end, ex.kind) {
					continue
				}
				v := ex.norm(text, m)
				if v == "" {
					continue
				}
				facts = append(facts, Fact{Kind: ex.kind, Value: v, Raw: text[start:end], Offset: start, End: end})
			}
		}
	}
	sort.Slice(facts, func(i, j int) bool { return facts[i].Offset < facts[j].Offset })
	return facts
}

// factWindows returns the parts of text where facts can be: around every
// word with a digit or an @, from two words before it to three words after
// (a month name before a day, "Uhr" or a currency after a number), never
// across a line break. Go's backtracking matcher costs time per start
// position and per input byte, so running the expressions on these short
// windows instead of whole lines makes extraction several times faster.
func factWindows(text string) [][2]int {
	type word struct{ start, end int }
	var out [][2]int
	for ls := 0; ls < len(text); {
		le := strings.IndexByte(text[ls:], '\n')
		if le < 0 {
			le = len(text)
		} else {
			le += ls
		}
		line := text[ls:le]
		if strings.ContainsAny(line, "0123456789@") {
			var words []word
			for i := 0; i < len(line); {
				for i < len(line) && isSpaceByte(line[i]) {
					i++
				}
				st := i
				for i < len(line) && !isSpaceByte(line[i]) {
					i++
				}
				if i > st {
					words = append(words, word{ls + st, ls + i})
				}
			}
			for k, w := range words {
				if !strings.ContainsAny(text[w.start:w.end], "0123456789@") {
					continue
				}
				from := words[max(k-2, 0)].start
				to := words[min(k+3, len(words)-1)].end
				if n := len(out); n > 0 && from <= out[n-1][1] && out[n-1][0] >= ls {
					out[n-1][1] = max(out[n-1][1], to)
				} else {
					out = append(out, [2]int{from, to})
				}
			}
		}
		ls = le + 1
	}
	return out
}

func isSpaceByte(b byte) bool { return b == ' ' || b == '\t' || b == '\r' || b == '\n' }

// gluedToWord rejects matches that are part of a longer token, which RE2
// cannot express without lookaround: "1.2.3" is a version, not a date, and
// "v2 pm" or "12345 Uhr" are not times.
func refGluedToWord(text string, start, end int, kind string) bool {
	before, _ := utf8.DecodeLastRuneInString(text[:start])
	after, _ := utf8.DecodeRuneInString(text[end:])
	if start > 0 && (unicode.IsLetter(before) || unicode.IsDigit(before)) && kind != FactAmount {
		return true
	}
	if start > 0 && (before == '.' || before == ',' || before == ':') && kind != FactEmail {
		if start >= 2 && isDigitByte(text[start-2]) {
			return true
		}
	}
	if end < len(text) && unicode.IsDigit(after) {
		return true
	}
	if kind == FactDate || kind == FactPhone {
		if end < len(text) && (after == '.' || after == ',') && end+1 < len(text) && isDigitByte(text[end+1]) {
			return true
		}
	}
	if kind == FactAmount && start > 0 && (unicode.IsLetter(before) || unicode.IsDigit(before)) {
		// "für€20" is sloppy but clear; "a20 €" is not an amount.
		r, _ := utf8.DecodeRuneInString(text[start:])
		return !strings.ContainsRune("€$£", r)
	}
	return false
}

func group(text string, m []int, n int) string {
	if 2*n+1 >= len(m) || m[2*n] < 0 {
		return ""
	}
	return text[m[2*n]:m[2*n+1]]
}

func atoi(s string) int {
	n, _ := strconv.Atoi(s)
	return n
}

func refNormEmail(text string, m []int) string {
	return strings.ToLower(text[m[0]:m[1]])
}

func refExtractURLs(text string, claimed func(int, int) bool) []Fact {
	var out []Fact
	prev := rune(-1)
	for i := 0; i < len(text); {
		if urlCanStart(prev) {
			if end := matchURL(text, i, false); end > i {
				if !claimed(i, end) {
					out = append(out, Fact{Kind: FactURL, Value: normURL(text[i:end]), Raw: text[i:end], Offset: i, End: end})
				}
				prev, _ = utf8.DecodeLastRuneInString(text[:end])
				i = end
				continue
			}
		}
		r, n := utf8.DecodeRuneInString(text[i:])
		prev = r
		i += n
	}
	return out
}

func refDateValue(year, month, day int) string {
	if month < 1 || month > 12 || day < 1 || day > 31 {
		return ""
	}
	if year == 0 {
		return fmt.Sprintf("%02d-%02d", month, day)
	}
	return fmt.Sprintf("%04d-%02d-%02d", year, month, day)
}

func refYear(s string) int {
	y := atoi(s)
	if s != "" && len(s) == 2 {
		y += 2000
	}
	return y
}

func refNormISODate(text string, m []int) string {
	return refDateValue(atoi(group(text, m, 1)), atoi(group(text, m, 2)), atoi(group(text, m, 3)))
}

func refNormDottedDate(text string, m []int) string {
	return refDateValue(refYear(group(text, m, 3)), atoi(group(text, m, 2)), atoi(group(text, m, 1)))
}

func refNormDayMonth(text string, m []int) string {
	return refDateValue(refYear(group(text, m, 3)), months[group(text, m, 2)], atoi(group(text, m, 1)))
}

func refNormMonthDay(text string, m []int) string {
	return refDateValue(refYear(group(text, m, 3)), months[group(text, m, 1)], atoi(group(text, m, 2)))
}

func refNormTime24(text string, m []int) string {
	return refClock(atoi(group(text, m, 1)), atoi(group(text, m, 2)))
}

// refNormTimeRange keeps opening hours such as "8–20 Uhr" together as
// "08:00-20:00": their end is not a time of its own, and reading it as one
// would make an SMS with hotline hours disagree with an email that gives
// the next update.
func refNormTimeRange(text string, m []int) string {
	from := refClock(atoi(group(text, m, 1)), atoi(group(text, m, 2)))
	to := refClock(atoi(group(text, m, 3)), atoi(group(text, m, 4)))
	if from == "" || to == "" {
		return ""
	}
	return from + "-" + to
}

func refClock(h, min int) string {
	if h > 24 || h == 24 && min > 0 {
		return ""
	}
	return fmt.Sprintf("%02d:%02d", h%24, min)
}

func refNormTime12(text string, m []int) string {
	h, min := atoi(group(text, m, 1)), atoi(group(text, m, 2))
	if h < 1 || h > 12 {
		return ""
	}
	h %= 12
	if strings.EqualFold(group(text, m, 3), "p") {
		h += 12
	}
	return fmt.Sprintf("%02d:%02d", h, min)
}

func refNormAmountPrefix(text string, m []int) string {
	return refAmountValue(group(text, m, 1), group(text, m, 2))
}

func refNormAmountSuffix(text string, m []int) string {
	return refAmountValue(group(text, m, 2), group(text, m, 1))
}

// amountValue reads German (1.000,50) and English (1,000.50) numbers: the
// last separator is the decimal mark when one or two digits follow it,
// otherwise all separators group thousands.
func refAmountValue(cur, num string) string {
	code := currencyCodes[cur]
	if code == "" {
		return ""
	}
	intPart, frac := num, ""
	if k := strings.LastIndexAny(num, ".,"); k >= 0 && len(num)-k-1 <= 2 {
		intPart, frac = num[:k], num[k+1:]
	}
	intPart = strings.Map(func(r rune) rune {
		if r >= '0' && r <= '9' {
			return r
		}
		return -1
	}, intPart)
	intPart = strings.TrimLeft(intPart, "0")
	if intPart == "" {
		intPart = "0"
	}
	for len(frac) < 2 {
		frac += "0"
	}
	return code + " " + intPart + "." + frac
}

// refNormPhone reads the number as the scanner does: the reference is
// about where numbers are, PhoneE164 about what they are.
func refNormPhone(text string, m []int) string {
	return phoneValue(text[m[0]:m[1]])
}

var currencyCodes = map[string]string{
	"€": "EUR", "EUR": "EUR", "Euro": "EUR", "Euros": "EUR",
	"$": "USD", "USD": "USD", "Dollar": "USD", "Dollars": "USD", "dollars": "USD",
	"£": "GBP", "GBP": "GBP", "Pfund": "GBP",
	"CHF": "CHF", "Franken": "CHF",
}
