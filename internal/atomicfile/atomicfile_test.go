package atomicfile

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"testing"
)

func TestWrite(t *testing.T) {
	dir := t.TempDir()
	p := filepath.Join(dir, "sub", "msg.txt")
	if err := Write(p, []byte("one"), 0o644, false); err != nil {
		t.Fatal(err)
	}
	err := Write(p, []byte("two"), 0o644, false)
	if !errors.Is(err, ErrExists) {
		t.Fatalf("second write without overwrite: %v, want ErrExists", err)
	}
	if b, _ := os.ReadFile(p); string(b) != "one" {
		t.Fatalf("existing file changed to %q", b)
	}
	if err := Write(p, []byte("three"), 0o600, true); err != nil {
		t.Fatal(err)
	}
	if b, _ := os.ReadFile(p); string(b) != "three" {
		t.Fatalf("overwrite wrote %q", b)
	}
	if fi, _ := os.Stat(p); fi.Mode().Perm() != 0o600 {
		t.Errorf("mode %v, want 0600", fi.Mode().Perm())
	}
	entries, _ := os.ReadDir(filepath.Dir(p))
	if len(entries) != 1 {
		t.Errorf("temporary files left behind: %v", entries)
	}
}

func TestWriteSynced(t *testing.T) {
	p := filepath.Join(t.TempDir(), "f.txt")
	if err := WriteSynced(p, []byte("first, longer"), 0o644, true); err != nil {
		t.Fatal(err)
	}
	if err := WriteSynced(p, []byte("again"), 0o644, true); !errors.Is(err, fs.ErrExist) {
		t.Errorf("exclusive write over an existing file: err = %v, want fs.ErrExist", err)
	}
	if err := WriteSynced(p, []byte("second"), 0o644, false); err != nil {
		t.Fatal(err)
	}
	if got, _ := os.ReadFile(p); string(got) != "second" {
		t.Errorf("after a truncating write the file holds %q, want %q", got, "second")
	}
}
