//go:build unix

package check

import (
	"os"
	"path/filepath"
	"syscall"
	"testing"
)

// TestNamedPipeDoesNotBlock: opening a named pipe waits for a writer; a
// pipe named like a message, in a directory or on the command line, must
// be reported instead.
func TestNamedPipeDoesNotBlock(t *testing.T) {
	dir := t.TempDir()
	fifo := filepath.Join(dir, "sms.txt")
	if err := syscall.Mkfifo(fifo, 0o644); err != nil {
		t.Skipf("cannot make a named pipe here: %v", err)
	}
	if err := os.WriteFile(filepath.Join(dir, "x.txt"), []byte("Nächstes Update um 14:00 Uhr.\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	r, err := New(Options{})
	if err != nil {
		t.Fatal(err)
	}
	res := r.Run([]string{dir, fifo})
	if len(res) != 3 {
		t.Fatalf("%d results, want 3", len(res))
	}
	for _, i := range []int{0, 2} {
		if res[i].Err == nil || res[i].Err.Error() != "not a regular file" {
			t.Errorf("%s: error %v, want \"not a regular file\"", res[i].Path, res[i].Err)
		}
	}
	if res[1].Err != nil {
		t.Errorf("x.txt: %v", res[1].Err)
	}
}

// TestSymlinkedDirectoryArgument: a directory named on the command line
// through a symbolic link is searched; links met while walking are not
// followed (they could loop).
func TestSymlinkedDirectoryArgument(t *testing.T) {
	dir := t.TempDir()
	msgs := filepath.Join(dir, "messages")
	if err := os.MkdirAll(msgs, 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(msgs, "sms.txt"), []byte("Nächstes Update um 14:00 Uhr.\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	link := filepath.Join(dir, "current")
	if err := os.Symlink(msgs, link); err != nil {
		t.Skipf("cannot make a symbolic link here: %v", err)
	}
	if err := os.Symlink(dir, filepath.Join(msgs, "loop")); err != nil {
		t.Fatal(err)
	}
	r, err := New(Options{})
	if err != nil {
		t.Fatal(err)
	}
	res := r.Run([]string{link})
	if len(res) != 1 || res[0].Path != filepath.Join(link, "sms.txt") || res[0].Err != nil {
		t.Fatalf("results %+v, want only %s", res, filepath.Join(link, "sms.txt"))
	}
}
