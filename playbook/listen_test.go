package playbook

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestBuiltinParts: every built-in playbook carries the listen section in
// both languages and its own language's reply channel and rules.
func TestBuiltinParts(t *testing.T) {
	for _, name := range BuiltinNames() {
		for _, load := range []func(string) (*Playbook, error){Load, LoadSource} {
			pb, err := load(name)
			if err != nil {
				t.Fatalf("%s: %v", name, err)
			}
			l := pb.ListenSection()
			if l == nil || len(l.Rules) < 30 || len(l.Topics) < 8 {
				t.Fatalf("%s: listen section missing or short: %+v", name, l)
			}
			for _, lang := range Languages {
				if len(l.Lexicon["ask"][lang]) == 0 {
					t.Errorf("%s: listen lexicon has no %s words", name, lang)
				}
			}
			if pb.Channel("reply") == nil || pb.Rule("community.reply-boilerplate") == nil {
				t.Errorf("%s: reply channel or rules missing", name)
			}
			if got := pb.Lexicon["reply_boilerplate"]; len(got) != 1 || len(got[pb.Lang]) == 0 {
				t.Errorf("%s: reply words %v, want only %s", name, got, pb.Lang)
			}
			if pb.ID == "" || pb.Source != name {
				t.Errorf("%s: parts changed the playbook's id %q or source %q", name, pb.ID, pb.Source)
			}
		}
	}
}

// TestListenLazy: linting never decodes the listen parts of a built-in
// playbook; a playbook that extends one without a listen section keeps
// them lazy too.
func TestListenLazy(t *testing.T) {
	pb, err := Load("builtin:en")
	if err != nil {
		t.Fatal(err)
	}
	if pb.Listen != nil || pb.lazy == nil {
		t.Fatal("the compiled listen parts were decoded at load")
	}
	dir := t.TempDir()
	path := filepath.Join(dir, "team.yaml")
	if err := os.WriteFile(path, []byte("playbook: 1\nid: team\nextends: builtin:en\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	team, err := Load(path)
	if err != nil {
		t.Fatal(err)
	}
	if team.Listen != nil || team.ListenSection() == nil || len(team.ListenSection().Rules) != len(pb.ListenSection().Rules) {
		t.Error("an extending playbook lost or decoded the built-in listen section")
	}
}

// TestListenExtends: a team's playbook adds words to a listen group,
// replaces a rule, switches one off and adds a topic.
func TestListenExtends(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "acme.yaml")
	src := `playbook: 1
id: acme
extends: builtin:de
listen:
  lexicon:
    thanks: { de: [merci vielmals] }
    t_app: { de: [app, banking-app] }
  rules:
    - id: spam.link
      disabled: true
    - id: praise.thanks
      label: praise
      weight: 1.5
      terms: [thanks]
      examples:
        match: { de: ["Merci vielmals!"] }
        miss: { de: ["Nein."] }
  topics:
    - id: app
      title: { de: "Geht die App wieder?" }
      terms: [t_app]
      facts: [what]
`
	if err := os.WriteFile(path, []byte(src), 0o644); err != nil {
		t.Fatal(err)
	}
	pb, err := Load(path)
	if err != nil {
		t.Fatal(err)
	}
	l := pb.ListenSection()
	thanks := l.Lexicon["thanks"]["de"]
	if thanks[len(thanks)-1] != "merci vielmals" || len(thanks) < 10 {
		t.Errorf("thanks group %v", thanks)
	}
	var disabled, weighted bool
	for _, r := range l.Rules {
		if r.ID == "spam.link" {
			disabled = r.Disabled && r.Pattern != ""
		}
		if r.ID == "praise.thanks" {
			weighted = r.Score() == 1.5
		}
	}
	if !disabled || !weighted || l.Topic("app") == nil || l.Topic("refund") == nil {
		t.Errorf("merge: disabled %v, weighted %v, topics %d", disabled, weighted, len(l.Topics))
	}
}

// TestListenErrors: mistakes in a listen section are reported with the
// file and line:col of the item.
func TestListenErrors(t *testing.T) {
	tests := []struct {
		name, src, want string
	}{
		{"unknown label", `
  rules:
    - id: x
      label: happy
      terms: [g]
      examples: {match: {de: [a]}, miss: {de: [b]}}
  lexicon: {g: {de: [a]}}`, `:6:14: listen rule x: label "happy" is not a kind`},
		{"unknown group", `
  rules:
    - id: x
      label: praise
      terms: [nope]
      examples: {match: {de: [a]}, miss: {de: [b]}}`, `:7:15: listen rule x: unknown listen lexicon group "nope"`},
		{"urgent without reason", `
  lexicon: {g: {de: [a]}}
  rules:
    - id: x
      label: urgent
      terms: [g]
      examples: {match: {de: [a]}, miss: {de: [b]}}`, `:6:7: listen rule x: an urgent rule needs a reason`},
		{"bad pattern", `
  rules:
    - id: x
      label: spam
      pattern: '(['
      examples: {match: {de: [a]}, miss: {de: [b]}}`, `:7:16: listen rule x: invalid RE2 pattern`},
		{"no examples", `
  lexicon: {g: {de: [a]}}
  rules:
    - id: x
      label: spam
      terms: [g]`, `:6:7: listen rule x needs examples`},
		{"topic with unknown fact", `
  lexicon: {g: {de: [a]}}
  topics:
    - id: t
      title: {de: T}
      terms: [g]
      facts: [wetter]`, `:9:15: listen topic t: unknown fact "wetter"`},
		{"unknown field", `
  rule: []`, `:4:3: `},
		{"bad term", `
  lexicon: {g: {de: ["a*b"]}}`, `:4:22: listen lexicon group g (de): term "a*b" has * inside a word`},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			_, err := Parse("team.yaml", []byte("playbook: 1\nid: team\nlisten:"+tc.src+"\n"))
			if err == nil || !strings.Contains(err.Error(), "team.yaml"+tc.want) {
				t.Errorf("got %v\nwant team.yaml%s…", err, tc.want)
			}
		})
	}
}
