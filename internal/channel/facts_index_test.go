package channel

import (
	"math/rand/v2"
	"reflect"
	"strings"
	"testing"
)

// indexRef is the former byte-by-byte index, the reference for the one
// that tests eight bytes at a time.
func indexRef(t string) (runs []digitRun, ats []int) {
	for i := 0; i < len(t); i++ {
		c := t[i]
		if c > '@' {
			continue
		}
		if isDigitByte(c) {
			j := i + 1
			for j < len(t) && isDigitByte(t[j]) {
				j++
			}
			runs = append(runs, digitRun{start: i, end: j})
			i = j - 1
		} else if c == '@' {
			ats = append(ats, i)
		}
	}
	return runs, ats
}

func sameIndex(t *testing.T, text string) {
	t.Helper()
	x := &factScanner{text: text}
	x.index()
	runs, ats := indexRef(text)
	if len(x.runs) != len(runs) || len(runs) > 0 && !reflect.DeepEqual(x.runs, runs) ||
		len(x.ats) != len(ats) || len(ats) > 0 && !reflect.DeepEqual(x.ats, ats) {
		t.Fatalf("index(%q) = %v %v, reference %v %v", text, x.runs, x.ats, runs, ats)
	}
}

// TestDigitOrAt checks every byte value in every lane, among random
// neighbours.
func TestDigitOrAt(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	for c := range 256 {
		want := isDigitByte(byte(c)) || c == '@'
		for lane := range 8 {
			for range 64 {
				w := rng.Uint64()
				w = w&^(0xFF<<(8*lane)) | uint64(c)<<(8*lane)
				got := digitOrAt(w)>>(8*lane)&0xFF == 0x80
				if got != want || digitOrAt(w)>>(8*lane)&0x7F != 0 {
					t.Fatalf("digitOrAt(%#x) lane %d (byte %#x) = %#x", w, lane, c, digitOrAt(w))
				}
			}
		}
	}
}

func TestIndexRef(t *testing.T) {
	for _, s := range refSeeds() {
		sameIndex(t, s)
	}
	pieces := []string{"a", "1", "23", "@", "/", ":", "?", "A", "`", "ä", "\xb0", "\xc0", "€", " ", "0123456789"}
	rng := rand.New(rand.NewPCG(9, 10))
	var b strings.Builder
	for range 20000 {
		b.Reset()
		for k := rng.IntN(40); k >= 0; k-- {
			b.WriteString(pieces[rng.IntN(len(pieces))])
		}
		sameIndex(t, b.String())
	}
}

func FuzzIndexRef(f *testing.F) {
	f.Add("Hotline 0800 123 4567, hilfe@acme.de, 23.11.2026 9:30")
	f.Fuzz(sameIndex)
}
