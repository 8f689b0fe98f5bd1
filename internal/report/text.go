package report

import (
	"bufio"
	"fmt"
	"io"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
	"unsafe"

	"golang.org/x/text/width"

	"github.com/crisis-comms/crisis/internal/lint"
)

// tabWidth is the tab stop for showing source lines; the marker line uses
// the same expansion, so carets stay under the span whatever the terminal's
// own tab setting is.
const tabWidth = 4

// ANSI styles, used only when Options.Color is set.
const (
	ansiReset  = "\x1b[0m"
	ansiBold   = "\x1b[1m"
	ansiDim    = "\x1b[2m"
	ansiRed    = "\x1b[1;31m"
	ansiYellow = "\x1b[1;33m"
	ansiCyan   = "\x1b[1;36m"
	ansiGreen  = "\x1b[32m"
)

// writeText prints findings for people, one block per finding:
//
//	path:line:col: severity rule (principle/tone) message
//	  4 | the source line
//	    |     ^~~~~~
//	  → suggestion
//
// followed by a blank line, and after all files one summary line such as
// "3 files: 1 error, 2 warnings, 0 info" or "3 files: no findings". A file
// that could not be linted prints "path: error: message". Message
// statistics are left to the json format, to keep this output about what
// to fix.
func writeText(w io.Writer, files []File, opts Options) error {
	return Write(w, "text", files, opts)
}

// file prints the problem and the findings of one file.
func (p textPrinter) file(f *File) {
	if p.at != nil {
		// A new file: its text may sit where the last one's was.
		*p.at = lineCursor{}
	}
	if f.Err != nil {
		line, col, msg := inputError(*f)
		p.where(f.Path, line, col)
		p.w.WriteString(": ")
		p.style(ansiRed, "error:")
		p.w.WriteByte(' ')
		writeSafe(p.w, msg)
		p.w.WriteByte('\n')
		if line > 0 {
			p.snippet(f.Source, ansiRed, line, col, line, col)
		}
		p.w.WriteByte('\n')
	}
	for j := range f.Findings {
		p.finding(f, &f.Findings[j])
	}
}

// textPrinter writes straight into its buffer: a run over a large tree
// prints tens of thousands of findings, and building strings for each
// would cost more than printing them.
type textPrinter struct {
	w     *bufio.Writer
	color bool
	// at finds source lines: findings come sorted, so it moves forward
	// through a file instead of counting lines from its start each time.
	at *lineCursor
}

// lineCursor remembers the start of the last source line looked up, and
// in it the byte offset of the last code point looked up.
type lineCursor struct {
	source           string
	line, start, end int // end < start: not yet known
	k, kb            int
}

// offset returns code point k (from 0) of text, the line find returned
// last, clamped to the line's length, and its byte offset.
func (c *lineCursor) offset(text string, k int) (int, int) {
	if k < c.k || c.kb > len(text) {
		c.k, c.kb = 0, 0
	}
	kb, n := runeOffset(text, c.kb, k-c.k)
	c.k, c.kb = c.k+n, kb
	return c.k, c.kb
}

// find returns line n (from 1) of source without its line ending.
func (c *lineCursor) find(source string, n int) (string, bool) {
	if n < 1 || source == "" {
		return "", false
	}
	// The same text, not just equal text: comparing the contents would
	// cost a pass over the file per finding.
	if unsafe.StringData(c.source) != unsafe.StringData(source) || len(c.source) != len(source) || n < c.line || c.line == 0 {
		c.source, c.line, c.start, c.end = source, 1, 0, -1
		c.k, c.kb = 0, 0
	}
	if c.line < n {
		c.k, c.kb, c.end = 0, 0, -1
	}
	for c.line < n {
		j := strings.IndexByte(source[c.start:], '\n')
		if j < 0 {
			return "", false
		}
		c.start += j + 1
		c.line++
	}
	if c.end < c.start {
		c.end = len(source)
		if j := strings.IndexByte(source[c.start:], '\n'); j >= 0 {
			c.end = c.start + j
		}
	}
	return strings.TrimSuffix(source[c.start:c.end], "\r"), true
}

// style prints s, in the given style when colours are on and s is not empty.
func (p textPrinter) style(code, s string) {
	if p.color && s != "" {
		p.w.WriteString(code)
		p.w.WriteString(s)
		p.w.WriteString(ansiReset)
		return
	}
	p.w.WriteString(s)
}

// writeSafe writes an untrusted string — a file name, an error that quotes
// one, a rule's message from a playbook anyone may edit — with control
// characters escaped as in Go ("\n", "\x1b"), so that it can neither start
// a new report line (a fake "::error" workflow command) nor move the
// cursor or recolour the terminal. Bidirectional overrides are escaped
// too: they reorder what the reader sees. Invalid UTF-8 shows as U+FFFD.
func writeSafe(w *bufio.Writer, s string) {
	i := unsafeAt(s)
	if i == len(s) {
		w.WriteString(s)
		return
	}
	w.WriteString(s[:i])
	for _, r := range s[i:] {
		if unicode.IsControl(r) || isBidi(r) {
			q := strconv.QuoteRune(r)
			w.WriteString(q[1 : len(q)-1])
			continue
		}
		w.WriteRune(r)
	}
}

// unsafeAt returns the index of the first byte of s that writeSafe must
// escape, or len(s): a C0 or C1 control, DEL, a bidirectional control, or
// invalid UTF-8 (then 0). Text is checked a byte at a time without
// decoding, since every message passes through here.
func unsafeAt(s string) int {
	ascii := true
	i := 0
scan:
	for ; i < len(s); i++ {
		c := s[i]
		switch {
		case c < 0x20 || c == 0x7f:
			break scan
		case c < 0x80:
		case c == 0xC2:
			ascii = false
			if i+1 < len(s) && s[i+1] >= 0x80 && s[i+1] <= 0x9f {
				break scan
			}
		case c == 0xE2:
			ascii = false
			if i+2 < len(s) && (s[i+1] == 0x80 && s[i+2] >= 0xAA && s[i+2] <= 0xAE || s[i+1] == 0x81 && s[i+2] >= 0xA6 && s[i+2] <= 0xA9) {
				break scan
			}
		default:
			ascii = false
		}
	}
	if !ascii && !utf8.ValidString(s[:i]) {
		return 0
	}
	return i
}

// isBidi reports the bidirectional embedding, override and isolate
// controls.
func isBidi(r rune) bool {
	return r >= '\u202A' && r <= '\u202E' || r >= '\u2066' && r <= '\u2069'
}

// where prints path, followed by :line:col when line is positive, in bold.
func (p textPrinter) where(path string, line, col int) {
	bold := p.color && (path != "" || line > 0)
	if bold {
		p.w.WriteString(ansiBold)
	}
	writeSafe(p.w, path)
	if line > 0 {
		p.w.WriteByte(':')
		p.int(line)
		p.w.WriteByte(':')
		p.int(col)
	}
	if bold {
		p.w.WriteString(ansiReset)
	}
}

func (p textPrinter) int(n int) {
	p.w.Write(strconv.AppendInt(p.w.AvailableBuffer(), int64(n), 10))
}

// digits is the length of the decimal form of a positive n.
func digits(n int) int {
	d := 1
	for ; n >= 10; n /= 10 {
		d++
	}
	return d
}

// repeat prints n copies of the byte that unit consists of.
func (p textPrinter) repeat(unit string, n int) {
	for n > 0 {
		k := min(n, len(unit))
		p.w.WriteString(unit[:k])
		n -= k
	}
}

const (
	spaces = "                                                                "
	tildes = "~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~"
)

func severityStyle(severity string) string {
	switch severity {
	case "error":
		return ansiRed
	case "warning":
		return ansiYellow
	}
	return ansiCyan
}

func (p textPrinter) finding(f *File, x *lint.Finding) {
	p.where(f.Path, x.Line, x.Column)
	p.w.WriteString(": ")
	sev := severityStyle(x.Severity)
	p.style(sev, x.Severity)
	p.w.WriteByte(' ')
	// The rule, with its principle and tone when it has them, is dim.
	dim := p.color && (x.Rule != "" || x.Principle != "" || x.Tone != "")
	if dim {
		p.w.WriteString(ansiDim)
	}
	writeSafe(p.w, x.Rule)
	if x.Principle != "" || x.Tone != "" {
		p.w.WriteString(" (")
		writeSafe(p.w, x.Principle)
		if x.Principle != "" && x.Tone != "" {
			p.w.WriteByte('/')
		}
		writeSafe(p.w, x.Tone)
		p.w.WriteByte(')')
	}
	if dim {
		p.w.WriteString(ansiReset)
	}
	p.w.WriteByte(' ')
	writeSafe(p.w, x.Message)
	p.w.WriteByte('\n')
	if x.Line > 0 {
		p.snippet(f.Source, sev, x.Line, x.Column, x.EndLine, x.EndColumn)
	}
	if x.Suggestion != "" {
		p.w.WriteString("  ")
		p.style(ansiGreen, "→")
		p.w.WriteByte(' ')
		writeSafe(p.w, x.Suggestion)
		p.w.WriteByte('\n')
	}
	if len(x.Also) > 0 {
		p.w.WriteString("  ")
		p.style(ansiDim, "also: "+strings.Join(x.Also, ", "))
		p.w.WriteByte('\n')
	}
	p.w.WriteByte('\n')
}

// snippet shows source line `line` with the span from col to endCol
// marked below it in the given style. A span that runs onto later lines is
// marked to the end of its first line. Nothing is shown when the source
// lacks the line.
func (p textPrinter) snippet(source, style string, line, col, endLine, endCol int) {
	var text string
	var ok bool
	if p.at != nil {
		text, ok = p.at.find(source, line)
	} else {
		text, ok = sourceLine(source, line)
	}
	if !ok {
		return
	}
	if len(text) > maxLineBytes {
		p.window(text, style, line, col, endLine, endCol)
		return
	}
	p.w.WriteString("  ")
	if p.color {
		p.w.WriteString(ansiDim)
		p.int(line)
		p.w.WriteString(ansiReset + " " + ansiDim + "|" + ansiReset + " ")
	} else {
		p.int(line)
		p.w.WriteString(" | ")
	}
	shown, start, end, width := appendDisplayLine(p.w.AvailableBuffer(), text, col-1, endCol-1)
	p.w.Write(shown)
	if endLine != line {
		end = width
	}
	p.w.WriteString("\n  ")
	p.repeat(spaces, digits(line))
	p.w.WriteByte(' ')
	p.style(ansiDim, "|")
	p.w.WriteByte(' ')
	p.repeat(spaces, start)
	if p.color {
		p.w.WriteString(style)
	}
	p.w.WriteByte('^')
	p.repeat(tildes, end-start-1)
	if p.color {
		p.w.WriteString(ansiReset)
	}
	p.w.WriteByte('\n')
}

// A source line longer than maxLineBytes is shown as a window around the
// span: windowContext code points on either side, the span itself up to
// windowSpan code points, and "…" where the line goes on. The output per
// finding stays bounded however long the line.
const (
	maxLineBytes  = 1024
	windowContext = 60
	windowSpan    = 160
)

// window is snippet for a long line: the span and some context, with the
// code point offsets found from the cursor, never from the line's start.
func (p textPrinter) window(text, style string, line, col, endLine, endCol int) {
	at := p.at
	if at == nil {
		at = &lineCursor{}
	}
	a, ia := at.offset(text, max(col-1, 0))
	b := max(endCol-1, 0)
	if endLine != line {
		b = a + windowSpan // to the end of the line, capped
	}
	b = min(b, a+windowSpan)
	ib, nb := runeOffset(text, ia, max(b-a, 0))
	b = a + nb
	if b < a {
		b = a
	}
	iws, ws := ia, a
	for k := 0; k < windowContext && iws > 0; k++ {
		_, size := utf8.DecodeLastRuneInString(text[:iws])
		iws -= size
		ws--
	}
	iwe, _ := runeOffset(text, ib, windowContext)

	p.w.WriteString("  ")
	if p.color {
		p.w.WriteString(ansiDim)
		p.int(line)
		p.w.WriteString(ansiReset + " " + ansiDim + "|" + ansiReset + " ")
	} else {
		p.int(line)
		p.w.WriteString(" | ")
	}
	shift := 0
	if iws > 0 {
		p.w.WriteString("…")
		shift = 1
	}
	shown, start, end, _ := appendDisplayLine(p.w.AvailableBuffer(), text[iws:iwe], a-ws, b-ws)
	p.w.Write(shown)
	if iwe < len(text) {
		p.w.WriteString("…")
	}
	start, end = start+shift, end+shift
	p.w.WriteString("\n  ")
	p.repeat(spaces, digits(line))
	p.w.WriteByte(' ')
	p.style(ansiDim, "|")
	p.w.WriteByte(' ')
	p.repeat(spaces, start)
	if p.color {
		p.w.WriteString(style)
	}
	p.w.WriteByte('^')
	p.repeat(tildes, end-start-1)
	if p.color {
		p.w.WriteString(ansiReset)
	}
	p.w.WriteByte('\n')
}

// runeOffset returns the byte offset n code points after byte offset i of
// s, and how many code points it moved (fewer than n at the end of s).
func runeOffset(s string, i, n int) (int, int) {
	k := 0
	for ; k < n && i < len(s); k++ {
		if s[i] < utf8.RuneSelf {
			i++
			continue
		}
		_, size := utf8.DecodeRuneInString(s[i:])
		i += size
	}
	return i, k
}

// sourceLine returns line n (from 1) of source without its line ending.
func sourceLine(source string, n int) (string, bool) {
	if n < 1 || source == "" {
		return "", false
	}
	rest := source
	for i := 1; i < n; i++ {
		j := strings.IndexByte(rest, '\n')
		if j < 0 {
			return "", false
		}
		rest = rest[j+1:]
	}
	if j := strings.IndexByte(rest, '\n'); j >= 0 {
		rest = rest[:j]
	}
	return strings.TrimSuffix(rest, "\r"), true
}

// appendDisplayLine appends a source line as shown on the terminal: tabs
// expand to the next tab stop and control characters, which could move the
// cursor or recolour the terminal, show as U+FFFD (as does invalid UTF-8).
// It returns the display columns (from 0) where code points a and b (from
// 0) begin, where a negative index means the first and one past the last
// code point means the end of the line, and the width of the whole line.
func appendDisplayLine(dst []byte, text string, a, b int) (_ []byte, colA, colB, width int) {
	a, b = max(a, 0), max(b, 0)
	colA, colB = -1, -1
	col := 0
	for i, n := 0, 0; i < len(text); n++ {
		// A run of printable ASCII shows as it is, one cell a byte.
		if j := i; text[j] >= 0x20 && text[j] < 0x7f {
			for j++; j < len(text) && text[j] >= 0x20 && text[j] < 0x7f; j++ {
			}
			k := j - i
			if colA < 0 && a >= n && a < n+k {
				colA = col + a - n
			}
			if colB < 0 && b >= n && b < n+k {
				colB = col + b - n
			}
			dst = append(dst, text[i:j]...)
			i, n, col = j, n+k-1, col+k
			continue
		}
		if n == a {
			colA = col
		}
		if n == b {
			colB = col
		}
		if c := text[i]; c < utf8.RuneSelf {
			switch {
			case c == '\t':
				k := tabWidth - col%tabWidth
				dst = append(dst, spaces[:k]...)
				col += k
			case c < 0x20 || c == 0x7f:
				dst = append(dst, "\uFFFD"...)
				col++
			default:
				dst = append(dst, c)
				col++
			}
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(text[i:])
		switch {
		case r == utf8.RuneError && size == 1, unicode.IsControl(r):
			dst = append(dst, "\uFFFD"...)
			col++
		default:
			dst = append(dst, text[i:i+size]...)
			col += runeWidth(r)
		}
		i += size
	}
	if colA < 0 {
		colA = col
	}
	if colB < 0 {
		colB = col
	}
	return dst, colA, colB, col
}

// runeWidth is how many terminal cells a code point takes: two for East
// Asian wide and fullwidth characters (which include most emoji), none for
// combining marks and format characters such as the zero-width joiner and
// variation selectors, which attach to the previous character, one
// otherwise.
func runeWidth(r rune) int {
	if r < 0x300 {
		// Below the combining diacritical marks, only the soft hyphen is a
		// mark or format character, and nothing is wide.
		if r == '\u00AD' {
			return 0
		}
		return 1
	}
	if unicode.In(r, unicode.Mn, unicode.Me, unicode.Cf) {
		return 0
	}
	switch width.LookupRune(r).Kind() {
	case width.EastAsianWide, width.EastAsianFullwidth:
		return 2
	}
	return 1
}

// summary prints the closing count. Files that could not be linted are
// errors, and the line says so, so the count adds up with the exit code.
func (p textPrinter) summary(s Summary) {
	if s.Error+s.Warning+s.Info == 0 {
		fmt.Fprintf(p.w, "%s: no findings\n", plural(s.Files, "file", "files"))
		return
	}
	errs := plural(s.Error, "error", "errors")
	if s.Failed > 0 {
		errs += " (" + plural(s.Failed, "file", "files") + " could not be linted)"
	}
	fmt.Fprintf(p.w, "%s: %s, %s, %d info\n", plural(s.Files, "file", "files"), p.styleIf(s.Error > 0, ansiRed, errs),
		p.styleIf(s.Warning > 0, ansiYellow, plural(s.Warning, "warning", "warnings")), s.Info)
}

func (p textPrinter) styleIf(cond bool, code, s string) string {
	if !cond || !p.color || s == "" {
		return s
	}
	return code + s + ansiReset
}

func plural(n int, one, many string) string {
	if n == 1 {
		return "1 " + one
	}
	return strconv.Itoa(n) + " " + many
}
