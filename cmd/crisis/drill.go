package main

import (
	"errors"
	"fmt"
	"io/fs"
	"os"

	"github.com/spf13/cobra"

	"github.com/crisis-comms/crisis/internal/clock"
	"github.com/crisis-comms/crisis/internal/draft"
	"github.com/crisis-comms/crisis/internal/drill"
	"github.com/crisis-comms/crisis/internal/kit"
	"github.com/crisis-comms/crisis/internal/prompt"
)

type drillOptions struct {
	scenario   string
	kit        string
	lang       string
	noInput    bool
	accessible bool
}

func newDrillCmd(s streams) *cobra.Command {
	o := &drillOptions{}
	c := &cobra.Command{
		Use:   "drill SCENARIO [--kit KIT]",
		Short: "Practise a scenario against the clock, from the kit's holding statement",
		Long: `Run a crisis exercise. Made-up news for SCENARIO is revealed step by step —
the first report, new information an hour later, and a twist such as a rumour
or a newly affected group — and for each the team writes its messages with
the usual draft flow, starting from the kit's holding statement.

The time from each inject to the written update is measured against the
playbook's drill targets (drill: first_message, landing_page, update; by
default 15m, 30m and 30m); a step with warning or error findings does not
count as met. The updates go to KIT/drills/TIME-SCENARIO/, the drill record
to KIT/drills/TIME-SCENARIO.yaml, which crisis ready reads.

--no-input runs the drill without questions, rendering each step from the
holding statement and the made-up facts: for CI and to check a kit end to end.`,
		Example: `  crisis drill it-outage --kit kit/
  crisis drill data-breach --kit kit/ --no-input`,
		Args: func(c *cobra.Command, args []string) error {
			if len(args) != 1 {
				return usageHint(c, fmt.Errorf("drill needs one scenario, got %d arguments", len(args)))
			}
			return nil
		},
		RunE: func(c *cobra.Command, args []string) error {
			o.scenario = args[0]
			return drillRun(s, o)
		},
	}
	f := c.Flags()
	f.StringVar(&o.kit, "kit", ".", "crisis kit directory")
	f.StringVar(&o.lang, "lang", "", "language of the drill (default: the kit's first language)")
	f.BoolVar(&o.noInput, "no-input", false, "run without questions, from the holding statement and the made-up facts")
	f.BoolVar(&o.accessible, "accessible", false, "ask line by line, for screen readers and simple terminals")
	_ = c.RegisterFlagCompletionFunc("lang", fixedCompletion("de", "en"))
	_ = c.RegisterFlagCompletionFunc("kit", func(*cobra.Command, []string, string) ([]string, cobra.ShellCompDirective) {
		return nil, cobra.ShellCompDirectiveFilterDirs
	})
	return c
}

func drillRun(s streams, o *drillOptions) error {
	k, err := kit.Load(o.kit)
	if errors.Is(err, fs.ErrNotExist) {
		return usageErr(fmt.Errorf("%s: no crisis kit here (kit.yaml is missing); start one with: crisis new --kit %s", o.kit, o.kit))
	}
	if err != nil {
		return usageErr(err)
	}
	now, err := clock.Now()
	if err != nil {
		return usageErr(err)
	}
	opts := drill.Options{Kit: k, Scenario: o.scenario, Lang: o.lang, Start: now, Log: s.err}
	switch {
	case o.noInput:
	case o.accessible || os.Getenv("CRISIS_ACCESSIBLE") == "1" || os.Getenv("TERM") == "dumb":
		opts.Prompter = prompt.NewAccessible(s.in, s.err)
		defer exitOnInterrupt(s.err, abortedHint)()
	case isTerminalStream(s.in) && isTerminalStream(s.err):
		opts.Prompter = prompt.NewForms(s.in, s.err)
	default:
		return usageErr(errors.New("no terminal to ask in: run the drill in a terminal, with --accessible, or with --no-input"))
	}
	res, err := drill.Run(opts)
	if errors.Is(err, draft.ErrAborted) {
		return errAborted
	}
	if err != nil {
		return usageErr(err)
	}
	fmt.Fprintln(s.out, res.File)
	for _, st := range res.Record.Steps {
		if !st.Met {
			return withCode(exitFindings)
		}
	}
	return nil
}
