package main

import (
	"cmp"
	"errors"
	"fmt"
	"io"
	"os"
	"os/signal"
	"path/filepath"
	"strings"
	"time"

	"github.com/spf13/cobra"

	"github.com/crisis-comms/crisis/internal/clock"
	"github.com/crisis-comms/crisis/internal/compose"
	"github.com/crisis-comms/crisis/internal/config"
	"github.com/crisis-comms/crisis/internal/draft"
	"github.com/crisis-comms/crisis/internal/incident"
	"github.com/crisis-comms/crisis/internal/prompt"
	"github.com/crisis-comms/crisis/internal/readfile"
)

// draftOptions are the flags of crisis draft.
type draftOptions struct {
	playbook   string
	scenario   string
	channels   []string
	out        string
	outSet     bool // --out was given: the recovery file lives there
	answers    string
	noInput    bool
	accessible bool
	resume     bool
	force      bool
}

func newDraftCmd(s streams) *cobra.Command {
	o := &draftOptions{}
	cmd := &cobra.Command{
		Use:   "draft",
		Short: "Draft messages for every channel, guided step by step",
		Long: `crisis draft guides you from the situation to ready messages: language and
playbook, scenario and stage, the facts the scenario needs (with the
playbook's questions as guidance), the channels, and a preview of every
message with its tone findings, which you accept or edit. The update is
written as a new directory in the incident directory (--out): facts.yaml and
one file per channel. The paths written are printed on stdout.

Nothing typed is lost: every answer is saved to a recovery file
(DIR/.crisis-draft.json with --out, else $XDG_STATE_HOME/crisis/draft.json).
After Ctrl-C or a crash, --resume continues where you stopped.

Without a terminal, give the answers as a facts file (--answers FILE, or -
for stdin) or answer line by line in accessible mode (--accessible, also
with CRISIS_ACCESSIBLE=1 or TERM=dumb).`,
		Example: `  crisis draft --out incidents/payment-outage
  crisis draft --scenario it-outage --channel sms --channel email --out inc
  crisis draft --answers facts.yaml --no-input --out inc
  crisis draft --accessible --out inc < answers.txt
  crisis draft --resume --out inc`,
		Args: cobra.NoArgs,
		RunE: func(c *cobra.Command, _ []string) error {
			o.outSet = c.Flags().Changed("out")
			return runDraft(s, o)
		},
	}
	f := cmd.Flags()
	f.StringVar(&o.playbook, "playbook", "", "playbook file or builtin:de / builtin:en (default: the built-in of the chosen language)")
	f.StringVar(&o.scenario, "scenario", "", "scenario id, such as it-outage (skips the question)")
	f.StringArrayVar(&o.channels, "channel", nil, "channel to write, repeatable (skips the question)")
	f.StringVar(&o.out, "out", "", "incident directory to add the update to, or an update directory (default: asked, a new folder named after the incident)")
	f.StringVar(&o.answers, "answers", "", "take all answers from this facts file (- for stdin) instead of asking")
	f.BoolVar(&o.noInput, "no-input", false, "never ask; needs --answers")
	f.BoolVar(&o.accessible, "accessible", false, "plain line-by-line questions for screen readers and pipes")
	f.BoolVar(&o.resume, "resume", false, "continue the unfinished draft from the recovery file")
	f.BoolVar(&o.force, "force", false, "replace files in an existing update directory")
	_ = cmd.RegisterFlagCompletionFunc("playbook", playbookCompletion)
	_ = cmd.RegisterFlagCompletionFunc("scenario", scenarioCompletion)
	_ = cmd.RegisterFlagCompletionFunc("channel", channelCompletion)
	_ = cmd.RegisterFlagCompletionFunc("out", dirCompletion)
	_ = cmd.RegisterFlagCompletionFunc("answers", fileCompletion("yaml", "yml"))
	return cmd
}

func runDraft(s streams, o *draftOptions) error {
	now, err := clock.Now()
	if err != nil {
		return usageErr(err)
	}
	opts := draft.Options{
		Playbook: o.playbook, Scenario: o.scenario, Channels: o.channels,
		Out: o.out, Force: o.force, Resume: o.resume, Now: now, Log: s.err,
	}

	// The zone of typed times: .crisis.yaml's, found from the output
	// folder (or the working directory) up.
	cfg, err := config.NewFinder().For(filepath.Join(cmp.Or(o.out, "."), "x"))
	if err != nil {
		return usageErr(err)
	}
	if cfg != nil {
		opts.Timezone = cfg.Timezone
	}

	if o.out != "" {
		incDir := o.out
		if compose.IsUpdateDir(o.out) {
			incDir = filepath.Dir(filepath.Clean(o.out))
		}
		if in, err := incident.Load(incDir); err == nil {
			opts.Previous = in.Latest().Facts
		}
	}

	var p draft.Prompter
	var answers *incident.Facts
	accessible := o.accessible || os.Getenv("CRISIS_ACCESSIBLE") == "1" || os.Getenv("TERM") == "dumb"
	switch {
	case o.answers != "":
		if o.resume {
			return usageErr(errors.New("--resume continues an interactive draft; with --answers the file holds every answer"))
		}
		answers, err = readAnswers(o.answers, s.in, opts.Timezone)
		if err != nil {
			return usageErr(err)
		}
		if opts.Playbook == "" {
			opts.Playbook = answers.Playbook
		}
		p = prompt.NewAnswers(answers, s.err)
		opts.NoInput = true
	case o.noInput:
		return usageErr(errors.New("--no-input needs the answers: --answers FILE (a facts.yaml), or - for stdin"))
	case accessible:
		p = prompt.NewAccessible(s.in, s.err)
		defer exitOnInterrupt(s.err, func() string { return resumeHint(opts.StatePath, o) })()
	case isTerminalStream(s.in) && isTerminalStream(s.err):
		p = prompt.NewForms(s.in, s.err)
	default:
		return usageErr(errors.New("no terminal to ask in: use --answers FILE (or - for stdin) with the facts, or --accessible to answer line by line"))
	}

	if answers == nil {
		if o.outSet {
			opts.StatePath = filepath.Join(o.out, draft.StateFile)
		} else if opts.StatePath, err = draft.DefaultStatePath(); err != nil {
			return usageErr(err)
		}
	}
	opts.Incident = incidentID(answers, opts.Previous)

	res, err := draft.Run(p, opts)
	if errors.Is(err, draft.ErrAborted) {
		return &abortedErr{hint: resumeHint(opts.StatePath, o)}
	}
	if err != nil {
		return usageErr(err)
	}
	fmt.Fprintln(s.out, res.Dir)
	for _, f := range res.Files {
		fmt.Fprintln(s.out, f)
	}
	fmt.Fprintf(s.err, "crisis: update written to %s (%d files)\n", res.Dir, len(res.Files))
	if ap, ok := p.(*prompt.Answers); ok {
		if unused := ap.Unused(); len(unused) > 0 {
			if answers.Lang == "de" {
				fmt.Fprintf(s.err, "crisis: %s: nicht verwendet, weil das Szenario nicht danach fragt: %s\n", o.answers, strings.Join(unused, ", "))
			} else {
				fmt.Fprintf(s.err, "crisis: %s: not used, because the scenario does not ask for it: %s\n", o.answers, strings.Join(unused, ", "))
			}
		}
	}
	if answers != nil {
		// Nobody could confirm: like crisis render, the findings of the
		// written files decide the exit status.
		return lintWritten(s, res.Playbook, "warning", res.Files[1:])
	}
	return nil
}

// readAnswers reads an answers file in the facts.yaml format; its local
// times are in zone (.crisis.yaml's) unless it names its own, and in the
// machine's zone when zone is empty.
func readAnswers(name string, stdin io.Reader, zone string) (*incident.Facts, error) {
	loc := time.Local
	if zone != "" {
		l, err := time.LoadLocation(zone)
		if err != nil {
			return nil, err
		}
		loc = l
	}
	if name == "-" {
		data, err := readfile.ReadFrom(stdin, "<stdin>", readfile.Answers)
		if err != nil {
			return nil, err
		}
		return incident.ParseFactsIn("<stdin>", data, loc)
	}
	data, err := readfile.Read(name, readfile.Answers)
	if err != nil {
		return nil, err
	}
	return incident.ParseFactsIn(name, data, loc)
}

// incidentID names the incident in facts.yaml and front matter as the
// answers or the previous update say; empty lets the draft ask (or, from
// an answers file, take the draft's default).
func incidentID(answers, previous *incident.Facts) string {
	if answers != nil && answers.Incident != "" {
		return answers.Incident
	}
	if previous != nil {
		return previous.Incident
	}
	return ""
}

// abortedHint is what an interrupted prompt of another command says.
func abortedHint() string { return "crisis: aborted" }

// resumeHint tells how to continue an aborted draft, with the command that
// finds its recovery file, in the language of the draft.
func resumeHint(statePath string, o *draftOptions) string {
	cmd := "crisis draft --resume"
	if o.outSet {
		cmd += " --out " + shellQuote(o.out)
	}
	lang := ""
	if st, err := draft.LoadState(statePath); err == nil {
		lang = st.Lang
	}
	switch lang {
	case "de":
		return "crisis: abgebrochen; Ihre Antworten sind gesichert. Weiter geht es mit: " + cmd
	case "en":
		return "crisis: aborted; your answers are kept. Continue with: " + cmd
	}
	// Stopped at the language question, which asks in both.
	return "crisis: abgebrochen / aborted. Weiter mit / continue with: " + cmd
}

// shellQuote quotes s for a POSIX shell when it needs it.
func shellQuote(s string) string {
	if s != "" && strings.Trim(s, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_./") == "" {
		return s
	}
	return "'" + strings.ReplaceAll(s, "'", `'\''`) + "'"
}

// exitOnInterrupt makes Ctrl-C in accessible mode end like an abort in the
// forms (exit 130, answers kept): the accessible prompts block in a read of
// stdin and never see the key. Every answer is already saved when it
// arrives.
func exitOnInterrupt(w io.Writer, hint func() string) (stop func()) {
	ch := make(chan os.Signal, 1)
	signal.Notify(ch, os.Interrupt)
	done := make(chan struct{})
	go func() {
		select {
		case <-ch:
			fmt.Fprintln(w, "\n"+hint())
			os.Exit(exitAborted)
		case <-done:
		}
	}()
	return func() { signal.Stop(ch); close(done) }
}

// isTerminalStream reports whether a stream is a terminal.
func isTerminalStream(v any) bool {
	f, ok := v.(*os.File)
	return ok && isTerminal(f)
}
