package compose

import (
	"errors"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"syscall"
	"testing"

	"github.com/crisis-comms/crisis/internal/atomicfile"
	"github.com/crisis-comms/crisis/internal/incident"
)

// checkUpdate fails unless dir holds exactly the files of one of the
// given updates, byte for byte: an update is never half written or mixed.
func checkUpdate(t *testing.T, dir string, variants ...map[string]string) {
	t.Helper()
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	got := map[string]string{}
	for _, e := range entries {
		b, err := os.ReadFile(filepath.Join(dir, e.Name()))
		if err != nil {
			t.Fatal(err)
		}
		got[e.Name()] = string(b)
	}
	for _, v := range variants {
		if len(v) == len(got) && func() bool {
			for name, data := range v {
				if got[name] != data {
					return false
				}
			}
			return true
		}() {
			return
		}
	}
	names := slices.Sorted(func(yield func(string) bool) {
		for n := range got {
			if !yield(n) {
				return
			}
		}
	})
	t.Errorf("%s holds %v, which is none of the updates written", dir, names)
}

func expected(t *testing.T, facts *incident.Facts, msgs []Message) map[string]string {
	t.Helper()
	files, err := updateFiles(facts, msgs, now)
	if err != nil {
		t.Fatal(err)
	}
	m := map[string]string{}
	for _, f := range files {
		m[f.name] = string(f.data)
	}
	return m
}

// TestWriteUpdateRace writes 100 pairs of updates of one facts file into
// one incident at the same moment: every write gets its own, complete
// update directory, and nothing else is left in the incident.
func TestWriteUpdateRace(t *testing.T) {
	_, msgs := renderDE(t, "sms", "email")
	want := expected(t, testFacts(), msgs)
	inc := t.TempDir()
	const pairs = 100
	var wg sync.WaitGroup
	dirs := make([]string, 2*pairs)
	errs := make([]error, 2*pairs)
	for i := range 2 * pairs {
		wg.Go(func() { dirs[i], errs[i] = WriteUpdate(inc, testFacts(), msgs, now, false) })
	}
	wg.Wait()
	for i, err := range errs {
		if err != nil {
			t.Fatalf("write %d: %v", i, err)
		}
	}
	slices.Sort(dirs)
	if len(slices.Compact(slices.Clone(dirs))) != 2*pairs {
		t.Fatal("two writes were given the same update directory")
	}
	entries, _ := os.ReadDir(inc)
	if len(entries) != 2*pairs {
		t.Errorf("incident holds %d entries, want %d updates and nothing else", len(entries), 2*pairs)
	}
	for _, d := range dirs {
		checkUpdate(t, d, want)
	}
}

// TestWriteUpdateForceRace replaces one update directory by two updates
// at once, 50 times: the directory ends as one of them, never a mix.
func TestWriteUpdateForceRace(t *testing.T) {
	_, msgs := renderDE(t, "sms", "email")
	a, b := testFacts(), testFacts()
	b.What, b.Hotline = "Überweisungen hängen.", "0800 111 11 11"
	msgsB := []Message{NewMessage(b, "de", "sms", "Überweisungen hängen. Hotline 0800 111 11 11.")}
	wantA, wantB := expected(t, a, msgs), expected(t, b, msgsB)
	dir := filepath.Join(t.TempDir(), "2026-11-23T0930")
	for i := range 50 {
		var wg sync.WaitGroup
		var errA, errB error
		wg.Go(func() { _, errA = WriteUpdate(dir, a, msgs, now, true) })
		wg.Go(func() { _, errB = WriteUpdate(dir, b, msgsB, now, true) })
		wg.Wait()
		if errA != nil || errB != nil {
			t.Fatalf("round %d: %v, %v", i, errA, errB)
		}
		checkUpdate(t, dir, wantA, wantB)
	}
	if entries, _ := os.ReadDir(filepath.Dir(dir)); len(entries) != 1 {
		t.Errorf("leftovers next to the update: %v", entries)
	}
}

// TestWriteUpdateOutErrors checks that an --out that cannot be created is
// an error naming the reason (it used to loop forever), and that a failed
// write leaves nothing behind.
func TestWriteUpdateOutErrors(t *testing.T) {
	_, msgs := renderDE(t, "sms")
	root := t.TempDir()
	file := filepath.Join(root, "file")
	if err := os.WriteFile(file, []byte("x"), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct{ out, want string }{
		{file, "not a directory"},
		{filepath.Join(file, "inc"), "not a directory"},
		{filepath.Join(root, strings.Repeat("x", 300)), "file name too long"},
		{filepath.Join(root, "2026-11-23T0930", strings.Repeat("y", 300), "2026-11-23T0930"), "file name too long"},
	} {
		_, err := WriteUpdate(tc.out, testFacts(), msgs, now, false)
		if err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("--out %.40s…: %v, want %q", tc.out, err, tc.want)
		}
	}
	entries, _ := os.ReadDir(root)
	if len(entries) != 2 { // file and the 2026-11-23T0930 made on the way
		t.Errorf("left behind: %v", entries)
	}
}

// TestWriteUpdateIntoDirWithOtherFiles keeps the old behaviour for an
// update directory that holds other files: the update's files are added,
// facts.yaml last, and nothing is replaced.
func TestWriteUpdateIntoDirWithOtherFiles(t *testing.T) {
	_, msgs := renderDE(t, "sms")
	dir := filepath.Join(t.TempDir(), "2026-11-23T0930")
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "notes.txt"), []byte("notes"), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, err := WriteUpdate(dir, testFacts(), msgs, now, false); err != nil {
		t.Fatal(err)
	}
	want := expected(t, testFacts(), msgs)
	want["notes.txt"] = "notes"
	checkUpdate(t, dir, want)
}

// TestWriteUpdateFullDisk fails the third file of an update as a full
// disk would: the error comes back and nothing of the update is left,
// neither in the incident nor in the update directory named by --out.
func TestWriteUpdateFullDisk(t *testing.T) {
	_, msgs := renderDE(t, "sms", "email", "x")
	defer func(w func(string, []byte) error) { writeFile = w }(writeFile)
	n := 0
	writeFile = func(p string, data []byte) error {
		if n++; n == 3 {
			return &os.PathError{Op: "write", Path: p, Err: syscall.ENOSPC}
		}
		return writeSynced(p, data)
	}
	inc := t.TempDir()
	if _, err := WriteUpdate(inc, testFacts(), msgs, now, false); !errors.Is(err, syscall.ENOSPC) {
		t.Fatalf("err = %v, want no space left on device", err)
	}
	n = 0
	if _, err := WriteUpdate(filepath.Join(inc, "2026-11-23T1000"), testFacts(), msgs, now, false); !errors.Is(err, syscall.ENOSPC) {
		t.Fatalf("into an update directory: err = %v", err)
	}
	if entries, _ := os.ReadDir(inc); len(entries) != 0 {
		t.Errorf("left behind: %v", entries)
	}
}

// TestLangNormalised checks that an update in "DE" is rendered, written
// and linted as German, not judged by the rules of no language.
func TestLangNormalised(t *testing.T) {
	pb, _ := renderDE(t, "sms")
	f := testFacts()
	f.Lang = "DE-at"
	if got := Lang(pb, f); got != "de" {
		t.Fatalf("Lang = %q, want de", got)
	}
	msgs, err := Render(pb, f, []string{"sms"}, now)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(msgs[0].Text, "\nlang: de\n") {
		t.Errorf("front matter:\n%s", msgs[0].Text)
	}
}

// TestWriteUpdateAddRollsBack: when an update cannot be added to a
// directory because one of its files is there, the files it had already
// added are taken back.
func TestWriteUpdateAddRollsBack(t *testing.T) {
	_, msgs := renderDE(t, "sms", "email", "x")
	dir := t.TempDir()
	files, err := updateFiles(testFacts(), msgs, now)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "x.txt"), []byte("mine"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := addFiles(dir, files); !errors.Is(err, atomicfile.ErrExists) {
		t.Fatalf("err = %v, want ErrExists", err)
	}
	checkUpdate(t, dir, map[string]string{"x.txt": "mine"})
}
