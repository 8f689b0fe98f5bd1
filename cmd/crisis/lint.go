package main

import (
	"fmt"
	"os"
	"slices"

	"github.com/spf13/cobra"

	"github.com/crisis-comms/crisis/internal/check"
	"github.com/crisis-comms/crisis/internal/report"
	"github.com/crisis-comms/crisis/playbook"
)

type lintOptions struct {
	paths    []string
	format   string
	failOn   string
	playbook string
	color    string
	jobs     int
}

func newLintCmd(s streams) *cobra.Command {
	o := &lintOptions{}
	c := &cobra.Command{
		Use:   "lint [PATH|-]...",
		Short: "Check message files for promotional or whiny tone and missing essentials",
		Long: `Lint message files (.txt, .md) for tone and essentials: sales talk and
self-praise (promotional), self-pity, lament and blame (whiny), spin, and
missing anchors — when the next update comes and where people get help.

Directories are searched recursively; "-" reads standard input. Channel and
language come from each file's front matter, the nearest .crisis.yaml, the
file name (sms.txt, update.email.md), or are detected.

Exit status: 0 clean, 1 findings at or above --fail-on, 2 unusable input,
configuration or playbook.`,
		Example: `  crisis lint messages/
  crisis lint --format sarif messages/ > crisis.sarif
  echo "Nur heute 20 % Rabatt!" | crisis lint -
  crisis lint --fail-on error --format github .`,
		RunE: func(c *cobra.Command, args []string) error {
			o.paths = args
			return lintRun(s, o)
		},
	}
	f := c.Flags()
	f.StringVar(&o.format, "format", "text", "output format: text, json, sarif or github")
	f.StringVar(&o.failOn, "fail-on", "warning", "lowest severity that makes the exit status 1: error, warning or info")
	f.StringVar(&o.playbook, "playbook", "", "playbook for every file (builtin:de, builtin:en or a file); default from .crisis.yaml, else by language")
	f.StringVar(&o.color, "color", "auto", "colour in text output: auto, always or never (NO_COLOR is honoured)")
	f.IntVarP(&o.jobs, "jobs", "j", 0, "files linted at once (default: all cores)")
	_ = c.RegisterFlagCompletionFunc("format", fixedCompletion(report.Formats...))
	_ = c.RegisterFlagCompletionFunc("fail-on", fixedCompletion(playbook.Severities...))
	_ = c.RegisterFlagCompletionFunc("playbook", playbookCompletion)
	return c
}

func lintRun(s streams, o *lintOptions) error {
	if !slices.Contains(report.Formats, o.format) {
		return usageErr(fmt.Errorf("--format %q: use text, json, sarif or github", o.format))
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
	noStats := o.format == "text" || o.format == "github" // only json and sarif show them
	r, err := check.New(check.Options{Playbook: o.playbook, Stdin: s.in, Jobs: o.jobs, NoStats: noStats})
	if err != nil {
		return usageErr(err)
	}
	opts := report.Options{Color: useColor(o.color, s.out), ToolVersion: versionString()}
	if o.playbook != "" {
		if e, err := r.Engine(o.playbook); err == nil {
			opts.Playbook = e.Playbook()
		}
	}
	// The report is written while later files are still being linted.
	out, err := report.NewStream(s.out, o.format, opts)
	if err != nil {
		return usageErr(err)
	}
	var st exitState
	r.Stream(o.paths, func(f *report.File) {
		st.add(f, o.failOn)
		out.Add(f)
	})
	if err := out.Close(); err != nil {
		return usageErr(err)
	}
	return st.status()
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

// useColor decides on ANSI colours: never with NO_COLOR or --color never,
// always with --color always, else only on a terminal.
func useColor(mode string, w any) bool {
	switch {
	case mode == "never" || os.Getenv("NO_COLOR") != "":
		return false
	case mode == "always":
		return true
	}
	f, ok := w.(*os.File)
	return ok && isTerminal(f) && os.Getenv("TERM") != "dumb"
}

func fixedCompletion(vals ...string) func(*cobra.Command, []string, string) ([]string, cobra.ShellCompDirective) {
	return func(*cobra.Command, []string, string) ([]string, cobra.ShellCompDirective) {
		return vals, cobra.ShellCompDirectiveNoFileComp
	}
}

func playbookCompletion(*cobra.Command, []string, string) ([]string, cobra.ShellCompDirective) {
	return playbook.BuiltinNames(), cobra.ShellCompDirectiveDefault
}
