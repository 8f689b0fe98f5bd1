package channel

import (
	"math/bits"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
)

// PhoneE164 reads a phone number as written in a message and returns it in
// E.164 (+442079460000), national numbers taken as numbers of region (an
// ISO 3166 code such as DE or GB): in GB "020 7946 0000" and
// "+44 20 7946 0000" are the same number. It returns "" for what cannot be
// a number there: a length no number of its country has, a country code
// that does not exist, a national number in a region it does not know.
// ExtractFacts has no region and reads national numbers as German;
// congruence re-reads them with the playbook's region.
//
// The numbering data is libphonenumber's (phone_table.go, generated from
// github.com/nyaruka/phonenumbers), and the reading follows its Parse: the
// international prefix of the region (+, 00, 011 in North America, …), else
// the country code written without it where only that makes a valid number,
// else the region's own; the trunk prefix removed as the region's rule says
// (also after a country code, so "+49 (0)30 …" is read as dialled from
// abroad); the length checked against the country's possible lengths, as
// IsPossibleNumber does, except that a number dialled only within an area
// is none. Only digits, "+", spaces and - / . ( ) are read:
// letters (vanity numbers, "ext. 12") make the text no number. The library
// itself is not linked because its package init loads the metadata of every
// region, 29 ms at the start of every command; the tests check this reader
// against it.
func PhoneE164(raw, region string) string {
	// A tree repeats a few numbers (the hotline) many times: results are
	// kept, up to a bound.
	key := phoneKey{raw, region}
	if v, ok := phoneCache.Load(key); ok {
		return v.(string)
	}
	v := parsePhone(raw, region)
	if phoneCached.Add(1) <= maxPhoneCache {
		phoneCache.Store(key, v)
	}
	return v
}

type phoneKey struct{ raw, region string }

const maxPhoneCache = 4096

var (
	phoneCache  sync.Map // phoneKey → string
	phoneCached atomic.Int64
)

// phoneRegion is one region's numbering data, as phone_table.go holds it.
type phoneRegion struct {
	id        string // ISO 3166-1 code; "001" for a non-geographic country code
	cc        uint16 // country calling code
	idd       string // international call prefix: digits, or a pattern
	trunk     string // national (trunk) prefix as reading removes it: digits, or a pattern; "" none
	transform string // replacement for a trunk prefix match whose last group matched ("9$1")
	national  string // pattern of the national significant numbers
	lengths   uint32 // possible lengths of national significant numbers: bit n for n digits
	local     uint32 // lengths possible only when dialled within an area
}

// Limits of the national significant number and the input, as
// libphonenumber has them.
const (
	minNSN      = 2
	maxNSN      = 17
	maxPhoneLen = 250
)

// phoneRegexps are a region's patterns, compiled on first use: a command
// pays only for the regions it reads numbers of.
type phoneRegexps struct {
	once                 sync.Once
	idd, trunk, national *regexp.Regexp // idd and trunk nil when they are plain digits
}

var phoneCompiled [len(phoneRegions)]phoneRegexps

func regexpsOf(i int) *phoneRegexps {
	rx := &phoneCompiled[i]
	rx.once.Do(func() {
		r := &phoneRegions[i]
		if !allDigits(r.idd) {
			rx.idd = regexp.MustCompile("^(?:" + r.idd + ")")
		}
		if r.trunk != "" && (!allDigits(r.trunk) || r.transform != "") {
			rx.trunk = regexp.MustCompile("^(?:" + r.trunk + ")")
		}
		rx.national = regexp.MustCompile("^(?:" + r.national + ")$")
	})
	return rx
}

func allDigits(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return s != ""
}

// regionIndex returns the index of region in phoneRegions, or -1.
func regionIndex(region string) int {
	region = strings.ToUpper(region)
	if region == "001" {
		return -1 // not a region one dials from
	}
	i := sort.Search(len(phoneRegions), func(i int) bool { return phoneRegions[i].id >= region })
	if i < len(phoneRegions) && phoneRegions[i].id == region {
		return i
	}
	return -1
}

// mainRegion returns the index of the region whose data numbers with
// country code cc are read by, or -1 for no such code.
func mainRegion(cc int) int {
	if cc <= 0 || cc >= len(phoneCodes) {
		return -1
	}
	return int(phoneCodes[cc]) - 1
}

func parsePhone(raw, region string) string {
	if len(raw) > maxPhoneLen {
		return ""
	}
	for i := 0; i < len(raw); i++ {
		switch c := raw[i]; {
		case c >= '0' && c <= '9', c == '+', c == ' ', c == '-', c == '/', c == '.', c == '(', c == ')':
		default:
			return ""
		}
	}
	// The number starts at its first digit or plus: two digits, or pluses
	// and then at least three digits among punctuation.
	start := strings.IndexAny(raw, "+0123456789")
	if start < 0 {
		return ""
	}
	s := raw[start:]
	body := strings.TrimLeft(s, "+")
	if !(len(s) == 2 && allDigits(s)) && (strings.Contains(body, "+") || countDigits(body) < 3) {
		return ""
	}
	ri := regionIndex(region)
	if ri < 0 && body == s {
		return "" // a national number of an unknown region
	}

	cc, nsn, err := countryCode(s, ri)
	if err == errPhoneCountryCode && body != s {
		// What follows the plus may itself start with the international
		// prefix ("+0049 …") or the region's country code.
		cc, nsn, err = countryCode(body, ri)
		if err == nil && cc == 0 {
			err = errPhoneCountryCode
		}
	}
	if err != nil {
		return ""
	}
	mi := ri // the region whose data reads the national number
	if cc != 0 {
		mi = mainRegion(cc)
	} else {
		nsn = digitsOf(s)
		cc = int(phoneRegions[ri].cc)
	}
	if len(nsn) < minNSN {
		return ""
	}
	// The trunk prefix is removed if what is left has a length numbers of
	// the region have: otherwise the digits may be a short number.
	if n := stripTrunk(mi, nsn); lengthOK(n, mi) {
		nsn = n
	}
	if len(nsn) < minNSN || len(nsn) > maxNSN {
		return ""
	}
	// A length dialled only within an area (a subscriber number without
	// its area code) is possible for libphonenumber, but it has no E.164
	// form: "7946 0000" in GB is not +4479460000.
	if main := mainRegion(cc); phoneRegions[main].national != "" && testLength(nsn, main) != lengthPossible {
		return ""
	}
	return "+" + strconv.Itoa(cc) + nsn
}

type phoneError string

func (e phoneError) Error() string { return string(e) }

const (
	errPhoneCountryCode phoneError = "no such country code"
	errPhoneTooShort    phoneError = "too short after the international prefix"
)

// countryCode reads the country code of number (no leading punctuation;
// pluses, if any, first) in region ri (-1 for none): after a plus or the
// region's international prefix, it must be there; else it is taken when
// number starts with the region's own code and only without it is a valid
// national number (or the whole is too long for one). It returns 0 and ""
// for a national number, else the code and the digits after it.
func countryCode(number string, ri int) (int, string, error) {
	if number == "" {
		return 0, "", nil
	}
	var digits string
	intl := false
	if number[0] == '+' {
		digits, intl = digitsOf(strings.TrimLeft(number, "+")), true
	} else {
		digits = digitsOf(number)
		// The international prefix counts only if a country code can
		// follow it: none starts with 0.
		if n := iddLen(digits, ri); n >= 0 && (n == len(digits) || digits[n] != '0') {
			digits, intl = digits[n:], true
		}
	}
	if intl {
		if len(digits) <= minNSN {
			return 0, "", errPhoneTooShort
		}
		if digits[0] != '0' {
			for n := 1; n <= 3 && n <= len(digits); n++ {
				cc, _ := strconv.Atoi(digits[:n])
				if mainRegion(cc) >= 0 {
					return cc, digits[n:], nil
				}
			}
		}
		return 0, "", errPhoneCountryCode
	}
	if ri < 0 {
		return 0, "", nil
	}
	own := strconv.Itoa(int(phoneRegions[ri].cc))
	if rest, ok := strings.CutPrefix(digits, own); ok {
		rest = stripTrunk(ri, rest)
		national := regexpsOf(ri).national
		if (!national.MatchString(digits) && national.MatchString(rest)) || testLength(digits, ri) == lengthTooLong {
			return int(phoneRegions[ri].cc), rest, nil
		}
	}
	return 0, "", nil
}

// iddLen returns the length of region ri's international prefix at the
// start of digits, or -1.
func iddLen(digits string, ri int) int {
	if ri < 0 {
		return -1
	}
	r := &phoneRegions[ri]
	if allDigits(r.idd) {
		if strings.HasPrefix(digits, r.idd) {
			return len(r.idd)
		}
		return -1
	}
	if m := regexpsOf(ri).idd.FindStringIndex(digits); m != nil {
		return m[1]
	}
	return -1
}

// stripTrunk removes region ri's trunk prefix from the start of the national
// number, rewritten where the region's rule says so, unless number is a
// valid national number and the rest is not.
func stripTrunk(ri int, number string) string {
	r := &phoneRegions[ri]
	if number == "" || r.trunk == "" {
		return number
	}
	rx := regexpsOf(ri)
	var m []int
	if rx.trunk == nil {
		if !strings.HasPrefix(number, r.trunk) {
			return number
		}
		m = []int{0, len(r.trunk)}
	} else if m = rx.trunk.FindStringSubmatchIndex(number); m == nil {
		return number
	}
	viable := rx.national.MatchString(number)
	rest := number[m[1]:]
	if last := len(m) - 2; r.transform != "" && m[last] >= 0 {
		rest = rx.trunk.ReplaceAllString(number, r.transform)
	}
	if viable && !rx.national.MatchString(rest) {
		return number
	}
	return rest
}

type lengthResult int

const (
	lengthPossible lengthResult = iota
	lengthLocalOnly
	lengthTooShort
	lengthTooLong
	lengthInvalid
)

// testLength judges the length of a national significant number in region
// ri, as libphonenumber's testNumberLength does for a number of unknown type.
func testLength(nsn string, ri int) lengthResult {
	r := &phoneRegions[ri]
	if r.lengths == 0 {
		return lengthInvalid
	}
	n := len(nsn)
	if n < 32 && r.local&(1<<n) != 0 {
		return lengthLocalOnly
	}
	switch lo, hi := bits.TrailingZeros32(r.lengths), bits.Len32(r.lengths)-1; {
	case n < lo:
		return lengthTooShort
	case n > hi:
		return lengthTooLong
	case r.lengths&(1<<n) != 0:
		return lengthPossible
	}
	return lengthInvalid
}

// lengthOK reports whether a number left after the trunk prefix has a
// length the region's numbers have (dialled from anywhere in it) or that is
// too long to be a short number.
func lengthOK(nsn string, ri int) bool {
	l := testLength(nsn, ri)
	return l == lengthPossible || l == lengthTooLong
}

func countDigits(s string) int {
	n := 0
	for i := 0; i < len(s); i++ {
		if s[i] >= '0' && s[i] <= '9' {
			n++
		}
	}
	return n
}

func digitsOf(s string) string {
	if allDigits(s) {
		return s
	}
	b := make([]byte, 0, len(s))
	for i := 0; i < len(s); i++ {
		if s[i] >= '0' && s[i] <= '9' {
			b = append(b, s[i])
		}
	}
	return string(b)
}
