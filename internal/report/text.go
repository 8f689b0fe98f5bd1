package report

import (
	"bufio"
	"fmt"
	"io"
	"strconv"
	"strings"
	"unicode"

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
	p := textPrinter{w: bufio.NewWriter(w), color: opts.Color}
	for _, f := range files {
		if f.Err != nil {
			line, col, msg := inputError(f)
			where := f.Path
			if line > 0 {
				where += ":" + strconv.Itoa(line) + ":" + strconv.Itoa(col)
			}
			fmt.Fprintf(p.w, "%s: %s %s\n", p.style(ansiBold, where), p.style(ansiRed, "error:"), msg)
			if line > 0 {
				p.snippet(f.Source, ansiRed, line, col, line, col)
			}
			p.w.WriteByte('\n')
		}
		for _, x := range f.Findings {
			p.finding(f, x)
		}
	}
	p.summary(Summarize(files))
	return p.w.Flush()
}

type textPrinter struct {
	w     *bufio.Writer
	color bool
}

func (p textPrinter) style(code, s string) string {
	if !p.color || s == "" {
		return s
	}
	return code + s + ansiReset
}

func severityStyle(severity string) string {
	switch severity {
	case "error":
		return ansiRed
	case "warning":
		return ansiYellow
	}
	return ansiCyan
}

func (p textPrinter) finding(f File, x lint.Finding) {
	where := f.Path
	if x.Line > 0 {
		where += ":" + strconv.Itoa(x.Line) + ":" + strconv.Itoa(x.Column)
	}
	rule := x.Rule
	switch {
	case x.Principle != "" && x.Tone != "":
		rule += " (" + x.Principle + "/" + x.Tone + ")"
	case x.Principle+x.Tone != "":
		rule += " (" + x.Principle + x.Tone + ")"
	}
	sev := severityStyle(x.Severity)
	fmt.Fprintf(p.w, "%s: %s %s %s\n", p.style(ansiBold, where), p.style(sev, x.Severity), p.style(ansiDim, rule), x.Message)
	if x.Line > 0 {
		p.snippet(f.Source, sev, x.Line, x.Column, x.EndLine, x.EndColumn)
	}
	if x.Suggestion != "" {
		fmt.Fprintf(p.w, "  %s %s\n", p.style(ansiGreen, "→"), x.Suggestion)
	}
	p.w.WriteByte('\n')
}

// snippet shows source line `line` with the span from col to endCol
// marked below it in the given style. A span that runs onto later lines is
// marked to the end of its first line. Nothing is shown when the source
// lacks the line.
func (p textPrinter) snippet(source, style string, line, col, endLine, endCol int) {
	text, ok := sourceLine(source, line)
	if !ok {
		return
	}
	shown, starts := displayLine(text)
	at := func(c int) int { return starts[min(max(c-1, 0), len(starts)-1)] }
	start, end := at(col), at(endCol)
	if endLine != line {
		end = starts[len(starts)-1]
	}
	marker := "^"
	if end-start > 1 {
		marker += strings.Repeat("~", end-start-1)
	}
	num := strconv.Itoa(line)
	fmt.Fprintf(p.w, "  %s %s %s\n", p.style(ansiDim, num), p.style(ansiDim, "|"), shown)
	fmt.Fprintf(p.w, "  %s %s %s%s\n", strings.Repeat(" ", len(num)), p.style(ansiDim, "|"), strings.Repeat(" ", start), p.style(style, marker))
}

// sourceLine returns line n (from 1) of source without its line ending.
func sourceLine(source string, n int) (string, bool) {
	if n < 1 || source == "" {
		return "", false
	}
	rest := source
	for i := 1; i < n; i++ {
		_, after, found := strings.Cut(rest, "\n")
		if !found {
			return "", false
		}
		rest = after
	}
	line, _, _ := strings.Cut(rest, "\n")
	return strings.TrimSuffix(line, "\r"), true
}

// displayLine prepares a source line for the terminal: tabs expand to the
// next tab stop and control characters, which could move the cursor or
// recolour the terminal, show as U+FFFD. starts[i] is the display column
// (from 0) where code point i+1 begins; one more entry marks the end.
func displayLine(text string) (shown string, starts []int) {
	var sb strings.Builder
	col := 0
	for _, r := range text {
		starts = append(starts, col)
		switch {
		case r == '\t':
			n := tabWidth - col%tabWidth
			sb.WriteString(strings.Repeat(" ", n))
			col += n
		case unicode.IsControl(r):
			sb.WriteRune('\uFFFD')
			col++
		default:
			sb.WriteRune(r)
			col += runeWidth(r)
		}
	}
	return sb.String(), append(starts, col)
}

// runeWidth is how many terminal cells a code point takes: two for East
// Asian wide and fullwidth characters (which include most emoji), none for
// combining marks and format characters such as the zero-width joiner and
// variation selectors, which attach to the previous character, one
// otherwise.
func runeWidth(r rune) int {
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
	if !cond {
		return s
	}
	return p.style(code, s)
}

func plural(n int, one, many string) string {
	if n == 1 {
		return "1 " + one
	}
	return strconv.Itoa(n) + " " + many
}
