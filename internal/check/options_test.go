package check

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// writeTree writes files (path → text) below dir.
func writeTree(t *testing.T, dir string, files map[string]string) {
	t.Helper()
	for name, text := range files {
		p := filepath.Join(dir, name)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

// TestOptions covers what crisis lint's flags ask of a run: extensions,
// one config for every file, standard input under a name, and ignore
// patterns for named files.
func TestOptions(t *testing.T) {
	dir := t.TempDir()
	writeTree(t, dir, map[string]string{
		".crisis.yaml": "ignore: [\"drafts/**\"]\noverrides:\n  - files: [\"social/*\"]\n    channel: x\n",
		"a.txt":        "Hallo.\n",
		"b.text":       "Hallo.\n",
		"c.MD":         "Hallo.\n",
		"drafts/d.txt": "Hallo.\n",
		"other.yaml":   "lang: en\nignore: [\"a.txt\"]\n",
	})
	t.Chdir(dir)
	paths := func(opts Options, stdin string, args ...string) []string {
		t.Helper()
		opts.Stdin = strings.NewReader(stdin)
		r, err := New(opts)
		if err != nil {
			t.Fatal(err)
		}
		var out []string
		for _, f := range r.Run(args) {
			if f.Err != nil {
				t.Fatalf("%s: %v", f.Path, f.Err)
			}
			out = append(out, f.Path+":"+f.Channel)
		}
		return out
	}
	for _, tc := range []struct {
		name  string
		opts  Options
		stdin string
		args  []string
		want  []string
	}{
		{"default extensions", Options{}, "", []string{"."}, []string{"a.txt:generic", "c.MD:generic"}},
		{"--ext", Options{Exts: []string{"text", ".TXT"}}, "", []string{"."}, []string{"a.txt:generic", "b.text:generic"}},
		{"named files are linted though ignored", Options{}, "", []string{"drafts/d.txt"}, []string{"drafts/d.txt:generic"}},
		{"--force-exclude", Options{ForceExclude: true}, "", []string{"drafts/d.txt", "a.txt"}, []string{"a.txt:generic"}},
		{"--force-exclude, directory", Options{ForceExclude: true}, "", []string{"drafts"}, nil},
		{"--config", Options{Config: "other.yaml"}, "", []string{"."}, []string{"c.MD:generic", "drafts/d.txt:generic"}},
		{"stdin", Options{}, "Hallo.", []string{"-"}, []string{"-:generic"}},
		{"--stdin-filename", Options{StdinName: "social/post.md"}, "Hallo.", []string{"-"}, []string{"social/post.md:x"}},
		{"--stdin-filename, ignored", Options{StdinName: "drafts/new.txt", ForceExclude: true}, "Hallo.", []string{"-"}, nil},
	} {
		if got := paths(tc.opts, tc.stdin, tc.args...); !slices.Equal(got, tc.want) {
			t.Errorf("%s: %v, want %v", tc.name, got, tc.want)
		}
	}
	for _, bad := range [][]string{{"*.txt"}, {"."}, {"a/b"}} {
		if _, err := New(Options{Exts: bad}); err == nil || !strings.Contains(err.Error(), "--ext") {
			t.Errorf("--ext %v: %v", bad, err)
		}
	}
	if _, err := New(Options{Config: "missing.yaml"}); err == nil || !strings.Contains(err.Error(), "missing.yaml: no such file") {
		t.Errorf("--config missing.yaml: %v", err)
	}
}

// TestPlaybooks: after a run, the playbooks its files were linted with.
func TestPlaybooks(t *testing.T) {
	dir := t.TempDir()
	writeTree(t, dir, map[string]string{
		"de.txt": "---\nlang: de\n---\nHallo.\n",
		"en.txt": "---\nlang: en\n---\nHello.\n",
	})
	r, err := New(Options{})
	if err != nil {
		t.Fatal(err)
	}
	if n := len(r.Playbooks()); n != 0 {
		t.Fatalf("%d playbooks before a run", n)
	}
	r.Run([]string{filepath.Join(dir, "en.txt")})
	r.Run([]string{filepath.Join(dir, "de.txt")})
	var got []string
	for _, pb := range r.Playbooks() {
		got = append(got, pb.Source)
	}
	if want := []string{"builtin:de", "builtin:en"}; !slices.Equal(got, want) {
		t.Errorf("playbooks %v, want %v", got, want)
	}
}
