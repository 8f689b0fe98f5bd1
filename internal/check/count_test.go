package check

import (
	"strings"
	"testing"
	"unicode/utf8"
)

// FuzzCountText holds countText to strings.Fields and utf8.RuneCountInString.
func FuzzCountText(f *testing.F) {
	for _, s := range []string{"", " ", "a b", "Stadtwerke:\u00a0Strom\u2003aus.\n\nUpdate 12 Uhr", "\xff\xfe a", "\u0085x\u2028y"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		words, runes := countText(s)
		if want := len(strings.Fields(s)); words != want {
			t.Errorf("countText(%q) words = %d, want %d", s, words, want)
		}
		if want := utf8.RuneCountInString(s); runes != want {
			t.Errorf("countText(%q) runes = %d, want %d", s, runes, want)
		}
	})
}
