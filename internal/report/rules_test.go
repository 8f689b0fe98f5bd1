package report

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/crisis-comms/crisis/playbook"
)

const rulePagesDir = "../../docs/rules"

func builtinPlaybooks(t *testing.T) []*playbook.Playbook {
	t.Helper()
	var pbs []*playbook.Playbook
	for _, name := range playbook.BuiltinNames() {
		pb, err := playbook.Load(name)
		if err != nil {
			t.Fatal(err)
		}
		pbs = append(pbs, pb)
	}
	return pbs
}

// rulePages are the files of docs/rules: a page per rule of the built-in
// playbooks and the tool, and an index.
func rulePages(t *testing.T) map[string]string {
	docs := RuleCatalog(builtinPlaybooks(t))
	pages := map[string]string{}
	var index strings.Builder
	index.WriteString("<!-- Generated from the built-in playbooks by `go test ./internal/report -run TestRulePages -update`; do not edit. -->\n\n")
	index.WriteString("# Rules of the built-in playbooks\n\n")
	index.WriteString("Every rule `crisis lint` reports with the built-in playbooks (`builtin:de`, `builtin:en`) and the\n")
	index.WriteString("checks built into the tool. SARIF reports link each rule to its page here.\n\n")
	index.WriteString("| rule | principle | tone | severity | what it finds |\n|---|---|---|---|---|\n")
	for i := range docs {
		d := &docs[i]
		pages[d.ID+".md"] = d.RulePage()
		// The index is in English; a rule only one built-in carries is
		// described in that built-in's language.
		i := max(slices.IndexFunc(d.Texts, func(t RuleText) bool { return t.Lang == "en" }), 0)
		fmt.Fprintf(&index, "| [%s](%s.md) | %s | %s | %s | %s |\n", d.ID, d.ID, d.Principle, d.Tone, d.Severity, mdEscape(d.Texts[i].shortDescription()))
	}
	pages["README.md"] = index.String()
	return pages
}

// TestRulePages keeps docs/rules identical to the built-in playbooks;
// -update rewrites it.
func TestRulePages(t *testing.T) {
	pages := rulePages(t)
	if *update {
		if err := os.MkdirAll(rulePagesDir, 0o755); err != nil {
			t.Fatal(err)
		}
		old, _ := filepath.Glob(filepath.Join(rulePagesDir, "*.md"))
		for _, p := range old {
			if _, ok := pages[filepath.Base(p)]; !ok {
				os.Remove(p)
			}
		}
		for name, text := range pages {
			if err := os.WriteFile(filepath.Join(rulePagesDir, name), []byte(text), 0o644); err != nil {
				t.Fatal(err)
			}
		}
		return
	}
	have, _ := filepath.Glob(filepath.Join(rulePagesDir, "*.md"))
	for _, p := range have {
		if _, ok := pages[filepath.Base(p)]; !ok {
			t.Errorf("%s describes no rule any more: run go test ./internal/report -run TestRulePages -update", p)
		}
	}
	for name, want := range pages {
		got, err := os.ReadFile(filepath.Join(rulePagesDir, name))
		if err != nil || string(got) != want {
			t.Errorf("docs/rules/%s is not current: run go test ./internal/report -run TestRulePages -update", name)
		}
	}
}

// TestRuleHelpURIs: every helpUri of a SARIF report points to a page in
// docs/rules, at the release's tag or on main.
func TestRuleHelpURIs(t *testing.T) {
	for _, tc := range []struct{ version, ref string }{
		{"1.4.0", "v1.4.0"}, {"v1.4.0", "v1.4.0"}, {"0.0.0-devel", "main"}, {"0.0.0-devel+0123456789ab", "main"}, {"", "main"},
	} {
		var buf bytes.Buffer
		if err := Write(&buf, "sarif", nil, Options{Playbooks: builtinPlaybooks(t), ToolVersion: tc.version}); err != nil {
			t.Fatal(err)
		}
		var log struct {
			Runs []struct {
				Tool struct {
					Driver struct {
						Rules []struct{ ID, HelpURI string }
					}
				}
			}
		}
		if err := json.Unmarshal(buf.Bytes(), &log); err != nil {
			t.Fatal(err)
		}
		rules := log.Runs[0].Tool.Driver.Rules
		if len(rules) < 40 {
			t.Fatalf("%d rules, want every rule of the built-ins", len(rules))
		}
		for _, r := range rules {
			prefix := "https://github.com/crisis-comms/crisis/blob/" + tc.ref + "/docs/rules/"
			page, ok := strings.CutPrefix(r.HelpURI, prefix)
			if !ok || page != r.ID+".md" {
				t.Errorf("version %q: rule %s: helpUri %q, want %s%s.md", tc.version, r.ID, r.HelpURI, prefix, r.ID)
				continue
			}
			if _, err := os.Stat(filepath.Join(rulePagesDir, page)); err != nil {
				t.Errorf("rule %s: no page docs/rules/%s", r.ID, page)
			}
		}
	}
}

func TestRuleName(t *testing.T) {
	for id, want := range map[string]string{
		"helpful.sales-pitch":     "HelpfulSalesPitch",
		"anchor.next-update":      "AnchorNextUpdate",
		"channels.sms-segments":   "ChannelsSmsSegments",
		"lint.suppression-reason": "LintSuppressionReason",
		"team.über-uns_2":         "TeamÜberUns2",
		"x":                       "X",
	} {
		d := RuleDoc{ID: id}
		if got := d.Name(); got != want {
			t.Errorf("Name(%q) = %q, want %q", id, got, want)
		}
	}
}

// TestRuleCatalog: one entry per id, texts per language, disabled rules
// left out, the tool's rules in the playbooks' languages.
func TestRuleCatalog(t *testing.T) {
	de := &playbook.Playbook{Lang: "de", Source: "builtin:de",
		Principles: []playbook.Principle{{ID: "helpful", Title: "Helfen statt werben"}},
		Rules: []playbook.Rule{
			{ID: "helpful.sales-pitch", Principle: "helpful", Tone: "promotional", Severity: "warning", Message: "Verkauf.",
				Examples: playbook.Examples{Bad: map[string][]string{"de": {"Jetzt kaufen!"}, "en": {"Buy now!"}}}},
			{ID: "team.off", Disabled: true},
		}}
	en := &playbook.Playbook{Lang: "en", Source: "builtin:en",
		Rules: []playbook.Rule{{ID: "helpful.sales-pitch", Principle: "helpful", Tone: "promotional", Severity: "warning", Message: "Selling."}}}
	docs := RuleCatalog([]*playbook.Playbook{en, de})
	var ids []string
	for _, d := range docs {
		ids = append(ids, d.ID)
	}
	if !slices.IsSorted(ids) || slices.Contains(ids, "team.off") || !slices.Contains(ids, "channels.congruence") {
		t.Fatalf("ids %v: want sorted, without the disabled rule, with the tool's rules", ids)
	}
	d := docs[slices.Index(ids, "helpful.sales-pitch")]
	if len(d.Texts) != 2 || d.Texts[0].Lang != "de" || d.Texts[0].Message != "Verkauf." || d.Texts[1].Message != "Selling." {
		t.Fatalf("texts %+v", d.Texts)
	}
	if got := d.Texts[0].Bad; !slices.Equal(got, []string{"Jetzt kaufen!"}) {
		t.Errorf("German bad examples %v, want only the German one", got)
	}
	md := d.Markdown(3)
	for _, want := range []string{"### Deutsch", "### English", "**Wird gemeldet:**", "- ✗ Jetzt kaufen!", "**Grundsatz:** Helfen statt werben"} {
		if !strings.Contains(md, want) {
			t.Errorf("markdown lacks %q:\n%s", want, md)
		}
	}
	tool := docs[slices.Index(ids, "lint.suppression-reason")]
	if len(tool.Texts) != 2 || !strings.Contains(tool.Texts[0].Message, "Begründung") {
		t.Errorf("tool rule texts %+v, want German and English", tool.Texts)
	}
	if only := RuleCatalog(nil); only[0].Texts[0].Lang != "en" || len(only) != len(toolRules) {
		t.Errorf("catalog without playbooks: %d rules in %q, want the tool's rules in English", len(only), only[0].Texts[0].Lang)
	}
}

func TestMarkdownEscapes(t *testing.T) {
	d := RuleDoc{ID: "r", Texts: []RuleText{{Lang: "en", Message: "Use <!-- crisis-ignore r: x --> or *20 %* | not `code`."}}}
	md := d.Markdown(2)
	want := "Use \\<!-- crisis-ignore r: x --\\> or \\*20 %\\* \\| not \\`code\\`.\n"
	if md != want {
		t.Errorf("markdown:\n%s\nwant:\n%s", md, want)
	}
}

func TestClip(t *testing.T) {
	long := strings.Repeat("Überforderung ", 100)
	for _, max := range []int{10, 200, 1000} {
		got := clip(long, max)
		if len(got) > max || !strings.HasSuffix(got, "…") || !utf8.ValidString(got) {
			t.Errorf("clip(%d) = %q (%d bytes)", max, got, len(got))
		}
	}
	if got := clip("short", 10); got != "short" {
		t.Errorf("clip kept %q", got)
	}
	d := RuleText{Message: strings.Repeat("Sehr lange Meldung über die Störung, ", 40), Why: strings.Repeat("Weil ", 100)}
	if n := len(d.fullDescription()); n > 1024 {
		t.Errorf("fullDescription is %d bytes, code scanning keeps 1024", n)
	}
	if n := len(d.shortDescription()); n > 200 {
		t.Errorf("shortDescription is %d bytes", n)
	}
}
