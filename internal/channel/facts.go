package channel

import (
	"math/bits"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"
)

// Kinds of Fact, in the order Congruence reports them.
const (
	FactTime   = "time"
	FactDate   = "date"
	FactURL    = "url"
	FactPhone  = "phone"
	FactAmount = "amount"
	FactEmail  = "email"
)

// FactKinds lists the kinds of Fact in report order.
var FactKinds = []string{FactTime, FactDate, FactURL, FactPhone, FactAmount, FactEmail}

// Fact is a checkable detail of a message.
type Fact struct {
	Kind string
	// Value is the normalised form that is compared across channels:
	//   time   "14:00" (24-hour clock); a range "08:00-20:00"
	//   date   "11-23", or "2026-11-23" when the text gives the year
	//   url    host in lower case without scheme and "www.", then path and
	//          query, without trailing slash: "acme.de/status"
	//   phone  E.164 "+498001234567"; national numbers starting with 0 are
	//          taken as German, so "0800 123 4567" and "+49 800 123 4567" agree
	//   amount currency code and two decimals: "EUR 20.00"
	//   email  lower case: "hilfe@acme.de"
	Value string
	// Raw is the text as written, body[Offset:End].
	Raw string
	// Offset and End are byte offsets into the text.
	Offset, End int
	// Role is what the fact stands for (AssignRoles); ExtractFacts leaves
	// it RoleNone.
	Role Role
}

// Month names and abbreviations, German and English, capitalised as
// written: a lower-case "may" is a verb, not a month.
var months = map[string]int{
	"Januar": 1, "Jänner": 1, "January": 1, "Jan": 1,
	"Februar": 2, "February": 2, "Feb": 2,
	"März": 3, "Maerz": 3, "March": 3, "Mär": 3, "Mar": 3,
	"April": 4, "Apr": 4,
	"Mai": 5, "May": 5,
	"Juni": 6, "June": 6, "Jun": 6,
	"Juli": 7, "July": 7, "Jul": 7,
	"August": 8, "Aug": 8,
	"September": 9, "Sept": 9, "Sep": 9,
	"Oktober": 10, "October": 10, "Okt": 10, "Oct": 10,
	"November": 11, "Nov": 11,
	"Dezember": 12, "December": 12, "Dez": 12, "Dec": 12,
}

// ExtractFacts returns the times, dates, links, phone numbers, amounts and
// email addresses in text, ordered by offset. Matches are conservative: a
// number is only a time with a colon, "Uhr" or am/pm, only a date with a
// month (dots, name or ISO form), and only an amount with a currency.
// Slash dates (11/23) are left out because day and month order is ambiguous.
//
// The matching is a hand-written scanner. It finds exactly what the former
// implementation found by running one regular expression per kind of fact
// over each line (kept in facts_regexp_test.go as the reference, with the
// expressions quoted below), in the same order: email, URL, ISO date, dotted
// date, day-month, month-day, time range with "Uhr", time range with
// colons, 12-hour time, time with "Uhr"/"h", time with a colon, hour with
// "Uhr", amount with currency before, amount with currency after, phone.
// Each kind finds its leftmost-first, non-overlapping matches from left to
// right, as regexp.FindAll does; a match that a kind found earlier claimed,
// or that is glued to a word, is dropped but still consumes its text.
// FuzzExtractFactsScanner checks the equivalence.
func ExtractFacts(text string) []Fact {
	x := factScanners.Get().(*factScanner)
	x.text = text
	x.index()
	x.emails()
	x.flush()
	x.urls()
	x.flush()
	x.digitFacts() // flushes after each grammar
	x.amounts()    // flushes after each grammar
	x.phones()
	x.flush()
	var out []Fact
	if len(x.facts) > 0 {
		out = make([]Fact, len(x.facts))
		for k, f := range x.facts {
			v := x.vals[f.val]
			out[k] = Fact{Kind: v.kind, Value: v.value, Raw: text[f.start:f.end], Offset: f.start, End: f.end}
		}
	}
	x.reset()
	factScanners.Put(x)
	return out
}

// factScanners keep the scanners' buffers from one text to the next, so
// that a text costs one allocation for its facts besides their values.
var factScanners = sync.Pool{New: func() any { return new(factScanner) }}

// reset empties x for the next text, and lets go of the text, of the
// facts' strings and of unusually large buffers.
func (x *factScanner) reset() {
	clear(x.vals)
	const keep = 1024
	if cap(x.vals) > keep {
		x.vals = nil
	}
	if cap(x.facts) > keep {
		x.facts = nil
	}
	if cap(x.pending) > keep {
		x.pending = nil
	}
	if cap(x.runs) > keep {
		x.runs = nil
	}
	if cap(x.ats) > keep {
		x.ats = nil
	}
	*x = factScanner{facts: x.facts[:0], pending: x.pending[:0], vals: x.vals[:0], runs: x.runs[:0], ats: x.ats[:0]}
}

// A digitRun is a maximal run of ASCII digits, text[start:end].
type digitRun struct {
	start, end int
	// kinds has bit 1<<k set when digit grammar k may match here (at
	// month for dateMonthDay).
	kinds uint16
	month int
}

// A factSpan is where a fact is, and its kind and value as vals[val].
// Holding no pointers, spans are cheap to move while they are merged.
type factSpan struct{ start, end, val int }

type factVal struct{ kind, value string }

type factScanner struct {
	text    string
	facts   []factSpan // in offset order
	pending []factSpan // found by the running grammar
	vals    []factVal  // kinds and values of facts and pending
	runs    []digitRun
	ats     []int // positions of '@'
	// amountGroupsMemo's last answer: groups [.,' ]\d{3} at groupsAt.
	groupsMemo       bool
	groupsAt, groups int
}

// In the grammars below, "\s" is Go's [\t\n\f\r ] without '\n': the
// reference ran its expressions on single lines. "\b" is an ASCII word
// boundary; a byte of a multi-byte rune is never a word character.

func isWordByte(b byte) bool {
	return '0' <= b && b <= '9' || 'a' <= b && b <= 'z' || 'A' <= b && b <= 'Z' || b == '_'
}

func isDigitByte(b byte) bool { return b >= '0' && b <= '9' }

func isSp(b byte) bool { return b == ' ' || b == '\t' || b == '\r' || b == '\f' }

// at returns text[i], or 0 (neither a word, digit nor space byte) past the
// end.
func (x *factScanner) at(i int) byte {
	if i < len(x.text) {
		return x.text[i]
	}
	return 0
}

func (x *factScanner) digit(i int) bool { return i < len(x.text) && isDigitByte(x.text[i]) }

// wordStart reports a \b before text[i] when text[i] is a word byte.
func (x *factScanner) wordStart(i int) bool { return i == 0 || !isWordByte(x.text[i-1]) }

// wordEnd reports a \b at i when text[i-1] is a word byte.
func (x *factScanner) wordEnd(i int) bool { return i >= len(x.text) || !isWordByte(x.text[i]) }

// digits returns the number of digits at text[i:], at most max.
func (x *factScanner) digits(i, max int) int {
	n := 0
	for n < max && i+n < len(x.text) && isDigitByte(x.text[i+n]) {
		n++
	}
	return n
}

func (x *factScanner) skipSp(i int) int {
	for i < len(x.text) && isSp(x.text[i]) {
		i++
	}
	return i
}

func (x *factScanner) has(i int, s string) bool {
	return i <= len(x.text) && strings.HasPrefix(x.text[i:], s)
}

// minutes matches [:.]([0-5]\d) (or only ':' when dot is false) at i.
func (x *factScanner) minutes(i int, dot bool) bool {
	c := x.at(i)
	return (c == ':' || dot && c == '.') && '0' <= x.at(i+1) && x.at(i+1) <= '5' && x.digit(i+2)
}

// num parses the digits text[i:j].
func (x *factScanner) num(i, j int) int {
	n := 0
	for ; i < j; i++ {
		n = n*10 + int(x.text[i]-'0')
	}
	return n
}

// index finds the digit runs and the '@' signs: every fact except a URL
// starts at, or is found from, one of them.
//
// Eight bytes at a time are tested for a digit or '@' first; most have
// neither.
func (x *factScanner) index() {
	t := x.text
	i := 0
	for i < len(t) {
		if i+8 <= len(t) {
			b := t[i : i+8]
			w := uint64(b[0]) | uint64(b[1])<<8 | uint64(b[2])<<16 | uint64(b[3])<<24 |
				uint64(b[4])<<32 | uint64(b[5])<<40 | uint64(b[6])<<48 | uint64(b[7])<<56
			m := digitOrAt(w)
			if m == 0 {
				i += 8
				continue
			}
			i += bits.TrailingZeros64(m) >> 3
		}
		c := t[i]
		if isDigitByte(c) {
			j := i + 1
			for j < len(t) && isDigitByte(t[j]) {
				j++
			}
			x.runs = append(x.runs, digitRun{start: i, end: j})
			i = j
			continue
		}
		if c == '@' {
			x.ats = append(x.ats, i)
		}
		i++
	}
}

// digitOrAt returns w (eight bytes, the first in the lowest) with the top
// bit of each byte set when the byte is an ASCII digit or '@', and the
// other bits clear.
func digitOrAt(w uint64) uint64 {
	const (
		ones  = 0x0101010101010101
		highs = 0x8080808080808080
		lows  = 0x7F7F7F7F7F7F7F7F
	)
	// With the top bits set, subtracting borrows from no other byte: a
	// top bit stays set when the low seven bits are at least the constant.
	ge0 := (w | highs) - ones*'0'
	ge10 := (w | highs) - ones*('9'+1)
	digit := ge0 &^ ge10
	// A byte of w^'@' is zero exactly when the byte is '@'.
	a := w ^ ones*'@'
	at := ^((a&lows + lows) | a)
	return (digit | at) &^ w & highs
}

// free reports whether a match of kind may become a fact: no earlier fact
// claimed any of its text and it is not glued to a word.
func (x *factScanner) free(kind string, start, end int) bool {
	return !x.claimed(start, end) && !gluedToWord(x.text, start, end, kind)
}

// claimed reports whether an earlier fact overlaps text[start:end]. Facts
// are kept sorted by offset and never overlap, so only the last fact
// starting before end can.
func (x *factScanner) claimed(start, end int) bool {
	i := x.before(end)
	return i > 0 && start < x.facts[i-1].end
}

// before returns how many facts start before end.
func (x *factScanner) before(end int) int {
	lo, hi := 0, len(x.facts)
	for lo < hi {
		m := int(uint(lo+hi) >> 1)
		if x.facts[m].start < end {
			lo = m + 1
		} else {
			hi = m
		}
	}
	return lo
}

// add records a fact of the running grammar, unless value is "". A
// grammar's matches come in offset order and do not overlap each other, so
// they only need checking against the facts of earlier grammars; flush
// merges them into those when the grammar is done.
func (x *factScanner) add(kind, value string, start, end int) {
	if value == "" {
		return
	}
	x.pending = append(x.pending, factSpan{start: start, end: end, val: len(x.vals)})
	x.vals = append(x.vals, factVal{kind, value})
}

// flush merges the pending facts into facts, in offset order.
func (x *factScanner) flush() {
	m := len(x.pending)
	if m == 0 {
		return
	}
	n := len(x.facts)
	if cap(x.facts) < n+m {
		grown := make([]factSpan, n, max(2*cap(x.facts), n+m, 16))
		copy(grown, x.facts)
		x.facts = grown
	}
	x.facts = x.facts[:n+m]
	i, j := n-1, m-1
	for k := n + m - 1; j >= 0; k-- {
		if i >= 0 && x.facts[i].start > x.pending[j].start {
			x.facts[k] = x.facts[i]
			i--
		} else {
			x.facts[k] = x.pending[j]
			j--
		}
	}
	x.pending = x.pending[:0]
}

// emails: [A-Za-z0-9._%+\-]+@[A-Za-z0-9\-]+(?:\.[A-Za-z0-9\-]+)*\.[A-Za-z]{2,}
func (x *factScanner) emails() {
	t := x.text
	pos := 0
	for _, a := range x.ats {
		start := a
		for start > pos && isEmailLocal(t[start-1]) {
			start--
		}
		if start == a {
			continue
		}
		end := x.emailDomain(a + 1)
		if end < 0 {
			continue
		}
		pos = end
		if x.free(FactEmail, start, end) {
			x.add(FactEmail, strings.ToLower(t[start:end]), start, end)
		}
	}
}

func isEmailLocal(b byte) bool {
	return isEmailDomain(b) || b == '.' || b == '_' || b == '%' || b == '+'
}

func isEmailDomain(b byte) bool {
	return '0' <= b && b <= '9' || 'a' <= b && b <= 'z' || 'A' <= b && b <= 'Z' || b == '-'
}

func isLetterByte(b byte) bool { return 'a' <= b && b <= 'z' || 'A' <= b && b <= 'Z' }

// emailDomain returns the end of the domain starting at i, or -1. The
// domain is a chain of non-empty labels joined by single dots; the regexp
// ends it in the last label after the first that starts with two letters,
// and only with those leading letters.
func (x *factScanner) emailDomain(i int) int {
	t := x.text
	k := i
	for k < len(t) && isEmailDomain(t[k]) {
		k++
	}
	if k == i {
		return -1
	}
	end := -1
	for k+1 < len(t) && t[k] == '.' && isEmailDomain(t[k+1]) {
		l := k + 1
		for l < len(t) && isLetterByte(t[l]) {
			l++
		}
		if l-(k+1) >= 2 {
			end = l
		}
		k = l
		for k < len(t) && isEmailDomain(t[k]) {
			k++
		}
	}
	return end
}

// urls finds links where extractURLs in the reference did: at every rune
// that may start one (urlCanStart) and where matchURL finds one. matchURL
// needs a letter or digit at the start and, after the first label, a dot
// (or the ':' of a scheme), so runs of ASCII letters, digits and hyphens
// that are followed by something else are skipped without calling it.
func (x *factScanner) urls() {
	t := x.text
	prev := rune(-1)
	// Every link has a '.' after its first label or the ':' of its
	// scheme, and none spans an ASCII space. So the scan jumps from i to
	// the last space before the next '.' or ':' (at mark): no link starts
	// before that space, and the space ends any label, so the scan would
	// have arrived there, with the space as prev. After the last mark no
	// link starts at all.
	dot, colon, mark := -1, -1, -1
	for i := 0; i < len(t); {
		if i > mark {
			if dot < i && dot < len(t) {
				dot = nextByte(t, i, '.')
			}
			if colon < i && colon < len(t) {
				colon = nextByte(t, i, ':')
			}
			mark = min(dot, colon)
			if mark == len(t) {
				return
			}
			for w := mark - 1; w >= i; w-- {
				if isURLSpace(t[w]) {
					prev, i = rune(t[w]), w+1
					break
				}
			}
		}
		r, n := rune(t[i]), 1
		if r >= utf8.RuneSelf {
			r, n = utf8.DecodeRuneInString(t[i:])
			if !unicode.IsLetter(r) && !unicode.IsDigit(r) {
				prev = r
				i += n
				continue
			}
		} else if !isLetterByte(byte(r)) && !isDigitByte(byte(r)) {
			prev = r
			i++
			continue
		}
		j := x.labelEnd(i + n)
		if x.urlAfterLabel(j) && canStartURL(prev) {
			if end := matchURL(t, i, false); end > i {
				x.addURL(i, end)
				prev, _ = utf8.DecodeLastRuneInString(t[:end])
				i = end
				continue
			}
		}
		// No link starts inside the label: each of its runes follows a
		// letter, digit or hyphen.
		prev, _ = utf8.DecodeLastRuneInString(t[:j])
		i = j
	}
}

// nextByte returns the index of the first c in t from i, or len(t).
func nextByte(t string, i int, c byte) int {
	if k := strings.IndexByte(t[i:], c); k >= 0 {
		return i + k
	}
	return len(t)
}

// isURLSpace: the ASCII spaces, none of which a link spans (matchURL ends
// the host at a non-letter and the path at unicode.IsSpace).
func isURLSpace(b byte) bool {
	return b == ' ' || b == '\t' || b == '\n' || b == '\r' || b == '\f' || b == '\v'
}

func (x *factScanner) addURL(start, end int) {
	if !x.claimed(start, end) {
		x.add(FactURL, normURLFast(x.text[start:end]), start, end)
	}
}

// normURLFast is normURL for an ASCII host without allocating more than
// the result.
func normURLFast(raw string) string {
	s := raw
	if hasPrefixFold(s, "https://") {
		s = s[len("https://"):]
	} else if hasPrefixFold(s, "http://") {
		s = s[len("http://"):]
	}
	k := 0
	for k < len(s) && s[k] != '/' && s[k] != '?' && s[k] != '#' {
		if s[k] >= utf8.RuneSelf {
			return normURL(raw)
		}
		k++
	}
	host, rest := s[:k], s[k:]
	if hasPrefixFold(host, "www.") {
		host = host[len("www."):]
	}
	for len(rest) > 0 && rest[len(rest)-1] == '/' {
		rest = rest[:len(rest)-1]
	}
	var buf [64]byte
	b := buf[:0]
	for i := 0; i < len(host); i++ {
		c := host[i]
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		b = append(b, c)
	}
	return string(append(b, rest...))
}

// labelEnd returns the end of the letters, digits and hyphens from i.
func (x *factScanner) labelEnd(i int) int {
	t := x.text
	for i < len(t) {
		if c := t[i]; c < utf8.RuneSelf {
			if !isEmailDomain(c) {
				break
			}
			i++
			continue
		}
		r, n := utf8.DecodeRuneInString(t[i:])
		if !unicode.IsLetter(r) && !unicode.IsDigit(r) {
			break
		}
		i += n
	}
	return i
}

// urlAfterLabel reports whether what follows a first label at j lets
// matchURL find a link: a dot and another label, or "://".
func (x *factScanner) urlAfterLabel(j int) bool {
	switch x.at(j) {
	case '.':
		c := x.at(j + 1)
		return isLetterByte(c) || isDigitByte(c) || c >= utf8.RuneSelf
	case ':':
		return x.at(j+1) == '/' && x.at(j+2) == '/'
	}
	return false
}

// canStartURL is urlCanStart with a fast path for ASCII.
func canStartURL(prev rune) bool {
	if 0 <= prev && prev < utf8.RuneSelf {
		switch c := byte(prev); {
		case isLetterByte(c), isDigitByte(c):
			return false
		case c == '@', c == '$', c == '#', c == '.', c == '-', c == '_', c == '/', c == ':':
			return false
		}
		return true
	}
	return urlCanStart(prev)
}

// digitFacts runs the date and time grammars, which all start with \b\d
// (month-day at a month name before one), one after the other.
func (x *factScanner) digitFacts() {
	any := uint16(0)
	for i := range x.runs {
		x.runs[i].kinds, x.runs[i].month = x.digitKinds(x.runs[i])
		any |= x.runs[i].kinds
	}
	for kind := dateISO; kind <= timeUhr; kind++ {
		if any&(1<<kind) == 0 {
			continue
		}
		pos := 0
		for _, r := range x.runs {
			if r.kinds&(1<<kind) == 0 {
				continue
			}
			s := r.start
			if kind == dateMonthDay {
				s = r.month
			}
			if s < pos {
				continue
			}
			if end := x.digitFact(kind, s, r.end); end >= 0 {
				pos = end
			}
		}
		x.flush()
	}
}

// digitKinds returns the digit grammars that may match at run r, judged
// by its length and the byte after it, and where a month-day date would
// start. Each grammar checks everything again.
func (x *factScanner) digitKinds(r digitRun) (uint16, int) {
	var k uint16
	month := x.monthDayStart(r.start)
	if month >= 0 && x.wordStart(month) && r.end-r.start <= 2 {
		k |= 1 << dateMonthDay
	}
	if !x.wordStart(r.start) {
		return k, month
	}
	n, c := r.end-r.start, x.at(r.end)
	if n == 4 && c == '-' {
		k |= 1 << dateISO
	}
	if n > 2 {
		return k, month
	}
	switch c {
	case ':':
		k |= 1<<timeRangeUhr | 1<<timeRangeColon | 1<<time12 | 1<<timeUhrH | 1<<timeColon
	case '.':
		k |= 1<<dateDotted | 1<<dateDayMonth | 1<<timeRangeUhr | 1<<timeUhrH
	case ' ', '\t', '\r', '\f':
		k |= 1<<dateDayMonth | 1<<timeRangeUhr | 1<<time12 | 1<<timeUhr
	case 's', 'n', 'r', 't':
		k |= 1 << dateDayMonth
	case '-', 0xE2, 'b':
		k |= 1 << timeRangeUhr
	case 'a', 'A', 'p', 'P':
		k |= 1 << time12
	case 'U':
		k |= 1 << timeUhr
	}
	return k, month
}

const (
	dateISO = iota
	dateDotted
	dateDayMonth
	dateMonthDay
	timeRangeUhr
	timeRangeColon
	time12
	timeUhrH
	timeColon
	timeUhr
)

// digitFact matches grammar kind at s, where a digit run ending at runEnd
// starts (for dateMonthDay: a month name before it), adds the fact if it is
// free and valid, and returns the end of the match or -1.
func (x *factScanner) digitFact(kind, s, runEnd int) int {
	switch kind {
	case dateISO:
		// \b(\d{4})-(\d{2})-(\d{2})\b
		if runEnd-s != 4 || x.at(s+4) != '-' || x.digits(s+5, 3) != 2 || x.at(s+7) != '-' ||
			x.digits(s+8, 3) != 2 || !x.wordEnd(s+10) {
			return -1
		}
		end := s + 10
		if x.free(FactDate, s, end) {
			x.add(FactDate, dateValue(x.num(s, s+4), x.num(s+5, s+7), x.num(s+8, s+10)), s, end)
		}
		return end
	case dateDotted:
		// \b(\d{1,2})\.(\d{1,2})\.(\d{4}|\d{2})?
		if runEnd-s > 2 || x.at(runEnd) != '.' {
			return -1
		}
		m := runEnd + 1
		n := x.digits(m, 3)
		if n == 0 || n > 2 || x.at(m+n) != '.' {
			return -1
		}
		y := m + n + 1
		end := y
		switch yn := x.digits(y, 4); {
		case yn == 4:
			end = y + 4
		case yn >= 2:
			end = y + 2
		}
		if x.free(FactDate, s, end) {
			x.add(FactDate, dateValue(x.year(y, end), x.num(m, m+n), x.num(s, runEnd)), s, end)
		}
		return end
	case dateDayMonth:
		// \b(\d{1,2})(?:\.|st|nd|rd|th)?\s+([A-Z][a-zä]{2,8})\b\.?(?:,?\s+(\d{4})\b)?
		if runEnd-s > 2 {
			return -1
		}
		p := runEnd
		if x.at(p) == '.' {
			p++
		} else if x.ordinal(p) {
			p += 2
		}
		q := x.skipSp(p)
		if q == p {
			return -1
		}
		me := x.monthWordEnd(q)
		if me < 0 {
			return -1
		}
		end := me
		if x.at(end) == '.' {
			end++
		}
		ys, ye := x.yearTail(end)
		if ye > 0 {
			end = ye
		}
		if x.free(FactDate, s, end) {
			x.add(FactDate, dateValue(x.year(ys, ye), months[x.text[q:me]], x.num(s, runEnd)), s, end)
		}
		return end
	case dateMonthDay:
		// \b([A-Z][a-zä]{2,8})\.?\s+(\d{1,2})(?:st|nd|rd|th)?\b(?:,?\s+(\d{4})\b)?
		// s is the month; monthDayStart checked the letters and spaces.
		d := x.skipSp(x.monthLetters(s))
		if x.at(d) == '.' {
			d = x.skipSp(d + 1)
		}
		de := d + x.digits(d, 3)
		if de-d > 2 {
			return -1
		}
		end := de
		if x.ordinal(de) && x.wordEnd(de+2) {
			end = de + 2
		} else if !x.wordEnd(de) {
			return -1
		}
		ys, ye := x.yearTail(end)
		if ye > 0 {
			end = ye
		}
		if x.free(FactDate, s, end) {
			x.add(FactDate, dateValue(x.year(ys, ye), months[x.text[s:x.monthLetters(s)]], x.num(d, de)), s, end)
		}
		return end
	case timeRangeUhr, timeRangeColon:
		// \b(\d{1,2})(?:[:.]([0-5]\d))?\s*(?:[–-]|bis)\s*(\d{1,2})(?:[:.]([0-5]\d))?\s*Uhr\b
		// \b(\d{1,2}):([0-5]\d)\s*(?:[–-]|bis|to)\s*(\d{1,2}):([0-5]\d)\b
		uhr := kind == timeRangeUhr
		if runEnd-s > 2 {
			return -1
		}
		p, m1 := runEnd, -1
		if x.minutes(p, uhr) {
			m1, p = p+1, p+3
		} else if !uhr {
			return -1
		}
		p = x.skipSp(p)
		switch {
		case x.has(p, "–"), x.has(p, "bis"):
			p += 3
		case x.at(p) == '-':
			p++
		case !uhr && x.has(p, "to"):
			p += 2
		default:
			return -1
		}
		h2 := x.skipSp(p)
		n := x.digits(h2, 3)
		if n == 0 || n > 2 {
			return -1
		}
		p, m2 := h2+n, -1
		if x.minutes(p, uhr) {
			m2, p = p+1, p+3
		} else if !uhr {
			return -1
		}
		end := p
		if uhr {
			p = x.skipSp(p)
			if !x.has(p, "Uhr") {
				return -1
			}
			end = p + 3
		}
		if !x.wordEnd(end) {
			return -1
		}
		if x.free(FactTime, s, end) {
			from := clock(x.num(s, runEnd), x.optNum(m1))
			to := clock(x.num(h2, h2+n), x.optNum(m2))
			v := ""
			if from != "" && to != "" {
				v = from + "-" + to
			}
			x.add(FactTime, v, s, end)
		}
		return end
	case time12:
		// (?i)\b(\d{1,2})(?::([0-5]\d))?\s*([ap])(?:\.\s?m\.?|m\b)
		if runEnd-s > 2 {
			return -1
		}
		p, m := runEnd, -1
		if x.minutes(p, false) {
			m, p = p+1, p+3
		}
		p = x.skipSp(p)
		ap := x.at(p) | 0x20
		if ap != 'a' && ap != 'p' {
			return -1
		}
		p++
		switch {
		case x.at(p) == '.':
			p++
			if isSp(x.at(p)) && x.at(p+1)|0x20 == 'm' {
				p++
			}
			if x.at(p)|0x20 != 'm' {
				return -1
			}
			p++
			if x.at(p) == '.' {
				p++
			}
		case x.at(p)|0x20 == 'm' && x.wordEnd(p+1):
			p++
		default:
			return -1
		}
		if x.free(FactTime, s, p) {
			x.add(FactTime, time12Value(x.num(s, runEnd), x.optNum(m), ap == 'p'), s, p)
		}
		return p
	case timeUhrH, timeColon:
		// \b(\d{1,2})[:.]([0-5]\d)\s*(?:Uhr\b|h\b)
		// \b(\d{1,2}):([0-5]\d)\b
		if runEnd-s > 2 || !x.minutes(runEnd, kind == timeUhrH) {
			return -1
		}
		end := runEnd + 3
		if kind == timeUhrH {
			p := x.skipSp(end)
			switch {
			case x.has(p, "Uhr") && x.wordEnd(p+3):
				end = p + 3
			case x.at(p) == 'h' && x.wordEnd(p+1):
				end = p + 1
			default:
				return -1
			}
		} else if !x.wordEnd(end) {
			return -1
		}
		if x.free(FactTime, s, end) {
			x.add(FactTime, clock(x.num(s, runEnd), x.num(runEnd+1, runEnd+3)), s, end)
		}
		return end
	case timeUhr:
		// \b(\d{1,2})\s*Uhr\b
		if runEnd-s > 2 {
			return -1
		}
		p := x.skipSp(runEnd)
		if !x.has(p, "Uhr") || !x.wordEnd(p+3) {
			return -1
		}
		end := p + 3
		if x.free(FactTime, s, end) {
			x.add(FactTime, clock(x.num(s, runEnd), 0), s, end)
		}
		return end
	}
	return -1
}

// optNum parses the two digits at i, or returns 0 for i < 0.
func (x *factScanner) optNum(i int) int {
	if i < 0 {
		return 0
	}
	return x.num(i, i+2)
}

// year reads the year digits text[i:j] (none, two or four).
func (x *factScanner) year(i, j int) int {
	if i < 0 || j <= i {
		return 0
	}
	y := x.num(i, j)
	if j-i == 2 {
		y += 2000
	}
	return y
}

// ordinal matches st|nd|rd|th at i.
func (x *factScanner) ordinal(i int) bool {
	a, b := x.at(i), x.at(i+1)
	return a == 's' && b == 't' || a == 'n' && b == 'd' || a == 'r' && b == 'd' || a == 't' && b == 'h'
}

// yearTail matches (?:,?\s+(\d{4})\b)? at i and returns the digits' span,
// or -1, -1.
func (x *factScanner) yearTail(i int) (int, int) {
	p := i
	if x.at(p) == ',' {
		p++
	}
	q := x.skipSp(p)
	if q == p || x.digits(q, 4) != 4 || !x.wordEnd(q+4) {
		return -1, -1
	}
	return q, q + 4
}

// monthLetters returns the end of the run of [a-zä] after the capital at
// i, or -1 unless it is 2 to 8 letters long.
func (x *factScanner) monthLetters(i int) int {
	t := x.text
	k, n := i+1, 0
	for n <= 8 {
		if k < len(t) && 'a' <= t[k] && t[k] <= 'z' {
			k++
		} else if k+1 < len(t) && t[k] == 0xC3 && t[k+1] == 0xA4 {
			k += 2
		} else {
			break
		}
		n++
	}
	if n < 2 || n > 8 {
		return -1
	}
	return k
}

// monthWordEnd matches ([A-Z][a-zä]{2,8})\b at i: the letters are taken
// greedily and given back until a word boundary follows (ä is not an ASCII
// word character). It returns the end, or -1.
func (x *factScanner) monthWordEnd(i int) int {
	t := x.text
	if c := x.at(i); c < 'A' || c > 'Z' {
		return -1
	}
	var ends [9]int
	k, n := i+1, 0
	for n < 8 {
		if k < len(t) && 'a' <= t[k] && t[k] <= 'z' {
			k++
		} else if k+1 < len(t) && t[k] == 0xC3 && t[k+1] == 0xA4 {
			k += 2
		} else {
			break
		}
		n++
		ends[n] = k
	}
	for ; n >= 2; n-- {
		e := ends[n]
		if isWordByte(t[e-1]) != (e < len(t) && isWordByte(t[e])) {
			return e
		}
	}
	return -1
}

// monthDayStart returns where a month-day date whose day starts at d would
// start: [A-Z][a-zä]{2,8}\.?\s+ before d, with a word boundary before; or
// -1.
func (x *factScanner) monthDayStart(d int) int {
	t := x.text
	k := d
	for k > 0 && isSp(t[k-1]) {
		k--
	}
	if k == d {
		return -1
	}
	if k > 0 && t[k-1] == '.' {
		k--
	}
	n := 0
	for n <= 8 {
		if k > 0 && 'a' <= t[k-1] && t[k-1] <= 'z' {
			k--
		} else if k > 1 && t[k-2] == 0xC3 && t[k-1] == 0xA4 {
			k -= 2
		} else {
			break
		}
		n++
	}
	if n < 2 || n > 8 || k == 0 || t[k-1] < 'A' || t[k-1] > 'Z' {
		return -1
	}
	return k - 1
}

// amounts runs the two amount grammars:
//
//	(€|\$|£|EUR|USD|CHF|GBP)\s?(N)(?:,-)?
//	(N)(?:,-)?\s?(€|\$|£|EUR|USD|CHF|GBP|Euro|Euros|Dollar|Dollars|dollars|Franken|Pfund)
//
// with N = \d{1,3}(?:[.,' ]\d{3})+(?:[.,]\d{1,2})?|\d+(?:[.,]\d{1,2})?
func (x *factScanner) amounts() {
	t := x.text
	// Currency first: the number starts a digit run, right after the
	// currency or after one space.
	pos := 0
	for _, r := range x.runs {
		e := r.start
		if e > 0 && isSp(t[e-1]) {
			e--
		}
		c, code := x.prefixCurrencyBefore(e)
		if c < pos || c < 0 {
			continue
		}
		end, numEnd := x.amountNum(r.start)
		if x.has(end, ",-") {
			end += 2
		}
		pos = end
		if x.free(FactAmount, c, end) {
			x.add(FactAmount, amountValue(code, t[r.start:numEnd]), c, end)
		}
	}
	x.flush()
	// Currency after: any match ends in the currency that follows the
	// stretch of digits, separators and spaces around a digit run, and
	// starts at a digit in that stretch.
	pos = 0
	last := -1
	for _, r := range x.runs {
		if r.start < last {
			continue
		}
		q := r.end
		for q < len(t) && isAmountByte(t[q]) {
			q++
		}
		last = q
		if n, _ := suffixCurrency(t[q:]); n == 0 {
			continue
		}
		from := r.start
		for from > pos && isAmountByte(t[from-1]) {
			from--
		}
		for s := max(from, pos); s < q; s++ {
			if !isDigitByte(t[s]) {
				continue
			}
			numEnd, cs, end := x.amountSuffix(s)
			if end < 0 {
				// Further starts in this digit run with more than three
				// digits left fail the same way (\d+ ends where it did).
				if e := s + x.digits(s, len(t)); e-s > 4 {
					s = e - 4
				}
				continue
			}
			if x.free(FactAmount, s, end) {
				_, code := suffixCurrency(t[cs:end])
				x.add(FactAmount, amountValue(code, t[s:numEnd]), s, end)
			}
			pos = end
			break
		}
	}
	x.flush()
}

// isAmountByte: the bytes between a digit run and the currency after it.
func isAmountByte(b byte) bool {
	return isDigitByte(b) || b == '.' || b == ',' || b == '\'' || b == '-' || isSp(b)
}

// prefixCurrencyBefore returns the start and code of the currency
// (€|\$|£|EUR|USD|CHF|GBP) that ends at e, or -1.
func (x *factScanner) prefixCurrencyBefore(e int) (int, string) {
	t := x.text
	if e == 0 {
		return -1, ""
	}
	switch t[e-1] {
	case '$':
		return e - 1, "USD"
	case 0xAC:
		if e >= 3 && t[e-3:e] == "€" {
			return e - 3, "EUR"
		}
	case 0xA3:
		if e >= 2 && t[e-2:e] == "£" {
			return e - 2, "GBP"
		}
	case 'R', 'D', 'F', 'P':
		if e >= 3 {
			switch t[e-3 : e] {
			case "EUR":
				return e - 3, "EUR"
			case "USD":
				return e - 3, "USD"
			case "CHF":
				return e - 3, "CHF"
			case "GBP":
				return e - 3, "GBP"
			}
		}
	}
	return -1, ""
}

// suffixCurrency returns the length and code of the first alternative of
// (€|\$|£|EUR|USD|CHF|GBP|Euro|Euros|Dollar|Dollars|dollars|Franken|Pfund)
// that s starts with, or 0. ("Euros" and "Dollars" never win: "Euro" and
// "Dollar" come first.)
func suffixCurrency(s string) (int, string) {
	if s == "" {
		return 0, ""
	}
	switch s[0] {
	case 0xE2:
		if strings.HasPrefix(s, "€") {
			return len("€"), "EUR"
		}
	case '$':
		return 1, "USD"
	case 0xC2:
		if strings.HasPrefix(s, "£") {
			return len("£"), "GBP"
		}
	case 'E':
		if strings.HasPrefix(s, "EUR") {
			return 3, "EUR"
		}
		if strings.HasPrefix(s, "Euro") {
			return 4, "EUR"
		}
	case 'U':
		if strings.HasPrefix(s, "USD") {
			return 3, "USD"
		}
	case 'C':
		if strings.HasPrefix(s, "CHF") {
			return 3, "CHF"
		}
	case 'G':
		if strings.HasPrefix(s, "GBP") {
			return 3, "GBP"
		}
	case 'D':
		if strings.HasPrefix(s, "Dollar") {
			return 6, "USD"
		}
	case 'd':
		if strings.HasPrefix(s, "dollars") {
			return 7, "USD"
		}
	case 'F':
		if strings.HasPrefix(s, "Franken") {
			return 7, "CHF"
		}
	case 'P':
		if strings.HasPrefix(s, "Pfund") {
			return 5, "GBP"
		}
	}
	return 0, ""
}

// amountGroups returns how many [.,' ]\d{3} groups follow i.
func (x *factScanner) amountGroups(i int) int {
	g := 0
	for {
		c := x.at(i + 4*g)
		if (c == '.' || c == ',' || c == '\'' || c == ' ') && x.digits(i+4*g+1, 3) == 3 {
			g++
			continue
		}
		return g
	}
}

// amountGroupsMemo is amountGroups, reusing the last answer along a chain
// of groups so that trying each digit run of "1.000.000.…" stays linear.
func (x *factScanner) amountGroupsMemo(i int) int {
	switch {
	case x.groupsMemo && i == x.groupsAt:
	case x.groupsMemo && i == x.groupsAt+4 && x.groups > 0:
		x.groupsAt, x.groups = i, x.groups-1
	default:
		x.groupsMemo, x.groupsAt, x.groups = true, i, x.amountGroups(i)
	}
	return x.groups
}

// decimals returns the length of the longest [.,]\d{1,2} at i, or 0.
func (x *factScanner) decimals(i int) int {
	if c := x.at(i); c == '.' || c == ',' {
		if n := x.digits(i+1, 2); n > 0 {
			return 1 + n
		}
	}
	return 0
}

// amountNum returns the end of the first-choice match of N at s (a digit):
// what N matches when nothing after it can fail.
func (x *factScanner) amountNum(s int) (end, numEnd int) {
	r := x.digits(s, len(x.text))
	p := s + r
	if r <= 3 {
		if g := x.amountGroups(p); g > 0 {
			p += 4 * g
		}
	}
	p += x.decimals(p)
	return p, p
}

// amountSuffix matches N(?:,-)?\s?(currency) at s, trying the ways N can
// end in the order the regexp backtracks through them. It returns the end
// of N, the start of the currency and the end, or end -1.
func (x *factScanner) amountSuffix(s int) (numEnd, cur, end int) {
	r := x.digits(s, len(x.text))
	p := s + r
	if r <= 3 {
		// With fewer groups than possible, the next group's separator and
		// digits follow, where no currency can start: only all groups can
		// lead to a match.
		if g := x.amountGroupsMemo(p); g >= 1 {
			if c, e := x.amountTail(p + 4*g); e >= 0 {
				return c.numEnd, c.cur, e
			}
		}
	}
	if c, e := x.amountTail(p); e >= 0 {
		return c.numEnd, c.cur, e
	}
	return -1, -1, -1
}

type amountEnd struct{ numEnd, cur int }

// amountTail tries (?:[.,]\d{1,2})?(?:,-)?\s?(currency) at i.
func (x *factScanner) amountTail(i int) (amountEnd, int) {
	d := x.decimals(i)
	for ; d >= 0; d-- {
		if d == 1 {
			continue // [.,] without a digit
		}
		e := i + d
		for dash := 1; dash >= 0; dash-- {
			q := e
			if dash == 1 {
				if !x.has(q, ",-") {
					continue
				}
				q += 2
			}
			for sp := 1; sp >= 0; sp-- {
				c := q
				if sp == 1 {
					if !isSp(x.at(c)) {
						continue
					}
					c++
				}
				if n, _ := suffixCurrency(x.text[c:]); n > 0 {
					return amountEnd{e, c}, c + n
				}
			}
		}
	}
	return amountEnd{}, -1
}

// phones runs
//
//	(?:\+|\b00)[1-9]\d{0,2}(?:[ \-/]?\(0\))?(?:[ \-/]?\d{1,8}){1,6}|(?:\(0\d{1,5}\)|\b0\d{1,5})(?:[ \-/]?\d{1,8}){1,5}
//
// Every match starts at a digit run, at the '+' or '(' just before one.
func (x *factScanner) phones() {
	t := x.text
	pos := 0
	for _, r := range x.runs {
		d := r.start
		if d > 0 && d-1 >= pos && (t[d-1] == '+' && t[d] != '0' || t[d-1] == '(' && t[d] == '0') {
			if end := x.phoneAt(d - 1); end >= 0 {
				pos = end
				x.addPhone(d-1, end)
				continue
			}
		}
		if d >= pos && t[d] == '0' && x.wordStart(d) {
			if end := x.phoneAt(d); end >= 0 {
				pos = end
				x.addPhone(d, end)
			}
		}
	}
}

func (x *factScanner) addPhone(start, end int) {
	if x.free(FactPhone, start, end) {
		x.add(FactPhone, phoneValue(x.text[start:end]), start, end)
	}
}

func isPhoneSep(b byte) bool { return b == ' ' || b == '-' || b == '/' }

// phoneIters matches (?:[ \-/]?\d{1,8}){1,max} greedily at i and returns
// the end, or -1.
func (x *factScanner) phoneIters(i, max int) int {
	k := 0
	for ; k < max; k++ {
		p := i
		if isPhoneSep(x.at(p)) && x.digit(p+1) {
			p++
		}
		n := x.digits(p, 8)
		if n == 0 {
			break
		}
		i = p + n
	}
	if k == 0 {
		return -1
	}
	return i
}

// phoneAt matches the phone grammar at s and returns the end, or -1.
func (x *factScanner) phoneAt(s int) int {
	t := x.text
	p := -1
	switch {
	case t[s] == '+':
		p = s + 1
	case x.has(s, "00") && x.wordStart(s):
		p = s + 2
	}
	if p >= 0 && '1' <= x.at(p) && x.at(p) <= '9' {
		p++
		for n := x.digits(p, 2); n >= 0; n-- {
			q := p + n
			if isPhoneSep(x.at(q)) && x.has(q+1, "(0)") {
				if e := x.phoneIters(q+4, 6); e >= 0 {
					return e
				}
			}
			if x.has(q, "(0)") {
				if e := x.phoneIters(q+3, 6); e >= 0 {
					return e
				}
			}
			if e := x.phoneIters(q, 6); e >= 0 {
				return e
			}
		}
	}
	switch {
	case t[s] == '(' && x.at(s+1) == '0':
		n := x.digits(s+2, 6)
		if n >= 1 && n <= 5 && x.at(s+2+n) == ')' {
			return x.phoneIters(s+3+n, 5)
		}
	case t[s] == '0' && x.wordStart(s):
		for n := x.digits(s+1, 5); n >= 1; n-- {
			if e := x.phoneIters(s+1+n, 5); e >= 0 {
				return e
			}
		}
	}
	return -1
}

// gluedToWord rejects matches that are part of a longer token, which RE2
// cannot express without lookaround: "1.2.3" is a version, not a date, and
// "v2 pm" or "12345 Uhr" are not times.
func gluedToWord(text string, start, end int, kind string) bool {
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

// normURL lower-cases the host and drops scheme, "www." and a trailing
// slash, which do not change where a reader ends up.
func normURL(raw string) string {
	s := raw
	for _, p := range []string{"https://", "http://"} {
		if hasPrefixFold(s, p) {
			s = s[len(p):]
			break
		}
	}
	host, rest := s, ""
	if k := strings.IndexAny(s, "/?#"); k >= 0 {
		host, rest = s[:k], s[k:]
	}
	host = strings.ToLower(host)
	host = strings.TrimPrefix(host, "www.")
	rest = strings.TrimRight(rest, "/")
	return host + rest
}

func put2(b []byte, n int) {
	b[0] = byte('0' + n/10%10)
	b[1] = byte('0' + n%10)
}

// dateValue is "MM-DD", or "YYYY-MM-DD" for a year other than 0; "" for an
// impossible month or day.
func dateValue(year, month, day int) string {
	if month < 1 || month > 12 || day < 1 || day > 31 {
		return ""
	}
	if year == 0 {
		k := 5 * (31*(month-1) + day - 1)
		return dayMonths[k : k+5]
	}
	var b [10]byte
	put2(b[0:], year/100)
	put2(b[2:], year%100)
	b[4] = '-'
	put2(b[5:], month)
	b[7] = '-'
	put2(b[8:], day)
	return string(b[:])
}

// clock is "HH:MM" on the 24-hour clock (24:00 is 00:00), or "" for an
// impossible hour.
func clock(h, min int) string {
	if h > 24 || h == 24 && min > 0 {
		return ""
	}
	if 0 <= h && 0 <= min && min < 60 {
		k := 5 * (60*(h%24) + min)
		return clocks[k : k+5]
	}
	var b [5]byte
	put2(b[0:], h%24)
	b[2] = ':'
	put2(b[3:], min)
	return string(b[:])
}

// clocks holds every "HH:MM" of a day and dayMonths every "MM-DD" of a
// year (31 days to each month), so that the common values of times and
// dates are substrings instead of allocations.
var clocks, dayMonths = func() (string, string) {
	// Two digits by hand: formatting each with fmt cost a third of a
	// millisecond at every start.
	two := func(b []byte, n int) []byte { return append(b, byte('0'+n/10), byte('0'+n%10)) }
	c := make([]byte, 0, 5*24*60)
	for h := range 24 {
		for m := range 60 {
			c = two(append(two(c, h), ':'), m)
		}
	}
	d := make([]byte, 0, 5*12*31)
	for m := 1; m <= 12; m++ {
		for day := 1; day <= 31; day++ {
			d = two(append(two(d, m), '-'), day)
		}
	}
	return string(c), string(d)
}()

func time12Value(h, min int, pm bool) string {
	if h < 1 || h > 12 {
		return ""
	}
	h %= 12
	if pm {
		h += 12
	}
	return clock(h, min)
}

// amountValue reads German (1.000,50) and English (1,000.50) numbers: the
// last separator is the decimal mark when one or two digits follow it,
// otherwise all separators group thousands. The value is the currency code
// and the amount with two decimals: "EUR 1000.50".
func amountValue(code, num string) string {
	intPart, frac := num, ""
	if k := strings.LastIndexAny(num, ".,"); k >= 0 && len(num)-k-1 <= 2 {
		intPart, frac = num[:k], num[k+1:]
	}
	var buf [48]byte
	b := append(buf[:0], code...)
	b = append(b, ' ')
	n := len(b)
	for i := 0; i < len(intPart); i++ {
		if c := intPart[i]; isDigitByte(c) && (c != '0' || len(b) > n) {
			b = append(b, c)
		}
	}
	if len(b) == n {
		b = append(b, '0')
	}
	b = append(b, '.')
	b = append(b, frac...)
	for i := len(frac); i < 2; i++ {
		b = append(b, '0')
	}
	return string(b)
}

// phoneValue reads a phone number found in the text with PhoneE164,
// national numbers as German.
func phoneValue(raw string) string {
	v := PhoneE164(raw, "DE")
	// E.164 allows at most 15 digits; fewer than 8 (country code included)
	// is more likely a reference number than a phone number.
	if n := len(v) - 1; n < 8 || n > 15 {
		return ""
	}
	return v
}
