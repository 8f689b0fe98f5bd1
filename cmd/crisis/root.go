package main

import (
	"errors"
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/spf13/cobra"

	"github.com/crisis-comms/crisis/internal/readfile"
)

// Exit codes (contract, see README).
const (
	exitOK       = 0
	exitFindings = 1
	exitError    = 2
	exitAborted  = 130
)

// exitErr carries an exit code through cobra's error return. A nil err with
// a code reports findings or an overdue update without printing anything.
type exitErr struct {
	code int
	err  error
}

func (e *exitErr) Error() string {
	if e.err == nil {
		return fmt.Sprintf("exit %d", e.code)
	}
	return e.err.Error()
}

func (e *exitErr) Unwrap() error { return e.err }

// usageErr marks err as a usage, input or configuration error (exit 2).
func usageErr(err error) error { return &exitErr{code: exitError, err: err} }

// hintErr is a usage error followed by a pointer to the command's help.
type hintErr struct {
	err error
	cmd string
}

func (e *hintErr) Error() string {
	return fmt.Sprintf("%v\nRun '%s --help' for usage.", e.err, e.cmd)
}

func (e *hintErr) Unwrap() error { return e.err }

// usageHint marks err as a usage error (exit 2) and points to c's help.
func usageHint(c *cobra.Command, err error) error {
	return usageErr(&hintErr{err: err, cmd: c.CommandPath()})
}

// withCode ends the command with code and no message.
func withCode(code int) error { return &exitErr{code: code} }

// errAborted is returned when the user aborts an interactive flow.
var errAborted = errors.New("aborted")

// abortedErr is errAborted with the hint that says how to continue.
type abortedErr struct{ hint string }

func (e *abortedErr) Error() string        { return e.hint }
func (e *abortedErr) Is(target error) bool { return target == errAborted }

// streams are the process's standard streams, injectable for tests.
type streams struct {
	in       io.Reader
	out, err io.Writer
}

func newRootCmd(s streams) *cobra.Command {
	root := &cobra.Command{
		Use:   "crisis",
		Short: "Draft, render and lint crisis communication for every channel",
		Long: `crisis helps a comms team tell people what is going on in a crisis — an IT
outage, a recall, a closure, a data breach — on every channel at once.

Playbooks (YAML) encode how to talk: be helpful rather than selling, honest
rather than whiny, build community, and be a reliable anchor with concrete
next steps, the time of the next update and where to get help. German and
English playbooks are built in; teams extend them.`,
		Example: `  crisis draft                              # guided drafting, step by step
  crisis lint messages/                     # check tone and essentials
  crisis new --example it-outage incident/  # start from a prepared example
  crisis render incident/facts.yaml         # one message per channel`,
		SilenceUsage:  true,
		SilenceErrors: true,
		Version:       versionString(),
		PersistentPreRunE: func(*cobra.Command, []string) error {
			if err := readfile.CheckEnv(); err != nil {
				return usageErr(err)
			}
			return nil
		},
	}
	root.SetVersionTemplate("crisis {{.Version}}\n")
	root.SetIn(s.in)
	root.SetOut(s.out)
	root.SetErr(s.err)
	root.SetFlagErrorFunc(func(c *cobra.Command, err error) error {
		return usageHint(c, err)
	})
	root.AddCommand(newLspCmd(s), newMcpCmd(s)) // for editors and assistants
	root.AddGroup(
		&cobra.Group{ID: "write", Title: "Writing messages:"},
		&cobra.Group{ID: "check", Title: "Checking and publishing:"},
		&cobra.Group{ID: "prepare", Title: "Preparing before a crisis:"},
	)
	for _, c := range []*cobra.Command{newDraftCmd(s), newRenderCmd(s), newNewCmd(s)} {
		c.GroupID = "write"
		root.AddCommand(c)
	}
	for _, c := range []*cobra.Command{newLintCmd(s), newPageCmd(s), newStatusCmd(s), newPlaybookCmd(s),
		newListenCmd(s), newReplyCmd(s)} {
		c.GroupID = "check"
		root.AddCommand(c)
	}
	for _, c := range []*cobra.Command{newReadyCmd(s), newDrillCmd(s)} {
		c.GroupID = "prepare"
		root.AddCommand(c)
	}
	root.AddCommand(newVersionCmd(s), newManCmd(s), newSchemaCmd(s))
	strictCompletion(root)
	return root
}

// strictCompletion makes `crisis completion` refuse a shell it has no
// script for (exit 2: unknown command) instead of printing its help and
// exiting 0: cobra checks the arguments only of a command that runs.
func strictCompletion(root *cobra.Command) {
	root.InitDefaultCompletionCmd()
	for _, c := range root.Commands() {
		if c.Name() == "completion" {
			c.RunE = func(c *cobra.Command, _ []string) error { return c.Help() }
		}
	}
}

// run executes the command line and maps errors to exit codes in one place.
func run(args []string, in io.Reader, out, errw io.Writer) int {
	root := newRootCmd(streams{in: in, out: out, err: errw})
	root.SetArgs(args)
	err := root.Execute()
	if err == nil {
		return exitOK
	}
	var ee *exitErr
	code := exitError
	if errors.As(err, &ee) {
		code = ee.code
		if ee.err == nil {
			return code
		}
	}
	if errors.Is(err, errAborted) {
		var a *abortedErr
		if errors.As(err, &a) {
			fmt.Fprintln(errw, a.hint)
		} else {
			fmt.Fprintln(errw, "crisis: aborted; your answers are kept (crisis draft --resume continues)")
		}
		return exitAborted
	}
	msg := err.Error()
	if !strings.HasPrefix(msg, "crisis") {
		msg = "crisis: " + msg
	}
	fmt.Fprintln(errw, msg)
	return code
}

// isTerminal reports whether f is a character device (a terminal).
func isTerminal(f *os.File) bool {
	fi, err := f.Stat()
	return err == nil && fi.Mode()&os.ModeCharDevice != 0
}

func firstOf(vals ...string) string {
	for _, v := range vals {
		if v != "" {
			return v
		}
	}
	return ""
}
