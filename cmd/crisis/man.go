package main

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/spf13/cobra"
	"github.com/spf13/pflag"

	"github.com/crisis-comms/crisis/internal/atomicfile"
	"github.com/crisis-comms/crisis/internal/clock"
)

func newManCmd(s streams) *cobra.Command {
	return &cobra.Command{
		Use:    "man DIR",
		Short:  "Write man pages for every command into DIR",
		Hidden: true,
		Args:   cobra.ExactArgs(1),
		RunE: func(c *cobra.Command, args []string) error {
			date, err := manDate()
			if err != nil {
				return usageErr(err)
			}
			n, err := writeManPages(c.Root(), args[0], date, "crisis "+versionString())
			if err != nil {
				return usageErr(fmt.Errorf("write man pages: %w", err))
			}
			fmt.Fprintf(s.err, "%d man pages written to %s\n", n, args[0])
			return nil
		},
	}
}

// manDate is the date in the pages' title lines: SOURCE_DATE_EPOCH for
// reproducible builds, else CRISIS_NOW, else today.
func manDate() (time.Time, error) {
	if v := os.Getenv("SOURCE_DATE_EPOCH"); v != "" {
		sec, err := strconv.ParseInt(v, 10, 64)
		if err != nil {
			return time.Time{}, fmt.Errorf("SOURCE_DATE_EPOCH=%q is not a number of seconds since 1970", v)
		}
		return time.Unix(sec, 0).UTC(), nil
	}
	return clock.Now()
}

// writeManPages writes one page per visible command into dir, named and
// titled after it (crisis-lint.1, CRISIS-LINT(1)), and returns how many.
func writeManPages(root *cobra.Command, dir string, date time.Time, source string) (int, error) {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return 0, err
	}
	n := 0
	var walk func(c *cobra.Command) error
	walk = func(c *cobra.Command) error {
		if !c.IsAvailableCommand() && c != root {
			return nil
		}
		for _, sub := range c.Commands() {
			if err := walk(sub); err != nil {
				return err
			}
		}
		var page bytes.Buffer
		writeManPage(&page, c, date, source)
		n++
		return atomicfile.Write(filepath.Join(dir, manName(c)+".1"), page.Bytes(), 0o644, true)
	}
	return n, walk(root)
}

// manName is the page name of c: its command path joined by dashes.
func manName(c *cobra.Command) string { return strings.ReplaceAll(c.CommandPath(), " ", "-") }

// writeManPage writes the page of c in roff (man macros): NAME, SYNOPSIS,
// DESCRIPTION, OPTIONS, EXAMPLE, ENVIRONMENT, FILES, EXIT STATUS and SEE
// ALSO.
func writeManPage(b *bytes.Buffer, c *cobra.Command, date time.Time, source string) {
	c.InitDefaultHelpFlag()
	name := manName(c)
	fmt.Fprintf(b, ".TH %s \"1\" %s %s %s\n", roffArg(strings.ToUpper(name)), roffArg(date.Format("Jan 2006")),
		roffArg(source), roffArg("crisis manual"))
	fmt.Fprintf(b, ".SH NAME\n%s \\- %s\n", roffName(name), roffText(c.Short))
	fmt.Fprintf(b, ".SH SYNOPSIS\n\\fB%s\\fP\n", roffName(c.UseLine()))
	b.WriteString(".SH DESCRIPTION\n")
	desc := c.Long
	if desc == "" {
		desc = c.Short
	}
	writeRoffBlocks(b, desc)
	writeManFlags(b, "OPTIONS", c.NonInheritedFlags())
	writeManFlags(b, "OPTIONS INHERITED FROM PARENT COMMANDS", c.InheritedFlags())
	if c.Example != "" {
		b.WriteString(".SH EXAMPLE\n.EX\n")
		for line := range strings.SplitSeq(strings.TrimRight(c.Example, "\n"), "\n") {
			b.WriteString(roffLine(line) + "\n")
		}
		b.WriteString(".EE\n")
	}
	b.WriteString(manSections(c))
	var see []string
	if c.HasParent() {
		see = append(see, manName(c.Parent()))
	}
	subs := slices.Clone(c.Commands())
	slices.SortFunc(subs, func(x, y *cobra.Command) int { return strings.Compare(x.Name(), y.Name()) })
	for _, sub := range subs {
		if sub.IsAvailableCommand() && !sub.IsAdditionalHelpTopicCommand() {
			see = append(see, manName(sub))
		}
	}
	if len(see) > 0 {
		b.WriteString(".SH SEE ALSO\n")
		for i, s := range see {
			if i > 0 {
				b.WriteString(",\n")
			}
			fmt.Fprintf(b, "\\fB%s\\fP(1)", roffName(s))
		}
		b.WriteString("\n")
	}
}

// writeManFlags writes the visible flags of fs as a tagged list: the
// flag with its value's name, then its usage and a default that is not
// the zero value.
func writeManFlags(b *bytes.Buffer, title string, fs *pflag.FlagSet) {
	if !fs.HasAvailableFlags() {
		return
	}
	fmt.Fprintf(b, ".SH %s\n", title)
	fs.VisitAll(func(f *pflag.Flag) {
		if f.Hidden || f.Deprecated != "" {
			return
		}
		b.WriteString(".TP\n")
		if f.Shorthand != "" && f.ShorthandDeprecated == "" {
			fmt.Fprintf(b, "\\fB%s\\fP, ", roffName("-"+f.Shorthand))
		}
		fmt.Fprintf(b, "\\fB%s\\fP", roffName("--"+f.Name))
		varname, _ := pflag.UnquoteUsage(f)
		switch {
		case varname == "":
		case f.NoOptDefVal != "":
			fmt.Fprintf(b, "[=\\fI%s\\fP]", roffText(varname))
		default:
			fmt.Fprintf(b, " \\fI%s\\fP", roffText(varname))
		}
		b.WriteString("\n")
		usage := roffInline(f.Usage)
		if def := flagDefault(f); def != "" {
			usage += " (default " + roffText(def) + ")"
		}
		b.WriteString(roffLine(usage) + "\n")
	})
}

// flagDefault is f's default as --help shows it, or "" for a zero value.
func flagDefault(f *pflag.Flag) string {
	switch f.DefValue {
	case "", "false", "0", "[]", "0s":
		return ""
	}
	if f.Value.Type() == "string" {
		return strconv.Quote(f.DefValue)
	}
	return f.DefValue
}

// writeRoffBlocks writes text — a command's long help, plain text with a
// little Markdown — as roff: paragraphs split by blank lines, lines
// indented by a tab or four spaces as examples, "#" lines as
// subheadings, "- " lines as bullet items, `code` in bold.
func writeRoffBlocks(b *bytes.Buffer, text string) {
	lines := strings.Split(strings.TrimSpace(text), "\n")
	sep := "" // what the next paragraph needs before it
	for i := 0; i < len(lines); {
		switch lineKind(lines[i]) {
		case blankLine:
			sep = ".PP\n"
			i++
		case codeLine:
			b.WriteString(".EX\n")
			for ; i < len(lines); i++ {
				k := lineKind(lines[i])
				if k != codeLine && (k != blankLine || i+1 == len(lines) || lineKind(lines[i+1]) != codeLine) {
					break
				}
				b.WriteString(roffLine(unindent(strings.TrimRight(lines[i], " \t"))) + "\n")
			}
			b.WriteString(".EE\n")
			sep = ".PP\n"
		case headingLine:
			fmt.Fprintf(b, ".SS %s\n", roffInline(strings.TrimSpace(strings.TrimLeft(lines[i], "#"))))
			sep = ""
			i++
		case bulletLine:
			b.WriteString(".IP \\(bu 2\n")
			if item := strings.TrimSpace(lines[i][1:]); item != "" {
				b.WriteString(roffLine(roffInline(item)) + "\n")
			}
			sep = ".PP\n"
			for i++; i < len(lines) && lineKind(lines[i]) == proseLine && strings.HasPrefix(lines[i], "  "); i++ {
				b.WriteString(roffLine(roffInline(strings.TrimSpace(lines[i]))) + "\n")
			}
		default:
			b.WriteString(sep)
			sep = ""
			for ; i < len(lines) && lineKind(lines[i]) == proseLine; i++ {
				b.WriteString(roffLine(roffInline(strings.TrimSpace(lines[i]))) + "\n")
			}
		}
	}
}

// The kinds of line in help text.
const (
	proseLine = iota
	blankLine
	codeLine
	headingLine
	bulletLine
)

func lineKind(line string) int {
	switch {
	case strings.TrimSpace(line) == "":
		return blankLine
	case strings.HasPrefix(line, "\t") || strings.HasPrefix(line, "    "):
		return codeLine
	case strings.HasPrefix(line, "#"):
		return headingLine
	case strings.HasPrefix(line, "- ") || strings.HasPrefix(line, "* ") || line == "-" || line == "*":
		return bulletLine
	}
	return proseLine
}

func unindent(line string) string {
	if strings.HasPrefix(line, "\t") {
		return line[1:]
	}
	return strings.TrimPrefix(line, "    ")
}

// roffText escapes text for roff: backslashes print as themselves.
func roffText(s string) string { return strings.ReplaceAll(s, `\`, `\e`) }

// roffName is roffText for a command or flag name: hyphens as minus signs
// and words never hyphenated, so that a name copied from the page works
// in a shell.
func roffName(s string) string {
	words := strings.Split(strings.ReplaceAll(roffText(s), "-", `\-`), " ")
	for i, w := range words {
		if w != "" {
			words[i] = `\%` + w
		}
	}
	return strings.Join(words, " ")
}

// roffInline is roffText with `code` in bold.
func roffInline(s string) string {
	parts := strings.Split(s, "`")
	if len(parts)%2 == 0 { // an unpaired backtick is text
		return roffText(s)
	}
	var b strings.Builder
	for i, p := range parts {
		if i%2 == 1 {
			b.WriteString(`\fB` + roffText(p) + `\fP`)
		} else {
			b.WriteString(roffText(p))
		}
	}
	return b.String()
}

// roffLine keeps a text line from being read as a request: a line that
// starts with a period or an apostrophe starts with a zero-width space.
func roffLine(s string) string {
	if strings.HasPrefix(s, ".") || strings.HasPrefix(s, "'") {
		return `\&` + s
	}
	return s
}

// roffArg quotes a macro argument.
func roffArg(s string) string { return `"` + strings.ReplaceAll(roffText(s), `"`, `\(dq`) + `"` }

// manSections are the ENVIRONMENT, FILES and EXIT STATUS sections of c's
// page, in roff.
func manSections(c *cobra.Command) string {
	var b strings.Builder
	item := func(tag, text string) { fmt.Fprintf(&b, ".TP\n\\fB%s\\fP\n%s\n", tag, text) }
	b.WriteString(".SH ENVIRONMENT\n")
	item("CRISIS_NOW", "The current time (RFC 3339) for every command that needs one, so that scripts and tests are reproducible.")
	item("NO_COLOR", "When set, no colours (unless \\-\\-color always is given).")
	if strings.Contains(c.CommandPath(), "lint") || c == c.Root() {
		item("GITHUB_STEP_SUMMARY", "With \\-\\-format github, every finding is also written to this file as a Markdown table (the job summary of GitHub Actions).")
	}
	item("XDG_STATE_HOME", "Where crisis draft keeps its recovery file when no output directory is named: $XDG_STATE_HOME/crisis/draft.json, else ~/.local/state/crisis/draft.json.")
	item("GOGC, GOMEMLIMIT", "Left to the Go runtime when set; crisis otherwise collects garbage rarely.")
	b.WriteString(".SH FILES\n")
	item(".crisis.yaml", "Settings for the files below it, found by walking up from each file: playbook, language, ignore patterns, per-glob overrides.")
	item("facts.yaml", "The facts of one update of an incident; crisis render and crisis draft make messages from it.")
	item("*.txt, *.md", "Message files, with optional YAML front matter (channel, lang, stage, incident, next_update).")
	item(".crisis-draft.json", "The recovery file of an unfinished crisis draft in its output directory, read by \\-\\-resume.")
	b.WriteString(".SH EXIT STATUS\n")
	item("0", "Clean: nothing at or above \\-\\-fail\\-on; the update is not overdue.")
	item("1", "Findings at or above \\-\\-fail\\-on (default warning); crisis status: the update is overdue; crisis playbook test: a rule example failed.")
	item("2", "Usage, configuration, playbook, template or input error; the message names the file and line:col.")
	item("130", "crisis draft was aborted by the user; the answers are kept.")
	return b.String()
}
