package report

import (
	"bufio"
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
// Nothing else is printed: the runner hides workflow commands from the log
// and shows them as annotations, and the exit code already says whether the
// run failed, so a summary line would only be noise.
func writeGitHub(w io.Writer, files []File) error {
	bw := bufio.NewWriter(w)
	for _, f := range files {
		if f.Err != nil {
			line, col, msg := inputError(f)
			props := [][2]string{{"file", f.Path}}
			if line > 0 {
				props = append(props, [2]string{"line", strconv.Itoa(line)}, [2]string{"col", strconv.Itoa(col)})
			}
			writeCommand(bw, "error", props, msg)
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
			writeCommand(bw, githubLevel(x.Severity), props, msg)
		}
	}
	return bw.Flush()
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

// writeCommand prints ::name k=v,…::data with the escaping of the Actions
// toolkit (toolkit/packages/core/src/command.ts). Without it a "%0A" in a
// message would turn into a line break and a ":" or "," in a path would cut
// the property short.
func writeCommand(w *bufio.Writer, name string, props [][2]string, data string) {
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
		w.WriteString(escapeProperty(p[1]))
	}
	w.WriteString("::")
	w.WriteString(escapeData(data))
	w.WriteByte('\n')
}

var (
	dataEscaper     = strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A")
	propertyEscaper = strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A", ":", "%3A", ",", "%2C")
)

func escapeData(s string) string     { return dataEscaper.Replace(s) }
func escapeProperty(s string) string { return propertyEscaper.Replace(s) }
