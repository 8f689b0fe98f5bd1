package main

import (
	"bytes"
	"fmt"
	"maps"
	"os"
	"path/filepath"
	"sync"
	"testing"
)

// TestRenderRace runs 100 pairs of renders of one facts file into one
// incident at the same moment: every render succeeds with its own update,
// and every update is complete. (Before names were claimed with mkdir,
// 7 in 100 pairs lost an update with the advice to use --force.)
func TestRenderRace(t *testing.T) {
	if testing.Short() {
		t.Skip("200 renders")
	}
	dir := t.TempDir()
	facts := filepath.Join(dir, "facts.yaml")
	if err := os.WriteFile(facts, []byte(killFacts), 0o644); err != nil {
		t.Fatal(err)
	}
	args := func(out string) []string {
		return []string{"render", facts, "--out", out, "--fail-on", "error", "--now", "2026-11-23T09:30:00+01:00", "--channel", "sms"}
	}
	var stdout, stderr bytes.Buffer
	if code := run(args(filepath.Join(dir, "ref")), nil, &stdout, &stderr); code != 0 {
		t.Fatalf("render: exit %d\n%s", code, stderr.String())
	}
	want := readTree(t, filepath.Join(dir, "ref", "2026-11-23T0930"))

	inc := filepath.Join(dir, "inc")
	const pairs = 100
	// Pairs start together, a few pairs at a time: all 200 at once would
	// only starve each other of the CPU (the template time limit).
	var wg sync.WaitGroup
	sem := make(chan struct{}, 4)
	codes := make([]int, 2*pairs)
	errs := make([]string, 2*pairs)
	for p := range pairs {
		sem <- struct{}{}
		start := make(chan struct{})
		var pair sync.WaitGroup
		for i := 2 * p; i < 2*p+2; i++ {
			pair.Add(1)
			wg.Go(func() {
				defer pair.Done()
				var out, errw bytes.Buffer
				<-start
				codes[i] = run(args(inc), nil, &out, &errw)
				errs[i] = errw.String()
			})
		}
		close(start)
		go func() { pair.Wait(); <-sem }()
	}
	wg.Wait()
	for i, c := range codes {
		if c != 0 {
			t.Fatalf("render %d: exit %d\n%s", i, c, errs[i])
		}
	}
	entries, err := os.ReadDir(inc)
	if err != nil {
		t.Fatal(err)
	}
	if len(entries) != 2*pairs {
		t.Fatalf("%d entries in the incident, want %d updates", len(entries), 2*pairs)
	}
	for _, e := range entries {
		if got := readTree(t, filepath.Join(inc, e.Name())); !maps.Equal(got, want) {
			t.Errorf("%s: not the rendered update (%d files)", e.Name(), len(got))
		}
	}
	if _, err := os.Stat(filepath.Join(inc, fmt.Sprintf("2026-11-23T0930-%d", 2*pairs))); err != nil {
		t.Errorf("the last update: %v", err)
	}
}

const killFacts = `incident: payment-outage
playbook: builtin:en
scenario: payment-outage
stage: initial
org: ACME Bank
what: Card payments fail at checkout in all our branches since 8:40.
impact: Customers cannot pay by card; cash and bank transfer work.
actions: Our payment team is restoring the connection with the card processor.
help: Pay cash or by bank transfer; we waive fees for transfers today.
next_update: 2026-11-23T10:30:00+01:00
landing_page: https://status.acme.example
hotline: 0800 123 4567
channels: [sms, email, x, landing, letter]
`

// readTree returns the files of dir by name (no subdirectories).
func readTree(t *testing.T, dir string) map[string]string {
	t.Helper()
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	out := map[string]string{}
	for _, e := range entries {
		if e.IsDir() {
			continue
		}
		b, err := os.ReadFile(filepath.Join(dir, e.Name()))
		if err != nil {
			t.Fatal(err)
		}
		out[e.Name()] = string(b)
	}
	return out
}
