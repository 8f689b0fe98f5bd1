package page

import (
	"bytes"
	"html/template"
	"net/url"
	"strings"
	"sync"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/renderer"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"

	"github.com/crisis-comms/crisis/internal/mdext"
)

// allowedSchemes are the only link targets a facts field may produce. The
// page must work offline and from disk, so anything else (javascript:,
// data:, file:, relative paths into nowhere) is dropped and its text kept.
var allowedSchemes = map[string]bool{"http": true, "https": true, "mailto": true, "tel": true}

// md renders the simple Markdown that comms staff write into facts fields.
// It runs goldmark without its unsafe option and on top replaces raw HTML by
// its escaped source, so that nothing typed is lost and nothing typed runs.
// It is built on first use, not at the start of every command.
var md = sync.OnceValue(func() goldmark.Markdown {
	return goldmark.New(
		goldmark.WithExtensions(mdext.Linkify, mdext.Strikethrough),
		goldmark.WithParserOptions(parser.WithASTTransformers(util.Prioritized(linkFilter{}, 100))),
		goldmark.WithRendererOptions(renderer.WithNodeRenderers(util.Prioritized(safeRenderer{}, 100))),
	)
})

// Markdown renders s as HTML that is safe to embed in a page: raw HTML is
// shown as text, links and autolinks survive only with an http, https,
// mailto or tel target, images become their alt text (the site loads no
// external resources), and headings become bold paragraphs so that a field
// cannot break the page's heading hierarchy.
func Markdown(s string) template.HTML {
	if strings.TrimSpace(s) == "" {
		return ""
	}
	// Every part of the output is escaped by goldmark or by safeRenderer,
	// and link targets are vetted by linkFilter: only then is it template.HTML.
	var buf bytes.Buffer
	if err := md().Convert([]byte(s), &buf); err != nil {
		// Rendering into memory does not fail; should it ever, plain
		// escaped text is still correct, only less pretty.
		return template.HTML("<p>" + template.HTMLEscapeString(s) + "</p>")
	}
	return template.HTML(buf.String())
}

// safeLink reports whether dest is an absolute link with an allowed scheme.
func safeLink(dest string) bool {
	u, err := url.Parse(strings.TrimSpace(dest))
	if err != nil || u.Scheme == "" {
		return false
	}
	return allowedSchemes[strings.ToLower(u.Scheme)]
}

// linkFilter unwraps links with a disallowed target into their text and
// replaces images by their alt text.
type linkFilter struct{}

func (linkFilter) Transform(doc *ast.Document, reader text.Reader, _ parser.Context) {
	source := reader.Source()
	var unwrap []ast.Node
	_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		switch n := n.(type) {
		case *ast.Link:
			if !safeLink(string(n.Destination)) {
				unwrap = append(unwrap, n)
			}
		case *ast.AutoLink:
			dest := string(n.URL(source))
			if n.AutoLinkType == ast.AutoLinkEmail && !strings.HasPrefix(strings.ToLower(dest), "mailto:") {
				dest = "mailto:" + dest
			}
			if !safeLink(dest) {
				unwrap = append(unwrap, n)
			}
		case *ast.Image:
			unwrap = append(unwrap, n)
			return ast.WalkSkipChildren, nil
		}
		return ast.WalkContinue, nil
	})
	for _, n := range unwrap {
		parent := n.Parent()
		if parent == nil {
			continue
		}
		switch n := n.(type) {
		case *ast.AutoLink:
			parent.ReplaceChild(parent, n, ast.NewString(n.Label(source)))
		default: // links and images: keep the visible text, drop the target
			for c := n.FirstChild(); c != nil; {
				next := c.NextSibling()
				parent.InsertBefore(parent, n, c)
				c = next
			}
			parent.RemoveChild(parent, n)
		}
	}
}

// safeRenderer overrides goldmark's rendering of raw HTML (escaped instead of
// omitted) and of headings (bold paragraphs).
type safeRenderer struct{}

func (safeRenderer) RegisterFuncs(reg renderer.NodeRendererFuncRegisterer) {
	reg.Register(ast.KindRawHTML, renderRawHTML)
	reg.Register(ast.KindHTMLBlock, renderHTMLBlock)
	reg.Register(ast.KindHeading, renderHeading)
}

func renderRawHTML(w util.BufWriter, source []byte, n ast.Node, entering bool) (ast.WalkStatus, error) {
	if !entering {
		return ast.WalkSkipChildren, nil
	}
	segs := n.(*ast.RawHTML).Segments
	for i := 0; i < segs.Len(); i++ {
		s := segs.At(i)
		_, _ = w.Write(util.EscapeHTML(s.Value(source)))
	}
	return ast.WalkSkipChildren, nil
}

func renderHTMLBlock(w util.BufWriter, source []byte, node ast.Node, entering bool) (ast.WalkStatus, error) {
	if !entering {
		return ast.WalkContinue, nil
	}
	n := node.(*ast.HTMLBlock)
	var b bytes.Buffer
	lines := n.Lines()
	for i := 0; i < lines.Len(); i++ {
		s := lines.At(i)
		b.Write(s.Value(source))
	}
	if n.HasClosure() {
		b.Write(n.ClosureLine.Value(source))
	}
	_, _ = w.WriteString("<p>")
	_, _ = w.Write(util.EscapeHTML(bytes.TrimSpace(b.Bytes())))
	_, _ = w.WriteString("</p>\n")
	return ast.WalkContinue, nil
}

func renderHeading(w util.BufWriter, _ []byte, _ ast.Node, entering bool) (ast.WalkStatus, error) {
	if entering {
		_, _ = w.WriteString("<p><strong>")
	} else {
		_, _ = w.WriteString("</strong></p>\n")
	}
	return ast.WalkContinue, nil
}
