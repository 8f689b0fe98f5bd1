package readfile

import (
	"bytes"
	"errors"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestRead(t *testing.T) {
	dir := t.TempDir()
	small := filepath.Join(dir, "facts.yaml")
	if err := os.WriteFile(small, []byte("what: x\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	big := filepath.Join(dir, "big.yaml")
	if err := os.WriteFile(big, bytes.Repeat([]byte("a"), 2<<10+1), 0o644); err != nil {
		t.Fatal(err)
	}
	exact := filepath.Join(dir, "exact.yaml")
	if err := os.WriteFile(exact, bytes.Repeat([]byte("a"), 2<<10), 0o644); err != nil {
		t.Fatal(err)
	}
	link := filepath.Join(dir, "link.yaml")
	if err := os.Symlink(small, link); err != nil {
		t.Fatal(err)
	}
	k := Kind{Name: "facts file", Limit: 2 << 10}
	tests := []struct {
		name    string
		path    string
		want    string
		wantErr string
		is      error
	}{
		{name: "regular", path: small, want: "what: x\n"},
		{name: "symlink to a regular file", path: link, want: "what: x\n"},
		{name: "exactly the cap", path: exact, want: strings.Repeat("a", 2<<10)},
		{name: "over the cap", path: big, wantErr: "2 KB; a facts file larger than 2 KB is not read", is: ErrTooLarge},
		{name: "directory", path: dir, wantErr: "a directory, not a regular file: give the path of the facts file", is: ErrNotRegular},
		{name: "missing", path: filepath.Join(dir, "nope"), wantErr: "no such file", is: fs.ErrNotExist},
		{name: "device", path: os.DevNull, wantErr: "a character device, not a regular file", is: ErrNotRegular},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := Read(tt.path, k)
			if tt.wantErr == "" {
				if err != nil {
					t.Fatal(err)
				}
				if string(got) != tt.want {
					t.Fatalf("got %q, want %q", got, tt.want)
				}
				return
			}
			if err == nil || !strings.Contains(err.Error(), tt.wantErr) || !strings.HasPrefix(err.Error(), tt.path+": ") {
				t.Fatalf("error %v, want %q after the path", err, tt.wantErr)
			}
			if !errors.Is(err, tt.is) {
				t.Fatalf("error %v is not %v", err, tt.is)
			}
		})
	}
}

func TestReadFrom(t *testing.T) {
	k := Kind{Name: "answers file", Limit: 10}
	got, err := ReadFrom(strings.NewReader("0123456789"), "<stdin>", k)
	if err != nil || string(got) != "0123456789" {
		t.Fatalf("got %q, %v", got, err)
	}
	// An endless stream stops at the cap.
	_, err = ReadFrom(zeroReader{}, "<stdin>", k)
	if !errors.Is(err, ErrTooLarge) || !strings.HasPrefix(err.Error(), "<stdin>: more than 10 bytes") {
		t.Fatalf("got %v", err)
	}
	_, err = ReadFrom(io.MultiReader(strings.NewReader("ab"), errReader{}), "<stdin>", k)
	if err == nil || !strings.Contains(err.Error(), "boom") {
		t.Fatalf("got %v, want the read error", err)
	}
}

type zeroReader struct{}

func (zeroReader) Read(p []byte) (int, error) { clear(p); return len(p), nil }

type errReader struct{}

func (errReader) Read([]byte) (int, error) { return 0, errors.New("boom") }

func TestLimitEnv(t *testing.T) {
	k := Kind{Name: "corpus", Limit: 100}
	t.Setenv(EnvMaxSize, "")
	if got := Limit(k); got != 100 {
		t.Fatalf("default: %d", got)
	}
	t.Setenv(EnvMaxSize, "2MB")
	if got := Limit(k); got != 2<<20 {
		t.Fatalf("2MB: %d", got)
	}
	if err := CheckEnv(); err != nil {
		t.Fatal(err)
	}
	t.Setenv(EnvMaxSize, "lots")
	if got := Limit(k); got != 100 {
		t.Fatalf("invalid falls back to the default: %d", got)
	}
	if err := CheckEnv(); err == nil || !strings.Contains(err.Error(), "CRISIS_MAX_FILE_SIZE=\"lots\": not a size") {
		t.Fatalf("CheckEnv: %v", err)
	}
}

func TestParseSize(t *testing.T) {
	for in, want := range map[string]int64{
		"5000": 5000, "64KB": 64 << 10, "16mb": 16 << 20, "1 GB": 1 << 30, "3MiB": 3 << 20, "10k": 10 << 10, "7B": 7,
	} {
		if got, err := ParseSize(in); err != nil || got != want {
			t.Errorf("ParseSize(%q) = %d, %v; want %d", in, got, err, want)
		}
	}
	for _, in := range []string{"", "0", "-1", "MB", "1.5MB", "100GB", "9223372036854775807"} {
		if _, err := ParseSize(in); err == nil {
			t.Errorf("ParseSize(%q): no error", in)
		}
	}
}

func TestSize(t *testing.T) {
	for n, want := range map[int64]string{512: "512 bytes", 2 << 10: "2 KB", 1536 << 10: "1.5 MB", 16 << 20: "16 MB", 3 << 30: "3 GB"} {
		if got := Size(n); got != want {
			t.Errorf("Size(%d) = %q, want %q", n, got, want)
		}
	}
}
