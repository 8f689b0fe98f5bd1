package report

// This file keeps the printers as they were before they were written by
// hand for speed: json and sarif through encoding/json, text through fmt
// with a display-column table per source line, and github with
// strings.Replacer. The tests compare the printers with them byte for byte.

import (
	"bufio"
	"encoding/json"
	"fmt"
	"io"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/width"

	"github.com/crisis-comms/crisis/internal/lint"
)

// refJSONReport is the `--format json` contract (DESIGN §5) as encoding/json
// sees it.
type refJSONReport struct {
	Version int           `json:"version"`
	Files   []refJSONFile `json:"files"`
	Summary Summary       `json:"summary"`
}

type refJSONFile struct {
	Path     string         `json:"path"`
	Channel  string         `json:"channel,omitempty"`
	Lang     string         `json:"lang,omitempty"`
	Error    string         `json:"error,omitempty"`
	Stats    *Stats         `json:"stats,omitempty"`
	Findings []lint.Finding `json:"findings"`
}

func refWriteJSON(w io.Writer, files []File) error {
	r := refJSONReport{Version: 1, Files: make([]refJSONFile, 0, len(files)), Summary: Summarize(files)}
	for _, f := range files {
		jf := refJSONFile{Path: f.Path, Channel: f.Channel, Lang: f.Lang, Findings: f.Findings}
		if jf.Findings == nil {
			jf.Findings = []lint.Finding{}
		}
		if f.Err != nil {
			jf.Error = f.Err.Error()
		} else {
			jf.Stats = &f.Stats
		}
		r.Files = append(r.Files, jf)
	}
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	return enc.Encode(r)
}

// refWriteSARIF prints the log writeSARIF builds with encoding/json.
func refWriteSARIF(w io.Writer, files []File, opts Options) error {
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	return enc.Encode(sarifLogOf(files, opts))
}

// refWriteText is writeText before it wrote straight into its buffer.
func refWriteText(w io.Writer, files []File, opts Options) error {
	p := refTextPrinter{w: bufio.NewWriter(w), color: opts.Color}
	for _, f := range files {
		if f.Err != nil {
			line, col, msg := inputError(f)
			msg = refSafe(msg)
			where := refSafe(f.Path)
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

// refSafe escapes control characters, bidirectional controls and
// invalid bytes (shown as U+FFFD) of an untrusted string, rune by rune.
func refSafe(s string) string {
	var sb strings.Builder
	for _, r := range s {
		switch {
		case r == utf8.RuneError:
			sb.WriteRune(utf8.RuneError)
		case unicode.IsControl(r), unicode.Is(unicode.Bidi_Control, r) && r != '\u200e' && r != '\u200f' && r != '\u061c':
			q := strconv.QuoteRune(r)
			sb.WriteString(q[1 : len(q)-1])
		default:
			sb.WriteRune(r)
		}
	}
	return sb.String()
}

type refTextPrinter struct {
	w     *bufio.Writer
	color bool
}

func (p refTextPrinter) style(code, s string) string {
	if !p.color || s == "" {
		return s
	}
	return code + s + ansiReset
}

func refSeverityStyle(severity string) string {
	switch severity {
	case "error":
		return ansiRed
	case "warning":
		return ansiYellow
	}
	return ansiCyan
}

func (p refTextPrinter) finding(f File, x lint.Finding) {
	where := refSafe(f.Path)
	if x.Line > 0 {
		where += ":" + strconv.Itoa(x.Line) + ":" + strconv.Itoa(x.Column)
	}
	rule := refSafe(x.Rule)
	switch {
	case x.Principle != "" && x.Tone != "":
		rule += " (" + refSafe(x.Principle) + "/" + refSafe(x.Tone) + ")"
	case x.Principle+x.Tone != "":
		rule += " (" + refSafe(x.Principle) + refSafe(x.Tone) + ")"
	}
	sev := refSeverityStyle(x.Severity)
	fmt.Fprintf(p.w, "%s: %s %s %s\n", p.style(ansiBold, where), p.style(sev, x.Severity), p.style(ansiDim, rule), refSafe(x.Message))
	if x.Line > 0 {
		p.snippet(f.Source, sev, x.Line, x.Column, x.EndLine, x.EndColumn)
	}
	if x.Suggestion != "" {
		fmt.Fprintf(p.w, "  %s %s\n", p.style(ansiGreen, "→"), refSafe(x.Suggestion))
	}
	p.w.WriteByte('\n')
}

// snippet shows source line `line` with the span from col to endCol
// marked below it in the given style. A span that runs onto later lines is
// marked to the end of its first line. Nothing is shown when the source
// lacks the line.
func (p refTextPrinter) snippet(source, style string, line, col, endLine, endCol int) {
	text, ok := refSourceLine(source, line)
	if !ok {
		return
	}
	if len(text) > maxLineBytes {
		p.window(text, style, line, col, endLine, endCol)
		return
	}
	shown, starts := refDisplayLine(text)
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

// window shows a window of a long line: the span (at most windowSpan code
// points) with windowContext code points on either side, and "…" where the
// line goes on.
func (p refTextPrinter) window(text, style string, line, col, endLine, endCol int) {
	runes := []rune(text)
	n := len(runes)
	a := min(max(col-1, 0), n)
	b := max(endCol-1, 0)
	if endLine != line {
		b = n
	}
	b = max(min(b, a+windowSpan, n), a)
	ws, we := max(0, a-windowContext), min(n, b+windowContext)
	shown, starts := refDisplayLine(string(runes[ws:we]))
	prefix, suffix, shift := "", "", 0
	if ws > 0 {
		prefix, shift = "…", 1
	}
	if we < n {
		suffix = "…"
	}
	start, end := starts[a-ws]+shift, starts[b-ws]+shift
	marker := "^"
	if end-start > 1 {
		marker += strings.Repeat("~", end-start-1)
	}
	num := strconv.Itoa(line)
	fmt.Fprintf(p.w, "  %s %s %s%s%s\n", p.style(ansiDim, num), p.style(ansiDim, "|"), prefix, shown, suffix)
	fmt.Fprintf(p.w, "  %s %s %s%s\n", strings.Repeat(" ", len(num)), p.style(ansiDim, "|"), strings.Repeat(" ", start), p.style(style, marker))
}

// refSourceLine returns line n (from 1) of source without its line ending.
func refSourceLine(source string, n int) (string, bool) {
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

// refDisplayLine prepares a source line for the terminal: tabs expand to the
// next tab stop and control characters, which could move the cursor or
// recolour the terminal, show as U+FFFD. starts[i] is the display column
// (from 0) where code point i+1 begins; one more entry marks the end.
func refDisplayLine(text string) (shown string, starts []int) {
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
			col += refRuneWidth(r)
		}
	}
	return sb.String(), append(starts, col)
}

// refRuneWidth is how many terminal cells a code point takes: two for East
// Asian wide and fullwidth characters (which include most emoji), none for
// combining marks and format characters such as the zero-width joiner and
// variation selectors, which attach to the previous character, one
// otherwise.
func refRuneWidth(r rune) int {
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
func (p refTextPrinter) summary(s Summary) {
	if s.Error+s.Warning+s.Info == 0 {
		fmt.Fprintf(p.w, "%s: no findings\n", refPlural(s.Files, "file", "files"))
		return
	}
	errs := refPlural(s.Error, "error", "errors")
	if s.Failed > 0 {
		errs += " (" + refPlural(s.Failed, "file", "files") + " could not be linted)"
	}
	fmt.Fprintf(p.w, "%s: %s, %s, %d info\n", refPlural(s.Files, "file", "files"), p.styleIf(s.Error > 0, ansiRed, errs),
		p.styleIf(s.Warning > 0, ansiYellow, refPlural(s.Warning, "warning", "warnings")), s.Info)
}

func (p refTextPrinter) styleIf(cond bool, code, s string) string {
	if !cond {
		return s
	}
	return p.style(code, s)
}

func refPlural(n int, one, many string) string {
	if n == 1 {
		return "1 " + one
	}
	return strconv.Itoa(n) + " " + many
}

// refWriteGitHub is writeGitHub before it escaped straight into its buffer.
// The line about annotations over GitHub's limit is added the plain way.
func refWriteGitHub(w io.Writer, files []File) error {
	bw := bufio.NewWriter(w)
	counts := map[string]int{}
	for _, f := range files {
		if f.Err != nil {
			counts["error"]++
		}
		for _, x := range f.Findings {
			counts[refGitHubLevel(x.Severity)]++
		}
	}
	defer func() {
		var over []string
		for _, level := range []string{"error", "warning", "notice"} {
			if n := counts[level]; n > 10 {
				over = append(over, fmt.Sprintf("%d of %d %ss", n-10, n, level))
			}
		}
		if len(over) > 0 {
			fmt.Fprintf(w, "crisis: GitHub shows 10 annotations of each type per step: %s are not shown as annotations; run crisis lint with --format text to see them all.\n", strings.Join(over, ", "))
		}
	}()
	for _, f := range files {
		if f.Err != nil {
			line, col, msg := inputError(f)
			props := [][2]string{{"file", f.Path}}
			if line > 0 {
				props = append(props, [2]string{"line", strconv.Itoa(line)}, [2]string{"col", strconv.Itoa(col)})
			}
			refWriteCommand(bw, "error", props, msg)
		}
		for _, x := range f.Findings {
			props := [][2]string{{"file", f.Path}}
			if x.Line > 0 {
				props = append(props, [2]string{"line", strconv.Itoa(x.Line)})
				if x.EndLine == x.Line {
					end := max(x.EndColumn-1, x.Column)
					props = append(props, [2]string{"col", strconv.Itoa(x.Column)}, [2]string{"endLine", strconv.Itoa(x.EndLine)}, [2]string{"endColumn", strconv.Itoa(end)})
				} else if x.EndLine > x.Line {
					props = append(props, [2]string{"endLine", strconv.Itoa(x.EndLine)})
				}
			}
			title := x.Rule
			if x.Principle != "" {
				title += " (" + x.Principle + ")"
			}
			props = append(props, [2]string{"title", title})
			msg := x.Message
			if x.Suggestion != "" {
				msg += "\nSuggestion: " + x.Suggestion
			}
			refWriteCommand(bw, refGitHubLevel(x.Severity), props, msg)
		}
	}
	return bw.Flush()
}

func refGitHubLevel(severity string) string {
	switch severity {
	case "error":
		return "error"
	case "warning":
		return "warning"
	}
	return "notice"
}

// refWriteCommand prints ::name k=v,…::data with the escaping of the Actions
// toolkit (toolkit/packages/core/src/command.ts). Without it a "%0A" in a
// message would turn into a line break and a ":" or "," in a path would cut
// the property short.
func refWriteCommand(w *bufio.Writer, name string, props [][2]string, data string) {
	w.WriteString("::")
	w.WriteString(name)
	for i, p := range props {
		if i == 0 {
			w.WriteByte(' ')
		} else {
			w.WriteByte(',')
		}
		w.WriteString(p[0])
		w.WriteByte('=')
		w.WriteString(refEscapeProperty(p[1]))
	}
	w.WriteString("::")
	w.WriteString(refEscapeData(data))
	w.WriteByte('\n')
}

var (
	refDataEscaper     = strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A")
	refPropertyEscaper = strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A", ":", "%3A", ",", "%2C")
)

func refEscapeData(s string) string     { return refDataEscaper.Replace(s) }
func refEscapeProperty(s string) string { return refPropertyEscaper.Replace(s) }
