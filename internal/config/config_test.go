package config

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestMatch(t *testing.T) {
	tests := []struct {
		glob, path string
		want       bool
	}{
		{"*.sms.txt", "a/b/update.sms.txt", true},
		{"*.sms.txt", "a/b/email.md", false},
		{"drafts/**", "drafts/x/y.md", true},
		{"drafts/**", "final/x.md", false},
		{"**/sms.txt", "sms.txt", true},
		{"**/sms.txt", "a/b/sms.txt", true},
		{"social/*.md", "social/x.md", true},
		{"social/*.md", "social/deep/x.md", false},
	}
	for _, tc := range tests {
		if got := Match(tc.glob, tc.path); got != tc.want {
			t.Errorf("Match(%q, %q) = %v, want %v", tc.glob, tc.path, got, tc.want)
		}
	}
}

func TestFinderAndSettings(t *testing.T) {
	root := t.TempDir()
	write := func(p, body string) {
		t.Helper()
		full := filepath.Join(root, p)
		if err := os.MkdirAll(filepath.Dir(full), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(full, []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write(FileName, "playbook: pb/team.yaml\nlang: de\nignore: [\"drafts/**\"]\noverrides:\n  - files: [\"social/*.md\"]\n    channel: x\n    rules: {helpful.exclamations: off, community.customers: error}\n")
	write("sub/"+FileName, "lang: en\n")
	f := NewFinder()

	c, err := f.For(filepath.Join(root, "social", "post.md"))
	if err != nil || c == nil {
		t.Fatalf("config not found: %v", err)
	}
	s := c.Settings(filepath.Join(root, "social", "post.md"))
	if s.Channel != "x" || s.Lang != "de" || !s.Disabled["helpful.exclamations"] || s.Severity["community.customers"] != "error" {
		t.Errorf("settings %+v", s)
	}
	if want := filepath.Join(root, "pb", "team.yaml"); !strings.HasSuffix(s.Playbook, filepath.Join("pb", "team.yaml")) {
		t.Errorf("playbook %q, want relative to the config (%s)", s.Playbook, want)
	}
	if !c.Ignored(filepath.Join(root, "drafts", "a", "b.md")) || c.Ignored(filepath.Join(root, "social", "post.md")) {
		t.Error("ignore globs")
	}
	// The nearest config wins.
	c2, _ := f.For(filepath.Join(root, "sub", "x.md"))
	if c2 == nil || c2.Lang != "en" {
		t.Errorf("nearest config: %+v", c2)
	}
}

func TestLoadErrors(t *testing.T) {
	dir := t.TempDir()
	for name, tc := range map[string]struct{ body, want string }{
		"unknown field": {"playbok: x\n", `1:1: unknown field "playbok" (did you mean "playbook"?)`},
		"bad severity":  {"overrides:\n  - files: [a]\n    rules: {x: loud}\n", `rule x: "loud" is not one of off, error, warning, info`},
		"no files":      {"overrides:\n  - channel: sms\n", "every override needs files"},
		"bad glob":      {"ignore: [\"[\"]\n", `bad ignore glob "["`},
	} {
		p := filepath.Join(dir, strings.ReplaceAll(name, " ", "-")+".yaml")
		if err := os.WriteFile(p, []byte(tc.body), 0o644); err != nil {
			t.Fatal(err)
		}
		_, err := Load(p)
		if err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("%s: error %v, want %q", name, err, tc.want)
		}
	}
}

// TestTimezone: timezone: is an IANA zone; anything else is an error at
// its line:col, and the setting reaches every file's Settings.
func TestTimezone(t *testing.T) {
	dir := t.TempDir()
	for _, tc := range []struct {
		yaml, err string
	}{
		{"timezone: Europe/Berlin\n", ""},
		{"timezone: UTC\n", ""},
		{"lang: de\ntimezone: Mars/Olympus\n", `:2:11: timezone "Mars/Olympus" is not a time zone: use an IANA name such as Europe/Berlin or UTC`},
		{"timezone: Local\n", `:1:11: timezone "Local" is not a time zone`},
		{"timezone: \"+01:00\"\n", `:1:11: timezone "+01:00" is not a time zone`},
	} {
		p := filepath.Join(dir, FileName)
		if err := os.WriteFile(p, []byte(tc.yaml), 0o644); err != nil {
			t.Fatal(err)
		}
		c, err := Load(p)
		switch {
		case tc.err == "" && err != nil:
			t.Errorf("%q: %v", tc.yaml, err)
		case tc.err == "" && c.Settings(filepath.Join(dir, "sms.txt")).Timezone != c.Timezone:
			t.Errorf("%q: Settings lack the timezone", tc.yaml)
		case tc.err != "" && (err == nil || !strings.Contains(err.Error(), p+tc.err)):
			t.Errorf("%q: error %v, want %s%s", tc.yaml, err, p, tc.err)
		}
	}
}
