package main

import (
	"encoding/json"
	"errors"
	"fmt"
	"path/filepath"
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/spf13/cobra"

	"github.com/crisis-comms/crisis/internal/incident"
	"github.com/crisis-comms/crisis/internal/listen"
	"github.com/crisis-comms/crisis/internal/page"
	"github.com/crisis-comms/crisis/internal/readfile"
	"github.com/crisis-comms/crisis/playbook"
)

// listenOptions are the flags and arguments of crisis listen.
type listenOptions struct {
	File     string
	Incident string
	Format   string
	Lang     string
	Playbook string
}

func newListenCmd(s streams) *cobra.Command {
	opts := listenOptions{}
	cmd := &cobra.Command{
		Use:   "listen FILE|-",
		Short: "Triage incoming comments, mails and messages: urgent first",
		Long: `Read what people write in — comments, mails, direct messages — and triage it.

Each message gets one or more kinds (question, complaint, worry, anger,
insult, praise, rumour, spam, other), is marked urgent when someone's
safety or health is at stake, and gets a topic (when_fixed, refund, fees,
…). With --incident, the latest update's facts decide which fact answers
each topic and which hearsay is true. Every label names the cue that set it.

Input: CSV with a header (a text, message, body or content column; id,
author, channel, time, lang and reply_to are optional), JSON Lines with the
same keys, or plain text with one message per line. The words and rules
come from the playbook's listen section, so teams can tune them.

The report lists urgent messages first, then by need, with the questions
people ask most, the rumours to correct and the open topics. --format json
and csv are for tools; the JSON is a contract (see README).`,
		Example: `  crisis listen incoming.csv
  crisis listen incoming.csv --incident incidents/zahlungsausfall
  crisis listen comments.jsonl --format json | jq '.summary.questions'
  pbpaste | crisis listen - --lang en`,
		Args: cobra.ExactArgs(1),
		RunE: func(c *cobra.Command, args []string) error {
			opts.File = args[0]
			if !slices.Contains(listen.Formats, opts.Format) {
				return usageHint(c, fmt.Errorf("--format %q: use text, json or csv", opts.Format))
			}
			if opts.Lang != "" && !slices.Contains(playbook.Languages, opts.Lang) {
				return usageHint(c, fmt.Errorf("--lang %q: use de or en", opts.Lang))
			}
			return runListen(s, opts)
		},
	}
	f := cmd.Flags()
	f.StringVar(&opts.Incident, "incident", "", "incident directory: judge the messages against its latest update")
	f.StringVarP(&opts.Format, "format", "f", "text", "output format: text, json or csv")
	f.StringVar(&opts.Lang, "lang", "", "language of the report and of messages that give no sign of theirs (default: the update's, else the playbook's)")
	f.StringVar(&opts.Playbook, "playbook", "", "playbook whose listen section to use (default: the update's, else .crisis.yaml's, else builtin:de)")
	_ = cmd.RegisterFlagCompletionFunc("format", fixedCompletion(listen.Formats...))
	_ = cmd.RegisterFlagCompletionFunc("lang", fixedCompletion(playbook.Languages...))
	_ = cmd.RegisterFlagCompletionFunc("playbook", playbookCompletion)
	return cmd
}

func runListen(s streams, opts listenOptions) error {
	q, err := loadQueue(s, opts.File, opts.Incident, opts.Playbook, opts.Lang)
	if err != nil {
		return err
	}
	return listen.Write(s.out, q.report, opts.Format, q.lang)
}

// queue is a triaged set of incoming messages and what judged them.
type queue struct {
	report     *listen.Report
	classifier *listen.Classifier
	playbook   *playbook.Playbook
	latest     *incident.Update // nil without an incident
	incident   *incident.Incident
	lang       string
}

// loadQueue reads and triages the messages of file ("-" for standard
// input), against the latest update of incDir when given.
func loadQueue(s streams, file, incDir, pbRef, lang string) (*queue, error) {
	name, data, err := readInput(s, file)
	if err != nil {
		return nil, err
	}
	msgs, err := listen.Read(name, data)
	if err != nil {
		return nil, usageErr(err)
	}
	q := &queue{}
	if incDir != "" {
		in, err := loadIncident(incDir)
		if err != nil {
			return nil, err
		}
		q.incident, q.latest = in, in.Latest()
		if pbRef == "" {
			ref, err := playbookRef("", filepath.Join(q.latest.Dir, incident.FactsFile), q.latest.Facts)
			if err != nil {
				return nil, usageErr(err)
			}
			pbRef = ref
		}
		if lang == "" {
			lang = q.latest.Facts.Lang
		}
	}
	if q.playbook, err = loadPlaybook(pbRef); err != nil {
		return nil, err
	}
	if lang == "" {
		lang = firstOf(q.playbook.Lang, "en")
	}
	if q.classifier, err = listen.New(q.playbook, lang); err != nil {
		return nil, usageErr(err)
	}
	if q.latest != nil {
		q.classifier.UseFacts(q.latest.Facts)
	}
	q.lang = lang
	q.report = listen.Triage(q.classifier, msgs, lang)
	return q, nil
}

// readInput reads file, or standard input for "-", through the shared
// bounded reader: a regular file (or stdin) of at most 512 MB.
func readInput(s streams, file string) (string, []byte, error) {
	if file == "-" {
		data, err := readfile.ReadFrom(s.in, "<stdin>", readfile.Incoming)
		if err != nil {
			return "", nil, usageErr(err)
		}
		return "<stdin>", data, nil
	}
	data, err := readfile.Read(file, readfile.Incoming)
	if err != nil {
		return "", nil, usageErr(err)
	}
	return file, data, nil
}

// maxFAQ is how many questions the landing page's FAQ shows.
const maxFAQ = 6

// faqFrom reads the most asked questions of a crisis listen JSON report
// and answers each from the facts of the latest update: the sentences of
// the fact that answers it. Questions no fact answers are left out: they
// are gaps for the next update, not FAQ.
func faqFrom(path string, in *incident.Incident) ([]page.FAQ, error) {
	data, err := readfile.Read(path, readfile.Report)
	if err != nil {
		return nil, usageErr(fmt.Errorf("--faq: %w", err))
	}
	var rep struct {
		Version int `json:"version"`
		Summary struct {
			Questions []listen.Group `json:"questions"`
		} `json:"summary"`
	}
	if err := json.Unmarshal(data, &rep); err != nil {
		var se *json.SyntaxError
		if errors.As(err, &se) {
			line, col := lineCol(data, int(se.Offset)-1) // Offset is just past the bad byte
			return nil, usageErr(fmt.Errorf("%s:%d:%d: not a crisis listen JSON report: %v", path, line, col, err))
		}
		return nil, usageErr(fmt.Errorf("%s: not a crisis listen JSON report: %v", path, err))
	}
	if rep.Version != listen.Version {
		return nil, usageErr(fmt.Errorf("%s: report version %d; this build reads crisis listen reports of version %d", path, rep.Version, listen.Version))
	}
	latest := in.Latest()
	ref, err := playbookRef("", filepath.Join(latest.Dir, incident.FactsFile), latest.Facts)
	if err != nil {
		return nil, usageErr(err)
	}
	pb, err := loadPlaybook(ref)
	if err != nil {
		return nil, err
	}
	lang := firstOf(latest.Facts.Lang, pb.Lang, "en")
	c, err := listen.New(pb, lang)
	if err != nil {
		return nil, usageErr(err)
	}
	facts := latest.Facts.Map()
	var out []page.FAQ
	for _, q := range rep.Summary.Questions {
		v, _ := facts[q.AnsweredBy].(string)
		if v == "" || q.AnsweredBy == "next_update" || len(out) == maxFAQ {
			continue
		}
		answer := v
		switch q.AnsweredBy {
		case "hotline":
			answer = firstOf(map[string]string{"de": "Unsere Hotline: " + v + "."}[lang], "Our hotline: "+v+".")
		case "email":
			answer = firstOf(map[string]string{"de": "Schreiben Sie uns: " + v + "."}[lang], "Write to us: "+v+".")
		case "landing_page":
			answer = firstOf(map[string]string{"de": "Alles Aktuelle auf dieser Seite: " + v}[lang], "Everything current on this page: "+v)
		default:
			answer = c.Answer(v, lang, q.Topic, 3)
		}
		title := q.Title
		if t := c.Topic(q.Topic); t != nil && t.Title[lang] != "" {
			title = t.Title[lang]
		}
		out = append(out, page.FAQ{Question: title, Answer: answer, Asked: q.Count})
	}
	return out, nil
}

// lineCol returns the 1-based line and column of byte offset off.
func lineCol(data []byte, off int) (int, int) {
	off = min(max(off, 0), len(data))
	line := 1 + strings.Count(string(data[:off]), "\n")
	start := strings.LastIndex(string(data[:off]), "\n") + 1
	return line, 1 + utf8.RuneCount(data[start:off])
}
