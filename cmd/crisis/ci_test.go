package main

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/rhysd/actionlint"
	"go.yaml.in/yaml/v3"
)

// workflowStep is one step of a workflow or of a composite action.
type workflowStep struct {
	ID   string            `yaml:"id"`
	Name string            `yaml:"name"`
	If   string            `yaml:"if"`
	Uses string            `yaml:"uses"`
	Run  string            `yaml:"run"`
	With map[string]string `yaml:"with"`
	Env  map[string]string `yaml:"env"`
}

type workflow struct {
	Permissions map[string]string `yaml:"permissions"`
	Jobs        map[string]struct {
		Steps []workflowStep `yaml:"steps"`
	} `yaml:"jobs"`
}

type actionMeta struct {
	Inputs map[string]struct {
		Default string `yaml:"default"`
	} `yaml:"inputs"`
	Runs struct {
		Using string         `yaml:"using"`
		Steps []workflowStep `yaml:"steps"`
	} `yaml:"runs"`
}

func readYAML(t *testing.T, path string, v any) []byte {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if err := yaml.Unmarshal(data, v); err != nil {
		t.Fatalf("%s: %v", path, err)
	}
	return data
}

var pinnedRe = regexp.MustCompile(`^[\w.-]+/[\w./-]+@[0-9a-f]{40} # v\d+\.\d+\.\d+$`)

// TestWorkflowExample: the example workflow passes actionlint (with the
// Action of this repository as a local action, so that its inputs are
// checked), pins third-party actions by commit, may read the run, and
// lints once, producing annotations and SARIF that it uploads.
func TestWorkflowExample(t *testing.T) {
	const path = "../../examples/ci/crisis-lint.yml"
	var wf workflow
	data := readYAML(t, path, &wf)
	if wf.Permissions["actions"] != "read" || wf.Permissions["security-events"] != "write" || wf.Permissions["contents"] != "read" {
		t.Errorf("permissions %v: want contents: read, actions: read, security-events: write", wf.Permissions)
	}
	lints, uploads := 0, 0
	for _, job := range wf.Jobs {
		for _, st := range job.Steps {
			switch {
			case strings.HasPrefix(st.Uses, "crisis-comms/crisis@"):
				lints++
				if st.With["sarif"] == "" {
					t.Errorf("the lint step writes no SARIF")
				}
			case strings.Contains(st.Uses, "upload-sarif"):
				uploads++
				if !strings.Contains(st.If, "!cancelled()") {
					t.Errorf("the SARIF upload does not run after findings fail the lint step: if: %q", st.If)
				}
			case strings.Contains(st.Run, "crisis lint"):
				lints++
			}
		}
	}
	if lints != 1 || uploads != 1 {
		t.Errorf("%d lint runs and %d SARIF uploads, want one of each", lints, uploads)
	}
	for _, line := range strings.Split(string(data), "\n") {
		_, uses, ok := strings.Cut(line, "uses: ")
		if !ok || strings.HasPrefix(uses, "crisis-comms/crisis@") {
			continue
		}
		if !pinnedRe.MatchString(uses) {
			t.Errorf("%q: pin actions by commit with a # vX.Y.Z comment", uses)
		}
	}

	// actionlint over a repository holding the workflow and this
	// repository's action.yml, used as ./.
	root := t.TempDir()
	for _, d := range []string{".git", ".github/workflows"} {
		if err := os.MkdirAll(filepath.Join(root, d), 0o755); err != nil {
			t.Fatal(err)
		}
	}
	local := strings.ReplaceAll(string(data), "crisis-comms/crisis@v0.2.0", "./")
	if local == string(data) {
		t.Fatal("the workflow does not use crisis-comms/crisis@v0.2.0")
	}
	action, err := os.ReadFile("../../action.yml")
	if err != nil {
		t.Fatal(err)
	}
	wfPath := filepath.Join(root, ".github/workflows/crisis-lint.yml")
	if err := os.WriteFile(wfPath, []byte(local), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(root, "action.yml"), action, 0o644); err != nil {
		t.Fatal(err)
	}
	opts := &actionlint.LinterOptions{WorkingDir: root}
	if sc, err := exec.LookPath("shellcheck"); err == nil {
		opts.Shellcheck = sc
	}
	var out bytes.Buffer
	l, err := actionlint.NewLinter(&out, opts)
	if err != nil {
		t.Fatal(err)
	}
	proj, err := actionlint.NewProject(root)
	if err != nil {
		t.Fatal(err)
	}
	errs, err := l.LintFile(wfPath, proj)
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range errs {
		t.Errorf("actionlint: %s:%d:%d: %s [%s]", path, e.Line, e.Column, e.Message, e.Kind)
	}

	// actionlint proves that a bad input name would be caught.
	bad := strings.Replace(local, "sarif: crisis.sarif", "sarif-file: crisis.sarif", 1)
	errs, err = l.Lint(wfPath, []byte(bad), proj)
	if err != nil || len(errs) == 0 {
		t.Errorf("actionlint does not catch an unknown input of the action (%v)", err)
	}
}

// TestAction: the Action's lint step, run as the runner would run it,
// writes annotations and a SARIF report in one crisis lint run and fails
// on findings; its scripts take inputs only through the environment.
func TestAction(t *testing.T) {
	var a actionMeta
	readYAML(t, "../../action.yml", &a)
	if a.Runs.Using != "composite" {
		t.Fatalf("runs.using %q", a.Runs.Using)
	}
	var lint *workflowStep
	for i, st := range a.Runs.Steps {
		if strings.Contains(st.Run, "${{") {
			t.Errorf("step %q puts an expression into its script; pass it through env", st.Name)
		}
		if st.ID == "lint" {
			lint = &a.Runs.Steps[i]
		}
	}
	if lint == nil || strings.Count(lint.Run, "crisis lint") != 1 {
		t.Fatal("the action has no step with id lint that runs crisis lint once")
	}
	shellcheckSteps(t, a.Runs.Steps)
	bash, err := exec.LookPath("bash")
	if err != nil {
		t.Skip("no bash")
	}
	dir := t.TempDir()
	if err := os.MkdirAll(filepath.Join(dir, "messages"), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "messages", "sms.txt"), []byte("---\nlang: de\n---\nNur heute 20 % Rabatt mit Code SORRY20!\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	// The example workflow's inputs over the action's defaults.
	with := map[string]string{"paths": "messages/", "sarif": "crisis.sarif"}
	env := os.Environ()
	for k, v := range lint.Env {
		m := regexp.MustCompile(`^\$\{\{ inputs\.([\w-]+) \}\}$`).FindStringSubmatch(v)
		if m == nil {
			t.Fatalf("env %s: %q is not an input", k, v)
		}
		in, ok := a.Inputs[m[1]]
		if !ok {
			t.Fatalf("env %s names unknown input %s", k, m[1])
		}
		val := in.Default
		if w, ok := with[m[1]]; ok {
			val = w
		}
		env = append(env, k+"="+val)
	}
	output := filepath.Join(dir, "github_output")
	env = append(env, "GITHUB_OUTPUT="+output, "GITHUB_STEP_SUMMARY="+filepath.Join(dir, "summary.md"))
	cmd := exec.Command(bash, "-e", "-c", lint.Run)
	cmd.Dir, cmd.Env = dir, env
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	err = cmd.Run()
	if ee, ok := err.(*exec.ExitError); !ok || ee.ExitCode() != exitFindings {
		t.Fatalf("lint step: %v, want exit 1 for findings; stderr: %s", err, stderr.String())
	}
	if !regexp.MustCompile(`(?m)^::(error|warning) file=messages/sms.txt,line=4`).MatchString(stdout.String()) {
		t.Errorf("no annotations:\n%s", stdout.String())
	}
	sarif, err := os.ReadFile(filepath.Join(dir, "crisis.sarif"))
	if err != nil {
		t.Fatal(err)
	}
	if err := validateJSON(compileSARIFSchema(t), sarif); err != nil {
		t.Errorf("the action's SARIF does not validate: %v", err)
	}
	if out, _ := os.ReadFile(output); !strings.Contains(string(out), "sarif=crisis.sarif") {
		t.Errorf("GITHUB_OUTPUT %q lacks the sarif output", out)
	}
	if sum, _ := os.ReadFile(filepath.Join(dir, "summary.md")); !strings.Contains(string(sum), "helpful.discount-code") {
		t.Errorf("job summary lacks the findings:\n%s", sum)
	}
}

// shellcheckSteps runs shellcheck over the bash scripts of the steps.
func shellcheckSteps(t *testing.T, steps []workflowStep) {
	t.Helper()
	sc, err := exec.LookPath("shellcheck")
	if err != nil {
		if os.Getenv("CI") == "true" {
			t.Fatal("shellcheck is not installed; .ci/run installs it")
		}
		t.Log("shellcheck not found: the action's scripts are not checked")
		return
	}
	for _, st := range steps {
		if st.Run == "" {
			continue
		}
		cmd := exec.Command(sc, "--shell=bash", "-")
		cmd.Stdin = strings.NewReader(st.Run)
		if out, err := cmd.CombinedOutput(); err != nil {
			t.Errorf("shellcheck, step %q: %v\n%s", st.Name, err, out)
		}
	}
}

// TestPreCommitHook checks that the shipped pre-commit hook selects
// message files, keeps .crisis.yaml's ignore patterns for the files
// pre-commit names, and calls crisis the way this build understands.
func TestPreCommitHook(t *testing.T) {
	var hooks []struct {
		ID, Entry, Files, Exclude, Language string
	}
	readYAML(t, "../../.pre-commit-hooks.yaml", &hooks)
	if len(hooks) != 1 || hooks[0].ID != "crisis-lint" || hooks[0].Language != "golang" {
		t.Fatalf("hooks: %+v", hooks)
	}
	var cfg struct {
		Repos []struct {
			Repo, Rev string
			Hooks     []struct{ ID string }
		}
	}
	readYAML(t, "../../examples/ci/pre-commit-config.yaml", &cfg)
	if len(cfg.Repos) != 1 || cfg.Repos[0].Hooks[0].ID != hooks[0].ID || !regexp.MustCompile(`^v\d+\.\d+\.\d+$`).MatchString(cfg.Repos[0].Rev) {
		t.Errorf("example pre-commit config %+v does not use the hook at a release", cfg)
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
	dir := t.TempDir()
	for name, text := range map[string]string{
		".crisis.yaml":       "ignore: [\"drafts/**\"]\n",
		"messages/sms.txt":   "---\nlang: de\n---\nNur heute 20 % Rabatt mit Code SORRY20!\n",
		"drafts/idea.txt":    "Nur heute 20 % Rabatt mit Code SORRY20!\n",
		"messages/clean.txt": "---\nlang: de\nchannel: landing\n---\nDie Kartenzahlung ist gestört. Nächstes Update um 15:00 Uhr, Hotline 0800 123 4567.\n",
	} {
		p := filepath.Join(dir, name)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	t.Chdir(dir)
	for files, want := range map[string]int{"messages/sms.txt drafts/idea.txt": exitFindings, "drafts/idea.txt messages/clean.txt": exitOK} {
		var out, errb bytes.Buffer
		if code := run(append(entry[1:], strings.Fields(files)...), strings.NewReader(""), &out, &errb); code != want {
			t.Errorf("hook entry on %s: exit %d, want %d\n%s%s", files, code, want, out.String(), errb.String())
		}
	}
}
