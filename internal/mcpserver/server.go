// Package mcpserver is the Model Context Protocol server behind `crisis
// mcp`: it lets an AI assistant that drafts crisis messages check them
// against the team's playbook — lint a message, explain a rule, list the
// scenarios with their facts and channels, render one message per channel
// from facts — and read the playbook itself as a resource.
package mcpserver

import (
	"bytes"
	"cmp"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"time"

	"github.com/modelcontextprotocol/go-sdk/mcp"

	"github.com/crisis-comms/crisis/internal/check"
	"github.com/crisis-comms/crisis/internal/clock"
	"github.com/crisis-comms/crisis/internal/compose"
	"github.com/crisis-comms/crisis/internal/config"
	"github.com/crisis-comms/crisis/internal/incident"
	"github.com/crisis-comms/crisis/internal/report"
	"github.com/crisis-comms/crisis/playbook"
)

// Options configure the server.
type Options struct {
	// Version is reported to the client.
	Version string
	// Dir is the directory whose .crisis.yaml applies: messages are linted
	// as files in it. Default: the working directory.
	Dir string
	// Playbook, when set, is used for everything instead of .crisis.yaml
	// and the built-ins by language (--playbook).
	Playbook string
}

// PlaybookURI is the resource of the playbook that applies in the
// directory; the built-ins are BuiltinURI + language.
const (
	PlaybookURI = "crisis://playbook"
	BuiltinURI  = "crisis://playbook/builtin/"
)

// Serve runs the server on a pair of streams (standard input and output)
// until the client closes in.
func Serve(ctx context.Context, in io.Reader, out io.Writer, opts Options) error {
	srv, err := New(opts)
	if err != nil {
		return err
	}
	return srv.Run(ctx, &mcp.IOTransport{Reader: io.NopCloser(in), Writer: nopWriteCloser{out}})
}

// nopWriteCloser leaves standard output open when the session ends.
type nopWriteCloser struct{ io.Writer }

func (nopWriteCloser) Close() error { return nil }

type server struct {
	opts   Options
	runner *check.Runner
	// renderers lint rendered messages with the playbook they were
	// rendered from, one runner per playbook; tools may run at once.
	mu        sync.Mutex
	renderers map[string]*check.Runner
}

// New returns the MCP server. A --playbook or .crisis.yaml that does not
// load is an error here, before any client connects.
func New(opts Options) (*mcp.Server, error) {
	if opts.Dir == "" {
		wd, err := os.Getwd()
		if err != nil {
			return nil, err
		}
		opts.Dir = wd
	}
	r, err := check.New(check.Options{Playbook: opts.Playbook, Jobs: 1})
	if err != nil {
		return nil, err
	}
	s := &server{opts: opts, runner: r, renderers: map[string]*check.Runner{}}
	if _, _, err := s.playbook(""); err != nil {
		return nil, err
	}
	srv := mcp.NewServer(&mcp.Implementation{Name: "crisis", Title: "crisis — crisis communication", Version: opts.Version}, &mcp.ServerOptions{
		Instructions: `crisis checks crisis communication (German and English) against the team's playbook:
help rather than sell (no promotional tone), be honest without whining or spin, talk with people,
and be an anchor — say when the next update comes and where people get help.
Lint every draft with lint_message before you show it, and fix what it finds; explain_rule says
why a rule exists; list_scenarios and render_messages start from the facts of an update.`,
	})
	mcp.AddTool(srv, &mcp.Tool{
		Name:  "lint_message",
		Title: "Lint a crisis message",
		Description: "Check a message for promotional or whiny tone, spin and missing essentials (next update, contact) " +
			"with the team's playbook and the channel's limits. Returns the findings as crisis lint --format json gives them " +
			"for one file: rule, principle, tone, severity, message, matched text, line and column, suggestion, and the other rules of the same tone folded into a finding (also); and stats.",
		Annotations: readOnly,
	}, s.lintMessage)
	mcp.AddTool(srv, &mcp.Tool{
		Name:        "explain_rule",
		Title:       "Explain a playbook rule",
		Description: "Explain one rule of the playbook: the principle behind it, why it matters, what to write instead, and examples that it flags and that are fine.",
		Annotations: readOnly,
	}, s.explainRule)
	mcp.AddTool(srv, &mcp.Tool{
		Name:        "list_scenarios",
		Title:       "List crisis scenarios",
		Description: "List the playbook's prepared crisis scenarios (IT outage, recall, …) with the facts each one needs and the channels to use, and the playbook's channels.",
		Annotations: readOnly,
	}, s.listScenarios)
	mcp.AddTool(srv, &mcp.Tool{
		Name:  "render_messages",
		Title: "Render messages from facts",
		Description: "Render one message per channel from the facts of an update (the fields of facts.yaml: incident, stage, lang, " +
			"what, impact, actions, help, next_update, landing_page, hotline, …), congruent across channels, and lint each. Nothing is written.",
		Annotations: readOnly,
	}, s.renderMessages)
	srv.AddResource(&mcp.Resource{
		URI: PlaybookURI, Name: "playbook", Title: "The team's playbook", MIMEType: "application/json",
		Description: "The playbook that applies here (.crisis.yaml, else the German built-in): principles, rules, lexicon, channels, scenarios.",
	}, s.readPlaybook)
	for _, ref := range playbook.BuiltinNames() {
		lang := strings.TrimPrefix(ref, playbook.BuiltinPrefix)
		srv.AddResource(&mcp.Resource{
			URI: BuiltinURI + lang, Name: "playbook-" + lang, Title: "Built-in playbook (" + lang + ")", MIMEType: "application/json",
			Description: "The built-in " + lang + " playbook.",
		}, s.readPlaybook)
	}
	return srv, nil
}

// readOnly marks the tools: they read the team's files and write nothing,
// give the same answer for the same input, and reach nothing outside.
var readOnly = &mcp.ToolAnnotations{ReadOnlyHint: true, IdempotentHint: true, OpenWorldHint: new(false)}

// playbook returns the playbook for lang: --playbook, else the
// .crisis.yaml of the directory, else the built-in of lang (German when
// none is given, as crisis playbook does).
func (s *server) playbook(lang string) (*playbook.Playbook, string, error) {
	ref := s.opts.Playbook
	if ref == "" {
		cfg, err := config.NewFinder().For(filepath.Join(s.opts.Dir, "x"))
		if err != nil {
			return nil, "", err
		}
		if cfg != nil {
			ref = cfg.PlaybookRef()
		}
	}
	if ref == "" {
		if lang == "" {
			lang = "de"
		}
		if err := checkLang(lang); err != nil {
			return nil, "", err
		}
		ref = playbook.BuiltinPrefix + lang
	}
	e, err := s.runner.Engine(ref)
	if err != nil {
		return nil, "", err
	}
	return e.Playbook(), ref, nil
}

func checkLang(lang string) error {
	if lang != "" && !slices.Contains(playbook.Languages, lang) {
		return fmt.Errorf("lang %q: use %s", lang, strings.Join(playbook.Languages, " or "))
	}
	return nil
}

// LintInput is a message to lint.
type LintInput struct {
	Text    string `json:"text" jsonschema:"the message text, plain or Markdown, optionally with YAML front matter (channel, lang, stage)"`
	Channel string `json:"channel,omitempty" jsonschema:"the channel it is for: sms, email, x, linkedin, facebook, instagram, whatsapp, landing, hotline, letter, …; its limits and required elements apply"`
	Lang    string `json:"lang,omitempty" jsonschema:"de or en; detected when left out"`
	Path    string `json:"path,omitempty" jsonschema:"the file the message will be, relative to the team's directory (e.g. updates/sms.txt): its .crisis.yaml overrides and the channel by file name apply; default message.md"`
}

func (s *server) lintMessage(_ context.Context, _ *mcp.CallToolRequest, in LintInput) (*mcp.CallToolResult, map[string]any, error) {
	if err := checkLang(in.Lang); err != nil {
		return nil, nil, err
	}
	p, err := s.path(in.Path)
	if err != nil {
		return nil, nil, err
	}
	if in.Channel != "" {
		pb, _, err := s.playbook(in.Lang)
		if err != nil {
			return nil, nil, err
		}
		if pb.Channel(in.Channel) == nil {
			return nil, nil, fmt.Errorf("channel %q is not in playbook %s: use one of %s", in.Channel, pb.ID, strings.Join(channelIDs(pb), ", "))
		}
	}
	f, _ := s.runner.LintText(check.Text{Path: p, Data: []byte(in.Text), Channel: in.Channel, Lang: in.Lang})
	f.Path = in.Path
	if f.Path == "" {
		f.Path = "message.md"
	}
	raw, out, err := fileJSON(&f)
	if err != nil {
		return nil, nil, err
	}
	// The text is the report's own JSON, in its field order.
	return &mcp.CallToolResult{Content: []mcp.Content{&mcp.TextContent{Text: string(raw)}}}, out, nil
}

// path resolves a message path inside the directory; it may not leave it.
func (s *server) path(rel string) (string, error) {
	if rel == "" {
		rel = "message.md"
	}
	if filepath.IsAbs(rel) || !filepath.IsLocal(rel) {
		return "", fmt.Errorf("path %q: give a path inside the team's directory, such as updates/sms.txt", rel)
	}
	return filepath.Join(s.opts.Dir, rel), nil
}

// fileJSON is one file's entry of the JSON report, as crisis lint
// --format json writes it: compact, and decoded.
func fileJSON(f *report.File) (json.RawMessage, map[string]any, error) {
	var buf bytes.Buffer
	if err := report.Write(&buf, "json", []report.File{*f}, report.Options{}); err != nil {
		return nil, nil, err
	}
	var rep struct{ Files []json.RawMessage }
	if err := json.Unmarshal(buf.Bytes(), &rep); err != nil || len(rep.Files) != 1 {
		return nil, nil, fmt.Errorf("lint report: %v", err)
	}
	var compact bytes.Buffer
	if err := json.Compact(&compact, rep.Files[0]); err != nil {
		return nil, nil, err
	}
	var m map[string]any
	if err := json.Unmarshal(compact.Bytes(), &m); err != nil {
		return nil, nil, err
	}
	return compact.Bytes(), m, nil
}

func channelIDs(pb *playbook.Playbook) []string {
	ids := make([]string, len(pb.Channels))
	for i, c := range pb.Channels {
		ids[i] = c.ID
	}
	return ids
}

// ExplainInput names a rule.
type ExplainInput struct {
	Rule string `json:"rule" jsonschema:"the rule id, as a finding names it (e.g. authentic.self-pity)"`
	Lang string `json:"lang,omitempty" jsonschema:"de or en: the built-in playbook to look in when the team has none; default de"`
}

// RuleInfo explains a rule.
type RuleInfo struct {
	ID         string     `json:"id"`
	Playbook   string     `json:"playbook"`
	Principle  *Principle `json:"principle,omitempty"`
	Tone       string     `json:"tone"`
	Severity   string     `json:"severity"`
	Kind       string     `json:"kind"`
	Message    string     `json:"message"`
	Why        string     `json:"why,omitempty"`
	Suggestion string     `json:"suggestion,omitempty"`
	Strength   string     `json:"strength" jsonschema:"strong (never weighed away), weak or normal: how a lone finding of the rule is weighed against the whole statement"`
	Weighing   string     `json:"weighing,omitempty" jsonschema:"in the playbook's language: whether and when a statement that owns its crisis holds a finding of the rule down to info"`
	Flagged    []string   `json:"flagged,omitempty" jsonschema:"examples the rule flags"`
	Fine       []string   `json:"fine,omitempty" jsonschema:"examples it leaves alone"`
}

// Principle is the idea behind rules.
type Principle struct {
	ID      string `json:"id"`
	Title   string `json:"title"`
	Summary string `json:"summary,omitempty"`
}

func (s *server) explainRule(_ context.Context, _ *mcp.CallToolRequest, in ExplainInput) (*mcp.CallToolResult, *RuleInfo, error) {
	pb, ref, err := s.playbook(in.Lang)
	if err != nil {
		return nil, nil, err
	}
	r := pb.Rule(in.Rule)
	if r == nil {
		var near []string
		for _, x := range pb.Rules {
			if strings.Contains(x.ID, in.Rule) || strings.Contains(in.Rule, x.ID) {
				near = append(near, x.ID)
			}
		}
		hint := "the playbook resource lists every rule"
		if len(near) > 0 {
			hint = "did you mean " + strings.Join(near, ", ") + "?"
		}
		return nil, nil, fmt.Errorf("no rule %q in playbook %s: %s", in.Rule, ref, hint)
	}
	info := &RuleInfo{ID: r.ID, Playbook: ref, Tone: r.Tone, Severity: r.Severity, Kind: r.Kind(),
		Message: oneLine(r.Message), Why: oneLine(r.Why), Suggestion: oneLine(r.Suggestion),
		Strength: cmp.Or(r.Strength, "normal")}
	_, info.Weighing = report.Weighing(pb, r)
	if p := pb.Principle(r.Principle); p != nil {
		info.Principle = &Principle{ID: p.ID, Title: p.Title, Summary: oneLine(p.Summary)}
	}
	for _, l := range sortedKeys(r.Examples.Bad) {
		info.Flagged = append(info.Flagged, r.Examples.Bad[l]...)
	}
	for _, l := range sortedKeys(r.Examples.Good) {
		info.Fine = append(info.Fine, r.Examples.Good[l]...)
	}
	return nil, info, nil
}

func sortedKeys(m map[string][]string) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	return keys
}

func oneLine(s string) string { return strings.Join(strings.Fields(s), " ") }

// LangInput picks a built-in playbook when the team has none.
type LangInput struct {
	Lang string `json:"lang,omitempty" jsonschema:"de or en: the built-in playbook to use when the team has none; default de"`
}

// Scenarios lists a playbook's scenarios and channels.
type Scenarios struct {
	Playbook  string     `json:"playbook"`
	Scenarios []Scenario `json:"scenarios"`
	Channels  []Channel  `json:"channels"`
}

// Scenario is a prepared kind of crisis.
type Scenario struct {
	ID       string   `json:"id"`
	Title    string   `json:"title"`
	Summary  string   `json:"summary,omitempty"`
	Facts    []Fact   `json:"facts"`
	Channels []string `json:"channels"`
}

// Fact is a fact a scenario asks for.
type Fact struct {
	ID       string `json:"id"`
	Title    string `json:"title,omitempty"`
	Help     string `json:"help,omitempty"`
	Example  string `json:"example,omitempty"`
	Kind     string `json:"kind,omitempty"`
	Required bool   `json:"required,omitempty"`
}

// Channel is a way of reaching people.
type Channel struct {
	ID      string   `json:"id"`
	Title   string   `json:"title"`
	Require []string `json:"require,omitempty" jsonschema:"rules whose element a message on this channel must contain"`
}

func (s *server) listScenarios(_ context.Context, _ *mcp.CallToolRequest, in LangInput) (*mcp.CallToolResult, *Scenarios, error) {
	pb, ref, err := s.playbook(in.Lang)
	if err != nil {
		return nil, nil, err
	}
	out := &Scenarios{Playbook: ref, Scenarios: []Scenario{}, Channels: []Channel{}}
	for _, sc := range pb.Scenarios {
		x := Scenario{ID: sc.ID, Title: sc.Title, Summary: oneLine(sc.Summary), Facts: []Fact{}, Channels: sc.Channels}
		for _, id := range sc.Facts {
			f := Fact{ID: id}
			if d := pb.Fact(id); d != nil {
				f = Fact{ID: id, Title: d.Title, Help: oneLine(d.Help), Example: d.Example, Kind: d.Kind, Required: d.Required}
			}
			x.Facts = append(x.Facts, f)
		}
		out.Scenarios = append(out.Scenarios, x)
	}
	for _, c := range pb.Channels {
		out.Channels = append(out.Channels, Channel{ID: c.ID, Title: c.Title, Require: c.Require})
	}
	return nil, out, nil
}

// RenderInput is the facts of one update.
type RenderInput struct {
	Facts    map[string]any `json:"facts" jsonschema:"the facts of the update, as in facts.yaml: incident, stage (initial, update, resolved, followup), lang, scenario, org, what, impact, actions, unknown, help, next_update (RFC 3339), landing_page, hotline, email, …"`
	Channels []string       `json:"channels,omitempty" jsonschema:"channels to render; default the facts' channels, else the scenario's"`
}

// Rendered is the messages of one update.
type Rendered struct {
	Playbook string    `json:"playbook"`
	Messages []Message `json:"messages"`
}

// Message is one channel's message with its lint result.
type Message struct {
	Channel string         `json:"channel"`
	File    string         `json:"file" jsonschema:"the file name crisis render would write"`
	Subject string         `json:"subject,omitempty"`
	Text    string         `json:"text" jsonschema:"the file content: front matter, then the message"`
	Lint    map[string]any `json:"lint" jsonschema:"the findings as crisis lint --format json gives them for the file"`
}

func (s *server) renderMessages(_ context.Context, _ *mcp.CallToolRequest, in RenderInput) (*mcp.CallToolResult, *Rendered, error) {
	data, err := json.Marshal(in.Facts)
	if err != nil {
		return nil, nil, err
	}
	facts, err := incident.ParseFacts("facts", data)
	if err != nil {
		return nil, nil, err
	}
	if err := checkLang(facts.Lang); err != nil {
		return nil, nil, err
	}
	ref := s.opts.Playbook
	if ref == "" && facts.Playbook != "" {
		// A playbook file is named relative to the team's directory.
		ref = facts.Playbook
		if !playbook.IsBuiltin(ref) && !filepath.IsAbs(ref) {
			ref = filepath.Join(s.opts.Dir, ref)
		}
	}
	var pb *playbook.Playbook
	if ref != "" {
		e, err := s.runner.Engine(ref)
		if err != nil {
			return nil, nil, err
		}
		pb = e.Playbook()
	} else if pb, ref, err = s.playbook(facts.Lang); err != nil {
		return nil, nil, err
	}
	now, err := updateTime(facts)
	if err != nil {
		return nil, nil, err
	}
	channels := in.Channels
	if len(channels) == 0 {
		channels = facts.Channels
	}
	if len(channels) == 0 {
		if sc := pb.Scenario(facts.Scenario); sc != nil {
			channels = sc.Channels
		}
	}
	if len(channels) == 0 {
		return nil, nil, errors.New("no channels: give channels, or a scenario or channels in the facts")
	}
	for _, ch := range channels {
		if pb.Channel(ch) == nil {
			return nil, nil, fmt.Errorf("channel %q is not in playbook %s: use one of %s", ch, pb.ID, strings.Join(channelIDs(pb), ", "))
		}
	}
	msgs, err := compose.Render(pb, facts, channels, now)
	if err != nil {
		return nil, nil, err
	}
	// The messages are linted as crisis render lints the files it writes:
	// with the same playbook.
	r, err := s.renderer(ref)
	if err != nil {
		return nil, nil, err
	}
	out := &Rendered{Playbook: ref, Messages: []Message{}}
	for _, m := range msgs {
		f, _ := r.LintText(check.Text{Path: filepath.Join(s.opts.Dir, m.FileName), Data: []byte(m.Text)})
		f.Path = m.FileName
		_, lint, err := fileJSON(&f)
		if err != nil {
			return nil, nil, err
		}
		out.Messages = append(out.Messages, Message{Channel: m.Channel, File: m.FileName, Subject: m.Subject, Text: m.Text, Lint: lint})
	}
	return nil, out, nil
}

func (s *server) renderer(ref string) (*check.Runner, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if r, ok := s.renderers[ref]; ok {
		return r, nil
	}
	r, err := check.New(check.Options{Playbook: ref, Jobs: 1})
	if err != nil {
		return nil, err
	}
	s.renderers[ref] = r
	return r, nil
}

// updateTime is the facts' time, else CRISIS_NOW or the clock.
func updateTime(f *incident.Facts) (time.Time, error) {
	if f.Time != "" {
		return time.Parse(time.RFC3339, f.Time)
	}
	return clock.Now()
}

func (s *server) readPlaybook(_ context.Context, req *mcp.ReadResourceRequest) (*mcp.ReadResourceResult, error) {
	uri := req.Params.URI
	var pb *playbook.Playbook
	var err error
	if lang, ok := strings.CutPrefix(uri, BuiltinURI); ok {
		var e interface{ Playbook() *playbook.Playbook }
		e, err = s.runner.Engine(playbook.BuiltinPrefix + lang)
		if err == nil {
			pb = e.Playbook()
		}
	} else if uri == PlaybookURI {
		pb, _, err = s.playbook("")
	} else {
		return nil, mcp.ResourceNotFoundError(uri)
	}
	if err != nil {
		return nil, err
	}
	data, err := json.MarshalIndent(pb, "", "  ")
	if err != nil {
		return nil, err
	}
	return &mcp.ReadResourceResult{Contents: []*mcp.ResourceContents{{URI: uri, MIMEType: "application/json", Text: string(data)}}}, nil
}
