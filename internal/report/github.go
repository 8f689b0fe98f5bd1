package report

import (
	"bufio"
	"io"
	"strconv"
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
// Nothing else is printed: the runner hides workflow commands from the log
// and shows them as annotations, and the exit code already says whether the
// run failed, so a summary line would only be noise.
func writeGitHub(w io.Writer, files []File) error {
	return Write(w, "github", files, Options{})
}

// file prints the commands of one file.
func (g githubPrinter) file(f *File) {
	if f.Err != nil {
		line, col, msg := inputError(*f)
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
		g.command(githubLevel(x.Severity), f.Path)
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

// githubPrinter writes workflow commands, ::name k=v,…::data, with the
// escaping of the Actions toolkit (toolkit/packages/core/src/command.ts).
// Without it a "%0A" in a message would turn into a line break and a ":"
// or "," in a path would cut the property short.
type githubPrinter struct{ w *bufio.Writer }

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
