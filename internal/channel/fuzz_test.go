package channel

import (
	"strings"
	"testing"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

var seeds = []string{
	"",
	"Nächstes Update am 23.11. um 14:00 Uhr auf acme.de/status oder unter 0800 123 4567. Gutschein: 20 €.",
	"„Hallo“ – Moment… 👨\u200d👩\u200d👧\u200d👦 🇩🇪 1\ufe0f\u20e3 你好",
	"Next update at 2:30 p.m. on November 23, 2026: https://www.acme.com/a_(b)). Call +49 (0)800 123-4567, $1,000.50",
	strings.Repeat("a", 152) + "€" + strings.Repeat("a", 152),
	strings.Repeat("a", 66) + "😀" + strings.Repeat("a", 66),
	"a\xffb\u0308 hilfe@acme.de 8–20 Uhr",
}

func FuzzSMS(f *testing.F) {
	for _, s := range seeds {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, text string) {
		st := SMS(text)
		if st.Encoding != EncodingGSM7 && st.Encoding != EncodingUCS2 {
			t.Fatalf("encoding %q", st.Encoding)
		}
		if (text == "") != (st.Segments == 0) {
			t.Fatalf("%q: %d segments", text, st.Segments)
		}
		single, multi := gsmSingle, gsmMulti
		if st.Encoding == EncodingUCS2 {
			single, multi = ucs2Single, ucs2Multi
		}
		n := utf8.RuneCountInString(text)
		if st.Units < n || st.Units > 2*n {
			t.Fatalf("%q: %d units for %d runes", text, st.Units, n)
		}
		switch {
		case st.Segments == 1 && st.Units > single,
			st.Segments > 1 && (st.Units <= single || st.Units > st.Segments*multi || st.Units <= (st.Segments-1)*(multi-1)):
			t.Fatalf("%q: %+v is not a packing", text, st)
		}
		culprits := UCS2Culprits(text)
		if (len(culprits) == 0) != (st.Encoding == EncodingGSM7) {
			t.Fatalf("%q: %d culprits but %s", text, len(culprits), st.Encoding)
		}
		for _, c := range culprits {
			if c.Offset < 0 || c.Offset >= len(text) || !boundary(text, c.Offset) {
				t.Fatalf("%q: culprit offset %d", text, c.Offset)
			}
			if c.Replacement != "" && SMS(c.Replacement).Encoding != EncodingGSM7 {
				t.Fatalf("replacement %q for %q is not GSM-7", c.Replacement, c.Rune)
			}
		}
		for _, v := range Check("sms", Limits{SMSSegments: 1}, text, "") {
			checkSpan(t, text, v.Offset, v.End)
		}
	})
}

func FuzzX(f *testing.F) {
	for _, s := range seeds {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, text string) {
		w := X(text).WeightedLength
		n := utf8.RuneCountInString(norm.NFC.String(text))
		if (n == 0) != (w == 0) || w < 0 || w > 23*n {
			t.Fatalf("%q: weighted length %d for %d runes", text, w, n)
		}
		for _, v := range Check("x", Limits{XWeighted: 10}, text, "") {
			checkSpan(t, text, v.Offset, v.End)
		}
	})
}

func FuzzExtractFacts(f *testing.F) {
	for _, s := range seeds {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, text string) {
		end := 0
		for _, fact := range ExtractFacts(text) {
			if fact.Offset < end {
				t.Fatalf("%q: %+v overlaps or is out of order", text, fact)
			}
			end = fact.End
			if fact.Offset >= fact.End || fact.End > len(text) || !boundary(text, fact.Offset) || !boundary(text, fact.End) {
				t.Fatalf("%q: bad span %+v", text, fact)
			}
			if fact.Raw != text[fact.Offset:fact.End] || fact.Value == "" {
				t.Fatalf("%q: bad fact %+v", text, fact)
			}
			known := false
			for _, k := range FactKinds {
				known = known || k == fact.Kind
			}
			if !known {
				t.Fatalf("unknown kind %q", fact.Kind)
			}
		}
	})
}

// checkSpan fails unless off and end are both -1 or span text on rune
// boundaries.
func checkSpan(t *testing.T, text string, off, end int) {
	t.Helper()
	if off == -1 && end == -1 {
		return
	}
	if off < 0 || off > end || end > len(text) || !boundary(text, off) || !boundary(text, end) {
		t.Fatalf("%q: bad span %d-%d", text, off, end)
	}
}

// boundary reports whether i is where a rune starts, as range decodes text
// (an invalid byte counts as a rune of its own), or the end of text.
func boundary(text string, i int) bool {
	for j := range text {
		if j == i {
			return true
		}
	}
	return i == len(text)
}

var benchText = strings.Repeat("Liebe Kundinnen und Kunden, seit 9:30 Uhr ist unser Online-Banking gestört. "+
	"Wir arbeiten mit Hochdruck an einer Lösung – nächstes Update um 14:00 Uhr auf https://acme.de/status. "+
	"Fragen? 0800 123 4567 (kostenlos) 🙏 ", 3)

func BenchmarkSMS(b *testing.B) {
	b.SetBytes(int64(len(benchText)))
	for b.Loop() {
		SMS(benchText)
	}
}

func BenchmarkX(b *testing.B) {
	b.SetBytes(int64(len(benchText)))
	for b.Loop() {
		X(benchText)
	}
}

func BenchmarkExtractFacts(b *testing.B) {
	b.SetBytes(int64(len(benchText)))
	for b.Loop() {
		ExtractFacts(benchText)
	}
}
