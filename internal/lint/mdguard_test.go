package lint

import (
	"bytes"
	"strings"
	"testing"
	"unicode/utf8"
)

func TestGuardMarkdown(t *testing.T) {
	long := strings.Repeat("a", maxLinkScan)
	for _, tc := range []struct{ in, want string }{
		// ordinary Markdown is left alone
		{"[Infos](https://example.com/a_(b)) und [hier](<x y> \"Titel\").", ""},
		{"> Zitat\n> > tiefer\n\n[a]: https://example.com\n[a] und ![Bild](b.png 'c')", ""},
		{"[Text\nüber zwei Zeilen](https://example.com)", ""},
		// what never closes becomes text
		{"[a]([a]([a](", "[a]x[a]x[a]x"},
		{"[[[ Text", "xxx Text"},
		{"[a](<b", "[a]x<b"},
		{"[a](b \"Titel", "[a]xb \"Titel"},
		{"[a](" + strings.Repeat("(", maxLinkParens+1) + ")", "[a]x" + strings.Repeat("(", maxLinkParens+1) + ")"},
		{"[" + long + "]", "x" + long + "]"},
		{strings.Repeat(">", maxQuoteDepth+3) + " Text", strings.Repeat(">", maxQuoteDepth) + "x>> Text"},
		{strings.Repeat("> ", maxQuoteDepth+1) + "Text", strings.Repeat("> ", maxQuoteDepth) + "x Text"},
	} {
		want := tc.want
		if want == "" {
			want = tc.in
		}
		src := []byte(tc.in)
		got := guardMarkdown(src)
		if string(got) != want {
			t.Errorf("guardMarkdown(%.60q) = %.60q, want %.60q", tc.in, got, want)
		}
		if string(src) != tc.in {
			t.Errorf("guardMarkdown(%.60q) changed its input", tc.in)
		}
	}
}

// TestGuardMarkdownCorpus checks that no real message is changed.
func TestGuardMarkdownCorpus(t *testing.T) {
	entries, err := LoadCorpus("testdata/corpus.yaml")
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range entries {
		if got := guardMarkdown([]byte(e.Text)); string(got) != e.Text {
			t.Errorf("corpus message changed:\n%s\n%s", e.Text, got)
		}
	}
}

// FuzzGuardMarkdown checks that the guard only turns brackets,
// parentheses and quote markers into letters, in place.
func FuzzGuardMarkdown(f *testing.F) {
	for _, s := range []string{"[a](", "[a](b)", "> > x", "[[", "[a](<b>)", "[a](b 'c')"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		got := guardMarkdown([]byte(s))
		if len(got) != len(s) {
			t.Fatalf("length %d, want %d", len(got), len(s))
		}
		for i := range got {
			if got[i] != s[i] && (got[i] != 'x' || !bytes.ContainsRune([]byte("[(>"), rune(s[i]))) {
				t.Fatalf("byte %d: %q became %q", i, s[i], got[i])
			}
		}
		if utf8.ValidString(s) && !utf8.Valid(got) {
			t.Fatal("invalid UTF-8")
		}
	})
}
