package incident

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

const minimalFacts = "incident: x\nstage: initial\nwhat: Card payments fail.\n"

func writeFile(t *testing.T, p, data string) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(p, []byte(data), 0o644); err != nil {
		t.Fatal(err)
	}
}

// TestLoadSkipsIncomplete checks that only whole updates count: a hidden
// directory (an update being written), a directory without facts and a
// symbolic link to a directory are not updates.
func TestLoadSkipsIncomplete(t *testing.T) {
	inc := t.TempDir()
	writeFile(t, filepath.Join(inc, "2026-11-23T0930", FactsFile), minimalFacts)
	writeFile(t, filepath.Join(inc, ".crisis-tmp-123", FactsFile), minimalFacts)
	writeFile(t, filepath.Join(inc, "2026-11-23T1000", "sms.txt"), "half")
	outside := t.TempDir()
	writeFile(t, filepath.Join(outside, "2026-11-23T1100", FactsFile), minimalFacts)
	if err := os.Symlink(filepath.Join(outside, "2026-11-23T1100"), filepath.Join(inc, "2026-11-23T1100")); err != nil {
		t.Fatal(err)
	}
	in, err := Load(inc)
	if err != nil {
		t.Fatal(err)
	}
	if len(in.Updates) != 1 || filepath.Base(in.Updates[0].Dir) != "2026-11-23T0930" {
		t.Fatalf("updates %+v, want 2026-11-23T0930 alone", in.Updates)
	}
}

func TestLoadFactsLinks(t *testing.T) {
	inc := t.TempDir()
	writeFile(t, filepath.Join(inc, "shared.yaml"), minimalFacts)
	writeFile(t, filepath.Join(inc, "2026-11-23T0930", "sms.txt"), "x")
	if err := os.Symlink("../shared.yaml", filepath.Join(inc, "2026-11-23T0930", FactsFile)); err != nil {
		t.Fatal(err)
	}
	if _, err := Load(inc); err != nil {
		t.Fatalf("a link inside the incident: %v", err)
	}

	secret := filepath.Join(t.TempDir(), "secret.yaml")
	writeFile(t, secret, "what: internal memo\n")
	writeFile(t, filepath.Join(inc, "2026-11-23T1000", "sms.txt"), "x")
	if err := os.Symlink(secret, filepath.Join(inc, "2026-11-23T1000", FactsFile)); err != nil {
		t.Fatal(err)
	}
	_, err := Load(inc)
	if err == nil || !strings.Contains(err.Error(), "a symbolic link that leads out of the incident directory") {
		t.Fatalf("err = %v, want a refusal of the link", err)
	}
}

func TestClaimUpdateDir(t *testing.T) {
	at := time.Date(2026, 11, 23, 9, 30, 0, 0, time.UTC)
	inc := t.TempDir()
	for i, want := range []string{"2026-11-23T0930", "2026-11-23T0930-2", "2026-11-23T0930-3"} {
		p, err := ClaimUpdateDir(inc, at)
		if err != nil || filepath.Base(p) != want {
			t.Fatalf("claim %d: %s, %v; want %s", i, p, err, want)
		}
	}
	// What used to loop forever is an error now.
	file := filepath.Join(inc, "file")
	writeFile(t, file, "x")
	if _, err := ClaimUpdateDir(file, at); err == nil || !strings.Contains(err.Error(), "not a directory") {
		t.Errorf("a file as incident directory: %v", err)
	}
	long := filepath.Join(inc, strings.Repeat("x", 300))
	if _, err := ClaimUpdateDir(long, at); err == nil {
		t.Error("a 300-character name: no error")
	}
	ro := filepath.Join(inc, "ro")
	if err := os.Mkdir(ro, 0o555); err != nil {
		t.Fatal(err)
	}
	if os.Getuid() != 0 {
		if _, err := ClaimUpdateDir(ro, at); err == nil {
			t.Error("a read-only directory: no error")
		}
	}
}
