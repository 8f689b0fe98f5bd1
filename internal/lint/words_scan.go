package lint

import (
	"unicode/utf8"

	"github.com/clipperhouse/uax29/v2/words"
)

// The word segmenter of tokenize. Messages are written almost entirely in
// ASCII, Latin letters and the usual punctuation; for those characters the
// UAX #29 word boundaries (Unicode 17, as implemented by
// github.com/clipperhouse/uax29/v2) reduce to a few rules that scanWords
// applies directly. As soon as it meets any other character it gives up,
// and the whole text goes to the uax29 iterator instead.
//
// Only words, segments that hold a letter or digit, are reported. Within
// the characters handled here a word starts at an ALetter, Numeric or
// ExtendNumLet and runs on over these (WB5, WB8–WB10, WB13a/b) and over a
// MidLetter or MidNumLet between two ALetters (WB6/7) or a MidNum or
// MidNumLet between two Numerics (WB11/12). Every other character handled
// here (spaces, line breaks, quotation marks, dashes, symbols, pictographs)
// ends a word and starts none: the rules that join such characters (WB3
// CR×LF, WB3d runs of spaces) join nothing that holds a letter or digit.
// Extend, Format and ZWJ (WB4, WB3c), Regional_Indicator (WB15/16),
// Hebrew_Letter (WB7a–c) and Katakana (WB13) are left to uax29.

// Word-break classes of the characters scanWords handles.
const (
	wbOther     uint8 = iota // breaks before and after (XX, spaces, newlines, quotes …)
	wbALetter                // ALetter
	wbNumeric                // Numeric
	wbExtendNum              // ExtendNumLet
	wbMidLetter              // MidLetter
	wbMidNum                 // MidNum
	wbMidNumLet              // MidNumLet or Single_Quote (only Hebrew tells them apart)
	wbBail                   // not handled: segment with uax29
)

// Flags of wbByte.
const (
	wbWord      uint8 = 0x80 // an ASCII ALetter, Numeric or ExtendNumLet
	wbSkip      uint8 = 0x40 // an ASCII character that starts no word
	wbClassMask       = 0x0F
)

// wbByte holds the class and flags of every ASCII character; bytes from
// 0x80 up start or continue a longer UTF-8 sequence and hold wbBail.
var wbByte [256]uint8

// wbLatin holds the classes of U+0080 to U+024F: Latin-1 Supplement and
// Latin Extended-A and -B.
var wbLatin [0x250 - 0x80]uint8

// wbPunct holds the classes of General Punctuation, U+2000 to U+206F.
var wbPunct [0x70]uint8

func init() {
	for c := range wbByte {
		switch {
		case c >= utf8.RuneSelf:
			wbByte[c] = wbBail
		case 'a' <= c && c <= 'z', 'A' <= c && c <= 'Z':
			wbByte[c] = wbALetter | wbWord
		case '0' <= c && c <= '9':
			wbByte[c] = wbNumeric | wbWord
		case c == '_':
			wbByte[c] = wbExtendNum | wbWord
		case c == ':':
			wbByte[c] = wbMidLetter | wbSkip
		case c == ',' || c == ';':
			wbByte[c] = wbMidNum | wbSkip
		case c == '.' || c == '\'':
			wbByte[c] = wbMidNumLet | wbSkip
		default:
			wbByte[c] = wbOther | wbSkip // CR, LF, VT, FF, space, '"' and the rest
		}
	}
	for i := range wbLatin {
		r := rune(i + 0x80)
		switch {
		case r == 0xAA || r == 0xB5 || r == 0xBA: // ª µ º
			wbLatin[i] = wbALetter
		case r == 0xAD: // soft hyphen: Format
			wbLatin[i] = wbBail
		case r == 0xB8: // cedilla: ALetter, but not a letter to tokenize
			wbLatin[i] = wbBail
		case r == 0xB7: // middle dot
			wbLatin[i] = wbMidLetter
		case r < 0xC0 || r == 0xD7 || r == 0xF7: // controls, NEL, NBSP, signs, × ÷
			wbLatin[i] = wbOther
		default:
			wbLatin[i] = wbALetter
		}
	}
	for i := range wbPunct {
		r := rune(i + 0x2000)
		switch {
		case r >= 0x200B && r <= 0x200F, r >= 0x202A && r <= 0x202E, r >= 0x2060:
			// zero-width space, ZWNJ (Extend), ZWJ, directional and
			// invisible formatting characters
			wbPunct[i] = wbBail
		case r == 0x2018 || r == 0x2019 || r == 0x2024: // ‘ ’ ․
			wbPunct[i] = wbMidNumLet
		case r == 0x2027: // hyphenation point
			wbPunct[i] = wbMidLetter
		case r == 0x2044: // fraction slash
			wbPunct[i] = wbMidNum
		case r == 0x202F || r == 0x203F || r == 0x2040 || r == 0x2054:
			// narrow no-break space, undertie, character tie, inverted undertie
			wbPunct[i] = wbExtendNum
		default:
			// spaces, dashes, quotation marks, bullets, ellipsis, line
			// and paragraph separators, ‼ ⁉ and the rest
			wbPunct[i] = wbOther
		}
	}
}

// wbClass returns the class of r, a rune from U+0080 up.
func wbClass(r rune) uint8 {
	switch {
	case r < 0x250:
		return wbLatin[r-0x80]
	case r < 0x2000:
		return wbBail
	case r < 0x2070:
		return wbPunct[r-0x2000]
	case 0x20A0 <= r && r < 0x20C0, // currency signs (€)
		r == 0x2116 || r == 0x2122,  // № ™
		0x2190 <= r && r < 0x2200,   // arrows
		0x2600 <= r && r < 0x27C0,   // miscellaneous symbols, dingbats
		0x1F300 <= r && r < 0x1F3FB, // pictographs, up to the skin tones (Extend)
		0x1F400 <= r && r < 0x1F650, // pictographs and emoticons
		0x1F680 <= r && r < 0x1F700, // transport and map symbols
		0x1F900 <= r && r < 0x1FA00: // supplemental symbols and pictographs
		// Extended_Pictographic or Other: they differ only after a ZWJ,
		// which is not handled.
		return wbOther
	}
	return wbBail
}

// wordSpan is a word's byte range in the text given to scanWords.
type wordSpan struct{ start, end int32 }

// scanWords appends to spans the UAX #29 words of s that hold a letter or
// digit. It reports false, with spans in an undefined state, when s holds
// a character it does not handle.
func scanWords(s string, spans []wordSpan) ([]wordSpan, bool) {
	i := 0
	for {
		for i < len(s) && wbByte[s[i]]&wbSkip != 0 {
			i++
		}
		if i >= len(s) {
			return spans, true
		}
		start := i
		// An ASCII word character is the usual start: its class comes
		// from wbByte without a call.
		first := wbByte[s[i]]
		if first&wbWord != 0 {
			first &= wbClassMask
			i++
		} else {
			var size int
			first, size = wbAt(s, i)
			i += size
			switch first {
			case wbALetter, wbNumeric, wbExtendNum:
			case wbBail:
				return spans, false
			default:
				continue
			}
		}
		// A word starts at start.
	word:
		for {
			// WB5, WB8–WB10, WB13a/b: word characters join.
			for i < len(s) && wbByte[s[i]]&wbWord != 0 {
				i++
			}
			if i >= len(s) {
				break
			}
			// Most words end at a space or another ASCII character of
			// class Other.
			cls, size := wbByte[s[i]], 1
			if cls == wbOther|wbSkip {
				break
			}
			if cls == wbBail {
				cls, size = wbAt(s, i)
			} else {
				cls &= wbClassMask
			}
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
			default: // wbOther
				break word
			}
		}
		if first != wbExtendNum || wbHasLetter(s[start:i]) {
			spans = append(spans, wordSpan{int32(start), int32(i)})
		}
	}
}

// wbAt returns the class and the length of the character at s[i:], or
// wbOther and 0 at the end of s.
func wbAt(s string, i int) (uint8, int) {
	if i >= len(s) {
		return wbOther, 0
	}
	if c := s[i]; c < utf8.RuneSelf {
		return wbByte[c] & wbClassMask, 1
	}
	r, size := utf8.DecodeRuneInString(s[i:])
	return wbClass(r), size
}

// wbBefore returns the class of the character that ends at s[i], i > 0.
func wbBefore(s string, i int) uint8 {
	if c := s[i-1]; c < utf8.RuneSelf {
		return wbByte[c] & wbClassMask
	}
	r, _ := utf8.DecodeLastRuneInString(s[:i])
	return wbClass(r)
}

// wbHasLetter reports whether w, a word of handled characters, holds an
// ALetter or Numeric and not only ExtendNumLet.
func wbHasLetter(w string) bool {
	for i := 0; i < len(w); {
		cls, size := wbAt(w, i)
		if cls == wbALetter || cls == wbNumeric {
			return true
		}
		i += size
	}
	return false
}

// uaxWords appends to spans the UAX #29 words of s that hold a letter or
// digit, as segmented by uax29.
func uaxWords(s string, spans []wordSpan) []wordSpan {
	it := words.FromString(s)
	for it.Next() {
		w := it.Value()
		if c := w[0]; c < utf8.RuneSelf {
			// An ASCII character other than a letter, digit or "_" starts
			// no word: per UAX #29 it stands alone, with its marks, or in a
			// run of spaces.
			if !isASCIIAlnum(c) && (c != '_' || !hasWordRune(w)) {
				continue
			}
		} else if r, _ := utf8.DecodeRuneInString(w); !isWordRune(r) {
			// Tokens such as "–" or "…" carry no word; but a token may
			// start with a quotation mark or similar, so check all runes.
			if !hasWordRune(w) {
				continue
			}
		}
		spans = append(spans, wordSpan{int32(it.Start()), int32(it.End())})
	}
	return spans
}
