package main

import (
	"bytes"
	"flag"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/spf13/cobra"
)

var updateMan = flag.Bool("update", false, "rewrite the golden man pages in testdata/man")

// manPagesOf writes the pages of the real command tree into a new
// directory, with a fixed date and version.
func manPagesOf(t *testing.T) (dir string, root *cobra.Command) {
	t.Helper()
	root = newRootCmd(streams{in: strings.NewReader(""), out: io.Discard, err: io.Discard})
	dir = t.TempDir()
	date := time.Date(2026, 11, 23, 9, 30, 0, 0, time.UTC)
	n, err := writeManPages(root, dir, date, "crisis 1.2.3")
	if err != nil {
		t.Fatal(err)
	}
	want := 0
	var count func(c *cobra.Command)
	count = func(c *cobra.Command) {
		if c == root || c.IsAvailableCommand() {
			want++
			for _, sub := range c.Commands() {
				count(sub)
			}
		}
	}
	count(root)
	if n != want {
		t.Errorf("%d pages written, want one per visible command (%d)", n, want)
	}
	return dir, root
}

// TestManPagesGolden holds a few pages to golden files: the root with its
// subcommands, a command with flags and examples, a nested command with a
// repeatable flag, and cobra's completion command, whose help has
// headings and indented commands. go test ./cmd/crisis -run
// TestManPagesGolden -update rewrites them after a change of help.
func TestManPagesGolden(t *testing.T) {
	dir, _ := manPagesOf(t)
	for _, name := range []string{"crisis.1", "crisis-lint.1", "crisis-playbook-test.1", "crisis-completion-bash.1"} {
		got, err := os.ReadFile(filepath.Join(dir, name))
		if err != nil {
			t.Fatal(err)
		}
		golden := filepath.Join("testdata", "man", name)
		if *updateMan {
			if err := os.WriteFile(golden, got, 0o644); err != nil {
				t.Fatal(err)
			}
			continue
		}
		want, err := os.ReadFile(golden)
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(got, want) {
			t.Errorf("%s differs from %s (go test ./cmd/crisis -run TestManPagesGolden -update rewrites it):\n%s", name, golden, got)
		}
	}
}

// TestManPagesRender renders every page with groff, which must not warn,
// and one with man -l, which must show its sections.
func TestManPagesRender(t *testing.T) {
	groff, err := exec.LookPath("groff")
	if err != nil {
		if os.Getenv("CI") == "true" {
			t.Fatal("groff is not installed; .ci/run installs it")
		}
		t.Skip("groff is not installed; the man pages are not rendered")
	}
	dir, _ := manPagesOf(t)
	pages, err := filepath.Glob(filepath.Join(dir, "*.1"))
	if err != nil || len(pages) == 0 {
		t.Fatalf("no pages written: %v", err)
	}
	for _, p := range pages {
		// -k reads UTF-8 input, -ww turns on every warning, -z only formats.
		cmd := exec.Command(groff, "-k", "-man", "-Tutf8", "-ww", "-z", p)
		var stderr bytes.Buffer
		cmd.Stderr = &stderr
		if err := cmd.Run(); err != nil || stderr.Len() > 0 {
			t.Errorf("groff %s: %v\n%s", filepath.Base(p), err, stderr.String())
		}
	}
	// A long line, so that no line is justified.
	out, err := exec.Command(groff, "-k", "-man", "-Tutf8", "-rLL=300n", "-P-c", "-P-u", "-P-b", filepath.Join(dir, "crisis-lint.1")).Output()
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"CRISIS-LINT(1)", "NAME", "crisis-lint - Check message files", "SYNOPSIS",
		"crisis lint [PATH|-]... [flags]", "--fail-on string", "-j, --jobs int", "EXIT STATUS", "SEE ALSO", "crisis(1)"} {
		if !bytes.Contains(out, []byte(want)) {
			t.Errorf("groff's rendering of crisis-lint.1 lacks %q:\n%s", want, out)
		}
	}

	man, err := exec.LookPath("man")
	if err != nil {
		t.Log("man is not installed; the pages are rendered with groff only")
		return
	}
	cmd := exec.Command(man, "-l", filepath.Join(dir, "crisis.1"))
	cmd.Env = append(os.Environ(), "MANPAGER=cat", "PAGER=cat", "MANWIDTH=100", "MAN_KEEP_FORMATTING=")
	out, err = cmd.Output()
	if err != nil {
		t.Fatalf("man -l crisis.1: %v", err)
	}
	for _, want := range []string{"CRISIS(1)", "DESCRIPTION", "crisis-lint(1)", "crisis 1.2.3"} {
		if !bytes.Contains(out, []byte(want)) {
			t.Errorf("man -l crisis.1 lacks %q:\n%s", want, out)
		}
	}
}

func TestRoffBlocks(t *testing.T) {
	for _, tc := range []struct{ name, in, want string }{
		{"paragraphs", "One line\nand its rest.\n\nSecond.", "One line\nand its rest.\n.PP\nSecond.\n"},
		{"code span", "use `FILE` here", "use \\fBFILE\\fP here\n"},
		{"unpaired backtick", "it`s", "it`s\n"},
		{"backslash", `C:\path`, "C:\\epath\n"},
		{"leading period", "Intro\n.crisis.yaml is read\n'quoted'", "Intro\n\\&.crisis.yaml is read\n\\&'quoted'\n"},
		{"heading and code", "Load:\n\n#### Linux:\n\n\tcrisis completion bash > f\n\nDone.",
			"Load:\n.SS Linux:\n.EX\ncrisis completion bash > f\n.EE\n.PP\nDone.\n"},
		{"code with a blank line inside", "Run:\n\n    a\n\n    .b\n", "Run:\n.EX\na\n\n\\&.b\n.EE\n"},
		{"bullets", "Kinds:\n\n- one\n  more\n- two\n\nEnd.", "Kinds:\n.IP \\(bu 2\none\nmore\n.IP \\(bu 2\ntwo\n.PP\nEnd.\n"},
		{"indented heading mark", "a\n  # not a heading", "a\n# not a heading\n"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var b bytes.Buffer
			writeRoffBlocks(&b, tc.in)
			if b.String() != tc.want {
				t.Errorf("writeRoffBlocks(%q)\n got %q\nwant %q", tc.in, b.String(), tc.want)
			}
		})
	}
}

func TestRoffName(t *testing.T) {
	for in, want := range map[string]string{
		"crisis-lint":             `\%crisis\-lint`,
		"--fail-on":               `\%\-\-fail\-on`,
		"crisis lint [PATH|-]...": `\%crisis \%lint \%[PATH|\-]...`,
	} {
		if got := roffName(in); got != want {
			t.Errorf("roffName(%q) = %q, want %q", in, got, want)
		}
	}
}

// FuzzRoffBlocks: any help text ends, and every line written that roff
// reads as a request is one of the requests writeRoffBlocks means to
// write.
func FuzzRoffBlocks(f *testing.F) {
	for _, s := range []string{"a\n\nb", "\tcode\n\n#### H\n- item\n  more", ".x\n'y\n\\z `c`", "  # x\n    \n\t"} {
		f.Add(s)
	}
	requests := []string{".PP", ".EX", ".EE", ".SS ", `.IP \(bu 2`}
	f.Fuzz(func(t *testing.T, s string) {
		var b bytes.Buffer
		writeRoffBlocks(&b, s)
		for line := range strings.SplitSeq(b.String(), "\n") {
			if !strings.HasPrefix(line, ".") && !strings.HasPrefix(line, "'") {
				continue
			}
			ok := false
			for _, r := range requests {
				ok = ok || line == r || strings.HasSuffix(r, " ") && strings.HasPrefix(line, r)
			}
			if !ok {
				t.Fatalf("writeRoffBlocks(%q) wrote the request %q", s, line)
			}
		}
	})
}
