package check

import (
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"

	"github.com/crisis-comms/crisis/internal/lint"
)

// TestLintTextMatchesRun: an unsaved buffer linted as its path gets the
// findings `crisis lint PATH` reports for the same text on disk, with the
// folder's .crisis.yaml, overrides and file-name channel applied.
func TestLintTextMatchesRun(t *testing.T) {
	dir := t.TempDir()
	cfg := "lang: de\noverrides:\n  - files: [\"social/*.md\"]\n    channel: x\n    rules: { helpful.exclamations: off, community.customers: error }\n"
	files := map[string]string{
		".crisis.yaml":   cfg,
		"social/post.md": "Unsere Kunden können heute nicht zahlen!!! Wir sind völlig überfordert.\n",
		"sms.txt":        "Kasse gestört. Sichern Sie sich jetzt 20 % Rabatt!\n",
		"notes.md":       "---\nchannel: email\nlang: en\n---\nAs you can imagine, we are completely overwhelmed.\n",
	}
	for name, body := range files {
		p := filepath.Join(dir, name)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	for name, body := range files {
		if strings.HasPrefix(name, ".") {
			continue
		}
		p := filepath.Join(dir, name)
		r, err := New(Options{})
		if err != nil {
			t.Fatal(err)
		}
		want := r.Run([]string{p})[0]
		got, pb := r.LintText(Text{Path: p, Data: []byte(body)})
		if got.Err != nil || want.Err != nil {
			t.Fatalf("%s: errors %v, %v", name, got.Err, want.Err)
		}
		if pb == nil || pb.Lang != want.Lang {
			t.Errorf("%s: judged in %s by playbook %v", name, want.Lang, pb)
		}
		if len(want.Findings) == 0 {
			t.Fatalf("%s: the test text must have findings", name)
		}
		if got.Channel != want.Channel || got.Lang != want.Lang || !reflect.DeepEqual(got.Findings, want.Findings) {
			t.Errorf("%s: LintText\n%s %s %+v\nRun\n%s %s %+v", name, got.Channel, got.Lang, got.Findings, want.Channel, want.Lang, want.Findings)
		}
	}
	// The channel and severity overrides reach the buffer.
	r, _ := New(Options{})
	res, _ := r.LintText(Text{Path: filepath.Join(dir, "social", "unsaved.md"), Data: []byte(files["social/post.md"])})
	if res.Channel != "x" {
		t.Errorf("channel %q, want x from the override", res.Channel)
	}
	for _, f := range res.Findings {
		if f.Rule == "helpful.exclamations" {
			t.Error("helpful.exclamations is off for social/*.md")
		}
		if f.Rule == "community.customers" && f.Severity != "error" {
			t.Errorf("community.customers severity %s, want error", f.Severity)
		}
	}
}

func TestLintTextLimits(t *testing.T) {
	r, err := New(Options{})
	if err != nil {
		t.Fatal(err)
	}
	if res, _ := r.LintText(Text{Data: []byte("Nur heute 20 % Rabatt auf alles!\n")}); res.Err != nil || res.Path != "-" || len(res.Findings) == 0 {
		t.Errorf("no path: %+v", res)
	}
	big := make([]byte, 16<<20+1)
	if res, _ := r.LintText(Text{Path: "big.txt", Data: big}); res.Err == nil || !strings.Contains(res.Err.Error(), "MB") {
		t.Errorf("oversized text: %v", res.Err)
	}
	if res, _ := r.LintText(Text{Path: "bad.txt", Data: []byte("ok \xff\n")}); res.Err == nil {
		t.Error("invalid UTF-8 must be an error")
	}
}

// TestLintTextChannelLang: a channel and language given with the text win
// over the file name and the detected language.
func TestLintTextChannelLang(t *testing.T) {
	r, err := New(Options{})
	if err != nil {
		t.Fatal(err)
	}
	text := []byte("As you can imagine, we are completely overwhelmed.\n")
	res, pb := r.LintText(Text{Path: "email.md", Data: text, Channel: "sms", Lang: "en"})
	if res.Err != nil || res.Channel != "sms" || res.Lang != "en" || pb == nil || pb.Lang != "en" {
		t.Fatalf("got channel %q lang %q err %v", res.Channel, res.Lang, res.Err)
	}
	rules := map[string]bool{}
	for _, f := range res.Findings {
		rules[f.Rule] = true
	}
	if !rules["authentic.self-pity"] || !rules["anchor.next-update"] {
		t.Errorf("an SMS in English needs the next update and must not pity itself: %v", rules)
	}
}

// TestLintInDir: a message linted among the others of its update gets the
// findings crisis lint DIR reports for it, congruence included; an open
// buffer's text stands in for its file.
func TestLintInDir(t *testing.T) {
	dir := t.TempDir()
	files := map[string]string{
		"email.md":   "Betreff: Störung\n\nDie Kasse ist gestört. Nächstes Update um 15:00 Uhr unter status.example.de.\n",
		"sms.txt":    "Kasse gestört. Nächstes Update um 14:00 Uhr unter status.example.de.\n",
		"x.txt":      "Kasse gestört. Nächstes Update um 14:00 Uhr: status.example.de\n",
		".hidden.md": "Nächstes Update um 18:00 Uhr.\n",
	}
	// An update: its messages are compared.
	if err := os.WriteFile(filepath.Join(dir, "facts.yaml"), []byte("incident: kasse\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	for name, body := range files {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	r, err := New(Options{})
	if err != nil {
		t.Fatal(err)
	}
	run := r.Run([]string{dir})
	congruent := 0
	for _, want := range run {
		got, _ := r.LintInDir(Text{Path: want.Path, Data: []byte(files[filepath.Base(want.Path)])}, nil)
		if !reflect.DeepEqual(got.Findings, want.Findings) {
			t.Errorf("%s: LintInDir %+v\ncrisis lint DIR %+v", want.Path, got.Findings, want.Findings)
		}
		for _, f := range got.Findings {
			if f.Rule == "channels.next-update" {
				congruent++
			}
		}
	}
	if congruent == 0 {
		t.Fatal("15:00 in the e-mail and 14:00 in the SMS must disagree")
	}
	// The e-mail's unsaved text agrees with the SMS: no disagreement.
	open := func(p string) ([]byte, bool) {
		if filepath.Base(p) == "email.md" {
			return []byte("Betreff: Störung\n\nNächstes Update um 14:00 Uhr unter status.example.de.\n"), true
		}
		return nil, false
	}
	got, _ := r.LintInDir(Text{Path: filepath.Join(dir, "sms.txt"), Data: []byte(files["sms.txt"])}, open)
	for _, f := range got.Findings {
		if f.Rule == "channels.next-update" {
			t.Errorf("with the e-mail's buffer: %s", f.Message)
		}
	}
	// A new, unsaved message takes its place among the files.
	got, _ = r.LintInDir(Text{Path: filepath.Join(dir, "z.txt"), Data: []byte("Nächstes Update um 16:00 Uhr.\n")}, nil)
	if !slices.ContainsFunc(got.Findings, func(f lint.Finding) bool { return f.Rule == "channels.next-update" }) {
		t.Errorf("an unsaved message is compared too: %+v", got.Findings)
	}
}

// TestLintInDirArchive: a folder of more than MaxUpdateFiles messages is
// not read on every call.
func TestLintInDirArchive(t *testing.T) {
	dir := t.TempDir()
	for i := range MaxUpdateFiles {
		body := fmt.Sprintf("Nächstes Update um %02d:00 Uhr.\n", i%24)
		if err := os.WriteFile(filepath.Join(dir, fmt.Sprintf("m%03d.txt", i)), []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	r, _ := New(Options{})
	got, _ := r.LintInDir(Text{Path: filepath.Join(dir, "z.txt"), Data: []byte("Nächstes Update um 23:30 Uhr.\n")}, nil)
	for _, f := range got.Findings {
		if f.Rule == "channels.congruence" {
			t.Errorf("compared with an archive: %s", f.Message)
		}
	}
}
