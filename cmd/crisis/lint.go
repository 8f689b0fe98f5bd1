package main

import (
	"errors"
	"fmt"
	"io"
	"os"
	"slices"
	"strings"

	"github.com/spf13/cobra"

	"github.com/crisis-comms/crisis/internal/atomicfile"
	"github.com/crisis-comms/crisis/internal/check"
	"github.com/crisis-comms/crisis/internal/report"
	"github.com/crisis-comms/crisis/playbook"
)

type lintOptions struct {
	paths        []string
	formats      []string // FORMAT or FORMAT=FILE
	output       string
	failOn       string
	playbook     string
	color        string
	jobs         int
	quiet        bool
	config       string
	exts         []string
	stdinName    string
	forceExclude bool
}

func newLintCmd(s streams) *cobra.Command {
	o := &lintOptions{}
	c := &cobra.Command{
		Use:   "lint [PATH|-]...",
		Short: "Check message files for promotional or whiny tone and missing essentials",
		Long: `Lint message files (.txt, .md) for tone and essentials: sales talk and
self-praise (promotional), self-pity, lament and blame (whiny), spin, and
missing anchors — when the next update comes and where people get help.

Directories are searched recursively; "-" reads standard input, and so does
a run without paths when standard input is a pipe or a file. Channel and
language come from each file's front matter, the nearest .crisis.yaml, the
file name (sms.txt, update.email.md), or are detected.

One run can write several reports: --format FORMAT=FILE writes that format
to FILE; the one --format without a file goes to standard output, or to
--output FILE.

Exit status: 0 clean, 1 findings at or above --fail-on, 2 unusable input,
configuration or playbook.`,
		Example: `  crisis lint messages/
  crisis lint --format github --format sarif=crisis.sarif messages/
  echo "Nur heute 20 % Rabatt!" | crisis lint
  crisis lint --stdin-filename messages/sms.txt < draft.txt
  crisis lint --fail-on error --format json --output report.json .`,
		RunE: func(c *cobra.Command, args []string) error {
			o.paths = args
			return lintRun(s, o)
		},
	}
	f := c.Flags()
	f.StringArrayVar(&o.formats, "format", []string{"text"}, "report `FORMAT[=FILE]`: text, json, sarif or github, to standard output or to FILE (repeat for several reports)")
	f.StringVarP(&o.output, "output", "o", "", "write the report without =FILE to `FILE` instead of standard output")
	f.StringVar(&o.failOn, "fail-on", "warning", "lowest severity that makes the exit status 1: error, warning or info")
	f.StringVar(&o.playbook, "playbook", "", "playbook for every file (builtin:de, builtin:en or a file); default from .crisis.yaml, else by language")
	f.StringVar(&o.color, "color", "auto", "colour in text output: auto, always or never (auto honours NO_COLOR)")
	f.IntVarP(&o.jobs, "jobs", "j", 0, "files linted at once (default: all cores)")
	f.BoolVarP(&o.quiet, "quiet", "q", false, "print findings only: no summary line, nothing on a clean run")
	f.StringVar(&o.config, "config", "", "use `FILE` as the .crisis.yaml of every file instead of the nearest one")
	f.StringSliceVar(&o.exts, "ext", nil, "extensions of the message files searched in directories, as comma-separated `EXTS` (default .txt,.md,.markdown)")
	f.StringVar(&o.stdinName, "stdin-filename", "", "lint standard input as if it were the file `PATH`: its .crisis.yaml, overrides and channel apply")
	f.BoolVar(&o.forceExclude, "force-exclude", false, "apply the ignore patterns of .crisis.yaml to files named on the command line too (for pre-commit)")
	_ = c.RegisterFlagCompletionFunc("format", formatCompletion)
	_ = c.RegisterFlagCompletionFunc("fail-on", fixedCompletion(playbook.Severities...))
	_ = c.RegisterFlagCompletionFunc("playbook", playbookCompletion)
	_ = c.RegisterFlagCompletionFunc("color", fixedCompletion("auto", "always", "never"))
	_ = c.RegisterFlagCompletionFunc("ext", fixedCompletion(check.MessageExts...))
	_ = c.RegisterFlagCompletionFunc("config", fileCompletion("yaml", "yml"))
	_ = c.RegisterFlagCompletionFunc("stdin-filename", fileCompletion("txt", "md", "markdown"))
	return c
}

// lintReport is one report of a run: a format and where it goes.
type lintReport struct {
	format string
	file   string // "" = standard output
}

// parseFormats reads the --format values and --output into reports.
func parseFormats(values []string, output string) ([]lintReport, error) {
	var out []lintReport
	toStdout, files := 0, map[string]bool{}
	for _, v := range values {
		format, file, hasFile := strings.Cut(v, "=")
		if !slices.Contains(report.Formats, format) {
			return nil, fmt.Errorf("--format %q: use text, json, sarif or github, optionally with =FILE", v)
		}
		if hasFile && file == "" {
			return nil, fmt.Errorf("--format %q: name the file after =", v)
		}
		if !hasFile {
			toStdout++
			file = output
		}
		if file != "" {
			if files[file] {
				return nil, fmt.Errorf("--format: two reports go to %s", file)
			}
			files[file] = true
		}
		out = append(out, lintReport{format: format, file: file})
	}
	switch {
	case toStdout > 1:
		return nil, errors.New("--format: only one report can go to standard output; write the others to files with FORMAT=FILE")
	case output != "" && toStdout == 0:
		return nil, errors.New("--output: every --format names its file already")
	}
	return out, nil
}

func lintRun(s streams, o *lintOptions) error {
	reports, err := parseFormats(o.formats, o.output)
	if err != nil {
		return usageErr(err)
	}
	if !slices.Contains(playbook.Severities, o.failOn) {
		return usageErr(fmt.Errorf("--fail-on %q: use error, warning or info", o.failOn))
	}
	if !slices.Contains([]string{"auto", "always", "never"}, o.color) {
		return usageErr(fmt.Errorf("--color %q: use auto, always or never", o.color))
	}
	if o.jobs < 0 {
		return usageErr(fmt.Errorf("--jobs %d: give the number of files to lint at once, or 0 for all cores", o.jobs))
	}
	paths := o.paths
	if len(paths) == 0 && (o.stdinName != "" || stdinPiped(s.in)) {
		paths = []string{"-"}
	}
	if o.stdinName != "" && !slices.Contains(paths, "-") {
		return usageErr(errors.New("--stdin-filename names standard input: pass - or no path"))
	}
	noStats := true // only json and sarif show them
	for _, rep := range reports {
		noStats = noStats && (rep.format == "text" || rep.format == "github")
	}
	r, err := check.New(check.Options{Playbook: o.playbook, Stdin: s.in, Jobs: o.jobs, NoStats: noStats,
		Config: o.config, Exts: o.exts, StdinName: o.stdinName, ForceExclude: o.forceExclude})
	if err != nil {
		return usageErr(err)
	}

	// Open every report before linting, so that an unwritable file stops
	// the run before it starts; files are written beside their final name
	// and renamed into place at the end.
	var outs []*report.Stream
	var pending []*atomicfile.Pending
	abort := func() {
		for _, p := range pending {
			p.Abort()
		}
	}
	for _, rep := range reports {
		opts := report.Options{ToolVersion: versionString(), Quiet: o.quiet}
		var w io.Writer = s.out
		if rep.file != "" {
			p, err := atomicfile.Create(rep.file, 0o644)
			if err != nil {
				abort()
				return usageErr(fmt.Errorf("write %s: %w", rep.file, err))
			}
			pending = append(pending, p)
			w = p
		}
		opts.Color = rep.format == "text" && useColor(o.color, w)
		if rep.format == "github" {
			if path := os.Getenv("GITHUB_STEP_SUMMARY"); path != "" {
				sum, err := os.OpenFile(path, os.O_APPEND|os.O_CREATE|os.O_WRONLY, 0o644)
				if err != nil {
					abort()
					return usageErr(fmt.Errorf("GITHUB_STEP_SUMMARY: %w", err))
				}
				defer sum.Close()
				opts.StepSummary = sum
			}
		}
		out, err := report.NewStream(w, rep.format, opts)
		if err != nil {
			abort()
			return usageErr(err)
		}
		outs = append(outs, out)
	}

	// The reports are written while later files are still being linted.
	var st exitState
	r.Stream(paths, func(f *report.File) {
		st.add(f, o.failOn)
		for _, out := range outs {
			out.Add(f)
		}
	})
	pbs := r.Playbooks()
	if len(pbs) == 0 {
		pbs = defaultPlaybooks(r, o.playbook)
	}
	var firstErr error
	for _, out := range outs {
		out.SetPlaybooks(pbs)
		if err := out.Close(); err != nil && firstErr == nil {
			firstErr = err
		}
	}
	if firstErr != nil {
		abort()
		return usageErr(firstErr)
	}
	for i, p := range pending {
		if err := p.Commit(); err != nil {
			abort()
			return usageErr(fmt.Errorf("write %s: %w", pending[i].Name(), err))
		}
	}
	return st.status()
}

// defaultPlaybooks are the playbooks a run that linted no file describes
// its rules from: --playbook, else the built-ins.
func defaultPlaybooks(r *check.Runner, ref string) []*playbook.Playbook {
	refs := playbook.BuiltinNames()
	if ref != "" {
		refs = []string{ref}
	}
	var out []*playbook.Playbook
	for _, ref := range refs {
		if e, err := r.Engine(ref); err == nil {
			out = append(out, e.Playbook())
		}
	}
	return out
}

// stdinPiped reports whether standard input is a pipe or a file, which a
// run without paths then reads; a terminal or /dev/null is not.
func stdinPiped(in io.Reader) bool {
	f, ok := in.(*os.File)
	if !ok {
		return false
	}
	fi, err := f.Stat()
	if err != nil {
		return false
	}
	return fi.Mode()&(os.ModeNamedPipe|os.ModeSocket) != 0 || fi.Mode().IsRegular()
}

// exitState maps lint results to the exit contract: 2 when a file could
// not be linted, 1 when a finding is at or above failOn, else 0.
type exitState struct{ unusable, failed bool }

func (e *exitState) add(f *report.File, failOn string) {
	threshold := slices.Index(playbook.Severities, failOn)
	if f.Err != nil {
		e.unusable = true
	}
	for _, x := range f.Findings {
		if i := slices.Index(playbook.Severities, x.Severity); i >= 0 && i <= threshold {
			e.failed = true
		}
	}
}

// exitStatus is the exit contract for a finished list of results.
func exitStatus(files []report.File, failOn string) error {
	var st exitState
	for i := range files {
		st.add(&files[i], failOn)
	}
	return st.status()
}

func (e *exitState) status() error {
	switch {
	case e.unusable:
		return withCode(exitError)
	case e.failed:
		return withCode(exitFindings)
	}
	return nil
}

// useColor decides on ANSI colours: --color always and never decide;
// auto colours a terminal unless NO_COLOR is set or TERM is dumb.
func useColor(mode string, w any) bool {
	switch mode {
	case "never":
		return false
	case "always":
		return true
	}
	if os.Getenv("NO_COLOR") != "" {
		return false
	}
	f, ok := w.(*os.File)
	return ok && isTerminal(f) && os.Getenv("TERM") != "dumb"
}
