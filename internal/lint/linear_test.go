package lint

import (
	"strings"
	"testing"
	"unicode/utf8"
)

// TestPositionLongLine holds Position on long lines, where it counts from
// block marks, to the plain count from the line start.
func TestPositionLongLine(t *testing.T) {
	line := strings.Repeat("Grüße 🚨 aß ", 2000) // multi-byte runes across block boundaries
	for _, raw := range []string{
		line,
		"\uFEFF" + line + "\n" + line,
		"kurz\n" + line + "\nnoch\n",
		strings.Repeat("a", runeBlock) + "ü" + strings.Repeat("b", runeBlock),
	} {
		d, err := Parse("x.txt", []byte(raw), false)
		if err != nil {
			t.Fatal(err)
		}
		if d.runeMarks == nil {
			t.Fatal("no rune marks for a long line")
		}
		for off := 0; off <= len(raw); off += 1 + off%97 {
			for off < len(raw) && !utf8.RuneStart(raw[off]) {
				off++
			}
			line, col := d.Position(off)
			start := strings.LastIndexByte(raw[:off], '\n') + 1
			if start == 0 && strings.HasPrefix(raw, "\uFEFF") && off >= 3 {
				start = 3
			}
			wantLine := strings.Count(raw[:off], "\n") + 1
			wantCol := 1 + utf8.RuneCountInString(raw[start:off])
			if line != wantLine || col != wantCol {
				t.Fatalf("Position(%d) = %d:%d, want %d:%d", off, line, col, wantLine, wantCol)
			}
		}
		d.Release()
	}
}
