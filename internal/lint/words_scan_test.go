package lint

import (
	"fmt"
	"slices"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"
)

// wordsSMS is a German SMS of about 170 bytes.
const wordsSMS = "---\nchannel: sms\nlang: de\n---\nStörung: Kartenzahlung in allen Filialen ausgefallen – Bargeld geht. Wir arbeiten dran, nächstes Update um 13:00 Uhr. Infos: example.de/status – Danke für Ihre Geduld!\n"

func benchmarkTokenize(b *testing.B, text string) {
	d, err := Parse("f.md", []byte(text), true)
	if err != nil {
		b.Fatal(err)
	}
	a := newAnalysis()
	b.SetBytes(int64(len(d.Raw) - d.Body))
	for b.Loop() {
		a.reset(0)
		a.tokenize(d)
	}
}

func BenchmarkTokenize(b *testing.B) {
	b.Run("sms", func(b *testing.B) { benchmarkTokenize(b, wordsSMS) })
	b.Run("landing", func(b *testing.B) { benchmarkTokenize(b, benchText) })
}

// wordsProbe holds a character of every class scanWords knows, and a few
// more of each, to probe the characters it handles.
var wordsProbe = []string{
	"a", "Z", "ä", "ß", "é", "5", "0", "_", "\u202f", ":", "·", ".", "'", "’", "‘", ",", ";", "\u2044",
	" ", "\n", "\r", "\t", "\"", "-", "–", "„", "“", "€", "!", "\u00a0",
}

// wordsCompare checks scanWords against uax29 on s, when scanWords
// handles s; it reports whether it did.
func wordsCompare(t *testing.T, s string) bool {
	t.Helper()
	got, ok := scanWords(s, nil)
	if !ok {
		return false
	}
	want := uaxWords(s, nil)
	if !slices.Equal(got, want) {
		t.Fatalf("%q: scanWords %s, uax29 %s", s, wordsShow(s, got), wordsShow(s, want))
	}
	return true
}

func wordsShow(s string, spans []wordSpan) string {
	var b strings.Builder
	for _, sp := range spans {
		fmt.Fprintf(&b, "[%d:%d %q]", sp.start, sp.end, s[sp.start:sp.end])
	}
	return b.String()
}

// TestWordsScanClasses probes every character scanWords handles next to
// characters of every class, and checks that exactly its ALetter and
// Numeric characters are letters or digits (tokenize keeps the segments
// that hold one).
func TestWordsScanClasses(t *testing.T) {
	handled := 0
	for r := rune(0); r <= unicode.MaxRune; r++ {
		if !utf8.ValidRune(r) {
			continue
		}
		s := string(r)
		cls, _ := wbAt(s, 0)
		if cls == wbBail {
			continue
		}
		handled++
		if isWord := cls == wbALetter || cls == wbNumeric; isWord != isWordRune(r) {
			t.Fatalf("%U: class %d, but isWordRune %v", r, cls, isWordRune(r))
		}
		probe := append(wordsProbe[:len(wordsProbe):len(wordsProbe)], s)
		for _, p := range probe {
			for _, q := range probe {
				for _, x := range [...]string{s + p + q, p + s + q, p + q + s} {
					if !wordsCompare(t, x) {
						t.Fatalf("%q not handled", x)
					}
				}
			}
		}
	}
	t.Logf("%d characters handled", handled)
}

// TestWordsScanBail checks that scanWords leaves texts with characters it
// does not handle to uax29.
func TestWordsScanBail(t *testing.T) {
	for _, s := range []string{
		"a\u0301", "Stra\u00adße", "a\u200db", "x\u200bx", "\ufeffHallo", "👍🏻", "❤️", "🇩🇪", "שלום", "カタカナ",
		"Привет", "αβγ", "a\u2060b", "x\ufffd",
	} {
		if _, ok := scanWords(s, nil); ok {
			t.Errorf("%q: handled", s)
		}
	}
}

func TestWordsScanSamples(t *testing.T) {
	for _, s := range []string{
		"", "a", "_", "__", "_a", "a_", "a_b", "1_000", "Hallo, Welt!", "z.B. 9:40 Uhr", "3,14 1.000,50 € a.1 1.a",
		"don't don’t ‘tis l'été", "a..b a.:b 1,,2 1.,2", "e-mail E-Mail IT-Team 8–20 Uhr", "„Zitat“ “quote” ‚x‘",
		"hilfe@example.de https://x.example/a_b?c=1", "Müller-Lüdenscheidt Straße ÄÖÜ", "a\r\nb\n\nc\u2028d",
		"50\u202f% 10\u202f000", "x · y a·b", "½ ² ª º µ", "Daumen 👍 hoch ✅ → weiter", "Nº № 5 ™",
		wordsSMS, benchText,
	} {
		if !wordsCompare(t, s) {
			t.Errorf("%q not handled", s)
		}
	}
}

// wordsCheckTokenize checks tokenize against the reference tokenizer on
// text, parsed as Markdown and as plain text.
func wordsCheckTokenize(t *testing.T, text string) {
	t.Helper()
	for _, markdown := range []bool{true, false} {
		d, err := Parse("f.md", []byte(text), markdown)
		if err != nil {
			return
		}
		got, want := newAnalysis(), newAnalysis()
		got.reset(0)
		got.tokenize(d)
		want.reset(0)
		want.wordsRefTokenize(d)
		if !slices.Equal(got.sentences, want.sentences) {
			t.Fatalf("%q (markdown %v): sentences %v, want %v", text, markdown, got.sentences, want.sentences)
		}
		if len(got.tokens) != len(want.tokens) {
			t.Fatalf("%q (markdown %v): %d tokens, want %d", text, markdown, len(got.tokens), len(want.tokens))
		}
		for i, g := range got.tokens {
			w := want.tokens[i]
			if g.start != w.start || g.end != w.end || g.folded != w.folded || g.sentence != w.sentence || g.caps != w.caps {
				t.Fatalf("%q (markdown %v): token %d is %d-%d %q s%d caps %v, want %d-%d %q s%d caps %v", text, markdown, i,
					g.start, g.end, g.folded, g.sentence, g.caps, w.start, w.end, w.folded, w.sentence, w.caps)
			}
		}
	}
}

// wordsAlphabet is what FuzzWordsScan spells its texts with: the
// characters scanWords handles, of every class, and a few it leaves to
// uax29.
var wordsAlphabet = []string{
	"a", "b", "e", "s", "t", "Z", "I", "ä", "ö", "ü", "ß", "É", "ł", "ª", "µ", "0", "1", "9", "_", "\u202f", "‿",
	":", "·", "‧", ".", "'", "’", "‘", "․", ",", ";", "⁄", " ", "  ", "\n", "\r", "\r\n", "\t", "\v", "\f",
	"\u0085", "\u2028", "\u2029", "\u00a0", "\u2009", "\"", "-", "–", "—", "„", "“", "”", "‚", "…", "(", ")",
	"!", "?", "%", "€", "/", "@", "#", "&", "×", "²", "½", "👍", "✅", "→", "™", "©", "\u200b", "\u0301",
	"\u00ad", "\u200d", "\ufe0f", "🇩", "ש", "カ", "\u00b8",
}

// wordsSpell spells a text with wordsAlphabet, one character per byte of b.
func wordsSpell(b string) string {
	var sb strings.Builder
	for i := 0; i < len(b); i++ {
		sb.WriteString(wordsAlphabet[int(b[i])%len(wordsAlphabet)])
	}
	return sb.String()
}

// wordsSeeds are German and English messages for the fuzz targets.
var wordsSeeds = []string{
	wordsSMS, benchText,
	"Störung: Seit 9:40 Uhr ist die Kartenzahlung gestört. Bargeld geht – wir melden uns um 11:00 Uhr.\n",
	"We’re sorry: the app is down since 9.40 a.m. We'll post an update at 11:00. Thanks for your patience!\n",
	"„Wir sind überfordert“, sagt Dr. Müller. Nur heute 20 % Rabatt! Kosten: 1.234,56 €; z. B. am 23. November.\n",
	"- Punkt eins\n- Punkt zwei…\n\n## Nächstes Update\n1. erstens\n2) zweitens",
	"FAQ: Was tun? IT-Team, E-Mail an hilfe@example.de, 0800 123 4567 (8–20 Uhr) 👍 ✅\r\n",
	"snake_case __init__ _x x_ 1_000 50\u202f% don't ‘tis a.b.c 3.14 1,5 a:b 9:40 l’été · a·b",
}
