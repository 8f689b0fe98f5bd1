package channel

import (
	"reflect"
	"strings"
	"testing"
)

var (
	a   = func(n int) string { return strings.Repeat("a", n) }
	rep = strings.Repeat
)

// Expected values are counted by hand from GSM 03.38 / 3GPP TS 23.040:
// 160 septets or 70 UTF-16 units in one SMS, 153 or 67 per part, escape
// and surrogate pairs never split.
func TestSMS(t *testing.T) {
	tests := []struct {
		name     string
		text     string
		encoding string
		segments int
		units    int
	}{
		{"empty", "", EncodingGSM7, 0, 0},
		{"ascii", "Hallo", EncodingGSM7, 1, 5},
		{"umlauts and ß", "Grüße aus München", EncodingGSM7, 1, 17},
		{"basic table letters", "Ä Ö Ñ Ü § ¿ ä ö ñ ü à", EncodingGSM7, 1, 21},
		{"basic table symbols", "@£$¥èéùìòÇ", EncodingGSM7, 1, 10},
		{"basic table nordic", "ÅåØøÆæßÉ¡¤", EncodingGSM7, 1, 10},
		{"greek capitals", "ΔΦΓΛΩΠΨΣΘΞ", EncodingGSM7, 1, 10},
		{"address", "Straße 1, 10115 Berlin", EncodingGSM7, 1, 22},
		{"euro counts 2", "Preis: 5 €", EncodingGSM7, 1, 11},
		{"brackets count 2", "[x]", EncodingGSM7, 1, 5},
		{"braces", "{}", EncodingGSM7, 1, 4},
		{"tilde caret pipe backslash", `~^|\`, EncodingGSM7, 1, 8},
		{"form feed counts 2", "a\fb", EncodingGSM7, 1, 4},
		{"CRLF", "\r\n", EncodingGSM7, 1, 2},
		{"capital C cedilla is GSM", "Ça va", EncodingGSM7, 1, 5},
		{"small c cedilla is not", "ça va", EncodingUCS2, 1, 5},
		{"greek small letter", "α", EncodingUCS2, 1, 1},
		{"acute o", "¿Dónde?", EncodingUCS2, 1, 7},
		{"tab", "a\tb", EncodingUCS2, 1, 3},
		{"backtick", "`x`", EncodingUCS2, 1, 3},
		{"german quotes", "„Hallo“", EncodingUCS2, 1, 7},
		{"en dash", "a – b", EncodingUCS2, 1, 5},
		{"ellipsis", "Warte…", EncodingUCS2, 1, 6},
		{"no-break space", "a\u00a0b", EncodingUCS2, 1, 3},
		{"emoji is a surrogate pair", "😀", EncodingUCS2, 1, 2},
		{"ZWJ family", "👨\u200d👩\u200d👧\u200d👦", EncodingUCS2, 1, 11},
		{"flag", "🇩🇪", EncodingUCS2, 1, 4},
		{"CJK", "你好", EncodingUCS2, 1, 2},
		{"invalid UTF-8", "a\xffb", EncodingUCS2, 1, 3},

		{"160 septets", a(160), EncodingGSM7, 1, 160},
		{"161 septets", a(161), EncodingGSM7, 2, 161},
		{"306 septets", a(306), EncodingGSM7, 2, 306},
		{"307 septets", a(307), EncodingGSM7, 3, 307},
		{"158 + euro = 160", a(158) + "€", EncodingGSM7, 1, 160},
		{"159 + euro = 161", a(159) + "€", EncodingGSM7, 2, 161},
		{"80 euro = 160", rep("€", 80), EncodingGSM7, 1, 160},
		// 76 pairs (152 septets) per part: a 77th would be split.
		{"81 euro", rep("€", 81), EncodingGSM7, 2, 162},
		// 152 + [€ moves on] 2+151 + 1: 306 septets but 3 parts.
		{"escape pair at boundary", a(152) + "€" + a(152), EncodingGSM7, 3, 306},
		{"escape pair fits exactly", a(151) + "€" + a(153), EncodingGSM7, 2, 306},

		{"70 units", a(69) + "„", EncodingUCS2, 1, 70},
		{"71 units", a(70) + "„", EncodingUCS2, 2, 71},
		{"134 units", a(133) + "„", EncodingUCS2, 2, 134},
		{"135 units", a(134) + "„", EncodingUCS2, 3, 135},
		{"35 emoji = 70 units", rep("😀", 35), EncodingUCS2, 1, 70},
		// 66 + [😀 moves on] 2+65 + 1: 134 units but 3 parts.
		{"surrogate pair at boundary", a(66) + "😀" + a(66), EncodingUCS2, 3, 134},
		// 33 emoji (66 units) per part.
		{"67 emoji", rep("😀", 67), EncodingUCS2, 3, 134},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := SMS(tt.text)
			want := SMSStats{Encoding: tt.encoding, Segments: tt.segments, Units: tt.units}
			if got != want {
				t.Errorf("SMS(%.40q) = %+v, want %+v", tt.text, got, want)
			}
		})
	}
}

func TestUCS2Culprits(t *testing.T) {
	tests := []struct {
		text string
		want []Culprit
	}{
		{"Grüße, 5 € [x]", nil},
		{"„Hallo“", []Culprit{{'„', 0, `"`}, {'“', 8, `"`}}},
		{"a – b — c", []Culprit{{'–', 2, "-"}, {'—', 8, "-"}}},
		{"Moment…", []Culprit{{'…', 6, "..."}}},
		{"it’s ‘ok’", []Culprit{{'’', 2, "'"}, {'‘', 7, "'"}, {'’', 12, "'"}}},
		{"20\u00a0€", []Culprit{{'\u00a0', 2, " "}}},
		{"ok 👍", []Culprit{{'👍', 3, ""}}},
		{"你好", []Culprit{{'你', 0, ""}, {'好', 3, ""}}},
		{"ça", []Culprit{{'ç', 0, ""}}},
	}
	for _, tt := range tests {
		if got := UCS2Culprits(tt.text); !reflect.DeepEqual(got, tt.want) {
			t.Errorf("UCS2Culprits(%q) = %+v, want %+v", tt.text, got, tt.want)
		}
	}
}
