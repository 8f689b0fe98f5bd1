package channel

import (
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Role is what a fact stands for in a message: the time of the next update,
// when the disruption began, when it is expected to end, the hotline …
// Congruence compares facts of the same role only, so that a start time in
// one message is never held against the next update in another.
type Role uint8

// The roles, in the order Congruence reports them. RoleNone is a fact whose
// role the text does not make clear; it is not compared.
const (
	RoleNone Role = iota
	RoleNextUpdate
	RoleStart
	RoleEnd
	RoleHotline
	RoleEmail
	RoleURL
	RoleRefund
	RoleFee
	numRoles
)

var roleIDs = [numRoles]string{"", "next-update", "start", "end", "hotline", "email", "url", "refund", "fee"}

// String returns the role's id: next-update, start, end, hotline, email,
// url, refund, fee ("" for RoleNone).
func (r Role) String() string {
	if r < numRoles {
		return roleIDs[r]
	}
	return ""
}

// Severe reports whether two values of the role that differ within one
// update are an error rather than a warning: a wrong next update, number,
// address or link sends people to the wrong place or time, while a start,
// end or amount that differs is more often a rounding than a contradiction.
func (r Role) Severe() bool {
	return r == RoleNextUpdate || r == RoleHotline || r == RoleEmail || r == RoleURL
}

// ValueOpen is the value of an end "until further notice" ("bis auf
// Weiteres"): a fact of kind time and role end, which differs from any
// expected end at a time.
const ValueOpen = "open"

// RoleForKey returns the role of the facts in the value of a facts.yaml
// key: next_update, eta, hotline, email and landing_page name theirs; a
// scenario's own keys name theirs by word (refund, fee, since …).
// RoleNone means the role is read from the cue words of the value.
func RoleForKey(key string) Role {
	switch strings.ToLower(key) {
	case "next_update":
		return RoleNextUpdate
	case "eta", "end", "until", "bis", "ende":
		return RoleEnd
	case "since", "start", "started", "seit", "beginn", "begin":
		return RoleStart
	case "hotline", "phone", "telefon":
		return RoleHotline
	case "email", "e-mail", "mail":
		return RoleEmail
	case "landing_page", "url", "link", "status_page":
		return RoleURL
	case "refund", "compensation", "erstattung", "entschaedigung", "entschädigung", "gutschrift":
		return RoleRefund
	case "fee", "gebuehr", "gebühr", "charge":
		return RoleFee
	}
	return RoleNone
}

// AssignRoles sets the Role of each fact of text (as ExtractFacts returns
// them, in offset order) from the words around it, and adds a fact of kind
// time, value ValueOpen and role end for every "bis auf Weiteres" or "until
// further notice". Facts of a kind that has one role (phone numbers that
// are no fax, e-mail addresses, links) get it; a time, date or amount gets
// the role its cue words give — "seit 7:40" is a start, "voraussichtlich
// bis 14 Uhr" and "expected back by 2 pm" an end, "nächstes Update um 15
// Uhr" and "we will update you at 3 pm" the next update, "Erstattung von
// 20 €" a refund — and none when nothing says (see the package
// documentation). When def is not RoleNone, every fact whose kind fits def
// gets it (the facts of a facts.yaml key). The result is in offset order.
func AssignRoles(text string, facts []Fact, def Role) []Fact {
	for i := range facts {
		facts[i].Role = roleOf(text, facts, i, def)
	}
	for _, open := range openEnds(text) {
		f := Fact{Kind: FactTime, Value: ValueOpen, Raw: text[open[0]:open[1]], Offset: open[0], End: open[1], Role: RoleEnd}
		k := len(facts)
		for k > 0 && facts[k-1].Offset > f.Offset {
			k--
		}
		if k > 0 && facts[k-1].End > f.Offset {
			continue // inside another fact
		}
		facts = append(facts, Fact{})
		copy(facts[k+1:], facts[k:])
		facts[k] = f
	}
	return facts
}

// fits reports whether a fact of kind can have role r.
func fits(kind string, r Role) bool {
	switch r {
	case RoleNextUpdate, RoleStart, RoleEnd:
		return kind == FactTime || kind == FactDate
	case RoleHotline:
		return kind == FactPhone
	case RoleEmail:
		return kind == FactEmail
	case RoleURL:
		return kind == FactURL
	case RoleRefund, RoleFee:
		return kind == FactAmount
	}
	return false
}

func roleOf(text string, facts []Fact, i int, def Role) Role {
	f := facts[i]
	if def != RoleNone && fits(f.Kind, def) {
		return def
	}
	switch f.Kind {
	case FactEmail:
		return RoleEmail
	case FactURL:
		return RoleURL
	case FactPhone:
		// A fax number is no hotline.
		before := strings.ToLower(text[max(0, f.Offset-24):f.Offset])
		if strings.Contains(before, "fax") {
			return RoleNone
		}
		return RoleHotline
	case FactAmount:
		return amountRole(text, facts, i)
	case FactTime, FactDate:
		return timeRole(text, facts, i)
	}
	return RoleNone
}

// A cue is a word that says what role a time or amount near it has.
type cue uint8

const (
	cueNone   cue = iota
	cueNext       // update, melden, inform …: the next update
	cueStart      // seit, since, began …
	cueEnd        // voraussichtlich, expected, behoben, restored …: the (expected) end
	cueUntil      // bis, until, by, voraussichtlich, expected: an end, unless the clause is about the next update or opening hours
	cueHours      // hotline, erreichbar, geöffnet, daily …: opening hours, no role
	cueAgain      // wieder, erneut, again, back: "wieder seit 13:15" may be up again or down again
	cueRefund     // erstatten, Gutschrift, refund …
	cueFee        // Gebühr, kostet, fee …
)

// cueWords are matched against whole lower-case words, cuePrefixes
// against their beginning (inflections: "Updates", "informieren") and
// cueParts anywhere in them (German compounds: "Bearbeitungsgebühr",
// "Rückerstattung", "Statusupdate").
var cueWords = map[string]cue{
	"seit": cueStart, "since": cueStart, "begann": cueStart, "began": cueStart, "started": cueStart,
	"bis": cueUntil, "until": cueUntil, "till": cueUntil, "by": cueUntil, "spätestens": cueUntil,
	"expect": cueUntil, "expected": cueUntil, "estimated": cueUntil,
	"eta": cueEnd, "restored": cueEnd, "resolved": cueEnd,
	"fixed": cueEnd, "behoben": cueEnd, "dauert": cueEnd,
	"wieder": cueAgain, "erneut": cueAgain, "again": cueAgain, "back": cueAgain,
	"hear": cueNext, "touch": cueNext, "inform": cueNext,
	"daily": cueHours, "täglich": cueHours, "open": cueHours, "opening": cueHours, "erreichbar": cueHours,
	"geöffnet": cueHours, "hotline": cueHours, "weekdays": cueHours, "werktags": cueHours,
	"zurück": cueRefund, "credit": cueRefund, "credited": cueRefund,
	"kostet": cueFee, "kosten": cueFee, "costs": cueFee, "cost": cueFee, "charge": cueFee, "charged": cueFee,
	"preis": cueFee, "price": cueFee,
}

var cuePrefixes = []struct {
	prefix string
	cue    cue
}{
	{"melde", cueNext}, {"informier", cueNext}, {"beginn", cueStart}, {"voraussicht", cueUntil},
	{"wiederhergestellt", cueEnd}, {"gutgeschrieben", cueRefund}, {"refund", cueRefund},
	{"reimburs", cueRefund}, {"compensat", cueRefund}, {"fee", cueFee}, {"surcharge", cueFee},
}

var cueParts = []struct {
	part string
	cue  cue
}{
	{"update", cueNext}, {"aktualisierung", cueNext}, {"lagebericht", cueNext},
	{"erstatt", cueRefund}, {"gutschrift", cueRefund}, {"entschädig", cueRefund},
	{"gebühr", cueFee}, {"aufpreis", cueFee}, {"entgelt", cueFee},
	{"öffnungszeit", cueHours}, {"sprechzeit", cueHours},
}

func cueOf(word string) cue {
	if c, ok := cueWords[word]; ok {
		return c
	}
	for _, p := range cuePrefixes {
		if strings.HasPrefix(word, p.prefix) {
			return p.cue
		}
	}
	for _, p := range cueParts {
		if strings.Contains(word, p.part) {
			return p.cue
		}
	}
	return cueNone
}

// maxCueDistance is how many words a cue may stand from the time it gives
// a role: "wir möchten Sie über den aktuellen Stand informieren: Rückruf
// Haferriegel, MHD 14.03.2027" informs about the news, not about a next
// update on the 14th of March.
const maxCueDistance = 5

// cueAt is the cue of words[k] (cues[k], its cueOf), reading "nächsten
// Stand" and "nächste Meldung" as a next update too.
func cueAt(words []string, cues []cue, k int) cue {
	c := cues[k]
	if c == cueNone && k > 0 && strings.HasPrefix(words[k-1], "nächst") {
		switch {
		case words[k] == "stand", strings.HasPrefix(words[k], "information"), strings.HasPrefix(words[k], "meldung"),
			strings.HasPrefix(words[k], "nachricht"):
			return cueNext
		}
	}
	return c
}

// cuesOf appends the cueOf of every word to dst.
func cuesOf(dst []cue, words []string) []cue {
	for _, w := range words {
		dst = append(dst, cueOf(w))
	}
	return dst
}

// cueWordsOf returns the lower-case words of s (letters only), in order.
func cueWordsOf(s string) []string { return appendCueWords(nil, s) }

// appendCueWords appends the lower-case words of s (letters only) to dst.
func appendCueWords(dst []string, s string) []string {
	start := -1
	for i, r := range s {
		letter := unicode.IsLetter(r)
		if letter && start < 0 {
			start = i
		}
		if !letter && start >= 0 {
			dst = append(dst, strings.ToLower(s[start:i]))
			start = -1
		}
	}
	if start >= 0 {
		dst = append(dst, strings.ToLower(s[start:]))
	}
	return dst
}

// clauseStart and clauseEnd bound the clause around text[from:to]: a
// sentence end (". ", "! ", "? "), a semicolon or a line break; the
// window is at most maxCueWindow bytes either side.
const maxCueWindow = 100

func clauseStart(text string, from int) int {
	lo := max(0, from-maxCueWindow)
	for i := from - 1; i >= lo; i-- {
		switch text[i] {
		case '\n', ';':
			return i + 1
		case ' ', '\t', '\r':
			if i > 0 && (text[i-1] == '.' || text[i-1] == '!' || text[i-1] == '?') {
				return i
			}
		}
	}
	return startOfRune(text, lo)
}

func clauseEnd(text string, to int, comma bool) int {
	hi := min(len(text), to+maxCueWindow)
	for i := to; i < hi; i++ {
		switch text[i] {
		case '\n', ';':
			return i
		case ',':
			if comma {
				return i
			}
		case '.', '!', '?':
			if i+1 == len(text) || text[i+1] == ' ' || text[i+1] == '\n' || text[i+1] == '\r' {
				return i
			}
		}
	}
	for hi < len(text) && !utf8.RuneStart(text[hi]) {
		hi--
	}
	return hi
}

func startOfRune(s string, i int) int {
	for i < len(s) && !utf8.RuneStart(s[i]) {
		i++
	}
	return i
}

// timeRole reads the role of the time or date facts[i] from its clause:
// the nearest cue before it decides ("bis" defers to a next-update or
// opening-hours cue further back), then the nearest after it ("um 9 Uhr
// melden wir uns"); a start with "wieder"/"again" is left open, and a time
// right after another ("am 23.11., 14 Uhr") shares its role.
func timeRole(text string, facts []Fact, i int) Role {
	f := facts[i]
	lo := clauseStart(text, f.Offset)
	prev := -1 // the time or date before f in its clause
	for k := i - 1; k >= 0; k-- {
		if facts[k].End <= lo {
			break
		}
		if (facts[k].Kind == FactTime || facts[k].Kind == FactDate) && facts[k].End <= f.Offset {
			prev = k
			lo = max(lo, facts[k].End)
			break
		}
	}
	hi := clauseEnd(text, f.End, true)
	for k := i + 1; k < len(facts); k++ {
		if facts[k].Offset >= hi {
			break
		}
		if facts[k].Kind == FactTime || facts[k].Kind == FactDate {
			hi = facts[k].Offset
			break
		}
	}
	var wordBuf [2][24]string
	var cueBuf [2][24]cue
	before := appendCueWords(wordBuf[0][:0], text[lo:f.Offset])
	after := appendCueWords(wordBuf[1][:0], text[f.End:hi])
	beforeCues, afterCues := cuesOf(cueBuf[0][:0], before), cuesOf(cueBuf[1][:0], after)
	again := slices.Contains(beforeCues, cueAgain) || slices.Contains(afterCues, cueAgain)
	until := false
	for k := len(before) - 1; k >= max(0, len(before)-maxCueDistance); k-- {
		switch cueAt(before, beforeCues, k) {
		case cueNext:
			return RoleNextUpdate
		case cueStart:
			if again {
				return RoleNone
			}
			if until {
				return RoleEnd // "seit 7 bis 9 Uhr"
			}
			return RoleStart
		case cueEnd:
			return RoleEnd
		case cueHours:
			return RoleNone
		case cueUntil:
			until = true
		}
	}
	if until {
		return RoleEnd
	}
	for k := range min(len(after), maxCueDistance) {
		switch cueAt(after, afterCues, k) {
		case cueNext:
			return RoleNextUpdate
		case cueEnd:
			return RoleEnd
		case cueStart:
			if again {
				return RoleNone
			}
			return RoleStart
		case cueHours:
			return RoleNone
		}
	}
	if prev >= 0 && len(before) <= 1 && (len(before) == 0 || before[0] == "um" || before[0] == "at" || before[0] == "gegen" || before[0] == "ab") {
		return facts[prev].Role
	}
	return RoleNone
}

// amountRole reads the role of the amount facts[i]: the nearest refund or
// fee cue before it in its clause, else the nearest after it.
func amountRole(text string, facts []Fact, i int) Role {
	f := facts[i]
	lo := clauseStart(text, f.Offset)
	for k := i - 1; k >= 0; k-- {
		if facts[k].Kind == FactAmount && facts[k].End <= f.Offset {
			lo = max(lo, facts[k].End)
			break
		}
	}
	hi := clauseEnd(text, f.End, true)
	for k := i + 1; k < len(facts); k++ {
		if facts[k].Kind == FactAmount {
			hi = min(hi, facts[k].Offset)
			break
		}
	}
	before := cueWordsOf(text[lo:f.Offset])
	for k := len(before) - 1; k >= 0; k-- {
		switch cueOf(before[k]) {
		case cueRefund:
			return RoleRefund
		case cueFee:
			return RoleFee
		}
	}
	for _, w := range cueWordsOf(text[f.End:max(f.End, hi)]) {
		switch cueOf(w) {
		case cueRefund:
			return RoleRefund
		case cueFee:
			return RoleFee
		}
	}
	return RoleNone
}

// openPhrases end a disruption at no known time.
var openPhrases = []string{"bis auf weiteres", "until further notice", "bis auf unbestimmte zeit"}

// openEnds returns the byte spans of the phrases of openPhrases in text,
// matched without regard to case, in order.
func openEnds(text string) [][2]int {
	// Every phrase holds "auf weitere", "auf unbe" or "notice", letters
	// that only their own capitals fold to: a text without any of them
	// has none, and most texts need not be lower-cased.
	if !mayHoldOpenEnd(text) {
		return nil
	}
	return findOpenEnds(text)
}

// findOpenEnds is openEnds without the quick check.
func findOpenEnds(text string) [][2]int {
	var out [][2]int
	lower := strings.ToLower(text)
	if len(lower) != len(text) {
		// Lower-casing changed byte lengths (rare letters): match the
		// ASCII-folded text only where it lines up.
		return openEndsSlow(text)
	}
	for _, p := range openPhrases {
		for from := 0; ; {
			k := strings.Index(lower[from:], p)
			if k < 0 {
				break
			}
			s := from + k
			out = append(out, [2]int{s, s + len(p)})
			from = s + len(p)
		}
	}
	sortSpans(out)
	return out
}

// mayHoldOpenEnd reports whether text holds "auf weitere", "auf unbe" or
// "notice" in any mix of ASCII capitals and small letters, in one pass.
func mayHoldOpenEnd(text string) bool {
	for i := 0; i < len(text); i++ {
		switch text[i] | 0x20 {
		case 'a':
			if hasFoldASCII(text[i:], "auf weitere") || hasFoldASCII(text[i:], "auf unbe") {
				return true
			}
		case 'n':
			if hasFoldASCII(text[i:], "notice") {
				return true
			}
		}
	}
	return false
}

// hasFoldASCII reports whether text starts with word, a lower-case ASCII
// word, in any mix of ASCII capitals and small letters.
func hasFoldASCII(text, word string) bool {
	if len(text) < len(word) {
		return false
	}
	for j := 0; j < len(word); j++ {
		if text[j]|0x20 != word[j] {
			return false
		}
	}
	return true
}

func openEndsSlow(text string) [][2]int {
	var out [][2]int
	for _, p := range openPhrases {
		for i := 0; i+len(p) <= len(text); i++ {
			if strings.EqualFold(text[i:i+len(p)], p) {
				out = append(out, [2]int{i, i + len(p)})
				i += len(p) - 1
			}
		}
	}
	sortSpans(out)
	return out
}

func sortSpans(s [][2]int) {
	for i := 1; i < len(s); i++ {
		for k := i; k > 0 && s[k][0] < s[k-1][0]; k-- {
			s[k], s[k-1] = s[k-1], s[k]
		}
	}
}
