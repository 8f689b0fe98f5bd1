//go:build unix

package readfile

import (
	"errors"
	"os"
	"path/filepath"
	"syscall"
	"testing"
	"time"
)

// TestReadSpecialFiles checks that what grew memory by gigabytes or
// blocked forever is refused at once: /dev/zero, a named pipe with no
// writer, and a symbolic link to either.
func TestReadSpecialFiles(t *testing.T) {
	dir := t.TempDir()
	fifo := filepath.Join(dir, "facts.yaml")
	if err := syscall.Mkfifo(fifo, 0o644); err != nil {
		t.Skipf("mkfifo: %v", err)
	}
	zeroLink := filepath.Join(dir, "zero.yaml")
	if err := os.Symlink("/dev/zero", zeroLink); err != nil {
		t.Fatal(err)
	}
	for _, p := range []string{"/dev/zero", fifo, zeroLink} {
		done := make(chan error, 1)
		go func() {
			_, err := Read(p, Playbook)
			done <- err
		}()
		select {
		case err := <-done:
			if !errors.Is(err, ErrNotRegular) {
				t.Errorf("%s: got %v, want a not-a-regular-file error", p, err)
			}
		case <-time.After(5 * time.Second):
			t.Fatalf("%s: Read blocked", p)
		}
	}
}
