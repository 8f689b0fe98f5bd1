package lint

import (
	"bytes"
	"fmt"
	"reflect"
	"regexp"
	"strings"
	"testing"
	"unicode/utf8"
)

// refParse is Parse as it was before the hand-written matchers: the
// three link expressions run over the whole body, one after the other
// on the progressively blanked voice view, lines are indexed byte by
// byte and Markdown syntax is looked for with ContainsAny.
func refParse(path string, data []byte, markdown bool) (*Document, error) {
	if len(data) > MaxFileSize {
		return nil, &InputError{Path: path, Msg: TooLarge(int64(len(data)))}
	}
	if i := bytes.IndexByte(data, 0); i >= 0 {
		return nil, &InputError{Path: path, Msg: "binary file (contains NUL bytes): not a message"}
	}
	if !utf8.Valid(data) {
		off := firstInvalid(data)
		d := &Document{Raw: string(data[:off])}
		d.refIndexLines()
		l, c := d.Position(off)
		return nil, &InputError{Path: path, Line: l, Column: c, Msg: "invalid UTF-8: save the file as UTF-8"}
	}
	d := &Document{Path: path, Raw: string(data), Markdown: markdown}
	if strings.HasPrefix(d.Raw, "\uFEFF") {
		d.bom = 3
	}
	d.refIndexLines()
	d.voice = []byte(d.Raw)
	blank(d.voice, 0, d.bom)
	if d.bom > 0 {
		blank(d.plainBuf(), 0, d.bom)
	}
	if err := d.frontMatter(); err != nil {
		return nil, err
	}
	d.maskComments()
	text := d.Raw[d.Body:]
	if markdown && (strings.ContainsAny(text, "`<[>") || strings.Contains(text, "~~~") ||
		strings.Contains(text, "\n    ") || strings.Contains(text, "\n\t") ||
		strings.HasPrefix(text, "    ") || strings.HasPrefix(text, "\t")) {
		d.maskMarkdown()
	}
	d.refMaskPlain()
	d.plainText = d.Raw
	if d.plain != nil {
		d.plainText = string(d.plain)
		d.plain = nil
	}
	return d, nil
}

func (d *Document) refIndexLines() {
	d.lineStarts = append(d.lineStarts[:0], 0)
	for i := 0; i < len(d.Raw); i++ {
		if d.Raw[i] == '\n' {
			d.lineStarts = append(d.lineStarts, i+1)
		}
	}
}

func (d *Document) refMaskPlain() {
	all := func(string) bool { return true }
	for _, step := range []struct {
		re   func() *regexp.Regexp
		dest *[][2]int
	}{{urlRe, &d.links}, {emailRe, &d.emails}, {bareURLRe, &d.links}} {
		for _, l := range findInLines(step.re(), string(d.voice[d.Body:]), all) {
			from, to := d.Body+l[0], d.Body+l[1]
			*step.dest = append(*step.dest, [2]int{from, to})
			blank(d.voice, from, to)
		}
	}
	if !d.Markdown {
		for _, l := range findInLines(blockQuote(), string(d.voice[d.Body:]), all) {
			blank(d.voice, d.Body+l[0], d.Body+l[1])
		}
	}
	for _, q := range quotePairs {
		d.findQuotes(string(d.voice[d.Body:]), q[0], q[1])
	}
}

// FuzzMaskParse checks that Parse gives the same Document, every field,
// as refParse.
func FuzzMaskParse(f *testing.F) {
	for _, s := range fuzzSeeds {
		f.Add([]byte(s), true)
		f.Add([]byte(s), false)
	}
	for _, s := range []string{
		smsText, benchText,
		"Infos: https://status.example.de/a_(b). Mail hilfe@example.de, www.x.com!\n> zitiert\n„eins zwei drei“ status.example.de/x",
		"x.de Www.a.b wWw.example.org/x). a.ſhop b.u\u212a a.de/ſ https://x@y.de/a x@y.de.a.de",
		"---\nchannel: sms\n---\n<!-- crisis-ignore -->\nhttps://a.de »eins zwei drei« > x\n\n\n",
	} {
		f.Add([]byte(s), true)
		f.Add([]byte(s), false)
	}
	f.Fuzz(func(t *testing.T, data []byte, markdown bool) {
		got, gerr := Parse("f.md", data, markdown)
		want, werr := refParse("f.md", data, markdown)
		if !reflect.DeepEqual(gerr, werr) {
			t.Fatalf("%q: error %v, reference %v", data, gerr, werr)
		}
		if gerr != nil {
			return
		}
		// Capacities may differ, and a reused buffer is empty where a new
		// one is nil; DeepEqual compares contents.
		normDoc(got)
		normDoc(want)
		if !reflect.DeepEqual(got, want) {
			t.Fatalf("%q:\n got %+v\nwant %+v", data, got, want)
		}
	})
}

// normDoc makes documents comparable by content: fresh copies of the line
// index, no line buffer, and nil for every empty slice.
func normDoc(d *Document) {
	d.lineStarts = append([]int(nil), d.lineStarts...)
	d.lineBuf = [16]int{}
	if len(d.voice) == 0 {
		d.voice = nil
	}
	if len(d.plain) == 0 {
		d.plain = nil
	}
	if len(d.suppress) == 0 {
		d.suppress = nil
	}
	if len(d.links) == 0 {
		d.links = nil
	}
	if len(d.emails) == 0 {
		d.emails = nil
	}
	if len(d.quotes) == 0 {
		d.quotes = nil
	}
}

// FuzzDocumentReuse checks that a document parsed into the buffers of a
// released one is the document a fresh parse gives, and that linting the
// first one and releasing it leaves its findings intact.
func FuzzDocumentReuse(f *testing.F) {
	f.Add([]byte("---\nchannel: sms\n---\n<!-- crisis-ignore helpful.exclamations: ok -->\nhttps://a.de »eins zwei« hilfe@x.de!!!"), []byte("Kurz."))
	f.Add([]byte(benchText), []byte(smsText))
	f.Add([]byte(smsText), []byte(benchText))
	e := builtinEngine(f, "builtin:de")
	f.Fuzz(func(t *testing.T, a, b []byte) {
		if da, err := Parse("a.md", a, true); err == nil {
			fs := e.Lint(da, Context{Channel: "sms"})
			before := fmt.Sprint(fs)
			da.Release()
			if after := fmt.Sprint(fs); after != before {
				t.Fatalf("findings changed after Release:\n%s\n%s", before, after)
			}
		}
		got, gerr := Parse("f.md", b, true)
		want, werr := refParse("f.md", b, true)
		if !reflect.DeepEqual(gerr, werr) {
			t.Fatalf("%q: error %v, reference %v", b, gerr, werr)
		}
		if gerr != nil {
			return
		}
		normDoc(got)
		normDoc(want)
		if !reflect.DeepEqual(got, want) {
			t.Fatalf("%q after %q:\n got %+v\nwant %+v", b, a, got, want)
		}
	})
}
