package mcpserver

import (
	"bytes"
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"

	"github.com/modelcontextprotocol/go-sdk/mcp"

	"github.com/crisis-comms/crisis/internal/check"
	"github.com/crisis-comms/crisis/internal/report"
)

// connect starts the server for dir and an SDK client on in-memory
// transports.
func connect(t *testing.T, opts Options) *mcp.ClientSession {
	t.Helper()
	srv, err := New(opts)
	if err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()
	st, ct := mcp.NewInMemoryTransports()
	ss, err := srv.Connect(ctx, st, nil)
	if err != nil {
		t.Fatal(err)
	}
	cs, err := mcp.NewClient(&mcp.Implementation{Name: "test", Version: "1"}, nil).Connect(ctx, ct, nil)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { cs.Close(); ss.Wait() })
	return cs
}

func call(t *testing.T, cs *mcp.ClientSession, name string, args map[string]any, out any) *mcp.CallToolResult {
	t.Helper()
	res, err := cs.CallTool(context.Background(), &mcp.CallToolParams{Name: name, Arguments: args})
	if err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	if out != nil && !res.IsError {
		data, err := json.Marshal(res.StructuredContent)
		if err != nil {
			t.Fatal(err)
		}
		if err := json.Unmarshal(data, out); err != nil {
			t.Fatal(err)
		}
	}
	return res
}

func text(res *mcp.CallToolResult) string {
	var b strings.Builder
	for _, c := range res.Content {
		if tc, ok := c.(*mcp.TextContent); ok {
			b.WriteString(tc.Text)
		}
	}
	return b.String()
}

func write(t *testing.T, p, s string) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(p, []byte(s), 0o644); err != nil {
		t.Fatal(err)
	}
}

// TestLintMessage: the findings of lint_message are those crisis lint
// --format json reports for the same text in a file, with the team's
// .crisis.yaml and overrides.
func TestLintMessage(t *testing.T) {
	dir := t.TempDir()
	write(t, filepath.Join(dir, ".crisis.yaml"), "lang: en\noverrides:\n  - files: [\"updates/*.txt\"]\n    rules: { community.customers: error }\n")
	msg := "As you can imagine, we are completely overwhelmed. Our customers can pay again from 2 pm.\n"
	p := filepath.Join(dir, "updates", "sms.txt")
	write(t, p, msg)
	r, _ := check.New(check.Options{})
	files := r.Run([]string{p})
	files[0].Path = "updates/sms.txt"
	var buf bytes.Buffer
	if err := report.Write(&buf, "json", files, report.Options{}); err != nil {
		t.Fatal(err)
	}
	var rep struct{ Files []map[string]any }
	if err := json.Unmarshal(buf.Bytes(), &rep); err != nil {
		t.Fatal(err)
	}
	want := rep.Files[0]

	cs := connect(t, Options{Dir: dir})
	var got map[string]any
	res := call(t, cs, "lint_message", map[string]any{"text": msg, "path": "updates/sms.txt"}, &got)
	if res.IsError {
		t.Fatal(text(res))
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("lint_message:\n%v\ncrisis lint --format json:\n%v", got, want)
	}
	if rules := ruleIDs(got); !slices.Contains(rules, "authentic.self-pity") || !slices.Contains(rules, "anchor.contact") || !slices.Contains(rules, "community.customers") {
		t.Errorf("an English SMS that pities itself, speaks of customers and names no contact: %v", rules)
	}
	// The text content is the report's JSON as crisis lint writes it.
	if s := text(res); !strings.HasPrefix(s, `{"path":"updates/sms.txt","channel":"sms","lang":"en","stats":`) {
		t.Errorf("text content: %s", s)
	}

	// Channel and language given by the assistant.
	call(t, cs, "lint_message", map[string]any{"text": "Nur heute 20 % Rabatt auf alles!", "channel": "x", "lang": "de"}, &got)
	if got["channel"] != "x" || got["lang"] != "de" || got["path"] != "message.md" || !slices.Contains(ruleIDs(got), "helpful.urgency") || !slices.Contains(ruleIDs(got), "helpful.discount-code") {
		t.Errorf("German post: %v", got)
	}

	for _, tc := range []struct {
		args map[string]any
		want string
	}{
		{map[string]any{"text": "x", "lang": "fr"}, `lang "fr": use de or en`},
		{map[string]any{"text": "x", "channel": "pigeon"}, `channel "pigeon" is not in playbook`},
		{map[string]any{"text": "x", "path": "../outside.md"}, "inside the team's directory"},
		{map[string]any{"channel": "sms"}, "text"},
	} {
		res := call(t, cs, "lint_message", tc.args, nil)
		if !res.IsError || !strings.Contains(text(res), tc.want) {
			t.Errorf("%v: error %v %q, want %q", tc.args, res.IsError, text(res), tc.want)
		}
	}
}

func ruleIDs(file map[string]any) []string {
	var ids []string
	fs, _ := file["findings"].([]any)
	for _, f := range fs {
		m := f.(map[string]any)
		ids = append(ids, m["rule"].(string))
		also, _ := m["also"].([]any)
		for _, r := range also {
			ids = append(ids, r.(string))
		}
	}
	return ids
}

func TestExplainAndScenarios(t *testing.T) {
	cs := connect(t, Options{Dir: t.TempDir()})
	tools, err := cs.ListTools(context.Background(), nil)
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, x := range tools.Tools {
		names = append(names, x.Name)
	}
	slices.Sort(names)
	if strings.Join(names, " ") != "explain_rule lint_message list_scenarios render_messages" {
		t.Errorf("tools: %v", names)
	}

	var info RuleInfo
	if res := call(t, cs, "explain_rule", map[string]any{"rule": "authentic.self-pity", "lang": "en"}, &info); res.IsError {
		t.Fatal(text(res))
	}
	if info.Playbook != "builtin:en" || info.Principle == nil || info.Principle.ID != "authentic" || info.Why == "" || len(info.Flagged) == 0 || len(info.Fine) == 0 {
		t.Errorf("explain_rule: %+v", info)
	}
	if info.Strength != "normal" || !strings.HasPrefix(info.Weighing, "a rule of normal strength. ") || !strings.Contains(info.Weighing, "an apology") {
		t.Errorf("explain_rule authentic.self-pity: strength %q, weighing %q; want normal, with the signals that count", info.Strength, info.Weighing)
	}
	for _, tc := range []struct{ rule, lang, strength, weighing string }{
		{"helpful.discount-code", "de", "strong", "eine starke Regel – sie meldet immer"},
		{"authentic.cause-elsewhere", "en", "weak", "a weak rule, since what it finds is often meant honestly."},
		{"anchor.contact", "en", "normal", ""},
	} {
		var info RuleInfo
		if res := call(t, cs, "explain_rule", map[string]any{"rule": tc.rule, "lang": tc.lang}, &info); res.IsError {
			t.Fatal(text(res))
		}
		if info.Strength != tc.strength || !strings.HasPrefix(info.Weighing, tc.weighing) || (tc.weighing == "") != (info.Weighing == "") {
			t.Errorf("explain_rule %s (%s): strength %q, weighing %q; want %q, %q…", tc.rule, tc.lang, info.Strength, info.Weighing, tc.strength, tc.weighing)
		}
	}
	if res := call(t, cs, "explain_rule", map[string]any{"rule": "self-pity"}, nil); !res.IsError || !strings.Contains(text(res), "did you mean authentic.self-pity") {
		t.Errorf("unknown rule: %s", text(res))
	}

	var sc Scenarios
	call(t, cs, "list_scenarios", map[string]any{"lang": "en"}, &sc)
	i := slices.IndexFunc(sc.Scenarios, func(s Scenario) bool { return s.ID == "it-outage" })
	if i < 0 {
		t.Fatalf("no it-outage scenario: %+v", sc)
	}
	outage := sc.Scenarios[i]
	if !slices.Contains(outage.Channels, "email") || !slices.ContainsFunc(outage.Facts, func(f Fact) bool { return f.ID == "next_update" && f.Title != "" }) {
		t.Errorf("it-outage: %+v", outage)
	}
	if !slices.ContainsFunc(sc.Channels, func(c Channel) bool { return c.ID == "sms" && slices.Contains(c.Require, "anchor.next-update") }) {
		t.Errorf("channels: %+v", sc.Channels)
	}

	// The playbook as a resource.
	res, err := cs.ReadResource(context.Background(), &mcp.ReadResourceParams{URI: PlaybookURI})
	if err != nil {
		t.Fatal(err)
	}
	var pb struct {
		ID    string
		Rules []struct{ ID string }
	}
	if len(res.Contents) != 1 || json.Unmarshal([]byte(res.Contents[0].Text), &pb) != nil || pb.ID == "" || len(pb.Rules) < 10 {
		t.Errorf("playbook resource: %.200v", res.Contents)
	}
	if _, err := cs.ReadResource(context.Background(), &mcp.ReadResourceParams{URI: "crisis://nothing"}); err == nil {
		t.Error("an unknown resource must be an error")
	}
}

func TestRenderMessages(t *testing.T) {
	t.Setenv("CRISIS_NOW", "2026-11-23T09:30:00+01:00")
	cs := connect(t, Options{Dir: t.TempDir()})
	facts := map[string]any{
		"incident": "payment-outage", "stage": "initial", "lang": "en", "scenario": "it-outage", "org": "ACME",
		"what":    "Card payments fail in all our stores.",
		"impact":  "You can pay cash only.",
		"actions": "Our IT team and the payment provider are restoring the service.",
		"help":    "Cash machines in the stores work.", "next_update": "2026-11-23T11:00:00+01:00",
		"landing_page": "https://status.example.com", "hotline": "0800 123 4567",
	}
	var out Rendered
	res := call(t, cs, "render_messages", map[string]any{"facts": facts, "channels": []string{"sms", "email"}}, &out)
	if res.IsError {
		t.Fatal(text(res))
	}
	if out.Playbook != "builtin:en" || len(out.Messages) != 2 {
		t.Fatalf("render_messages: %+v", out)
	}
	for _, m := range out.Messages {
		if m.Lint["channel"] != m.Channel || !strings.Contains(m.Text, "0800 123 4567") {
			t.Errorf("%s: %+v", m.Channel, m)
		}
		if rules := ruleIDs(m.Lint); slices.Contains(rules, "anchor.next-update") || slices.Contains(rules, "anchor.contact") {
			t.Errorf("%s lacks an anchor the facts give: %v\n%s", m.Channel, rules, m.Text)
		}
	}
	if out.Messages[1].File != "email.md" || out.Messages[1].Subject == "" {
		t.Errorf("email: %+v", out.Messages[1])
	}
	delete(facts, "stage")
	facts["stage"] = "later"
	if res := call(t, cs, "render_messages", map[string]any{"facts": facts}, nil); !res.IsError || !strings.Contains(text(res), "stage") {
		t.Errorf("bad stage: %s", text(res))
	}
}
