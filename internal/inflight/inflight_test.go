package inflight

import (
	"errors"
	"os"
	"path/filepath"
	"testing"
)

func TestAbort(t *testing.T) {
	root := t.TempDir()
	a, b := filepath.Join(root, "a"), filepath.Join(root, "b")
	for _, d := range []string{a, b} {
		if err := os.Mkdir(d, 0o755); err != nil {
			t.Fatal(err)
		}
		if err := Add(d); err != nil {
			t.Fatal(err)
		}
	}
	if err := Commit(func() error { return os.Rename(a, a+"-done") }); err != nil {
		t.Fatal(err)
	}
	Done(a)
	Abort()
	defer func() { aborted = false }()
	if _, err := os.Stat(b); !os.IsNotExist(err) {
		t.Errorf("b is left: %v", err)
	}
	if _, err := os.Stat(a + "-done"); err != nil {
		t.Errorf("the committed write is gone: %v", err)
	}
	if err := Commit(func() error { t.Error("commit ran after Abort"); return nil }); !errors.Is(err, ErrAborted) {
		t.Errorf("Commit after Abort: %v", err)
	}
	c := filepath.Join(root, "c")
	if err := os.Mkdir(c, 0o755); err != nil {
		t.Fatal(err)
	}
	if err := Add(c); !errors.Is(err, ErrAborted) {
		t.Errorf("Add after Abort: %v", err)
	}
	if _, err := os.Stat(c); !os.IsNotExist(err) {
		t.Error("a directory added after Abort is left")
	}
}
