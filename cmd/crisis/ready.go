package main

import (
	"errors"
	"fmt"
	"io/fs"
	"slices"

	"github.com/spf13/cobra"

	"github.com/crisis-comms/crisis/internal/clock"
	"github.com/crisis-comms/crisis/internal/ready"
)

type readyOptions struct {
	kit    string
	format string
	failOn string
	now    string
}

func newReadyCmd(s streams) *cobra.Command {
	o := &readyOptions{}
	c := &cobra.Command{
		Use:   "ready [KIT]",
		Short: "Audit the crisis kit: holding statements, consent, roles, processors, drills",
		Long: `Check how ready the team is before anything happens. KIT is a crisis kit
directory (default: the current directory) with kit.yaml, contacts.csv and a
holding statement per scenario in holding/ (crisis new --kit DIR writes a
made-up one to start from).

Each check is one item with a status (ok, warning, error), what is wrong and
what to do:
  holding.SCENARIO   the holding statement renders for each of its channels
                     and lints clean
  reach.CHANNEL      the share of contacts with valid consent on each direct
                     channel (sms, email, whatsapp) the scenarios rely on;
                     reach.stale, reach.unreachable, reach.languages
  roles.ROLE         a person, a deputy and out-of-hours reachability; draft
                     and approve by different people
  processors.NAME    a data-processing agreement and an address for data
                     requests
  landing, hotline   configured and used by every holding statement
  drill              the last drill is less than twelve months old

The report holds counts and shares only, never a contact's name, address or
number. The score is the share of checks passed (a warning counts half).

Exit status: 0 when nothing is at or above --fail-on, 1 otherwise, 2 when the
kit cannot be read.`,
		Example: `  crisis new --kit kit/ --lang de
  crisis ready kit/
  crisis ready kit/ --format html > readiness.html
  crisis ready kit/ --format json --fail-on error`,
		Args: cobra.MaximumNArgs(1),
		RunE: func(c *cobra.Command, args []string) error {
			o.kit = "."
			if len(args) == 1 {
				o.kit = args[0]
			}
			return readyRun(s, o)
		},
		ValidArgsFunction: func(*cobra.Command, []string, string) ([]string, cobra.ShellCompDirective) {
			return nil, cobra.ShellCompDirectiveFilterDirs
		},
	}
	f := c.Flags()
	f.StringVar(&o.format, "format", "text", "output format: text, json or html")
	f.StringVar(&o.failOn, "fail-on", "warning", "lowest status that makes the exit status 1: error or warning")
	f.StringVar(&o.now, "now", "", "date to audit against, RFC 3339 (default: CRISIS_NOW, else the clock)")
	_ = c.RegisterFlagCompletionFunc("format", fixedCompletion(ready.Formats...))
	_ = c.RegisterFlagCompletionFunc("fail-on", fixedCompletion(ready.Error, ready.Warning))
	return c
}

func readyRun(s streams, o *readyOptions) error {
	if !slices.Contains(ready.Formats, o.format) {
		return usageErr(fmt.Errorf("--format %q: use text, json or html", o.format))
	}
	if o.failOn != ready.Error && o.failOn != ready.Warning {
		return usageErr(fmt.Errorf("--fail-on %q: use error or warning", o.failOn))
	}
	now, err := clock.Parse(o.now)
	if err != nil {
		return usageErr(err)
	}
	r, err := ready.Audit(o.kit, ready.Options{Now: now})
	if errors.Is(err, fs.ErrNotExist) {
		return usageErr(fmt.Errorf("%s: no crisis kit here (kit.yaml is missing); start one with: crisis new --kit %s", o.kit, o.kit))
	}
	if err != nil {
		return usageErr(err)
	}
	if err := ready.Write(s.out, o.format, r); err != nil {
		return err
	}
	if r.AtOrAbove(o.failOn) {
		return withCode(exitFindings)
	}
	return nil
}
