package lint

import (
	"bytes"
	"encoding/binary"
	"regexp"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"
)

// clockBody is a clock time: "9:40", "9:40 Uhr", "8.15pm", "8–20 Uhr",
// "9 Uhr", "4 pm", "um 9".
const clockBody = `(\d{1,2}:\d{2}(?:\s*(?:uhr|h|am|pm|a\.m\.|p\.m\.))?|\d{1,2}\.\d{2}\s*(?:am|pm|a\.m\.|p\.m\.)|\d{1,2}(?:[.:]\d{2})?\s*(?:[–-]|bis)\s*\d{1,2}(?:[.:]\d{2})?\s*uhr|\d{1,2}(?:\.\d{2})?\s*uhr|\d{1,2}\s*(?:am|pm|a\.m\.|p\.m\.)|(?:um|at|by|bis|gegen|until|before|vor)\s+\d{1,2}(?:[.:]\d{2})?\b)`

// lazyRE compiles an expression on first use: most runs of a short
// message need few of them, and compiling all at start-up costs more than
// linting the message.
func lazyRE(expr string) func() *regexp.Regexp {
	return sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(expr) })
}

// Built-in detectors for the required elements. Concrete times and
// contacts have a shape (digits, @, a domain) that regular expressions
// describe once for every language; the words around them come from the
// playbook's lexicon.
var (
	clockRe = lazyRE(`(?i)(?:^|[^\d.:])` + clockBody)
	// clockAt0 and clockAtP are clockRe anchored at the start of the text
	// and at a context character after it, for firstClock.
	clockAt0  = lazyRE(`(?i)\A(?:^|[^\d.:])` + clockBody)
	clockAtP  = lazyRE(`(?i)\A[^\d.:]` + clockBody)
	dateRe    = lazyRE(`(?i)(?:^|[^\d.])(\d{1,2}\.\s?\d{1,2}\.(?:\d{2,4})?|\d{1,2}\.?\s*[–-]\s*\d{1,2}\.?\s*(?:jan|feb|mär|maerz|apr|mai|jun|jul|aug|sep|okt|oct|nov|dez|dec|mar|may)[a-zä]*|\d{1,2}\.\s*(?:jan|jän|feb|mär|maerz|apr|mai|jun|jul|aug|sep|okt|nov|dez)[a-zä]*|(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+\d{1,2}(?:st|nd|rd|th)?|\d{1,2}(?:st|nd|rd|th)?\s+(?:of\s+)?(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*|\d{4}-\d{2}-\d{2}|(?:am|bis\s+zum)\s+\d{1,2}\.(?:\s|$)|(?:kw|kalenderwoche|calendar\s+week|cw)\.?\s*\d{1,2}\b)`)
	periodRe  = lazyRE(`(?i)(?:^|[^\pL\d])((?:\d+(?:[.,]\d+)?(?:\s*[–-]\s*\d+(?:[.,]\d+)?)?|einer?|einem|eine|zwei|drei|vier|fünf|sechs|sieben|acht|zehn|zwölf|vierundzwanzig|one|two|three|four|five|six|seven|eight|ten|twelve|twenty-four|a|an|half\s+an?|einer\s+halben|einer\s+knappen)\s+(?:halbe\s+)?(?:minuten|minute|min|stunden|stunde|std|tagen|tage|tag|werktagen|werktage|werktag|wochen|woche|monate|monaten|minutes|minute|mins|min|hours|hour|hrs|hr|days|day|business\s+days?|working\s+days?|weeks|week|months|month))(?:[^\pL]|$)`)
	spelledRe = lazyRE(`(?i)(?:^|[^\pL])((?:um|at|by|bis|gegen|until|before|vor|ab|from)\s+(?:ein|eins|zwei|drei|vier|fünf|sechs|sieben|acht|neun|zehn|elf|zwölf|dreizehn|vierzehn|fünfzehn|sechzehn|siebzehn|achtzehn|neunzehn|zwanzig|einundzwanzig|zweiundzwanzig|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|noon|midday|mittag)(?:\s+(?:uhr|o'clock|am|pm|a\.m\.|p\.m\.))?)(?:[^\pL]|$)`)
	// "Thu 14th", "Friday the 3rd", "by the 21st", „Do., 14.“, „Freitag, den
	// 3.“: a day of the month named by its weekday or by "the". Apart from
	// dateRe, which runs far more often and would slow down with it.
	weekdayDateRe = lazyRE(`(?i)(?:^|[^\pL\d])((?:mon|monday|tue|tues|tuesday|wed|weds|wednesday|thu|thur|thurs|thursday|fri|friday|sat|saturday|sun|sunday)\.?,?\s+(?:the\s+)?\d{1,2}(?:st|nd|rd|th)\b|(?:on|by|until|till|before)\s+the\s+\d{1,2}(?:st|nd|rd|th)\b|(?:mo|di|mi|do|fr|sa|so|montag|dienstag|mittwoch|donnerstag|freitag|samstag|sonnabend|sonntag)\.?,?\s+(?:den\s+)?\d{1,2}\.(?:\s|$))`)
	// "Mitte Mai", "Ende Juni", "mid-May", "end of June": a part of a month.
	monthPartRe = lazyRE(`(?i)(?:^|[^\pL])((?:mitte|anfang|ende)\s+(?:januar|jänner|februar|feber|märz|maerz|april|mai|juni|juli|august|september|oktober|november|dezember)|(?:mid|early|late|the\s+end\s+of|end\s+of)[\s-]+(?:january|february|march|april|june|july|august|september|october|november|december|jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec)|(?:mid|end\s+of)[\s-]+may|(?:your|the|next)\s+(?:january|february|march|april|may|june|july|august|september|october|november|december)\s+(?:bill|statement|invoice)|(?:rechnung|abrechnung)\s+(?:für|im)\s+(?:januar|februar|märz|april|mai|juni|juli|august|september|oktober|november|dezember))(?:[^\pL]|$)`)
	// returnRe marks a sentence in which a bare "ab"/"from" time names
	// when something comes back or goes out ("Versand ab 9. Mai") or when
	// live reporting starts ("im Liveticker ab 6 Uhr").
	returnRe = lazyRE(`(?i)(?:^|[^\pL])(?:wieder|erneut|freigegeben|geöffnet|erreichbar|verfügbar|erhältlich|lieferbar|vorrätig|auf\s+lager|bereit|abholbereit|versand|versandt|versendet|versenden|verschickt|verschicken|ausgeliefert|auslieferung|zugestellt|zustellung|liefern|liefert|lieferung|again|back|reopen|resume|restored|available|in\s+stock|ready|delivered|deliver|delivers|delivery|liveticker|liveblog|live\s+blog|live\s+ticker|laufend)(?:[^\pL]|$)`)

	phoneRe = lazyRE(`(?:\+|\b00)\d{1,3}[\s/.-]?(?:\(0\)\s?)?\d{1,5}(?:[\s/.-]?\d{2,}){1,4}|(?:^|[^\d\w])\(?0\d{2,5}\)?(?:\s?[/-]\s?|\s)?\d+(?:[\s/-]?\d{2,}){0,3}|(?:^|[^\d\w])\(0(?:\s?\d){2,5}\)\s?\d+(?:[\s/-]?\d{2,}){0,3}|(?:^|[^\d\w])0(?:\s?\d){2,5}\s?/\s?\d+(?:[\s/-]?\d{2,}){0,3}|(?:^|[^\d\w])\(0\d\)\s?\d{4}\s?\d{4}\b|\b1[\s-]?\(?\d{3}\)?[\s-]\d{3}[\s-]\d{4}\b|\(\d{3}\)\s?\d{3}-\d{4}|\b\d{3}[.-]\d{3}[.-]\d{4}\b|\b\d{3}-\d{4}\b|(?:^|[^\d\w])0\d\s\d{3,4}\s?\d{4}\b|(?:^|[^\d\w])0\d(?:[\s.]\d{2}){4}\b|\b1[38]00[\s-]?\d{3}[\s-]?\d{3}\b`)
)

// timeExprs are the expressions of concrete times, in the order they are
// tried; timeCandidates has one bit per expression.
var timeExprs = [...]func() *regexp.Regexp{clockRe, dateRe, periodRe, spelledRe, monthPartRe, weekdayDateRe}

// hasConcreteTime reports whether the plain view of the byte range
// [from, to) — one sentence — holds a clock time, a date or a period that
// is not a start time ("seit 9:40 Uhr"). It stops at the first one found.
func hasConcreteTime(d *Document, from, to int) bool {
	return hasConcreteTimeText(d.plainText[from:to])
}

func hasConcreteTimeText(text string) bool {
	cand := timeCandidates(text)
	for i, expr := range timeExprs {
		if cand&(1<<i) == 0 {
			continue // a necessary part is missing: the expression cannot match
		}
		re := expr()
		// The first match decides most sentences: find it alone, and all
		// matches (the same sequence, by the same rules) only when it is
		// a start time.
		var first []int
		if i == 0 {
			first = firstClock(text)
		} else {
			first = re.FindStringSubmatchIndex(text)
		}
		if first == nil {
			continue
		}
		if acceptTime(text, first, i) {
			return true
		}
		for _, m := range re.FindAllStringSubmatchIndex(text, -1)[1:] {
			if acceptTime(text, m, i) {
				return true
			}
		}
	}
	return false
}

// clockWords start the spelled form of clockBody ("um 9", "at 4").
var clockWords = []string{"um", "at", "by", "bis", "gegen", "until", "before", "vor"}

// firstClock is clockRe().FindStringSubmatchIndex(text) without trying the
// expression at every byte. A match consumes its context character
// (none at the start of the text) and looks nowhere before it, so it can
// be found by anchored tries at the few places where clockBody can begin:
// a digit, or a word of clockWords followed by a space.
func firstClock(text string) []int {
	if strings.Contains(text, "\u017f") || strings.Contains(text, "\u212a") {
		// ſ and K fold to s and k: let the expression judge.
		return clockRe().FindStringSubmatchIndex(text)
	}
	if m := clockAt0().FindStringSubmatchIndex(text); m != nil {
		return m
	}
	p := 0 // start of the rune before q
	for q := 0; q < len(text); {
		size := 1
		if text[q] >= utf8.RuneSelf {
			_, size = utf8.DecodeRuneInString(text[q:])
		}
		if p > 0 && !isDigit(text[p]) && text[p] != '.' && text[p] != ':' && clockCanStart(text, q) {
			if m := clockAtP().FindStringSubmatchIndex(text[p:]); m != nil {
				for i := range m {
					if m[i] >= 0 {
						m[i] += p
					}
				}
				return m
			}
		}
		p = q
		q += size
	}
	return nil
}

// clockCanStart reports whether clockBody can begin at q.
func clockCanStart(text string, q int) bool {
	if isDigit(text[q]) {
		return true
	}
	for _, w := range clockWords {
		if end := q + len(w); end < len(text) && isRESpace(text[end]) && asciiEqualFold(text[q:end], w) {
			return true
		}
	}
	return false
}

func isRESpace(c byte) bool { return c == ' ' || c == '\t' || c == '\n' || c == '\f' || c == '\r' }

// asciiEqualFold compares s with the lower-case ASCII word w.
func asciiEqualFold(s, w string) bool {
	for i := 0; i < len(w); i++ {
		c := s[i]
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		if c != w[i] {
			return false
		}
	}
	return true
}

// clockExpr, dateExpr and periodExpr are the indexes of clockRe, dateRe
// and periodRe in timeExprs.
const (
	clockExpr   = 0
	dateExpr    = 1
	periodExpr  = 2
	spelledExpr = 3
)

// amountSigns and amountWords follow a number that counts money or a
// share; a word must end there.
var (
	amountSigns = []string{"%", "€", "£", "$"}
	amountWords = []string{"percent", "per cent", "prozent", "euro", "euros", "eur", "dollar", "dollars", "pound", "pounds",
		"franken", "chf", "cent", "cents", "pence"}
)

// amountAfter reports whether rest, the text after a number, goes on with
// decimals and a unit of amount: "by 4.5 %", "um 10 Euro".
func amountAfter(rest string) bool {
	i := 0
	if i+1 < len(rest) && (rest[i] == '.' || rest[i] == ',') && isDigit(rest[i+1]) {
		for i++; i < len(rest) && isDigit(rest[i]); i++ {
		}
	}
	for i < len(rest) && rest[i] == ' ' {
		i++
	}
	rest = rest[i:]
	for _, w := range amountSigns {
		if strings.HasPrefix(rest, w) {
			return true
		}
	}
	for _, w := range amountWords {
		if len(rest) >= len(w) && asciiEqualFold(rest, w) && (len(rest) == len(w) || !isWordByte(rest[len(w)])) {
			return true
		}
	}
	return false
}

// acceptTime reports whether the time, date or period match m of
// timeExprs[kind] in text is not a start time. The words before it are
// joined by single spaces, so the checks below compare words instead of
// running expressions.
func acceptTime(text string, m []int, kind int) bool {
	s := m[0]
	if len(m) >= 4 && m[2] >= 0 {
		s = m[2]
	}
	before := recentWords(text[:s], 2)
	// "rise by 4.5 %", "um 10 Euro teurer": a number of an amount, not an
	// hour.
	if kind == clockExpr && amountAfter(text[m[1]:]) {
		return false
	}
	// "The line reopened at 5am": a return told in the past.
	if kind == clockExpr && pastReturnAt(text[:s], text[s:m[1]]) {
		return false
	}
	// "für die drei Tage ohne Internet", "for the two days you were
	// offline": a span already known, not a wait.
	if kind == periodExpr && hasSuffixFoldAny(before, "für die", "für diese", "for the", "for these", "for those") {
		return false
	}
	// "by one month", „um zwei Wochen“: a spelled number that counts a
	// period is no hour.
	if kind == spelledExpr && len(m) >= 4 && unitNext(text[m[3]:]) {
		return false
	}
	// "extended by one month", „um eine Woche verschoben“: a period as a
	// measure of change, not a wait.
	if kind == periodExpr && equalFoldAny(lastWord(before), "by", "um") {
		return false
	}
	// "£11.00 a month", "$5 a week": a rate, not a wait.
	if kind == periodExpr && rateAfterAmount(before, text[s:m[1]]) {
		return false
	}
	// "a minute's applause", "a week's credit": a period as a measure,
	// unless it is waited for ("in a week's time").
	if kind == periodExpr && len(m) >= 4 && possessive(text, m[3]) && !equalFoldAny(lastWord(before), "within", "in", "innerhalb") {
		return false
	}
	// "12 months of free credit monitoring": a period that measures a
	// thing, not a wait ("within two days of your order" is one).
	if kind == periodExpr && len(m) >= 4 && durationOf(text[m[3]:]) && !equalFoldAny(lastWord(before), "within", "in", "innerhalb") {
		return false
	}
	// "Ihre Bestellung vom 2. Mai", "your order of 2 May": the date of an
	// order or a letter, not when something comes ("vom 3.–11. September"
	// is a range, and one; so is "the week of 14 April").
	if kind == dateExpr && equalFoldAny(lastWord(before), "vom", "of", "dated") && !isRange(text[s:m[1]]) &&
		!hasSuffixFoldAny(before, "week of", "weekend of") {
		return false
	}
	// "seit Montag, 5 Uhr", "since Monday": a day named as a start.
	if w1, w2, ok := strings.Cut(before, " "); ok && equalFoldAny(w1, "seit", "since") && isLetterWord(strings.TrimSuffix(w2, ",")) {
		return false
	}
	if !hasSuffixFoldAny(before, "seit", "since", "ab", "from", "started at", "begann um") {
		return true
	}
	// "erst ab 20. November", "not until …, from", "abholbereit ab Montag",
	// "die Messwerte stehen ab 16 Uhr online", „Informationen ab 20.
	// September“ name when something comes,
	// not when it started ("Versand ab 9. Mai"
	// is a word of return, below).
	if i := strings.LastIndexByte(before, ' '); i >= 0 && equalFoldAny(before[i+1:], "ab", "from") &&
		(hasSuffixFoldAny(before[:i], "erst", "frühestens", "wieder", "not until", "only", "again", "abholbereit",
			"shipping", "dispatch") || equalFoldAny(lastWord(before[:i]), "stehen", "steht", "online") ||
			equalFoldAny(lastWord(before[:i]), fromNews...)) {
		return true
	}
	// "ab 18 Uhr wieder freigegeben", "from 6 pm open again", "Versand ab
	// 9. Mai": a bare "ab"/"from" time in a sentence with a word of return
	// or dispatch, or a range ("ab 3.–11. September"), names when the
	// service comes back or the goods go out.
	if equalFoldAny(lastWord(before), "ab", "from") && (returnRe().MatchString(text) || isRange(text[s:m[1]])) {
		return true
	}
	return false
}

// unitNext reports whether rest, the text after a spelled hour, goes on
// with a unit of a period as its next word: "by one month".
func unitNext(rest string) bool {
	rest = strings.TrimLeft(rest, " ")
	end := 0
	for end < len(rest) && end < 16 && ('a' <= rest[end]|0x20 && rest[end]|0x20 <= 'z') {
		end++
	}
	if end == 0 || end == 16 {
		return false
	}
	var buf [16]byte
	for i := 0; i < end; i++ {
		buf[i] = rest[i] | 0x20
	}
	return timeWords[string(buf[:end])]&(1<<2) != 0
}

// rateAfterAmount reports whether period, a period match, counts "a" or
// "an" unit right after an amount: the last word of before holds a digit
// or a currency sign ("at £11.00 a month").
func rateAfterAmount(before, period string) bool {
	w, _, _ := strings.Cut(period, " ")
	if !equalFoldAny(w, "a", "an") {
		return false
	}
	last := lastWord(before)
	return strings.ContainsAny(last, "0123456789£$€")
}

// fromNews name news that comes from a time on: „Weitere Informationen ab
// 20. September“, "more details from 3pm".
var fromNews = []string{"informationen", "infos", "info", "details", "neuigkeiten", "updates", "update",
	"information", "news"}

// pastReturnVerbs are regular past tenses of a return, which stem like
// the present ("reopened" like "reopen").
var pastReturnVerbs = []string{"reopened", "resumed", "restored", "restarted", "ended", "finished", "cleared",
	"returned", "recovered"}

// pastReturnAt reports whether match, a clock time after prefix, follows
// one of pastReturnVerbs and "at" ("reopened at 5am", "resumed at 6"; the
// "at" ends prefix or starts match), unless a passive looks ahead ("will be
// reopened at 5am").
func pastReturnAt(prefix, match string) bool {
	var verb, aux int // how many words back the verb and the word before it stand
	switch {
	case equalFoldAny(lastWord(recentWords(prefix, 1)), "at"):
		verb, aux = 2, 3
	case len(match) > 3 && asciiEqualFold(match, "at") && isRESpace(match[2]):
		verb, aux = 1, 2
	default:
		return false
	}
	words := strings.Fields(lastWords(prefix, aux))
	n := len(words)
	if n < verb || !equalFoldAny(words[n-verb], pastReturnVerbs...) {
		return false
	}
	return n < aux || !equalFoldAny(words[n-aux], "be", "been", "being", "is", "are", "will")
}

// durationOf reports whether rest, the text after a period, goes on with
// "of" as a word: "two years of free cover".
func durationOf(rest string) bool {
	rest = strings.TrimLeft(rest, " ")
	return len(rest) >= 3 && asciiEqualFold(rest, "of") && (rest[2] == ' ' || rest[2] == '\n')
}

// lastWord returns the last space-separated word of s.
func lastWord(s string) string {
	if i := strings.LastIndexByte(s, ' '); i >= 0 {
		return s[i+1:]
	}
	return s
}

// equalFoldAny reports whether w equals one of words under Unicode simple
// case folding, as (?i) in an expression compares.
func equalFoldAny(w string, words ...string) bool {
	for _, x := range words {
		if strings.EqualFold(w, x) {
			return true
		}
	}
	return false
}

// hasSuffixFoldAny reports whether s ends with one of words under simple
// case folding; the suffix is taken rune by rune, since a folded rune can
// differ in length (ſ, K).
func hasSuffixFoldAny(s string, words ...string) bool {
	for _, x := range words {
		n := utf8.RuneCountInString(x)
		i := len(s)
		for k := 0; k < n && i > 0; k++ {
			_, size := utf8.DecodeLastRuneInString(s[:i])
			i -= size
		}
		if utf8.RuneCountInString(s[i:]) == n && strings.EqualFold(s[i:], x) {
			return true
		}
	}
	return false
}

// isLetterWord reports whether w is one or more letters (\pL+).
func isLetterWord(w string) bool {
	if w == "" {
		return false
	}
	for _, r := range w {
		if !unicode.IsLetter(r) {
			return false
		}
	}
	return true
}

// isRange reports whether s holds a range of numbers: a digit, an optional
// period, then a dash or "bis" and another digit (\d\.?\s*(?:[–-]|bis)\s*\d).
func isRange(s string) bool {
	for i := 0; i < len(s); i++ {
		if j := afterRangeDash(s, i, true); j >= 0 {
			if j = skipRESpace(s, j); j < len(s) && isDigit(s[j]) {
				return true
			}
		}
	}
	return false
}

// afterRangeDash returns where the text after a range separator starts
// when s[i] is a digit followed by an optional period, spaces and a dash
// (or "bis" when bis is set), else -1.
func afterRangeDash(s string, i int, bis bool) int {
	if !isDigit(s[i]) {
		return -1
	}
	j := i + 1
	if j < len(s) && s[j] == '.' {
		j++
	}
	j = skipRESpace(s, j)
	switch {
	case strings.HasPrefix(s[j:], "–"):
		return j + len("–")
	case strings.HasPrefix(s[j:], "-"):
		return j + 1
	case bis && strings.HasPrefix(s[j:], "bis"):
		return j + 3
	}
	return -1
}

// skipRESpace skips what \s matches: ASCII space, tab, newline, form feed
// and carriage return.
func skipRESpace(s string, j int) int {
	for j < len(s) && (s[j] == ' ' || s[j] == '\t' || s[j] == '\n' || s[j] == '\f' || s[j] == '\r') {
		j++
	}
	return j
}

func isDigit(c byte) bool { return '0' <= c && c <= '9' }

// Words that timeCandidates looks for as whole runs of letters: the units
// of periodRe, the spelled hours of spelledRe, the months of monthPartRe
// and the first words of weekdayDateRe.
var timeWords = func() map[string]uint8 {
	m := map[string]uint8{}
	add := func(bit uint8, words string) {
		for _, w := range strings.Fields(words) {
			m[w] |= bit
		}
	}
	add(1<<2, "minuten minute min stunden stunde std tagen tage tag werktagen werktage werktag wochen woche monate monaten "+
		"minutes mins hours hour hrs hr days day weeks week months month")
	add(1<<3, "ein eins zwei drei vier fünf sechs sieben acht neun zehn elf zwölf dreizehn vierzehn fünfzehn sechzehn "+
		"siebzehn achtzehn neunzehn zwanzig einundzwanzig zweiundzwanzig one two three four five six seven eight nine ten "+
		"eleven twelve noon midday mittag")
	add(1<<4, "januar jänner februar feber märz maerz april mai juni juli august september oktober november dezember "+
		"january february march june july october december jan feb mar apr jun jul aug sep sept oct nov dec may")
	add(weekdayBit, "mon monday tue tues tuesday wed weds wednesday thu thur thurs thursday fri friday sat saturday sun "+
		"sunday on by until till before mo di mi do fr sa so montag dienstag mittwoch donnerstag freitag samstag sonnabend sonntag")
	return m
}()

// weekdayBit marks, while timeCandidates runs, a word that starts
// weekdayDateRe; the expression's own bit also needs a digit followed by a
// period or an ordinal suffix.
const weekdayBit = 1 << 6

// dateParts are substrings of which dateRe needs one, besides a digit
// directly followed by a period or a dash.
var dateParts = bytesOf("jan", "jän", "feb", "mär", "maerz", "apr", "mai", "jun", "jul", "aug", "sep", "okt", "oct", "nov",
	"dez", "dec", "mar", "may", "kw", "cw", "kalenderwoche", "calendar")

func bytesOf(ss ...string) [][]byte {
	out := make([][]byte, len(ss))
	for i, s := range ss {
		out[i] = []byte(s)
	}
	return out
}

// timeCandidates returns one bit per expression of timeExprs that may
// match text: each bit stands for a part the expression cannot match
// without. clockRe and dateRe need a digit; dateRe also a digit followed
// by a period or dash, a month or a calendar week; periodRe, spelledRe and
// monthPartRe a unit, a spelled hour or a month as a whole word;
// weekdayDateRe a weekday or "on", "by" … as a whole word and a digit
// followed by a period or an ordinal suffix. Letters are compared lower-cased; text with the two letters
// that fold into ASCII from outside it (K, ſ) gets every bit.
func timeCandidates(text string) uint8 {
	var digits, digitMark bool
	for i := 0; i < len(text); i++ {
		if isDigit(text[i]) {
			digits = true
			if i+1 < len(text) && (text[i+1] == '.' || text[i+1] == '-') {
				digitMark = true
				break
			}
		}
	}
	if strings.Contains(text, "\u212a") || strings.Contains(text, "\u017f") {
		if digits {
			return 0b111111
		}
		return 0b011100
	}
	var bits uint8
	var lower [64]byte
	buf := lower[:0]
	run := func() {
		if len(buf) > 0 {
			bits |= timeWords[string(buf)]
			buf = buf[:0]
		}
	}
	for i := 0; i < len(text); {
		c := text[i]
		if c < utf8.RuneSelf {
			switch {
			case 'a' <= c && c <= 'z':
				buf = append(buf, c)
			case 'A' <= c && c <= 'Z':
				buf = append(buf, c+'a'-'A')
			default:
				run()
			}
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(text[i:])
		if !unicode.IsLetter(r) {
			run()
		} else {
			switch r {
			case 'Ä', 'Ö', 'Ü':
				r = unicode.ToLower(r)
			}
			buf = utf8.AppendRune(buf, r)
		}
		i += size
	}
	run()
	if digits {
		bits |= 1
		if digitMark || digitBeforeDash(text) || containsFoldASCII(text, dateParts) {
			bits |= 1 << 1
		}
		if bits&weekdayBit != 0 && (digitMark || ordinalDay(text)) {
			bits |= 1 << 5
		}
	}
	return bits &^ weekdayBit
}

// ordinalDay reports a digit followed by an English ordinal suffix ("14th",
// "3RD"), which the English dates of weekdayDateRe need ("Thu 14th", "by
// the 3rd").
func ordinalDay(s string) bool {
	for i := 0; i+2 < len(s); i++ {
		if !isDigit(s[i]) {
			continue
		}
		a, b := s[i+1]|0x20, s[i+2]|0x20
		if a == 's' && b == 't' || a == 'n' && b == 'd' || a == 'r' && b == 'd' || a == 't' && b == 'h' {
			return true
		}
	}
	return false
}

// digitBeforeDash reports a digit, an optional period, spaces and a dash
// (the start of "3. – 11. September").
func digitBeforeDash(s string) bool {
	for i := 0; i < len(s); i++ {
		if afterRangeDash(s, i, false) >= 0 {
			return true
		}
	}
	return false
}

// containsFoldASCII reports whether s contains one of parts (lower case;
// ASCII and ä) regardless of case.
func containsFoldASCII(s string, parts [][]byte) bool {
	var lower [256]byte
	b := lower[:0]
	for i := 0; i < len(s); i++ {
		c := s[i]
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		} else if c == 0x84 && i > 0 && s[i-1] == 0xc3 { // Ä → ä
			c = 0xa4
		}
		b = append(b, c)
	}
	for _, p := range parts {
		if bytes.Contains(b, p) {
			return true
		}
	}
	return false
}

// lastWords returns the last n words of s (split as strings.Fields does)
// joined by single spaces.
func lastWords(s string, n int) string {
	s = strings.TrimRight(s, " \t")
	fields := strings.Fields(s)
	if len(fields) > n {
		fields = fields[len(fields)-n:]
	}
	return strings.Join(fields, " ")
}

// recentWords is lastWords for n of 1 or 2 that returns a piece of s when
// the words stand one space apart there, which is the common case, and
// joins them only otherwise.
func recentWords(s string, n int) string {
	var from, to [2]int // the words, last first
	i, k := len(s), 0
	for ; k < n; k++ {
		i = skipSpaceBack(s, i)
		if i == 0 {
			break
		}
		to[k] = i
		for i > 0 {
			r, size := lastRune(s[:i])
			if unicode.IsSpace(r) {
				break
			}
			i -= size
		}
		from[k] = i
	}
	switch {
	case k == 0:
		return ""
	case k == 1:
		return s[from[0]:to[0]]
	case to[1]+1 == from[0] && s[to[1]] == ' ':
		return s[from[1]:to[0]]
	}
	return s[from[1]:to[1]] + " " + s[from[0]:to[0]]
}

// skipSpaceBack returns the start of the run of white space (unicode.IsSpace)
// that ends at i.
func skipSpaceBack(s string, i int) int {
	for i > 0 {
		r, size := lastRune(s[:i])
		if !unicode.IsSpace(r) {
			break
		}
		i -= size
	}
	return i
}

// lastRune is utf8.DecodeLastRuneInString with an ASCII fast path.
func lastRune(s string) (rune, int) {
	if c := s[len(s)-1]; c < utf8.RuneSelf {
		return rune(c), 1
	}
	return utf8.DecodeLastRuneInString(s)
}

// hasNextUpdate reports whether the document says when the next update or
// the resolution comes: a cue word and a concrete time in one sentence, read
// clause by clause. An offer's words („gültig bis“, "until further notice")
// and a past without a word of the future ("was", „gestern“, "we posted",
// „haben … informiert“) void the clause they stand in, not the sentence: in
// "Next update at 3 pm; meanwhile our sale runs until Sunday" the promise
// holds, and the sale's date is no time of it. The time or when word must
// lie in the run of live clauses around a cue.
func (ev *evaluation) hasNextUpdate(r *rule) bool {
	a := ev.a
	sc := cuePool.Get().(*cueScratch)
	defer cuePool.Put(sc)
	// cue[s] marks the sentences with a cue word; n counts them.
	cue := grow(&sc.cue, len(a.sentences))
	clear(cue)
	n := 0
	for _, g := range r.cues {
		for _, hi := range a.groupHits[g] {
			if s := a.tokens[a.hits[hi].tok].sentence; cue[s] == 0 {
				cue[s] = 1
				n++
			}
		}
	}
	if n == 0 {
		return false
	}
	// Split the cue sentences into clauses: tokClause holds the clause of
	// each of their tokens (the rest is not read), flags and starts one
	// entry per clause.
	tokClause := grow(&sc.tokClause, len(a.tokens))
	sc.flags, sc.starts, sc.sents, sc.links = sc.flags[:0], sc.starts[:0], sc.sents[:0], sc.links[:0]
	text := ev.d.plainText
	for si, c := range cue {
		if c != 0 {
			sc.splitClauses(text, a, int32(si), tokClause)
		}
	}
	flags := sc.flags
	mark := func(groups []int32, bit uint16) {
		for _, g := range groups {
			for _, hi := range a.groupHits[g] {
				if t := a.hits[hi].tok; cue[a.tokens[t].sentence] != 0 {
					flags[tokClause[t]] |= bit
				}
			}
		}
	}
	mark(r.cues, clauseCue)
	mark(r.not, clauseNot)
	mark(r.future, clauseFuture)
	// Past words ("was", "gestern") void a clause unless it also looks
	// ahead ("you'll receive", "wird"); „Ware“ is no „war“.
	for _, g := range r.past {
		for _, hi := range a.groupHits[g] {
			t := a.tokens[a.hits[hi].tok]
			if cue[t.sentence] != 0 && !nounInside(text, a.sentences[t.sentence].start, t.start) {
				flags[tokClause[a.hits[hi].tok]] |= clausePast
			}
		}
	}
	// A clause after a colon is governed by the words before it („Nur
	// noch wenige Tage: Die Ausstellung läuft bis Sonntag“), not the other
	// way round.
	// The words around a parenthesis read as one clause ("available at
	// the special price of £49.99 (normally £79.99) until 31 March").
	const voids = clauseNot | clausePast | clausePerfect | clauseSimplePast
	for i := 1; i < len(flags); i++ {
		if p := sc.links[i]; p >= 0 {
			flags[i] |= flags[p] & voids
			flags[p] |= flags[i] & voids
		}
		if flags[i]&clauseGoverned != 0 && sc.sents[i] == sc.sents[i-1] {
			flags[i] |= flags[i-1] & voids
		}
	}
	// A clause is live when nothing voids it; runs of live clauses that
	// hold a cue are the places where a time counts.
	for i, f := range flags {
		if f&clauseNot == 0 && (f&clausePast == 0 || f&clauseFuture != 0) &&
			(f&clausePerfect == 0 || f&(clauseFuture|clauseDeadline|clauseCadence) != 0) &&
			(f&clauseSimplePast == 0 || f&(clauseFuture|clauseCadence) != 0) {
			flags[i] |= clauseLive
		}
	}
	for i := 0; i < len(flags); {
		j, hasCue := i, false
		for j < len(flags) && sc.sents[j] == sc.sents[i] && flags[j]&clauseLive != 0 {
			hasCue = hasCue || flags[j]&clauseCue != 0
			j++
		}
		if hasCue {
			for k := i; k < j; k++ {
				flags[k] |= clauseInRun
			}
		}
		if j == i {
			j++
		}
		i = j
	}
	for _, g := range r.when {
		for _, hi := range a.groupHits[g] {
			t := a.tokens[a.hits[hi].tok]
			if cue[t.sentence] == 0 || flags[tokClause[a.hits[hi].tok]]&clauseInRun == 0 {
				continue
			}
			// "seit Montag gesperrt", "closed since Monday", „seit heute
			// Morgen“, "since this morning" name a start.
			if sn := a.sentences[t.sentence]; t.start >= sn.start && t.start <= len(text) &&
				sinceBefore(recentWords(text[sn.start:t.start], 2)) {
				continue
			}
			// "after this morning's outage", "Monday's storm" name a past event.
			if h := a.hits[hi]; h.end > h.tok && possessive(text, a.tokens[h.end-1].end) {
				continue
			}
			return true
		}
	}
	// Only the runs around a cue can name the next update: look for
	// concrete times there alone, which keeps the costly expressions off
	// the rest of the text.
	for i := 0; i < len(flags); {
		if flags[i]&clauseInRun == 0 {
			i++
			continue
		}
		j := i + 1
		for j < len(flags) && sc.sents[j] == sc.sents[i] && flags[j]&clauseInRun != 0 {
			j++
		}
		sn := a.sentences[sc.sents[i]]
		from, to := int(sc.starts[i]), sn.end
		if j < len(flags) && sc.sents[j] == sc.sents[i] {
			to = int(sc.starts[j])
		}
		if hasConcreteTime(ev.d, from, to) {
			return true
		}
		i = j
	}
	return false
}

// sinceBefore reports whether the two words before a when word name a
// start: „seit“ or "since" right before it, or before „heute“, „gestern“,
// "this", "yesterday", "last".
func sinceBefore(before string) bool {
	w1, w2, two := strings.Cut(before, " ")
	if !two {
		return equalFoldAny(w1, "seit", "since")
	}
	return equalFoldAny(w2, "seit", "since") ||
		equalFoldAny(w1, "seit", "since") && equalFoldAny(w2, "heute", "gestern", "this", "yesterday", "last")
}

// grow returns (*buf)[:n], reallocating only when the capacity is short.
func grow[T any](buf *[]T, n int) []T {
	if cap(*buf) < n {
		*buf = make([]T, n)
	}
	*buf = (*buf)[:n]
	return *buf
}

// cueScratch holds the working slices of hasNextUpdate.
type cueScratch struct {
	cue       []uint8  // per sentence: has a cue word
	tokClause []int32  // per token of a cue sentence: its clause
	flags     []uint16 // per clause: the clause flags below
	starts    []int32  // per clause: the byte where it starts
	sents     []int32  // per clause: its sentence
	links     []int32  // per clause: the clause before the parenthesis it follows, or -1
}

// cuePool holds the scratch slices of hasNextUpdate.
var cuePool = sync.Pool{New: func() any { return new(cueScratch) }}

// The flags of a clause in hasNextUpdate.
const (
	clauseCue        uint16 = 1 << iota // a cue word
	clauseNot                           // a word that voids it (an offer, a deadline of the reader's)
	clausePast                          // a past word of the lexicon
	clauseFuture                        // a word of the future
	clausePerfect                       // a German perfect of a report or an incident: „haben … informiert“, „ist … ausgefallen“
	clauseSimplePast                    // an English past of a report or an incident: "we posted", "the site crashed"
	clauseDeadline                      // a deadline, which makes a German perfect look ahead: „bis 15 Uhr haben wir … behoben“
	clauseCadence                       // a cadence, which makes a past a routine: "updated 6pm daily"
	clauseLive                          // nothing voids it
	clauseInRun                         // live, in a run of live clauses with a cue
	clauseGoverned                      // starts after a colon or a dash: the words before it still govern it
)

// The roles of clauseWords.
const (
	cwSubject   uint16 = 1 << iota // opens a finite clause after "and" or a colon: we, wir …
	cwJoin                         // and, but, und, aber
	cwOpen                         // opens a clause of its own: meanwhile, währenddessen
	cwThen                         // dahin, then, meantime, zwischenzeit: "bis dahin", "until then", "in the meantime"
	cwHaben                        // a German auxiliary of the perfect: hat, haben …
	cwSein                         // the other one: ist, sind, bin
	cwPartHaben                    // a German participle of a report, perfect with haben: informiert, behoben
	cwPartSein                     // a German participle of an incident, perfect with sein: ausgefallen
	cwReportEN                     // an English past of a report or an incident: posted, crashed
	cwBe                           // before an English participle, a passive, a perfect or a future: is, has, will
	cwDeadline                     // by, until, bis, spätestens
	cwCadence                      // daily, every, täglich
)

// clauseWords gives the folded words that shape a clause their roles.
var clauseWords = func() map[string]uint16 {
	m := map[string]uint16{}
	add := func(role uint16, words string) {
		for _, w := range strings.Fields(words) {
			m[w] |= role
		}
	}
	add(cwSubject, "we i you they he she it there our your their this these wir ich du ihr sie er es man "+
		"unser unsere unseren unserem unserer euer eure")
	add(cwJoin, "and but und aber")
	add(cwOpen, "meanwhile meantime währenddessen zwischenzeitlich because weil nachdem")
	add(cwThen, "dahin then meantime zwischenzeit")
	// The perfect of a report takes „haben“ („wir haben … informiert“; „ist
	// … behoben“ is a state, and may lie ahead), that of an incident „sein“
	// („ist … ausgefallen“).
	add(cwHaben, "habe hat haben hast habt")
	add(cwSein, "ist sind bin")
	add(cwPartHaben, "informiert benachrichtigt veröffentlicht gepostet verschickt geschickt versendet versandt "+
		"gesendet gemeldet mitgeteilt bekanntgegeben angekündigt aktualisiert behoben repariert gelöst beseitigt "+
		"entdeckt bemerkt festgestellt begonnen angefangen gestartet ausgelöst beantwortet angerufen geschrieben "+
		"geliefert nachgeliefert ausgeliefert zugestellt nachgeholt erstattet besprochen")
	add(cwPartSein, "ausgefallen abgestürzt zusammengebrochen passiert geschehen aufgetreten eingetroffen eingegangen "+
		"gewesen gestartet")
	add(cwReportEN, "posted published emailed texted tweeted notified informed announced shared updated "+
		"fixed resolved repaired noticed detected discovered spotted failed crashed stopped started broke struck sent "+
		"wrote told discussed returned")
	add(cwBe, "be been being is are s re m will ll get gets getting to has have had ve d")
	add(cwDeadline, "bis spätestens by until till within innerhalb")
	add(cwCadence, "daily hourly weekly every each täglich stündlich wöchentlich jeden jede jeder")
	return m
}()

// splitClauses appends the clauses of sentence si to sc and sets the clause
// of each of its tokens in tokClause. A clause ends before a semicolon, a
// parenthesis, a dash between words (not "8 – 20 Uhr"), a colon or an
// "and", "but", „und“, „aber“ that a subject follows ("; we", ": wir", "and
// we"), and before "meanwhile", "until then", „bis dahin“, "in the
// meantime", „in der Zwischenzeit“. It also notes a past report in the
// clause: a German perfect of a report or an incident („haben … informiert“,
// „ist … ausgefallen“) or an English past ("we posted", "the site crashed")
// that no "is", "will" or "to" turns into a passive or a future.
func (sc *cueScratch) splitClauses(text string, a *analysis, si int32, tokClause []int32) {
	sn := a.sentences[si]
	open := func(at int) {
		sc.flags = append(sc.flags, 0)
		sc.starts = append(sc.starts, int32(at))
		sc.sents = append(sc.sents, si)
		sc.links = append(sc.links, -1)
	}
	open(sn.start)
	var perfect uint16 // the German auxiliaries and participles of the clause
	paren := int32(-1) // the clause before an open parenthesis
	for k := sn.tok; k < sn.tokEnd; k++ {
		t := &a.tokens[k]
		role := clauseWords[t.folded]
		if k > sn.tok {
			prev := &a.tokens[k-1]
			cut := -1           // where a new clause starts
			var governed bool   // the words before the cut still govern the new clause
			resume := int32(-1) // the clause a closing parenthesis returns to
			gap := text[min(prev.end, len(text)):min(max(t.start, prev.end), len(text))]
			switch {
			case strings.IndexByte(gap, ')') >= 0:
				cut, resume = prev.end, paren
				paren = -1
			case strings.IndexByte(gap, '(') >= 0:
				cut, paren = prev.end, int32(len(sc.flags)-1)
			case strings.IndexByte(gap, ';') >= 0:
				cut = prev.end
			case colonBetween(gap) && (role&(cwSubject|cwOpen) != 0 || opensThen(a, k, sn.tokEnd)):
				// A colon before a clause of its own: what stands before it
				// still governs it („Nur noch wenige Tage: Unsere Ausstellung
				// läuft bis Sonntag“); before anything else it joins a label
				// to its text („Zur Feier des Tages: 3 € weniger …“).
				cut, governed = prev.end, true
			case dashBetween(gap) && !endsDigit(text[prev.start:prev.end]) && !isDigit(text[t.start]):
				// A dash before a subject or "meanwhile" starts a clause of
				// its own; before anything else it adds to what came before.
				cut, governed = prev.end, role&(cwSubject|cwOpen|cwJoin) == 0 && !opensThen(a, k, sn.tokEnd)
			case role&cwSubject != 0 && clauseWords[prev.folded]&cwJoin != 0 && k-1 > sn.tok:
				cut = prev.start
			case role&cwOpen != 0 && role&cwThen == 0:
				cut = t.start
			case role&cwThen != 0:
				// "bis dahin", "until then", "in the meantime", „in der Zwischenzeit“
				switch back := a.tokens[k-1].folded; {
				case back == "bis" || back == "until" || back == "till":
					if k-1 > sn.tok {
						cut = prev.start
					}
				case (back == "the" || back == "der") && k-2 > sn.tok && a.tokens[k-2].folded == "in":
					cut = a.tokens[k-2].start
				}
			}
			if cut >= 0 {
				sc.noteReport(perfect)
				perfect = 0
				open(cut)
				if governed {
					sc.flags[len(sc.flags)-1] |= clauseGoverned
				}
				sc.links[len(sc.links)-1] = resume
				// Tokens already counted to the old clause that lie after
				// the cut ("in the meantime") move to the new one.
				c := int32(len(sc.flags) - 1)
				for b := k - 1; b >= sn.tok && a.tokens[b].start >= cut; b-- {
					tokClause[b] = c
				}
			}
		}
		c := int32(len(sc.flags) - 1)
		tokClause[k] = c
		perfect |= role & (cwHaben | cwSein | cwPartHaben | cwPartSein)
		if role&cwDeadline != 0 && !opensThen(a, k, sn.tokEnd) { // „bis dahin“ sets no deadline
			sc.flags[c] |= clauseDeadline
		}
		if role&cwCadence != 0 {
			sc.flags[c] |= clauseCadence
		}
		if role&cwReportEN != 0 && k > sn.tok && a.tokens[k-1].start >= int(sc.starts[c]) &&
			clauseWords[a.tokens[k-1].folded]&cwBe == 0 && !contracted(a.tokens[k-1].folded) {
			sc.flags[c] |= clauseSimplePast
		}
	}
	sc.noteReport(perfect)
}

// noteReport marks the last clause as a past report when it holds a German
// perfect: a participle of a report with „haben“ or one of an incident with
// „sein“.
func (sc *cueScratch) noteReport(perfect uint16) {
	if perfect&(cwHaben|cwPartHaben) == cwHaben|cwPartHaben || perfect&(cwSein|cwPartSein) == cwSein|cwPartSein {
		sc.flags[len(sc.flags)-1] |= clausePerfect
	}
}

// contracted reports whether w ends in a contracted auxiliary: "it's",
// "we've", "they're", "it'll".
func contracted(w string) bool {
	for _, x := range [...]string{"'s", "'re", "'m", "'ve", "'d", "'ll", "’s", "’re", "’m", "’ve", "’d", "’ll"} {
		if strings.HasSuffix(w, x) {
			return true
		}
	}
	return false
}

// opensThen reports whether the words from token k on open a clause of
// their own: "bis dahin", "until then", "in the meantime".
func opensThen(a *analysis, k, end int32) bool {
	if k+1 < end && clauseWords[a.tokens[k+1].folded]&cwThen != 0 {
		switch a.tokens[k].folded {
		case "bis", "until", "till":
			return true
		}
	}
	return k+2 < end && a.tokens[k].folded == "in" && clauseWords[a.tokens[k+2].folded]&cwThen != 0
}

// colonBetween reports whether the gap between two words holds a colon
// followed by white space (not the colon of "21:52").
func colonBetween(gap string) bool {
	i := strings.IndexByte(gap, ':')
	return i >= 0 && i+1 < len(gap) && isRESpace(gap[i+1])
}

// dashBetween reports whether the gap between two words holds a dash with
// space on both sides: " – ", " — ", " - ".
func dashBetween(gap string) bool {
	for _, d := range []string{" – ", " — ", " - "} {
		if strings.Contains(gap, d) {
			return true
		}
	}
	return false
}

// endsDigit reports whether w ends with an ASCII digit.
func endsDigit(w string) bool { return w != "" && isDigit(w[len(w)-1]) }

// possessive reports whether the word that ends at byte end of text carries
// an English possessive 's ("this morning's", "Monday’s"), either as part of
// the word or right after it.
func possessive(text string, end int) bool {
	if end < 0 || end > len(text) {
		return false
	}
	for _, suffix := range []string{"'s", "\u2019s"} {
		if strings.HasSuffix(text[:end], suffix) {
			return true
		}
		if rest := text[end:]; strings.HasPrefix(rest, suffix) && (len(rest) == len(suffix) || !isWordByte(rest[len(suffix)])) {
			return true
		}
	}
	return false
}

// nounInside reports whether the word at byte at of text is capitalised
// like a German noun ("Ware", not "war" or "WAR") and is not the first word
// of its sentence, which starts at from: the goods, not the past tense.
func nounInside(text string, from, at int) bool {
	if at < from || at >= len(text) {
		return false
	}
	r1, n := utf8.DecodeRuneInString(text[at:])
	r2, _ := utf8.DecodeRuneInString(text[at+n:])
	if !unicode.IsUpper(r1) || !unicode.IsLower(r2) {
		return false
	}
	for _, r := range text[from:at] {
		if unicode.IsLetter(r) || unicode.IsNumber(r) {
			return true
		}
	}
	return false
}

// hasContact reports whether the document names a way to get help.
func (ev *evaluation) hasContact(r *rule) bool {
	a := ev.a
	// A help channel named on its own counts, unless its sentence is a
	// pitch ("in allen Filialen jedes zweite Eis gratis").
	for _, g := range r.cues {
		for _, hi := range a.groupHits[g] {
			s := a.tokens[a.hits[hi].tok].sentence
			pitch := false
			for _, ng := range r.not {
				if a.sentenceHas(ng, s, s) {
					pitch = true
					break
				}
			}
			if !pitch {
				return true
			}
		}
	}
	return len(ev.d.emails) > 0 || ev.hasHelpLink(r) || ev.hasPhone()
}

// hasPhone reports whether the message gives a phone number.
func (ev *evaluation) hasPhone() bool {
	return len(findPhones(ev.d.plainText[ev.d.Body:], 7)) > 0
}

// hasHelpLink reports whether the message links to a page that is not a
// shop: no Not word in the address, its sentence or the sentence before,
// and — when the rule names Links groups — a help word in the address or a
// link-context word in its sentence.
func (ev *evaluation) hasHelpLink(r *rule) bool {
	a := ev.a
	notTerms := ev.e.notTerms(r, ev.lang)
	// isShop and isHelp judge a link by its lower-cased address and the
	// index of its sentence (-1 when it lies outside every sentence).
	isShop := func(url string, s int32) bool {
		for _, t := range notTerms {
			if strings.Contains(url, t) {
				return true
			}
		}
		// A shop link often stands alone after the pitch ("… neue
		// Kollektion! 👉 shop.example"), so the sentence before counts too
		// — unless the address itself names a help page ("Card payments
		// in store work. Status: status.example.com").
		if helpURL(url) {
			return false
		}
		for _, g := range r.not {
			if s >= 0 && a.sentenceHas(g, max(s-1, 0), s) {
				return true
			}
		}
		return false
	}
	isHelp := func(url string, s int32) bool {
		if len(r.links) == 0 {
			return true
		}
		if helpURL(url) {
			return true
		}
		for _, g := range r.links {
			if s >= 0 && a.sentenceHas(g, s, s) {
				return true
			}
		}
		return false
	}
	for _, loc := range ev.d.links {
		url, s := strings.ToLower(ev.d.Raw[loc[0]:loc[1]]), ev.sentenceAt(loc[0])
		if !isShop(url, s) && isHelp(url, s) {
			return true
		}
	}
	return false
}

// helpURLWords in a web address mark it as a help or status page: help,
// status and news pages, the pages where people claim what they are owed,
// pages about a disruption (a strike, a notice, a closure, a timetable
// or replacement service) and journey planners.
var helpURLWords = []string{"status", "hilfe", "help", "support", "service", "kontakt", "contact", "info", "faq",
	"stoerung", "störung", "storung", "rueckruf", "rückruf", "recall", "update", "aktuell", "news", "notfall", "emergency", "incident",
	"claim", "refund", "repay", "compensation", "erstattung", "entschaedigung", "entschädigung",
	"notice", "hinweis", "warnung", "streik", "strike", "disruption", "ersatz", "baustelle", "fahrplan", "timetable",
	"sailing", "closure", "schliessung", "schließung", "planner", "planer"}

// helpURL reports whether a lower-cased web address holds a word of
// helpURLWords.
func helpURL(url string) bool {
	for _, w := range helpURLWords {
		if strings.Contains(url, w) {
			return true
		}
	}
	return false
}

func digits(s string) int {
	n := 0
	for i := 0; i < len(s); i++ {
		if s[i] >= '0' && s[i] <= '9' {
			n++
		}
	}
	return n
}

// notTerms returns the folded word parts of a rule's Not groups, for
// matching inside links; computed once per rule and language.
func (e *Engine) notTerms(r *rule, lang string) []string {
	e.notMu.Lock()
	defer e.notMu.Unlock()
	key := r.ID + "\x00" + lang
	if out, ok := e.notCache[key]; ok {
		return out
	}
	var out []string
	f := newFolder()
	for _, g := range r.Require.Not {
		for _, t := range e.pb.Lexicon[g][lang] {
			t = strings.Trim(t, "*")
			if !strings.Contains(t, " ") && len(t) >= 3 {
				out = append(out, f.fold(t))
			}
		}
	}
	if e.notCache == nil {
		e.notCache = map[string][]string{}
	}
	e.notCache[key] = out
	return out
}

func (ev *evaluation) require(r *rule) {
	if !ev.plan.required[r.idx] {
		return
	}
	switch r.Require.Element {
	case "next-update":
		if ev.ctx.Stage == "resolved" || ev.ctx.Stage == "followup" {
			return
		}
		if ev.hasNextUpdate(r) {
			return
		}
	case "contact":
		if ev.hasContact(r) {
			return
		}
	case "link":
		if ev.hasHelpLink(r) {
			return
		}
	case "phone":
		if ev.hasPhone() {
			return
		}
	}
	from, to := ev.firstLine()
	ev.add(r, from, to, "")
}

// firstLine spans the first non-empty line of the body, where a missing
// element is reported.
func (ev *evaluation) firstLine() (int, int) {
	body := ev.d.Raw[ev.d.Body:]
	off := ev.d.Body
	for len(body) > 0 {
		line, rest, _ := strings.Cut(body, "\n")
		if t := strings.TrimSpace(line); t != "" {
			lead := len(line) - len(strings.TrimLeft(line, " \t"))
			return off + lead, off + len(strings.TrimRight(line, " \t\r"))
		}
		off += len(line) + 1
		body = rest
	}
	return ev.d.Body, ev.d.Body
}

// Detected reports what the detectors find in a document regardless of
// channel requirements: whether it names the next update and a contact.
func (e *Engine) Detected(d *Document, ctx Context) (nextUpdate, contact bool) {
	ev := e.analyse(d, ctx)
	defer e.release(ev)
	for _, r := range e.rules {
		if r.k != kindRequire || !ev.applies(r) {
			continue
		}
		switch r.Require.Element {
		case "next-update":
			nextUpdate = nextUpdate || ev.hasNextUpdate(r)
		case "contact":
			contact = contact || ev.hasContact(r)
		}
	}
	return nextUpdate, contact
}

// Function words that tell German from English text.
var (
	deWords = map[string]bool{"der": true, "die": true, "das": true, "und": true, "ist": true, "nicht": true, "wir": true, "sie": true,
		"ihr": true, "ihre": true, "ihnen": true, "mit": true, "für": true, "auf": true, "bei": true, "ein": true, "eine": true, "zu": true,
		"den": true, "dem": true, "des": true, "von": true, "im": true, "uns": true, "bitte": true, "leider": true, "sind": true, "wird": true,
		"werden": true, "auch": true, "noch": true, "unsere": true, "unser": true, "heute": true, "um": true, "uhr": true, "es": true}
	enWords = map[string]bool{"the": true, "and": true, "is": true, "are": true, "not": true, "we": true, "you": true, "your": true,
		"with": true, "for": true, "on": true, "at": true, "a": true, "an": true, "to": true, "of": true, "in": true, "our": true,
		"please": true, "us": true, "will": true, "be": true, "this": true, "have": true, "has": true, "it": true, "today": true, "by": true}
)

// DetectLang guesses German or English from function words; fallback is
// used when the text gives no signal.
func DetectLang(a *analysis, fallback string) string {
	de, en := 0, 0
	for _, t := range a.tokens {
		de, en = scoreWord(t.folded, de, en)
	}
	return pickLang(de, en, fallback)
}

// langWords marks each function word of deWords (1) and enWords (2), so
// that a word costs one lookup in langSlots, built from it; langWordMax is
// the longest in bytes.
var langWords, langWordMax = func() (map[string]uint8, int) {
	m := make(map[string]uint8, len(deWords)+len(enWords))
	longest := 0
	for w := range deWords {
		m[w] |= 1
		longest = max(longest, len(w))
	}
	for w := range enWords {
		m[w] |= 2
		longest = max(longest, len(w))
	}
	return m, longest
}()

func scoreWord(w string, de, en int) (int, int) {
	if len(w) <= langWordMax {
		var k [8]byte
		copy(k[:], w)
		b := langLookup(binary.LittleEndian.Uint64(k[:]))
		de += int(b & 1)
		en += int(b >> 1)
	}
	for i := 0; i < len(w); i++ {
		if w[i] >= utf8.RuneSelf {
			if strings.ContainsAny(w[i:], "äöüß") {
				de++
			}
			break
		}
	}
	return de, en
}

func pickLang(de, en int, fallback string) string {
	switch {
	case de > en:
		return "de"
	case en > de:
		return "en"
	case fallback != "":
		return fallback
	}
	return "en"
}
