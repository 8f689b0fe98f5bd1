package channel

import (
	"unicode"
	"unicode/utf16"
	"unicode/utf8"
)

// SMS encodings as reported in SMSStats.Encoding.
const (
	EncodingGSM7 = "GSM-7"
	EncodingUCS2 = "UCS-2"
)

// Payload sizes of one SMS (140 octets) per 3GPP TS 23.038 and TS 23.040:
// 160 septets or 70 UTF-16 code units on their own, and 153 or 67 per part
// once the 6-octet concatenation header takes its share.
const (
	gsmSingle  = 160
	gsmMulti   = 153
	ucs2Single = 70
	ucs2Multi  = 67
)

// SMSStats is how an SMS gateway would send a text.
type SMSStats struct {
	// Encoding is EncodingGSM7 or EncodingUCS2.
	Encoding string `json:"encoding"`
	// Segments is the number of SMS the text is split into; 0 for empty text.
	Segments int `json:"segments"`
	// Units is the length in septets (GSM-7, where characters of the
	// extension table count 2) or in UTF-16 code units (UCS-2, where
	// characters outside the Basic Multilingual Plane, such as most emoji,
	// count 2).
	Units int `json:"-"`
}

// gsmBasic is the GSM 03.38 default alphabet, in table order. 0x1B (escape)
// is left out because it only introduces the extension table.
var gsmBasic = []rune("@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?" +
	"¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà")

// gsmExtension holds the characters of the GSM 03.38 extension table; each
// is sent as escape + code and so takes two septets.
var gsmExtension = []rune("\f^{}\\[~]|€")

// gsmLow holds the septet count of each rune below len(gsmLow), 0 for one
// that is not GSM-7; gsmHigh holds the few GSM-7 runes above (€).
var gsmLow, gsmHigh = func() (low [0x400]int8, high map[rune]int8) {
	high = map[rune]int8{}
	set := func(r rune, n int8) {
		if r < rune(len(low)) {
			low[r] = n
		} else {
			high[r] = n
		}
	}
	for _, r := range gsmBasic {
		set(r, 1)
	}
	for _, r := range gsmExtension {
		set(r, 2)
	}
	return low, high
}()

// septets returns how many septets r takes in GSM-7, or 0 if it cannot be
// sent in GSM-7.
func septets(r rune) int {
	if uint32(r) < uint32(len(gsmLow)) {
		return int(gsmLow[r])
	}
	if r == '€' {
		return 2
	}
	return int(gsmHigh[r])
}

// isGSM reports whether every rune of text is in the basic or extension
// table. Invalid UTF-8 decodes to U+FFFD, which is not, so such text counts
// as UCS-2.
func isGSM(text string) bool {
	for i := 0; i < len(text); {
		if c := text[i]; c < utf8.RuneSelf {
			if gsmLow[c] == 0 {
				return false
			}
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(text[i:])
		if septets(r) == 0 {
			return false
		}
		i += size
	}
	return true
}

// smsUnits returns the size of r in the given encoding.
func smsUnits(r rune, gsm bool) int {
	if gsm {
		return septets(r)
	}
	if n := utf16.RuneLen(r); n > 0 {
		return n
	}
	return 1
}

// SMS counts text the way a sending gateway does. Segments are counted by
// packing characters greedily, because an escape pair or a surrogate pair is
// never split across two parts, so a multipart message can hold fewer than
// 153 septets or 67 code units per part.
//
// One pass counts both septets and UTF-16 code units. When every character
// takes one unit (no extension character in GSM-7, no surrogate pair in
// UCS-2), greedy packing fills every part, and the segments are counted by
// division.
func SMS(text string) SMSStats {
	gsm, wide := true, false
	sept, ucs := 0, 0
	for i := 0; i < len(text); {
		if c := text[i]; c < utf8.RuneSelf {
			s := int(gsmLow[c])
			if s == 0 {
				gsm = false
			}
			sept += s
			ucs++
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(text[i:])
		i += size
		if r > 0xFFFF {
			ucs += 2
			wide = true
		} else {
			ucs++
		}
		if gsm {
			s := septets(r)
			if s == 0 {
				gsm = false
			}
			sept += s
		}
	}
	st := SMSStats{Encoding: EncodingUCS2, Units: ucs}
	single, multi, uneven := ucs2Single, ucs2Multi, wide
	if gsm {
		// Every GSM-7 rune is in the BMP, so ucs counts the runes.
		st.Encoding, st.Units = EncodingGSM7, sept
		single, multi, uneven = gsmSingle, gsmMulti, sept > ucs
	}
	switch {
	case st.Units == 0:
		st.Segments = 0
	case st.Units <= single:
		st.Segments = 1
	case !uneven:
		st.Segments = (st.Units + multi - 1) / multi
	default:
		used := 0
		st.Segments = 1
		for _, r := range text {
			u := smsUnits(r, gsm)
			if used+u > multi {
				st.Segments++
				used = 0
			}
			used += u
		}
	}
	return st
}

// smsFit returns the byte offset of the first character that does not fit
// into limit segments, and how many units fit before it. It is only
// meaningful when the text needs more than limit segments.
func smsFit(text string, limit int) (offset, fit int) {
	gsm := isGSM(text)
	single, multi := ucs2Single, ucs2Multi
	if gsm {
		single, multi = gsmSingle, gsmMulti
	}
	if limit <= 1 {
		for i, r := range text {
			u := smsUnits(r, gsm)
			if fit+u > single {
				return i, fit
			}
			fit += u
		}
		return len(text), fit
	}
	seg, used := 1, 0
	for i, r := range text {
		u := smsUnits(r, gsm)
		if used+u > multi {
			seg++
			used = 0
			if seg > limit {
				return i, fit
			}
		}
		used += u
		fit += u
	}
	return len(text), fit
}

// Culprit is a character that forces an SMS into UCS-2.
type Culprit struct {
	Rune rune
	// Offset is the byte offset of the character in the text.
	Offset int
	// Replacement is the obvious GSM-7 stand-in, such as " for „, or ""
	// when there is none (emoji, CJK, most accented letters).
	Replacement string
}

// gsmReplacements are stand-ins that keep the meaning: typographic
// punctuation and special spaces typed by word processors and phones.
var gsmReplacements = map[rune]string{
	'„': `"`, '“': `"`, '”': `"`, '‟': `"`, '«': `"`, '»': `"`, '″': `"`,
	'‚': "'", '‘': "'", '’': "'", '‛': "'", '′': "'", '‹': "'", '›': "'", '`': "'", '´': "'",
	'–': "-", '—': "-", '‒': "-", '―': "-", '−': "-", '‐': "-", '‑': "-",
	'…':      "...",
	'\u00a0': " ", '\u2002': " ", '\u2003': " ", '\u2004': " ", '\u2005': " ",
	'\u2006': " ", '\u2007': " ", '\u2008': " ", '\u2009': " ", '\u200a': " ",
	'\u202f': " ", '\u205f': " ", '\u3000': " ",
	'\t': " ",
}

// invisible reports whether r is a format character (zero-width space, soft
// hyphen, byte order mark …) that can simply be deleted.
func invisible(r rune) bool {
	return unicode.Is(unicode.Cf, r)
}

// UCS2Culprits lists, in order, every character of text that is in neither
// GSM 03.38 table. It returns nil when the text can be sent as GSM-7.
func UCS2Culprits(text string) []Culprit {
	var out []Culprit
	for i, r := range text {
		if septets(r) != 0 {
			continue
		}
		out = append(out, Culprit{Rune: r, Offset: i, Replacement: gsmReplacements[r]})
	}
	return out
}
