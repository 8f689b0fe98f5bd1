package main

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"

	"github.com/spf13/cobra"

	"github.com/crisis-comms/crisis/internal/atomicfile"
	"github.com/crisis-comms/crisis/internal/clock"
	"github.com/crisis-comms/crisis/internal/draft"
	"github.com/crisis-comms/crisis/internal/listen"
	"github.com/crisis-comms/crisis/internal/prompt"
	"github.com/crisis-comms/crisis/internal/reply"
	"github.com/crisis-comms/crisis/internal/yamlfile"
)

// replyOptions are the flags of crisis reply.
type replyOptions struct {
	Incident   string
	Queue      string
	To         string
	NoInput    bool
	Out        string
	Save       bool
	Force      bool
	Answers    string
	Signature  string
	Playbook   string
	Accessible bool
}

// replyAnswers is the --answers file: what a person would type.
type replyAnswers struct {
	To        string `yaml:"to"`
	Signature string `yaml:"signature"`
	// Text replaces the draft (after editing it elsewhere).
	Text string `yaml:"text"`
}

func newReplyCmd(s streams) *cobra.Command {
	opts := replyOptions{}
	cmd := &cobra.Command{
		Use:   "reply --incident DIR [--queue FILE] [--to ID]",
		Short: "Draft replies to incoming messages from the latest update",
		Long: `Answer the people who write in, one by one, urgent first.

For each message the draft meets the emotion first, answers the question
concretely with the facts of the latest update, says what the person can do
and where to get help, and is signed with a name. Insults and spam get a
moderation note instead of a reply; urgent messages get the safety path
first. While you edit, the reply is checked: the playbook's rules for
channel reply (boilerplate, defensiveness, tone), whether it meets the
emotion of the message, names a next step, and is not the same text sent to
someone else.

Replies are saved into the latest update directory as reply-ID.md (channel
reply, reply_to ID), and replies.json in the incident directory keeps which
messages are done, so that nothing is answered twice or forgotten.

The queue is the incoming messages file (CSV, JSON Lines or text, as for
crisis listen); default: incoming.csv in the incident directory.`,
		Example: `  crisis reply --incident incidents/zahlungsausfall
  crisis reply --incident incidents/zahlungsausfall --to 16 --no-input
  crisis reply --incident incidents/zahlungsausfall --to 16 --no-input --save --signature "Jana"
  crisis reply --incident incidents/zahlungsausfall --answers answer.yaml --no-input --save`,
		Args: cobra.NoArgs,
		RunE: func(_ *cobra.Command, _ []string) error {
			return runReply(s, opts)
		},
	}
	f := cmd.Flags()
	f.StringVar(&opts.Incident, "incident", "", "incident directory whose latest update the replies draw on")
	f.StringVar(&opts.Queue, "queue", "", "incoming messages (CSV, JSON Lines or text; default: DIR/incoming.csv)")
	f.StringVar(&opts.To, "to", "", "id of the message to answer (with --no-input)")
	f.BoolVar(&opts.NoInput, "no-input", false, "never prompt: print the draft for --to on standard output")
	f.StringVarP(&opts.Out, "out", "o", "", "write the reply as a message file here instead of standard output")
	f.BoolVar(&opts.Save, "save", false, "save the reply into the latest update and mark the message done")
	f.BoolVar(&opts.Force, "force", false, "with --out: replace an existing file; with --save: answer a message marked done again")
	f.StringVar(&opts.Answers, "answers", "", "YAML with to, signature and text (your reply), or - for standard input")
	f.StringVar(&opts.Signature, "signature", "", "name to sign with (default: the update's signature, else the team)")
	f.StringVar(&opts.Playbook, "playbook", "", "playbook to check replies with (default: the update's)")
	f.BoolVar(&opts.Accessible, "accessible", false, "ask line by line, for screen readers and dumb terminals")
	_ = cmd.MarkFlagRequired("incident")
	_ = cmd.RegisterFlagCompletionFunc("playbook", playbookCompletion)
	return cmd
}

func runReply(s streams, o replyOptions) error {
	now, err := clock.Now()
	if err != nil {
		return usageErr(err)
	}
	var ans replyAnswers
	if o.Answers != "" {
		name, data, err := readInput(s, o.Answers)
		if err != nil {
			return err
		}
		if err := yamlfile.Decode(name, data, &ans); err != nil {
			return usageErr(err)
		}
		o.To = firstOf(o.To, ans.To)
		o.Signature = firstOf(o.Signature, ans.Signature)
	}
	if o.Queue == "" {
		o.Queue = filepath.Join(o.Incident, "incoming.csv")
	}
	q, err := loadQueue(s, o.Queue, o.Incident, o.Playbook, "")
	if err != nil {
		return err
	}
	st, err := reply.LoadState(o.Incident)
	if err != nil {
		return usageErr(err)
	}
	checker, err := reply.NewChecker(q.playbook)
	if err != nil {
		return usageErr(err)
	}
	ropts := reply.Options{Signature: o.Signature, SpeaksOf: q.classifier.SpeaksOf, Now: now}
	if o.NoInput || o.Answers != "" {
		return replyOne(s, o, q, st, checker, ropts, ans.Text)
	}
	var p draft.Prompter
	switch {
	case o.Accessible || os.Getenv("CRISIS_ACCESSIBLE") == "1" || os.Getenv("TERM") == "dumb":
		p = prompt.NewAccessible(s.in, s.err)
		defer exitOnInterrupt(s.err, abortedHint)()
	case isTerminalStream(s.in) && isTerminalStream(s.err):
		p = prompt.NewForms(s.in, s.err)
	default:
		return usageErr(errors.New("no terminal to ask in: use --to ID --no-input to print one draft, or --accessible to answer line by line"))
	}
	sess := &reply.Session{Prompter: p, Queue: q.report.Messages, Facts: q.latest.Facts, IncidentDir: o.Incident,
		UpdateDir: q.latest.Dir, State: st, Checker: checker, Options: ropts}
	err = sess.Run()
	for _, path := range sess.Saved {
		fmt.Fprintln(s.out, path)
	}
	if errors.Is(err, draft.ErrAborted) {
		fmt.Fprintln(s.err, "crisis: stopped; saved replies are kept, the rest stay open")
		return withCode(exitAborted)
	}
	if err != nil {
		return usageErr(err)
	}
	return nil
}

// replyOne drafts (or takes from --answers) the reply to --to, checks it,
// and prints, writes or saves it.
func replyOne(s streams, o replyOptions, q *queue, st *reply.State, checker *reply.Checker, ropts reply.Options, text string) error {
	if o.To == "" {
		return usageErr(errors.New("--no-input needs --to ID (the id of the message to answer; crisis listen shows the ids)"))
	}
	r, ok := findMessage(q.report, o.To)
	if !ok {
		return usageErr(fmt.Errorf("%s: no message with id %q", o.Queue, o.To))
	}
	if o.Save && st.IsDone(r.ID) && !o.Force {
		e := st.Replies[r.ID]
		return usageErr(fmt.Errorf("message %s is already done (%s %s): use --force to answer it again", r.ID, e.Time, firstOf(e.File, e.Note)))
	}
	d, err := reply.Compose(r, q.latest.Facts, ropts)
	if err != nil {
		return usageErr(err)
	}
	for _, n := range d.Notes {
		fmt.Fprintln(s.err, "crisis: "+n)
	}
	if d.Moderation != "" && text == "" {
		fmt.Fprintln(s.out, d.Moderation)
		if o.Save {
			return st.Mark(r.ID, reply.Done, "", d.Moderation, ropts.Now)
		}
		return nil
	}
	if text == "" {
		text = d.Text
	}
	data := reply.Render(text, d.Lang, r.ID, q.latest.Facts)
	findings := checker.Check(text, d.Lang, &r, st.Sent(o.Incident))
	if f := reply.FormatFindings(findings); f != "" {
		fmt.Fprintln(s.err, f)
	}
	switch {
	case o.Save:
		path, err := reply.Save(q.latest.Dir, r.ID, data)
		if err != nil {
			return usageErr(err)
		}
		rel, _ := filepath.Rel(o.Incident, path)
		if err := st.Mark(r.ID, reply.Done, filepath.ToSlash(rel), "", ropts.Now); err != nil {
			return usageErr(err)
		}
		fmt.Fprintln(s.out, path)
	case o.Out != "":
		if err := atomicfile.Write(o.Out, data, 0o644, o.Force); err != nil {
			return usageErr(err)
		}
		fmt.Fprintln(s.out, o.Out)
	default:
		fmt.Fprint(s.out, text)
	}
	for _, f := range findings {
		if f.Severity != "info" {
			return withCode(exitFindings)
		}
	}
	return nil
}

func findMessage(rep *listen.Report, id string) (listen.Result, bool) {
	for _, r := range rep.Messages {
		if r.ID == id {
			return r, true
		}
	}
	return listen.Result{}, false
}
