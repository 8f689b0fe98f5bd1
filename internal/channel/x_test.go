package channel

import (
	"strings"
	"testing"
)

// Expected values are counted by hand from twitter-text config v3: weight 1
// in U+0000–U+10FF, U+2000–U+200D, U+2010–U+201F, U+2032–U+2037, else 2;
// an emoji sequence 2; a link 23.
func TestX(t *testing.T) {
	tests := []struct {
		name string
		text string
		want int
	}{
		{"empty", "", 0},
		{"ascii", "Hello", 5},
		{"umlauts", "ä ö ü ß", 7},
		{"Grüße", "Grüße", 5},
		{"greek", "Δ", 1},
		{"euro sign is outside the light ranges", "€", 2},
		{"german quotes U+201E U+201C", "„Hallo“", 7},
		{"en dash U+2013", "a – b", 5},
		{"ellipsis U+2026", "…", 2},
		{"prime U+2032", "′", 1},
		{"per mille U+2030", "‰", 2},
		{"zero width joiner alone", "\u200d", 1},
		{"CJK", "你好", 4},
		{"hiragana", "こんにちは", 10},
		{"hangul", "한", 2},
		{"140 CJK = 280", strings.Repeat("你", 140), 280},
		{"280 ascii", strings.Repeat("a", 280), 280},
		{"281 ascii", strings.Repeat("a", 281), 281},
		{"decomposed umlaut is normalised", "a\u0308", 1},
		{"emoji", "😀", 2},
		{"ZWJ family", "👨\u200d👩\u200d👧\u200d👦", 2},
		{"flag", "🇩🇪", 2},
		{"skin tone", "👍🏽", 2},
		{"ZWJ with skin tone", "👩🏽\u200d💻", 2},
		{"rainbow flag", "🏳\ufe0f\u200d🌈", 2},
		{"subdivision flag", "🏴\U000E0067\U000E0062\U000E0073\U000E0063\U000E0074\U000E007F", 2},
		{"keycap", "1\ufe0f\u20e3", 2},
		{"heart with VS16", "❤\ufe0f", 2},
		{"copyright as text", "©", 1},
		{"copyright as emoji", "©\ufe0f", 2},
		{"double exclamation", "‼", 2},
		{"emoji in text", "Danke 🙏", 8},
		{"https link", "https://example.com/a/very/long/path/that/goes/on", 23},
		{"link after text", "Infos: https://acme.de/status", 30},
		{"link before full stop", "Mehr: https://acme.de/status.", 30},
		{"www ccTLD", "www.acme.de", 23},
		{"bare ccTLD without path is text", "acme.de", 7},
		{"bare gTLD", "acme.com", 23},
		{"bare ccTLD with path", "acme.de/status", 23},
		{"two links", "x.com/a b", 25},
		{"email address is text", "hilfe@acme.de", 13},
		{"abbreviation is text", "z.B. 14.00 Uhr", 14},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := X(tt.text).WeightedLength; got != tt.want {
				t.Errorf("X(%.40q) = %d, want %d", tt.text, got, tt.want)
			}
		})
	}
}
