//go:build unix

package main

import (
	"maps"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/crisis-comms/crisis/internal/incident"
)

// crisisCmd runs the test binary as crisis (see TestMain).
func crisisCmd(args ...string) *exec.Cmd {
	c := exec.Command(os.Args[0], args...)
	c.Env = append(os.Environ(), "CRISIS_TEST_MAIN=1", "CRISIS_NOW=2026-11-23T09:30:00+01:00", "NO_COLOR=1")
	return c
}

var killSignals = []syscall.Signal{syscall.SIGKILL, syscall.SIGTERM, syscall.SIGINT}

// killAtRandom starts c and signals it after a random part of typical,
// and tells whether the signal was SIGKILL (which leaves no chance to
// clean up).
func killAtRandom(t *testing.T, c *exec.Cmd, typical time.Duration) bool {
	t.Helper()
	if err := c.Start(); err != nil {
		t.Fatal(err)
	}
	time.Sleep(time.Duration(rand.Int64N(int64(typical)*6/5 + 1)))
	sig := killSignals[rand.IntN(len(killSignals))]
	_ = c.Process.Signal(sig)
	_ = c.Wait()
	return sig == syscall.SIGKILL
}

// TestKillRender signals render at random moments: every update directory
// that is visible afterwards is complete, byte for byte, and status and
// page read the incident.
func TestKillRender(t *testing.T) {
	if testing.Short() {
		t.Skip("starts many processes")
	}
	dir := t.TempDir()
	facts := filepath.Join(dir, "facts.yaml")
	if err := os.WriteFile(facts, []byte(killFacts), 0o644); err != nil {
		t.Fatal(err)
	}
	ref := filepath.Join(dir, "ref")
	start := time.Now()
	if out, err := crisisCmd("render", facts, "--out", ref, "--fail-on", "error").CombinedOutput(); err != nil {
		t.Fatalf("render: %v\n%s", err, out)
	}
	typical := time.Since(start)
	want := readTree(t, filepath.Join(ref, "2026-11-23T0930"))

	inc := filepath.Join(dir, "inc")
	kills, runs := 0, 0
	for ; runs < 30 && time.Since(start) < 5*time.Second; runs++ {
		if killAtRandom(t, crisisCmd("render", facts, "--out", inc, "--fail-on", "error"), typical) {
			kills++
		}
	}
	entries, _ := os.ReadDir(inc)
	updates, hidden := 0, 0
	for _, e := range entries {
		if strings.HasPrefix(e.Name(), ".") {
			hidden++ // work in progress, skipped by every reader
			continue
		}
		got := readTree(t, filepath.Join(inc, e.Name()))
		if len(got) == 0 {
			continue // a claimed name, no update
		}
		updates++
		if !maps.Equal(got, want) {
			t.Errorf("%s is not a complete update: %d of %d files", e.Name(), len(got), len(want))
		}
	}
	t.Logf("%d complete updates after %d signalled renders (%d SIGKILL)", updates, runs, kills)
	if hidden > kills {
		t.Errorf("%d temporary directories left, but only %d renders were killed without a chance to clean up", hidden, kills)
	}
	if updates > 0 {
		in, err := incident.Load(inc)
		if err != nil || len(in.Updates) != updates {
			t.Errorf("incident.Load: %v, %d updates, want %d", err, len(in.Updates), updates)
		}
	}
}

// TestKillPageBuild signals page build at random moments while the site
// alternates between two incidents: the site is always one whole build,
// never a mix, and the files around it stay.
func TestKillPageBuild(t *testing.T) {
	if testing.Short() {
		t.Skip("starts many processes")
	}
	dir := t.TempDir()
	a := filepath.Join(dir, "a", "2026-11-23T0930")
	b := filepath.Join(dir, "b", "2026-11-23T1000")
	for _, d := range []string{a, b} {
		if err := os.MkdirAll(d, 0o755); err != nil {
			t.Fatal(err)
		}
	}
	if err := os.WriteFile(filepath.Join(a, "facts.yaml"), []byte(killFacts), 0o644); err != nil {
		t.Fatal(err)
	}
	other := strings.Replace(killFacts, "Card payments fail", "Transfers are delayed", 1)
	other = strings.Replace(other, "status.acme.example", "status.acme.example/transfers", 1)
	if err := os.WriteFile(filepath.Join(b, "facts.yaml"), []byte(other), 0o644); err != nil {
		t.Fatal(err)
	}
	refs := map[string]map[string]string{}
	start := time.Now()
	for _, name := range []string{"a", "b"} {
		out := filepath.Join(dir, "ref-"+name)
		if o, err := crisisCmd("page", "build", filepath.Join(dir, name), "--out", out).CombinedOutput(); err != nil {
			t.Fatalf("page build: %v\n%s", err, o)
		}
		refs[name] = readTree(t, out)
	}
	typical := time.Since(start) / 2

	site := filepath.Join(dir, "site")
	if err := os.MkdirAll(site, 0o755); err != nil {
		t.Fatal(err)
	}
	robots := "User-agent: *\n"
	if err := os.WriteFile(filepath.Join(site, "robots.txt"), []byte(robots), 0o644); err != nil {
		t.Fatal(err)
	}
	for i := 0; i < 30 && time.Since(start) < 5*time.Second; i++ {
		killAtRandom(t, crisisCmd("page", "build", filepath.Join(dir, []string{"a", "b"}[i%2]), "--out", site), typical)
		if _, err := os.Stat(site); err != nil {
			continue // between the two renames of a swap: no site, not a mixed one
		}
		got := readTree(t, site)
		if got["robots.txt"] != robots {
			t.Fatalf("run %d: robots.txt lost", i)
		}
		delete(got, "robots.txt")
		if len(got) > 0 && !maps.Equal(got, refs["a"]) && !maps.Equal(got, refs["b"]) {
			t.Fatalf("run %d: the site mixes two builds or is incomplete (%d files)", i, len(got))
		}
	}
}
