package main

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"github.com/spf13/cobra"
	"github.com/spf13/cobra/doc"

	"github.com/crisis-comms/crisis/internal/atomicfile"
)

func newManCmd(s streams) *cobra.Command {
	return &cobra.Command{
		Use:    "man DIR",
		Short:  "Write man pages for every command into DIR",
		Hidden: true,
		Args:   cobra.ExactArgs(1),
		RunE: func(c *cobra.Command, args []string) error {
			n, err := writeManPages(c.Root(), args[0])
			if err != nil {
				return usageErr(fmt.Errorf("write man pages: %w", err))
			}
			fmt.Fprintf(s.err, "%d man pages written to %s\n", n, args[0])
			return nil
		},
	}
}

// writeManPages writes one page per visible command, titled after it
// (CRISIS-LINT(1)), with the sections cobra does not write: ENVIRONMENT,
// FILES and EXIT STATUS.
func writeManPages(root *cobra.Command, dir string) (int, error) {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return 0, err
	}
	root.DisableAutoGenTag = true
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
		name := strings.ReplaceAll(c.CommandPath(), " ", "-")
		hdr := &doc.GenManHeader{Title: strings.ToUpper(name), Section: "1",
			Source: "crisis " + versionString(), Manual: "crisis manual"}
		var buf bytes.Buffer
		if err := doc.GenMan(c, hdr, &buf); err != nil {
			return err
		}
		page := buf.String()
		extra := manSections(c)
		if i := strings.Index(page, ".SH SEE ALSO"); i >= 0 {
			page = page[:i] + extra + page[i:]
		} else {
			page += extra
		}
		n++
		return atomicfile.Write(filepath.Join(dir, name+".1"), []byte(page), 0o644, true)
	}
	return n, walk(root)
}

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
