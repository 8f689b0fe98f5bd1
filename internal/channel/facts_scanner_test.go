package channel

import (
	"math/rand/v2"
	"strings"
	"testing"
)

// scannerSeeds are texts on which the scanner and the regexp reference are
// compared: every text of the other fact, fuzz and benchmark tests, and
// corner cases of the grammars.
func scannerSeeds() []string {
	out := []string{
		"Nächstes Update am 23. November 2026 um 14:00 Uhr, Hotline 0800 123 4567, 20 € Gutschein.",
		"Call +44 20 7946 0958 or write to help@example.com by November 23rd, 3 pm.",
		"Mittwoch, 14.00 Uhr – EUR 1.234,56 – 8–20 Uhr",
		"no digits here at all",
		benchText, benchSMSDe, benchSMSEn, benchMailDe, benchMailEn,
		// email: the domain ends in the last label that starts with letters
		"a@b.cd9 x.y@acme.co.uk9 a@b.c.de-f @x.de a@@b.de a@b..de",
		// dates: years, ordinals, ä in month words, boundaries
		"1.2.3 23.11.2 23.11.202 23.11.20266 1.1.00 0000-01-01 2026-11-23x",
		"Mäx5 23 Maä5 23. Mär 1 Mär. 2 Märzx 3rd Sept, 2026 4th Sept,2026 Jänner 5",
		"November 23rdx, November 23, 20266 Nov.  3 Abcdefghij 3",
		// times
		"8.30-9.45 Uhr 8 bis20 Uhr 9:00 to 17:30 9:00 -17:30x 12:5 pm 1 P.M 1 p. m. 3am5",
		"24:00 24:01 Uhr 99 Uhr 14.00h 14.00 hx 123 Uhr 1:2:3",
		// amounts
		"XEUR 5 EUR5 €5,- 1234,567 € 1.000.000,5 € 12 34 € 5Euros 5 dollar 5 dollars 5,-  €",
		"€ 1'000 20,-€ a20 € für€20 £ 3 USD 1 000 000 CHF3.5 5 Franken 2Pfund",
		// phones
		"+49 (0)800 123-4567 +49(0)30 1 +4912345678901234567 0049 30 1234567 000 12345678",
		"(030) 1234 567 (0123456) 12 0123 0800/123/4567 +1 2 3 4 5 6 7 8 +49",
		// lines
		"23.\n11.2026 8 -\n20 Uhr 23\nNovember Nov\n23 €\n5",
	}
	for _, tt := range extractFactsTests {
		out = append(out, tt.text)
	}
	return append(out, seeds...)
}

// sameFacts fails unless the scanner finds what the regexp reference finds.
func sameFacts(t *testing.T, text string) {
	t.Helper()
	got, want := ExtractFacts(text), extractFactsRegexp(text)
	if len(got) != len(want) {
		t.Fatalf("%q:\nscanner %+v\nregexp  %+v", text, got, want)
	}
	for i := range got {
		if got[i] != want[i] {
			t.Fatalf("%q:\nscanner %+v\nregexp  %+v", text, got[i], want[i])
		}
	}
}

func TestExtractFactsScannerSeeds(t *testing.T) {
	for _, s := range scannerSeeds() {
		sameFacts(t, s)
	}
}

// factPieces are the building blocks of every grammar, for random texts
// that hit them far more often than random bytes do.
var factPieces = strings.Fields(`0 00 1 2 3 4 5 9 12 23 59 60 99 123 1234 2026 12345678 000 0800 030 4567 +49 0049 11. 23.
	. .. , : ' - – / ( ) (0) ,- + @ _ % a b x m M h p P am pm a.m. p.m. A
	Uhr Uhrx bis to st nd rd th Nov November März Mär ä Mä Ä Sept Jänner Maerz Abcdefghi
	€ $ £ EUR USD CHF GBP Euro Euros Dollar Dollars dollars dollar Franken Pfund
	acme.de www.acme.com https:// http:// /status .de .co.uk hilfe@acme.de 1.0 v2 ü 😀 \xff \xc3`)

func randomFactText(r *rand.Rand) string {
	var b strings.Builder
	n := 1 + r.IntN(12)
	for range n {
		switch k := r.IntN(10); {
		case k < 6:
			b.WriteString(factPieces[r.IntN(len(factPieces))])
		case k < 9:
			b.WriteByte(" \t\n\f\r "[r.IntN(6)])
		default:
			b.WriteByte(byte(r.IntN(128)))
		}
	}
	return strings.ReplaceAll(strings.ReplaceAll(b.String(), `\xff`, "\xff"), `\xc3`, "\xc3")
}

func TestExtractFactsScannerRandom(t *testing.T) {
	n := 20000
	if testing.Short() {
		n = 2000
	}
	r := rand.New(rand.NewPCG(1, 2))
	for range n {
		sameFacts(t, randomFactText(r))
	}
}

// FuzzExtractFactsScanner checks that the hand-written scanner finds
// exactly the facts the regular expressions found.
func FuzzExtractFactsScanner(f *testing.F) {
	for _, s := range scannerSeeds() {
		f.Add(s)
	}
	r := rand.New(rand.NewPCG(3, 4))
	for range 200 {
		f.Add(randomFactText(r))
	}
	f.Fuzz(func(t *testing.T, text string) {
		sameFacts(t, text)
	})
}

// BenchmarkExtractFactsRegexp measures the reference, for comparison with
// BenchmarkExtractFacts.
func BenchmarkExtractFactsRegexp(b *testing.B) {
	b.SetBytes(int64(len(benchText)))
	for b.Loop() {
		extractFactsRegexp(benchText)
	}
}

// TestExtractFactsScannerLong compares the scanner with the reference on
// long texts that would make a careless scanner quadratic.
func TestExtractFactsScannerLong(t *testing.T) {
	for _, s := range []string{
		strings.Repeat("1", 100000) + ",€",
		"1" + strings.Repeat(".000", 30000) + ",x€",
		strings.Repeat("1.000 ", 20000) + "€",
		strings.Repeat("a", 100000) + "@" + strings.Repeat("b.", 50000),
		strings.Repeat("x.", 50000) + "de",
		strings.Repeat("23.11. 14:00 Uhr acme.de 0800 123 4567 20 € ", 2000),
		strings.Repeat(" ", 100000) + "1 Uhr",
	} {
		sameFacts(t, s)
	}
}
