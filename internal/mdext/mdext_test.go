package mdext

import (
	"bytes"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/yuin/goldmark"
	gast "github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	"github.com/yuin/goldmark/renderer/html"
	"github.com/yuin/goldmark/text"
	"go.yaml.in/yaml/v3"
)

var (
	ours   = goldmark.New(goldmark.WithExtensions(Linkify, Strikethrough), goldmark.WithRendererOptions(html.WithUnsafe()))
	theirs = goldmark.New(goldmark.WithExtensions(extension.Linkify, extension.Strikethrough), goldmark.WithRendererOptions(html.WithUnsafe()))
)

// dump writes the tree goldmark parses src into: every node's kind with
// the source ranges it covers (block lines, text segments), what the
// Markdown pass of the linter reads; then the HTML it renders to, what the
// landing page shows.
func dump(md goldmark.Markdown, src []byte) string {
	var b strings.Builder
	root := md.Parser().Parse(text.NewReader(src))
	_ = gast.Walk(root, func(n gast.Node, entering bool) (gast.WalkStatus, error) {
		if !entering {
			b.WriteString(")")
			return gast.WalkContinue, nil
		}
		fmt.Fprintf(&b, "(%s", n.Kind())
		if n.Type() == gast.TypeBlock {
			for i := 0; i < n.Lines().Len(); i++ {
				s := n.Lines().At(i)
				fmt.Fprintf(&b, " L%d-%d", s.Start, s.Stop)
			}
		}
		switch x := n.(type) {
		case *gast.Text:
			fmt.Fprintf(&b, " T%d-%d soft=%v hard=%v raw=%v", x.Segment.Start, x.Segment.Stop, x.SoftLineBreak(), x.HardLineBreak(), x.IsRaw())
		case *gast.AutoLink:
			fmt.Fprintf(&b, " type=%d url=%q label=%q proto=%q", x.AutoLinkType, x.URL(src), x.Label(src), x.Protocol)
		case *gast.RawHTML:
			for i := 0; i < x.Segments.Len(); i++ {
				s := x.Segments.At(i)
				fmt.Fprintf(&b, " R%d-%d", s.Start, s.Stop)
			}
		}
		return gast.WalkContinue, nil
	})
	b.WriteString("\n")
	if err := md.Convert(src, &b); err != nil {
		fmt.Fprintf(&b, "error: %v", err)
	}
	return b.String()
}

// cases are Markdown that exercises both extensions and their edges.
var cases = []string{
	"Status: https://status.example.com/incident?id=4 (updated).",
	"Mehr unter www.stoerung.example.de/aktuell, oder per Mail an hilfe@example.de.",
	"ftp://files.example.org/a_b.txt; http://x.y:8080/path#frag! and (https://a.example.com/x_(y))",
	"Write to support@example.com. Or to a.b-c@sub.example.co.uk_ please",
	"~~20 % Rabatt~~ Nur heute ~one~ ~~~three~~~ a~~b~~c ~~open",
	"**https://bold.example.com** _www.em.example.com_ ~https://tilde.example.com~",
	"[label https://in.label.example.com](https://target.example.com) <https://angle.example.com>",
	"`code https://code.example.com` and\n\n    indented http://indented.example.com\n\n> quoted www.quote.example.com",
	"&amp; https://example.com/?a=1&b=2&amp; https://example.com/&x; www.x.y.z.",
	"line one https://example.com/\nline two ~~gone~~  \nhard break www.example.org",
	"@ nobody@ @x.y a@b c@d.e- f@g.h_ http:// www. https://.com",
	"- item https://list.example.com\n- ~~item~~\n\n1. one www.one.example.com",
	"<del>raw</del> <!-- comment https://c.example.com --> <b>www.b.example.com</b>",
}

// corpusTexts are the texts of the short-message corpora and of the
// prepared examples.
func corpusTexts(t *testing.T) []string {
	t.Helper()
	var texts []string
	var collect func(v any)
	collect = func(v any) {
		switch x := v.(type) {
		case map[string]any:
			for k, e := range x {
				if s, ok := e.(string); ok && k == "text" {
					texts = append(texts, s)
				} else {
					collect(e)
				}
			}
		case []any:
			for _, e := range x {
				collect(e)
			}
		}
	}
	for _, name := range []string{"corpus.yaml", "holdout9.yaml", "honest5.yaml", "wordings-de.yaml", "wordings-en.yaml"} {
		data, err := os.ReadFile(filepath.Join("..", "lint", "testdata", name))
		if err != nil {
			t.Fatal(err)
		}
		var v any
		if err := yaml.Unmarshal(data, &v); err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		collect(v)
	}
	err := filepath.WalkDir(filepath.Join("..", "..", "examples"), func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !(strings.HasSuffix(p, ".md") || strings.HasSuffix(p, ".txt")) {
			return err
		}
		data, err := os.ReadFile(p)
		texts = append(texts, string(data))
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	if len(texts) < 500 {
		t.Fatalf("only %d texts found", len(texts))
	}
	return texts
}

// TestSameAsGoldmark: both extensions parse and render every case and
// every corpus text exactly as goldmark's own.
func TestSameAsGoldmark(t *testing.T) {
	texts := append(cases, corpusTexts(t)...)
	links, strikes := 0, 0
	for _, s := range texts {
		got, want := dump(ours, []byte(s)), dump(theirs, []byte(s))
		if got != want {
			t.Errorf("%q:\n got %s\nwant %s", s, got, want)
		}
		links += strings.Count(want, "(AutoLink")
		strikes += strings.Count(want, "(Strikethrough")
	}
	// The texts must exercise both extensions for the comparison to say
	// anything.
	if links < 50 || strikes < 5 {
		t.Errorf("the texts hold %d autolinks and %d strikethroughs; want at least 50 and 5", links, strikes)
	}
	t.Logf("%d texts, %d autolinks, %d strikethroughs", len(texts), links, strikes)
}

func FuzzSameAsGoldmark(f *testing.F) {
	for _, s := range cases {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := dump(ours, []byte(s)), dump(theirs, []byte(s)); got != want {
			t.Errorf("%q:\n got %s\nwant %s", s, got, want)
		}
	})
}

// TestNoLinkInLabel: a URL inside a link's label stays the label's text.
func TestNoLinkInLabel(t *testing.T) {
	out := dump(ours, []byte("[see https://a.example.com](https://b.example.com)"))
	if strings.Contains(out, "(AutoLink") || !bytes.Contains([]byte(out), []byte(`<a href="https://b.example.com">see https://a.example.com</a>`)) {
		t.Errorf("got %s", out)
	}
}
