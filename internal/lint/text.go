package lint

import (
	"bytes"
	"fmt"
	"regexp"
	"sort"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/parser"
	gtext "github.com/yuin/goldmark/text"
	"go.yaml.in/yaml/v3"

	"github.com/crisis-comms/crisis/internal/mdext"
	"github.com/crisis-comms/crisis/internal/yamlfile"
)

// MaxFileSize is the largest message file linted; larger files are
// reported as unusable input rather than read into memory.
const MaxFileSize = 16 << 20

// FrontMatter is the optional YAML header of a message file.
type FrontMatter struct {
	Channel    string `yaml:"channel,omitempty"`
	Lang       string `yaml:"lang,omitempty"`
	Stage      string `yaml:"stage,omitempty"`
	Incident   string `yaml:"incident,omitempty"`
	Scenario   string `yaml:"scenario,omitempty"`
	Playbook   string `yaml:"playbook,omitempty"`
	Time       string `yaml:"time,omitempty"`
	NextUpdate string `yaml:"next_update,omitempty"`
	Subject    string `yaml:"subject,omitempty"`
	Title      string `yaml:"title,omitempty"`
	// ReplyTo is the id of the incoming message a reply answers.
	ReplyTo string `yaml:"reply_to,omitempty"`
}

// Document is a message file prepared for linting: the raw text, its front
// matter, and two masked views with the same byte offsets as the raw text.
// In voice, everything that is not the sender's own voice (front matter,
// code, HTML, URLs, link targets, block quotes, quotations of others,
// suppression comments) is blanked; in plain, only front matter, code and
// comments are.
type Document struct {
	Path     string
	Raw      string
	Front    FrontMatter
	HasFront bool
	// Body is the byte offset where the message text starts.
	Body     int
	Markdown bool

	voice []byte
	// plain is the plain view while Parse masks it, nil as long as it
	// equals Raw (most messages have no front matter, comments or code);
	// plainText is the finished view.
	plain     []byte
	plainText string

	lineStarts []int
	// lineBuf holds lineStarts for short messages, saving an allocation.
	lineBuf [16]int
	bom     int
	// runeMarks[k] is the number of code points in Raw[:k*runeBlock]. It
	// is built only for a document with a line longer than runeBlock, so
	// that Position counts at most two blocks whatever the line's length.
	runeMarks []int

	// suppressions found in the text, applied after rules ran.
	suppress []suppression
	// suppressIx indexes many suppressions by rule; blankLines and
	// crlfBlankLines remember where the next paragraph ends.
	suppressIx                 suppressIndex
	blankLines, crlfBlankLines nextIndex
	// links and emails are the byte ranges of web addresses and e-mail
	// addresses found while masking, reused by the contact detector.
	links  [][2]int
	emails [][2]int
	// quotes are quotations of others, blanked from voice by prepareVoice
	// depending on the channel.
	quotes     [][2]int
	quotesDone bool
}

// InputError is a file that cannot be linted at all.
type InputError struct {
	Path         string
	Line, Column int
	Msg          string
}

func (e *InputError) Error() string {
	if e.Line > 0 {
		return fmt.Sprintf("%s:%d:%d: %s", e.Path, e.Line, e.Column, e.Msg)
	}
	return fmt.Sprintf("%s: %s", e.Path, e.Msg)
}

// TooLarge describes a file over MaxFileSize, in MB with one decimal
// where it is not a whole number ("file is 16.2 MB", not "16 MB").
func TooLarge(size int64) string {
	mb := fmt.Sprintf("%.1f", float64(size)/(1<<20))
	mb = strings.TrimSuffix(mb, ".0")
	return fmt.Sprintf("file is %s MB; messages larger than %d MB are not linted", mb, MaxFileSize>>20)
}

// Parse prepares a message file. markdown selects Markdown-aware masking
// (for .md files); plain text gets URL, quote and block-quote masking only.
func Parse(path string, data []byte, markdown bool) (*Document, error) {
	if len(data) > MaxFileSize {
		return nil, &InputError{Path: path, Msg: TooLarge(int64(len(data)))}
	}
	if i := bytes.IndexByte(data, 0); i >= 0 {
		return nil, &InputError{Path: path, Msg: "binary file (contains NUL bytes): not a message"}
	}
	if !utf8.Valid(data) {
		off := firstInvalid(data)
		d := &Document{Raw: string(data[:off])}
		d.indexLines()
		l, c := d.Position(off)
		return nil, &InputError{Path: path, Line: l, Column: c, Msg: "invalid UTF-8: save the file as UTF-8"}
	}
	d := docPool.Get().(*Document)
	// A released document lends its buffers; everything else starts anew.
	*d = Document{Path: path, Raw: string(data), Markdown: markdown,
		voice: d.voice[:0], lineStarts: d.lineStarts[:0], suppress: d.suppress[:0],
		links: d.links[:0], emails: d.emails[:0], quotes: d.quotes[:0]}
	if strings.HasPrefix(d.Raw, "\uFEFF") {
		d.bom = 3
	}
	d.indexLines()
	d.voice = append(d.voice, d.Raw...)
	blank(d.voice, 0, d.bom)
	if d.bom > 0 {
		blank(d.plainBuf(), 0, d.bom)
	}
	if err := d.frontMatter(); err != nil {
		return nil, err
	}
	d.maskComments()
	if markdown && hasMarkdownSyntax(d.Raw[d.Body:]) {
		d.maskMarkdown()
	}
	d.maskPlain()
	d.plainText = d.Raw
	if d.plain != nil {
		d.plainText = string(d.plain)
		d.plain = nil
	}
	return d, nil
}

// docPool holds released documents, whose buffers Parse reuses.
var docPool = sync.Pool{New: func() any { return new(Document) }}

// Release hands the document's buffers back for a later Parse. The caller
// must not use d afterwards; strings taken from it (Raw, findings, facts)
// stay valid. Documents of unusual size are left to the collector.
func (d *Document) Release() {
	if cap(d.voice) > 64<<10 || cap(d.lineStarts) > 4096 {
		return
	}
	clear(d.suppress[:cap(d.suppress)]) // their strings point into Raw
	*d = Document{voice: d.voice[:0], lineStarts: d.lineStarts[:0], suppress: d.suppress[:0],
		links: d.links[:0], emails: d.emails[:0], quotes: d.quotes[:0]}
	docPool.Put(d)
}

// plainBuf returns the plain view for masking, copying Raw on first use.
func (d *Document) plainBuf() []byte {
	if d.plain == nil {
		d.plain = []byte(d.Raw)
	}
	return d.plain
}

func firstInvalid(data []byte) int {
	for i := 0; i < len(data); {
		r, size := utf8.DecodeRune(data[i:])
		if r == utf8.RuneError && size == 1 {
			return i
		}
		i += size
	}
	return len(data)
}

func (d *Document) indexLines() {
	n := strings.Count(d.Raw, "\n")
	if cap(d.lineStarts) < n+1 {
		if n+1 <= len(d.lineBuf) {
			d.lineStarts = d.lineBuf[:0:len(d.lineBuf)]
		} else {
			d.lineStarts = make([]int, 0, n+1)
		}
	}
	d.lineStarts = append(d.lineStarts[:0], 0)
	longest := 0
	for off := 0; n > 0; n-- {
		next := off + strings.IndexByte(d.Raw[off:], '\n') + 1
		longest = max(longest, next-off)
		off = next
		d.lineStarts = append(d.lineStarts, off)
	}
	d.runeMarks = nil
	if max(longest, len(d.Raw)-d.lineStarts[len(d.lineStarts)-1]) > runeBlock {
		d.markRunes()
	}
}

// runeBlock is the stride of Document.runeMarks.
const runeBlock = 4096

// markRunes builds runeMarks. Counting the bytes that start a code point
// equals counting code points in valid UTF-8, and it adds up across block
// boundaries that split one.
func (d *Document) markRunes() {
	d.runeMarks = make([]int, 0, len(d.Raw)/runeBlock+1)
	n := 0
	for k := 0; k <= len(d.Raw); k += runeBlock {
		d.runeMarks = append(d.runeMarks, n)
		n += runeStarts(d.Raw[k:min(k+runeBlock, len(d.Raw))])
	}
}

func runeStarts(s string) int {
	n := 0
	for i := 0; i < len(s); i++ {
		if s[i]&0xC0 != 0x80 {
			n++
		}
	}
	return n
}

// runesBefore is the number of code points in Raw[:off], with runeMarks.
func (d *Document) runesBefore(off int) int {
	k := off / runeBlock
	return d.runeMarks[k] + runeStarts(d.Raw[k*runeBlock:off])
}

// Position converts a byte offset to a 1-based line and a 1-based column
// counted in code points (a BOM is not counted).
func (d *Document) Position(off int) (line, col int) {
	if off > len(d.Raw) {
		off = len(d.Raw)
	}
	i := sort.Search(len(d.lineStarts), func(i int) bool { return d.lineStarts[i] > off }) - 1
	start := d.lineStarts[i]
	if i == 0 && start < d.bom {
		start = d.bom
	}
	if off < start {
		off = start
	}
	if off-start > runeBlock && d.runeMarks != nil {
		return i + 1, 1 + d.runesBefore(off) - d.runesBefore(start)
	}
	return i + 1, 1 + utf8.RuneCountInString(d.Raw[start:off])
}

// BodyText returns the message text after the front matter.
func (d *Document) BodyText() string { return d.Raw[d.Body:] }

func blank(b []byte, from, to int) {
	for i := from; i < to && i < len(b); i++ {
		if b[i] != '\n' {
			b[i] = ' '
		}
	}
}

// fmDelimIndex finds the closing front-matter line, `---` with nothing
// after it but spaces, tabs and a carriage return, and returns its start
// and its end before the line feed, or nil.
func fmDelimIndex(s string) []int {
	for start := 0; start <= len(s); {
		line, _, _ := strings.Cut(s[start:], "\n")
		if rest, ok := strings.CutPrefix(line, "---"); ok && strings.Trim(strings.TrimSuffix(rest, "\r"), " \t") == "" {
			return []int{start, start + len(line)}
		}
		start += len(line) + 1
	}
	return nil
}

func (d *Document) frontMatter() error {
	s := d.Raw[d.bom:]
	if !strings.HasPrefix(s, "---\n") && !strings.HasPrefix(s, "---\r\n") {
		d.Body = d.bom
		return nil
	}
	first := strings.IndexByte(s, '\n') + 1
	loc := fmDelimIndex(s[first:])
	if loc == nil {
		return &InputError{Path: d.Path, Line: 1, Column: 1, Msg: "front matter starts with --- but has no closing --- line"}
	}
	yamlText := s[first : first+loc[0]]
	end := first + loc[1]
	if end < len(s) && s[end] == '\n' {
		end++
	}
	d.HasFront = true
	d.Body = d.bom + end
	blank(d.voice, 0, d.Body)
	blank(d.plainBuf(), 0, d.Body)
	if strings.TrimSpace(yamlText) == "" {
		return nil
	}
	if fm, ok := simpleFrontMatter(yamlText); ok {
		d.Front = fm
		return nil
	}
	doc, err := yamlfile.Parse(d.Path, []byte(yamlText))
	if err == nil && doc != nil {
		if doc.Content[0].Kind != yaml.MappingNode {
			return &InputError{Path: d.Path, Line: 2, Column: 1, Msg: "front matter must be a mapping such as `channel: sms`"}
		}
		err = yamlfile.DecodeNode(d.Path, doc, &d.Front)
	}
	if err != nil {
		if ye, ok := err.(*yamlfile.Error); ok {
			line := ye.Line
			if line > 0 {
				line++ // the opening --- is line 1
			}
			return &InputError{Path: d.Path, Line: line, Column: ye.Column, Msg: "front matter: " + ye.Msg}
		}
		return &InputError{Path: d.Path, Msg: "front matter: " + err.Error()}
	}
	return nil
}

// simpleFrontMatter decodes the common flat front matter by hand; the YAML
// parser costs more than the rest of linting a short message. A line is
// `key: value` with a known key, where the value is plain text that YAML
// reads as itself (see plainValue and isYAMLSpecial) or a single- or
// double-quoted string without escapes, as `crisis render` writes
// next_update and subject. Anything else (and any unknown key, for its
// error message) goes to the parser.
func simpleFrontMatter(text string) (FrontMatter, bool) {
	var fm FrontMatter
	var seen uint16
	text = strings.TrimRight(text, "\r\n")
	for more := true; more; {
		var line string
		line, text, more = strings.Cut(text, "\n")
		key, val, ok := simpleLine(line)
		if !ok {
			return FrontMatter{}, false
		}
		p, bit := fm.field(key)
		if p == nil || seen&bit != 0 {
			return FrontMatter{}, false
		}
		seen |= bit
		*p = val
	}
	return fm, true
}

// simpleLine splits a front-matter line `key: value`; ok is false unless
// the value is one simpleFrontMatter may decode by hand.
func simpleLine(line string) (key, val string, ok bool) {
	i := 0
	for i < len(line) && ('a' <= line[i] && line[i] <= 'z' || line[i] == '_') {
		i++
	}
	if i == 0 || i+1 >= len(line) || line[i] != ':' || line[i+1] != ' ' && line[i+1] != '\t' {
		return "", "", false
	}
	key = line[:i]
	v := strings.TrimLeft(line[i+1:], " \t")
	v = strings.TrimRight(strings.TrimSuffix(v, "\r"), " \t")
	if len(v) >= 2 && (v[0] == '"' || v[0] == '\'') && v[len(v)-1] == v[0] {
		inner := v[1 : len(v)-1]
		for _, r := range inner {
			if r == '"' || r == '\'' || r == '\\' || r != ' ' && !unicode.IsPrint(r) {
				return "", "", false
			}
		}
		return key, inner, true
	}
	if v == "" || !plainValue(v) || isYAMLSpecial(v) {
		return "", "", false
	}
	return key, v, true
}

// field returns the front-matter field of a key and a bit for it.
func (fm *FrontMatter) field(key string) (*string, uint16) {
	switch key {
	case "channel":
		return &fm.Channel, 1 << 0
	case "lang":
		return &fm.Lang, 1 << 1
	case "stage":
		return &fm.Stage, 1 << 2
	case "incident":
		return &fm.Incident, 1 << 3
	case "scenario":
		return &fm.Scenario, 1 << 4
	case "playbook":
		return &fm.Playbook, 1 << 5
	case "time":
		return &fm.Time, 1 << 6
	case "next_update":
		return &fm.NextUpdate, 1 << 7
	case "subject":
		return &fm.Subject, 1 << 8
	case "title":
		return &fm.Title, 1 << 9
	case "reply_to":
		return &fm.ReplyTo, 1 << 10
	}
	return nil, 0
}

// plainValue accepts letters, digits, inner spaces and a few harmless
// punctuation marks: text that every YAML parser reads as itself.
func plainValue(v string) bool {
	for _, r := range v {
		if !unicode.IsLetter(r) && !unicode.IsDigit(r) && !strings.ContainsRune(" -_./()+?=", r) {
			return false
		}
	}
	return true
}

// isYAMLSpecial reports plain scalars that YAML would not read as the
// same string (null, booleans, numbers, "?" as a mapping key indicator),
// so the parser decides.
func isYAMLSpecial(v string) bool {
	switch strings.ToLower(v) {
	case "null", "~", "true", "false", "yes", "no", "on", "off", "y", "n":
		return true
	}
	return strings.ContainsAny(v[:1], "0123456789-+.?")
}

var (
	htmlComment   = lazyRE(`(?s)<!--.*?-->`)
	hashDirective = lazyRE(`(?m)^[ \t]*#[ \t]*crisis-ignore\b[^\n]*`)
)

// maskComments blanks HTML comments and # crisis-ignore lines in both views
// and records the suppressions they carry.
func (d *Document) maskComments() {
	body := d.Raw[d.Body:]
	if !strings.Contains(body, "<!--") && !strings.Contains(body, "crisis-ignore") {
		return
	}
	for _, loc := range htmlComment().FindAllStringIndex(body, -1) {
		from, to := d.Body+loc[0], d.Body+loc[1]
		d.addSuppression(from, to, true)
		blank(d.voice, from, to)
		blank(d.plainBuf(), from, to)
	}
	for _, loc := range hashDirective().FindAllStringIndex(body, -1) {
		from, to := d.Body+loc[0], d.Body+loc[1]
		d.addSuppression(from, to, false)
		blank(d.voice, from, to)
		blank(d.plainBuf(), from, to)
	}
}

// mdParser is built on first use: most messages hold no Markdown syntax
// (hasMarkdownSyntax), and building it costs every start.
var mdParser = sync.OnceValue(func() parser.Parser {
	return goldmark.New(goldmark.WithExtensions(mdext.Linkify, mdext.Strikethrough)).Parser()
})

// maskMarkdown uses the Markdown structure to blank code, HTML, link
// targets and block quotes from the voice view (code also from plain).
func (d *Document) maskMarkdown() {
	src := []byte(d.Raw[d.Body:])
	root := mdParser().Parse(gtext.NewReader(guardMarkdown(src)))
	off := d.Body
	segs := func(n ast.Node, views ...[]byte) {
		lines := n.Lines()
		for i := 0; i < lines.Len(); i++ {
			s := lines.At(i)
			for _, v := range views {
				blank(v, off+s.Start, off+s.Stop)
			}
		}
	}
	_ = ast.Walk(root, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		switch x := n.(type) {
		case *ast.FencedCodeBlock:
			segs(x, d.voice, d.plainBuf())
			d.blankFenceLines(x)
			return ast.WalkSkipChildren, nil
		case *ast.CodeBlock, *ast.HTMLBlock:
			segs(x, d.voice, d.plainBuf())
			return ast.WalkSkipChildren, nil
		case *ast.Blockquote:
			_ = ast.Walk(x, func(c ast.Node, in bool) (ast.WalkStatus, error) {
				if in && c.Type() == ast.TypeBlock {
					segs(c, d.voice)
				}
				return ast.WalkContinue, nil
			})
			return ast.WalkSkipChildren, nil
		case *ast.CodeSpan:
			from, to := inlineSpan(x)
			if from >= 0 {
				from, to = widenTicks(src, from, to)
				blank(d.voice, off+from, off+to)
				blank(d.plainBuf(), off+from, off+to)
			}
			return ast.WalkSkipChildren, nil
		case *ast.RawHTML:
			for i := 0; i < x.Segments.Len(); i++ {
				s := x.Segments.At(i)
				blank(d.voice, off+s.Start, off+s.Stop)
			}
		case *ast.AutoLink:
			// The link text is a URL or address: not the sender's words.
			from, to := inlineSpan(x)
			if from < 0 {
				if t, ok := x.FirstChild().(*ast.Text); ok {
					from, to = t.Segment.Start, t.Segment.Stop
				}
			}
			if from >= 0 {
				blank(d.voice, off+from, off+to)
			}
		case *ast.Link, *ast.Image:
			// Blank "](target)": from the end of the label to the closing paren.
			_, to := inlineSpan(x)
			if to >= 0 {
				if j := bytes.IndexByte(src[to:], ')'); j >= 0 && bytes.HasPrefix(src[to:], []byte("](")) {
					blank(d.voice, off+to, off+to+j+1)
				}
			}
		}
		return ast.WalkContinue, nil
	})
}

// hasMarkdownSyntax reports whether text has any construct the Markdown
// pass masks (code, HTML, links, block quotes); most messages have none,
// and skipping the parser then saves a third of the time.
func hasMarkdownSyntax(text string) bool {
	return strings.IndexByte(text, '`') >= 0 || strings.IndexByte(text, '<') >= 0 ||
		strings.IndexByte(text, '[') >= 0 || strings.IndexByte(text, '>') >= 0 ||
		strings.Contains(text, "~~~") ||
		strings.Contains(text, "\n    ") || strings.Contains(text, "\n\t") ||
		strings.HasPrefix(text, "    ") || strings.HasPrefix(text, "\t")
}

// blankFenceLines blanks the ``` lines themselves, which goldmark does not
// include in the block's lines.
func (d *Document) blankFenceLines(n *ast.FencedCodeBlock) {
	lines := n.Lines()
	if lines.Len() == 0 {
		return
	}
	first := d.Body + lines.At(0).Start
	last := d.Body + lines.At(lines.Len()-1).Stop
	if i := strings.LastIndexByte(d.Raw[:max(first-1, 0)], '\n'); first > 0 {
		blank(d.voice, i+1, first)
		blank(d.plainBuf(), i+1, first)
	}
	if j := strings.IndexByte(d.Raw[last:], '\n'); j >= 0 {
		blank(d.voice, last, last+j)
		blank(d.plainBuf(), last, last+j)
	} else {
		blank(d.voice, last, len(d.Raw))
		blank(d.plainBuf(), last, len(d.Raw))
	}
}

// inlineSpan returns the source range covered by an inline node's text
// children, or -1.
func inlineSpan(n ast.Node) (int, int) {
	from, to := -1, -1
	_ = ast.Walk(n, func(c ast.Node, entering bool) (ast.WalkStatus, error) {
		if t, ok := c.(*ast.Text); ok && entering {
			if from < 0 || t.Segment.Start < from {
				from = t.Segment.Start
			}
			if t.Segment.Stop > to {
				to = t.Segment.Stop
			}
		}
		return ast.WalkContinue, nil
	})
	return from, to
}

func widenTicks(src []byte, from, to int) (int, int) {
	for from > 0 && src[from-1] == '`' {
		from--
	}
	for to < len(src) && src[to] == '`' {
		to++
	}
	return from, to
}

var (
	urlRe       = lazyRE(`(?i)\b(?:https?://|www\.)[^\s<>()"„“”»«]+[^\s<>()"„“”»«.,;:!?'’)]`)
	bareURLRe   = lazyRE(`(?i)\b[a-z0-9](?:[a-z0-9-]*[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]*[a-z0-9])?)*\.(?:` + strings.Join(bareTLDs, "|") + `)\b(?:/[^\s<>()"„“”]*[^\s<>()"„“”.,;:!?'’)])?`)
	emailRe     = lazyRE(`(?i)\b[a-z0-9._%+-]+@[a-z0-9.-]+\.[a-z]{2,}\b`)
	blockQuote  = lazyRE(`(?m)^[ \t]{0,3}>[^\n]*`)
	quotePairs  = [][2]string{{"„", "“"}, {"“", "”"}, {"»", "«"}, {"«", "»"}, {"‚", "‘"}, {"\"", "\""}}
	minQuoteLen = 3 // words; shorter quotes are scare quotes or names, still the sender's voice
)

// maskPlain blanks URLs, e-mail addresses, block-quote lines and
// quotations of three or more words from the voice view. The regular
// expressions run only on lines that can match (Go's regexp engine is slow
// on long texts without a literal prefix).
func (d *Document) maskPlain() {
	blankAll := func(locs [][2]int, keep *[][2]int) {
		for _, loc := range locs {
			from, to := d.Body+loc[0], d.Body+loc[1]
			if keep != nil {
				*keep = append(*keep, [2]int{from, to})
			}
			blank(d.voice, from, to)
		}
	}
	// One walk over the tokens; a token is tried as a link, then as an
	// e-mail address, then as a bare domain, as the three expressions
	// used to run one after the other over the blanked text. The voice
	// view of the body is usually still the raw text: no copy then.
	text := d.Raw[d.Body:]
	if string(d.voice[d.Body:]) != text {
		text = string(d.voice[d.Body:])
	}
	var urls, mails, bare [][2]int
	// Only tokens with a '.', ':' or '@' can hold any of them; the walk
	// jumps from one such byte to the next.
	nextDot, nextColon, nextAt := -1, -1, -1
	next := func(c byte, p, i int) int {
		if p >= i {
			return p
		}
		if j := strings.IndexByte(text[i:], c); j >= 0 {
			return i + j
		}
		return len(text)
	}
	for i := 0; ; {
		nextDot, nextColon, nextAt = next('.', nextDot, i), next(':', nextColon, i), next('@', nextAt, i)
		k := min(nextDot, nextColon, nextAt)
		if k >= len(text) {
			break
		}
		start, end := k, k+1
		for start > i && tokenByte[text[start-1]]&tokSpace == 0 {
			start--
		}
		var seen uint8
		for j := start; j < len(text); j++ {
			c := tokenByte[text[j]]
			if c&tokSpace != 0 {
				break
			}
			seen |= c
			end = j + 1
		}
		i = end
		// A link has "://" or "www.", an e-mail address an @, and both
		// links and domains a dot before their last byte.
		tok := text[start:end]
		if seen&(tokColon|tokAt) == 0 && strings.IndexByte(tok[:len(tok)-1], '.') < 0 {
			continue
		}
		urls, mails, bare = findAddresses(tok, start, seen, urls, mails, bare)
	}
	blankAll(urls, &d.links)
	blankAll(mails, &d.emails)
	blankAll(bare, &d.links)
	// text stays the voice view as long as nothing was blanked; the
	// view is copied into a string again only when it changed.
	changed := len(urls)+len(mails)+len(bare) > 0
	if !d.Markdown && bytes.IndexByte(d.voice[d.Body:], '>') >= 0 {
		if changed {
			text, changed = string(d.voice[d.Body:]), false
		}
		if locs := findInLines(blockQuote(), text, func(l string) bool { return strings.Contains(l, ">") }); len(locs) > 0 {
			for _, loc := range locs {
				blank(d.voice, d.Body+loc[0], d.Body+loc[1])
			}
			changed = true
		}
	}
	for _, q := range quotePairs {
		if !bytes.Contains(d.voice[d.Body:], []byte(q[0])) {
			continue
		}
		if changed {
			text, changed = string(d.voice[d.Body:]), false
		}
		d.findQuotes(text, q[0], q[1])
	}
}

// Channels whose quotations are the sender's own words: a hotline script
// is written as the lines the agent speaks.
var ownQuoteChannels = map[string]bool{"hotline": true}

// prepareVoice blanks quotations of others from the voice view, once,
// unless the channel quotes its own words.
func (d *Document) prepareVoice(ch string) {
	if d.quotesDone {
		return
	}
	d.quotesDone = true
	if ownQuoteChannels[ch] {
		return
	}
	for _, q := range d.quotes {
		blank(d.voice, q[0], q[1])
	}
}

// findInLines runs re over every line of s for which need is true and
// returns match offsets in s.
func findInLines(re *regexp.Regexp, s string, need func(string) bool) [][]int {
	var out [][]int
	for off := 0; off < len(s); {
		end := strings.IndexByte(s[off:], '\n')
		if end < 0 {
			end = len(s)
		} else {
			end += off
		}
		line := s[off:end]
		if need(line) {
			for _, loc := range re.FindAllStringIndex(line, -1) {
				out = append(out, []int{off + loc[0], off + loc[1]})
			}
		}
		off = end + 1
	}
	return out
}

// findQuotes records quotations of three or more words between open and
// close.
func (d *Document) findQuotes(body, open, close string) {
	for i := 0; i < len(body); {
		j := strings.Index(body[i:], open)
		if j < 0 {
			return
		}
		start := i + j + len(open)
		k := strings.Index(body[start:], close)
		if k < 0 {
			return
		}
		inner := body[start : start+k]
		if strings.Contains(inner, "\n\n") {
			i = start
			continue
		}
		if countFields(inner, minQuoteLen) >= minQuoteLen {
			d.quotes = append(d.quotes, [2]int{d.Body + start - len(open), d.Body + start + k + len(close)})
		}
		i = start + k + len(close)
	}
}

// countFields counts space-separated fields of s, stopping at limit.
func countFields(s string, limit int) int {
	n, in := 0, false
	for _, r := range s {
		sp := unicode.IsSpace(r)
		if !sp && !in {
			n++
			if n >= limit {
				return n
			}
		}
		in = !sp
	}
	return n
}

// isWordRune reports whether r can be part of a word token.
func isWordRune(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }
