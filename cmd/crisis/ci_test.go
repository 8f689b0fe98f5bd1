package main

import (
	"bytes"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"go.yaml.in/yaml/v3"
)

// TestCIExamples checks that the shipped GitHub workflow and pre-commit
// hook call crisis the way this build understands.
func TestCIExamples(t *testing.T) {
	dir := t.TempDir()
	msgs := filepath.Join(dir, "messages")
	if err := os.MkdirAll(msgs, 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(msgs, "sms.txt"), []byte("---\nlang: de\n---\nNur heute 20 % Rabatt mit Code SORRY20!\n"), 0o644); err != nil {
		t.Fatal(err)
	}

	var wf struct {
		Jobs map[string]struct {
			Steps []struct {
				Run  string            `yaml:"run"`
				Uses string            `yaml:"uses"`
				With map[string]string `yaml:"with"`
			} `yaml:"steps"`
		} `yaml:"jobs"`
	}
	data, err := os.ReadFile("../../examples/ci/crisis-lint.yml")
	if err != nil {
		t.Fatal(err)
	}
	if err := yaml.Unmarshal(data, &wf); err != nil {
		t.Fatal(err)
	}
	ran, uploads := 0, 0
	for _, job := range wf.Jobs {
		for _, st := range job.Steps {
			if strings.Contains(st.Uses, "upload-sarif") {
				uploads++
			}
			cmd, _, _ := strings.Cut(st.Run, " >")
			cmd, _, _ = strings.Cut(cmd, " ||")
			if !strings.HasPrefix(cmd, "crisis lint") {
				continue
			}
			args := strings.Fields(strings.TrimPrefix(cmd, "crisis "))
			for i, a := range args {
				if a == "messages/" {
					args[i] = msgs
				}
			}
			var out, errb bytes.Buffer
			code := run(args, strings.NewReader(""), &out, &errb)
			if code != exitFindings {
				t.Errorf("%q: exit %d, want 1 (findings); stderr: %s", st.Run, code, errb.String())
			}
			switch {
			case strings.Contains(cmd, "--format github"):
				if !regexp.MustCompile(`(?m)^::(error|warning) file=`).MatchString(out.String()) {
					t.Errorf("github format printed no annotations:\n%s", out.String())
				}
			case strings.Contains(cmd, "--format sarif"):
				if !strings.Contains(out.String(), `"version": "2.1.0"`) {
					t.Errorf("sarif format printed no SARIF:\n%s", out.String())
				}
			}
			ran++
		}
	}
	if ran != 2 || uploads != 1 {
		t.Errorf("workflow: %d crisis lint steps and %d SARIF uploads, want 2 and 1", ran, uploads)
	}

	var hooks []struct {
		ID, Entry, Files, Exclude, Language string
	}
	data, err = os.ReadFile("../../.pre-commit-hooks.yaml")
	if err != nil {
		t.Fatal(err)
	}
	if err := yaml.Unmarshal(data, &hooks); err != nil {
		t.Fatal(err)
	}
	if len(hooks) != 1 || hooks[0].ID != "crisis-lint" || hooks[0].Language != "golang" {
		t.Fatalf("hooks: %+v", hooks)
	}
	h := hooks[0]
	files, exclude := regexp.MustCompile(h.Files), regexp.MustCompile(h.Exclude)
	for name, want := range map[string]bool{"messages/sms.txt": true, "a/email.md": true, "facts.yaml": false, ".crisis.yaml": false, "README.md": false} {
		if got := files.MatchString(name) && !exclude.MatchString(name); got != want {
			t.Errorf("hook selects %s: %v, want %v", name, got, want)
		}
	}
	entry := strings.Fields(h.Entry)
	if entry[0] != "crisis" {
		t.Fatalf("entry %q does not run crisis", h.Entry)
	}
	var out, errb bytes.Buffer
	if code := run(append(entry[1:], filepath.Join(msgs, "sms.txt")), strings.NewReader(""), &out, &errb); code != exitFindings {
		t.Errorf("hook entry: exit %d, want 1; stderr %s", code, errb.String())
	}
}
