package check

import (
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/crisis-comms/crisis/internal/report"
)

// refCollect is the directory walk as first written: filepath.WalkDir,
// with the .crisis.yaml of every directory and file looked up through the
// Finder. TestWalkMatchesReference holds the walk to it.
func refCollect(r *Runner, root string) []job {
	var out []job
	err := filepath.WalkDir(root, func(f string, d fs.DirEntry, err error) error {
		if err != nil {
			out = append(out, job{path: f, err: describe(err)})
			if d != nil && d.IsDir() {
				return fs.SkipDir
			}
			return nil
		}
		if f == root {
			return nil
		}
		if d.IsDir() {
			if strings.HasPrefix(d.Name(), ".") {
				return fs.SkipDir
			}
			if cfg, _ := r.configs.For(filepath.Join(f, "x")); cfg != nil && cfg.Ignored(f) {
				return fs.SkipDir
			}
			return nil
		}
		name := d.Name()
		if strings.HasPrefix(name, ".") || !slices.Contains(MessageExts, strings.ToLower(filepath.Ext(name))) {
			return nil
		}
		cfg, cerr := r.configs.For(f)
		if cfg != nil && cfg.Ignored(f) {
			return nil
		}
		out = append(out, job{path: f, regular: d.Type().IsRegular(), cfg: cfg, cfgErr: cerr, cfgKnown: true})
		return nil
	})
	if err != nil {
		out = append(out, job{path: root, err: describe(err)})
	}
	return out
}

func TestWalkMatchesReference(t *testing.T) {
	root := t.TempDir()
	files := map[string]string{
		".crisis.yaml":                "ignore: [\"drafts/**\", \"**/old-*.md\"]\n",
		"sms.txt":                     "x",
		"notes.pdf":                   "x",
		"drafts/a.md":                 "x",
		"a/email.md":                  "x",
		"a/old-email.md":              "x",
		"a/b/.crisis.yaml":            "channel: sms\nignore: [\"skip/**\", \"c.txt\"]\n",
		"a/b/c.txt":                   "x",
		"a/b/d.TXT":                   "x",
		"a/b/skip/e.md":               "x",
		"a/b/keep/f.markdown":         "x",
		"a/b/keep/g/h.md":             "x",
		"a/.hidden/i.md":              "x",
		"a/.j.md":                     "x",
		"z/y/x/w.md":                  "x",
		"z/y/.crisis.yaml":            "lang: en\n",
		"z/y/v.txt":                   "x",
		"z/u.md":                      "x",
		"empty/.crisis.yaml":          "ignore: [\"**\"]\n",
		"empty/k.md":                  "x",
		"2026-11-23T0900/landing.md":  "x",
		"2026-11-23T0900/sub/more.md": "x",
	}
	for name, body := range files {
		p := filepath.Join(root, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	for _, arg := range []string{root, filepath.Join(root, "a"), filepath.Join(root, "a", "b")} {
		got := mustRunner(t).collect(arg)
		ref := mustRunner(t)
		want := refCollect(ref, arg)
		same := len(got) == len(want)
		for i := 0; same && i < len(got); i++ {
			g, w := got[i], want[i]
			same = g.path == w.path && g.regular == w.regular && (g.err == nil) == (w.err == nil) &&
				(g.cfg == nil) == (w.cfg == nil) && (g.cfg == nil || g.cfg.Path == w.cfg.Path)
		}
		if !same {
			t.Errorf("collect(%s):\n got %v\nwant %v", arg, paths(got), paths(want))
		}
	}
	// The walk must have found some files and left out the ignored ones.
	got := paths(mustRunner(t).collect(root))
	for _, name := range []string{"a/b/c.txt", "a/b/skip/e.md", "drafts/a.md", "a/old-email.md", "empty/k.md", "a/.hidden/i.md"} {
		if slices.Contains(got, filepath.Join(root, filepath.FromSlash(name))) {
			t.Errorf("collect found ignored or hidden %s", name)
		}
	}
	if len(got) < 8 {
		t.Errorf("collect found only %v", got)
	}
}

func mustRunner(t *testing.T) *Runner {
	t.Helper()
	r, err := New(Options{Jobs: 1})
	if err != nil {
		t.Fatal(err)
	}
	return r
}

func paths(js []job) []string {
	var out []string
	for _, j := range js {
		out = append(out, j.path)
	}
	return out
}

// TestStreamOrder checks that Stream hands over every result once, in the
// order of the walk, with the congruence findings of its directory, while
// several workers finish files out of order.
func TestStreamOrder(t *testing.T) {
	root := t.TempDir()
	var want []string
	for d := 0; d < 12; d++ {
		for _, ch := range []string{"email.md", "sms.txt", "x.txt"} {
			p := filepath.Join(root, "inc", "u"+string(rune('a'+d)), ch)
			if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
				t.Fatal(err)
			}
			// The SMS names other times: it disagrees with the e-mail
			// before it and the X post after it.
			text := "Strom weg seit 9:40 Uhr. Nächstes Update um 12:00 Uhr. Hotline 0800 123 4567.\n"
			if ch == "sms.txt" {
				text = strings.NewReplacer("9:40", "9:45", "12:00", "13:00").Replace(text)
			}
			if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(filepath.Join(filepath.Dir(p), "facts.yaml"), []byte("incident: strom\n"), 0o644); err != nil {
				t.Fatal(err)
			}
			want = append(want, p)
		}
	}
	slices.Sort(want)
	r, err := New(Options{Jobs: 4})
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	congruent := 0
	r.Stream([]string{root}, func(f *report.File) {
		got = append(got, f.Path)
		for _, x := range f.Findings {
			if x.Rule == "channels.congruence" {
				congruent++
			}
		}
	})
	if !slices.Equal(got, want) {
		t.Fatalf("Stream order:\n got %v\nwant %v", got, want)
	}
	if congruent != 24 {
		t.Errorf("%d congruence findings, want two per directory (24)", congruent)
	}
}
