package report

import (
	"bufio"
	"fmt"
	"io"
	"strconv"
	"strings"
)

// writeGitHub prints one GitHub Actions workflow command per finding, which
// the runner turns into annotations on the pull request:
//
//	::warning file=PATH,line=L,col=C,endLine=EL,endColumn=EC,title=RULE (principle)::MESSAGE
//
// Severity error becomes ::error, warning ::warning and info ::notice. The
// suggestion follows the message on a new line. GitHub counts endColumn
// inclusively and accepts columns only for a span on one line, so a span
// over several lines carries lines only. A file that could not be linted
// becomes ::error file=PATH::message (with line and col when the error has a
// position).
//
// GitHub shows at most AnnotationLimit annotations of each type per step
// and drops the rest without a word; when a run has more, a plain line
// after the commands says how many were left out, and where to find them
// all. Otherwise nothing else is printed: the runner hides workflow
// commands from the log and shows them as annotations, and the exit code
// already says whether the run failed.
//
// With Options.StepSummary the printer also writes every finding as a
// Markdown table there (the job summary).
func writeGitHub(w io.Writer, files []File) error {
	return Write(w, "github", files, Options{})
}

// AnnotationLimit is how many annotations of one type (error, warning,
// notice) GitHub shows per step.
const AnnotationLimit = 10

// summaryRow is one finding in the job summary.
type summaryRow struct {
	level, path, rule, message string
	line, col                  int
}

// file prints the commands of one file.
func (g *githubPrinter) file(f *File) {
	if f.Err != nil {
		line, col, msg := inputError(*f)
		g.count("error")
		if g.rows {
			g.summary = append(g.summary, summaryRow{level: "error", path: f.Path, message: msg, line: line, col: col})
		}
		g.command("error", f.Path)
		if line > 0 {
			g.intProperty("line", line)
			g.intProperty("col", col)
		}
		g.w.WriteString("::")
		g.escape(msg, false)
		g.w.WriteByte('\n')
	}
	for j := range f.Findings {
		x := &f.Findings[j]
		level := githubLevel(x.Severity)
		g.count(level)
		if g.rows {
			msg := x.Message
			if len(x.Also) > 0 {
				msg += " (also: " + strings.Join(x.Also, ", ") + ")"
			}
			g.summary = append(g.summary, summaryRow{level: level, path: f.Path, rule: x.Rule, message: msg, line: x.Line, col: x.Column})
		}
		g.command(level, f.Path)
		if x.Line > 0 {
			g.intProperty("line", x.Line)
			if x.EndLine == x.Line {
				g.intProperty("col", x.Column)
				g.intProperty("endLine", x.EndLine)
				g.intProperty("endColumn", max(x.EndColumn-1, x.Column))
			} else if x.EndLine > x.Line {
				g.intProperty("endLine", x.EndLine)
			}
		}
		g.w.WriteString(",title=")
		g.escape(x.Rule, true)
		if x.Principle != "" {
			g.w.WriteString(" (")
			g.escape(x.Principle, true)
			g.w.WriteByte(')')
		}
		g.w.WriteString("::")
		g.escape(x.Message, false)
		if x.Suggestion != "" {
			g.w.WriteString("%0ASuggestion: ") // "\nSuggestion: " escaped
			g.escape(x.Suggestion, false)
		}
		if len(x.Also) > 0 {
			g.w.WriteString("%0AAlso: ")
			g.escape(strings.Join(x.Also, ", "), false)
		}
		g.w.WriteByte('\n')
	}
}

func githubLevel(severity string) string {
	switch severity {
	case "error":
		return "error"
	case "warning":
		return "warning"
	}
	return "notice"
}

// count notes one more annotation of a type.
func (g *githubPrinter) count(level string) {
	switch level {
	case "error":
		g.counts[0]++
	case "warning":
		g.counts[1]++
	default:
		g.counts[2]++
	}
}

// close says which annotations GitHub will not show, writes the job
// summary and flushes.
func (g *githubPrinter) close(stepSummary io.Writer) error {
	var over []string
	for i, name := range [3]string{"error", "warning", "notice"} {
		if n := g.counts[i]; n > AnnotationLimit {
			over = append(over, fmt.Sprintf("%d of %d %ss", n-AnnotationLimit, n, name))
		}
	}
	if len(over) > 0 {
		where := "run crisis lint with --format text to see them all"
		if stepSummary != nil {
			where = "the job summary lists them all"
		}
		fmt.Fprintf(g.w, "crisis: GitHub shows %d annotations of each type per step: %s are not shown as annotations; %s.\n",
			AnnotationLimit, strings.Join(over, ", "), where)
	}
	if err := g.w.Flush(); err != nil {
		return err
	}
	if stepSummary == nil {
		return nil
	}
	return writeStepSummary(stepSummary, g.summary, g.counts)
}

// writeStepSummary writes the findings as a Markdown table.
func writeStepSummary(w io.Writer, rows []summaryRow, counts [3]int) error {
	b := bufio.NewWriter(w)
	fmt.Fprintf(b, "### crisis lint\n\n")
	if len(rows) == 0 {
		fmt.Fprintf(b, "No findings.\n\n")
		return b.Flush()
	}
	fmt.Fprintf(b, "%s, %s, %s.\n\n", plural(counts[0], "error", "errors"), plural(counts[1], "warning", "warnings"), plural(counts[2], "notice", "notices"))
	fmt.Fprintf(b, "| | file | line | rule | finding |\n|---|---|---|---|---|\n")
	for _, r := range rows {
		pos := ""
		if r.line > 0 {
			pos = strconv.Itoa(r.line) + ":" + strconv.Itoa(r.col)
		}
		fmt.Fprintf(b, "| %s | %s | %s | %s | %s |\n", levelMark[r.level], cell(r.path), pos, cell(r.rule), mdEscape(oneLine(r.message)))
	}
	b.WriteString("\n")
	return b.Flush()
}

var levelMark = map[string]string{"error": "❌ error", "warning": "⚠️ warning", "notice": "ℹ️ notice"}

// cell makes text safe inside a Markdown table cell.
func cell(s string) string {
	s = strings.Join(strings.Fields(s), " ")
	if s == "" {
		return ""
	}
	return "`" + strings.ReplaceAll(s, "`", "'") + "`"
}

// githubPrinter writes workflow commands, ::name k=v,…::data, with the
// escaping of the Actions toolkit (toolkit/packages/core/src/command.ts).
// Without it a "%0A" in a message would turn into a line break and a ":"
// or "," in a path would cut the property short.
type githubPrinter struct {
	w       *bufio.Writer
	counts  [3]int // errors, warnings, notices
	rows    bool   // keep summary rows
	summary []summaryRow
}

// command starts a command with its file property.
func (g githubPrinter) command(name, path string) {
	g.w.WriteString("::")
	g.w.WriteString(name)
	g.w.WriteString(" file=")
	g.escape(path, true)
}

// intProperty adds a numeric property; numbers need no escaping.
func (g githubPrinter) intProperty(key string, n int) {
	g.w.WriteByte(',')
	g.w.WriteString(key)
	g.w.WriteByte('=')
	g.w.Write(strconv.AppendInt(g.w.AvailableBuffer(), int64(n), 10))
}

// escape writes s escaped as command data, or as a property value, which
// also escapes ":" and ",".
func (g githubPrinter) escape(s string, property bool) {
	start := 0
	for i := 0; i < len(s); i++ {
		var code string
		switch s[i] {
		case '%':
			code = "%25"
		case '\r':
			code = "%0D"
		case '\n':
			code = "%0A"
		case ':':
			code = "%3A"
		case ',':
			code = "%2C"
		default:
			continue
		}
		if !property && (code == "%3A" || code == "%2C") {
			continue
		}
		g.w.WriteString(s[start:i])
		g.w.WriteString(code)
		start = i + 1
	}
	g.w.WriteString(s[start:])
}
