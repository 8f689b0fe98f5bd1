//go:build linux || darwin || freebsd || netbsd || openbsd || dragonfly

package main

import (
	"bytes"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/creack/pty"
)

// TestNoTerminalQueries runs commands that ask nothing on a pseudo-terminal
// that never answers. A command that queried the terminal (its background
// colour, ESC]11;?, or the cursor position, ESC[6n) would wait for the
// answer or write the query for the person to see: each must exit at once
// and, with colours off, write no escape sequence at all.
func TestNoTerminalQueries(t *testing.T) {
	bin, err := exec.LookPath("crisis") // the test binary, installed by TestMain
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	msg := "Seit 9 Uhr ist das Online-Banking gestört. Überweisungen nehmen wir in jeder Filiale an. Nächstes Update um 15 Uhr.\n"
	if err := os.WriteFile(filepath.Join(dir, "sms.txt"), []byte(msg), 0o644); err != nil {
		t.Fatal(err)
	}
	facts := "scenario: it-outage\nstage: initial\nlang: de\nchannels: [sms]\n"
	if err := os.WriteFile(filepath.Join(dir, "facts.yaml"), []byte(facts), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, tt := range []struct {
		name    string
		args    []string
		noColor bool
	}{
		{"version", []string{"version"}, true},
		{"lint", []string{"lint", "sms.txt"}, true},
		{"lint in colour", []string{"lint", "sms.txt"}, false},
		{"help", []string{"--help"}, true},
		{"draft from an answers file", []string{"draft", "--answers", "facts.yaml", "--no-input", "--out", "inc"}, true},
	} {
		t.Run(tt.name, func(t *testing.T) {
			cmd := exec.Command(bin, tt.args...)
			cmd.Dir = dir
			cmd.Env = append(os.Environ(), "TERM=xterm-256color", "COLORTERM=truecolor", "CRISIS_ACCESSIBLE=")
			if tt.noColor {
				cmd.Env = append(cmd.Env, "NO_COLOR=1")
			} else {
				cmd.Env = append(cmd.Env, "NO_COLOR=")
			}
			start := time.Now()
			tty, err := pty.StartWithSize(cmd, &pty.Winsize{Rows: 24, Cols: 80})
			if err != nil {
				t.Fatal(err)
			}
			defer tty.Close()
			var out bytes.Buffer
			copied := make(chan struct{})
			go func() {
				_, _ = io.Copy(&out, tty) // ends with EIO once the command has exited
				close(copied)
			}()
			exited := make(chan error, 1)
			go func() { exited <- cmd.Wait() }()
			select {
			case err := <-exited:
				if _, ok := err.(*exec.ExitError); err != nil && !ok {
					t.Fatal(err)
				}
			case <-time.After(10 * time.Second):
				_ = cmd.Process.Kill()
				<-exited
				t.Fatalf("crisis %s still runs after 10 s on a terminal that does not answer", strings.Join(tt.args, " "))
			}
			// A query waits about 5 s for its answer; a command that asks
			// nothing is done in a fraction of that, even on a busy machine.
			if d := time.Since(start); d > 3*time.Second {
				t.Errorf("crisis %s took %v on a terminal that does not answer", strings.Join(tt.args, " "), d.Round(time.Millisecond))
			}
			select {
			case <-copied:
			case <-time.After(5 * time.Second):
				t.Fatal("the terminal output did not end")
			}
			got := out.Bytes()
			for _, query := range []string{"\x1b]11;?", "\x1b[6n", "\x1b[c", "\x1b[>c"} {
				if bytes.Contains(got, []byte(query)) {
					t.Errorf("crisis %s queries the terminal with %q:\n%q", strings.Join(tt.args, " "), query, got)
				}
			}
			if tt.noColor && bytes.ContainsRune(got, '\x1b') {
				t.Errorf("crisis %s writes an escape sequence with NO_COLOR=1:\n%q", strings.Join(tt.args, " "), got)
			}
			if len(got) == 0 {
				t.Errorf("crisis %s wrote nothing to the terminal", strings.Join(tt.args, " "))
			}
		})
	}
}
