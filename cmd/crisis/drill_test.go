package main

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/crisis-comms/crisis/internal/kit"
)

// TestTerminalDrill runs a whole drill in the terminal forms: a starter
// kit, then crisis drill it-outage, where the team takes the holding
// statement as it stands at every question, gives a new time for each
// next update and accepts every message. The three updates and the drill
// record must be written, and crisis ready must count the drill.
func TestTerminalDrill(t *testing.T) {
	if _, err := exec.LookPath("tmux"); err != nil {
		if os.Getenv("CI") == "true" {
			t.Fatal("tmux is required in CI for the terminal test: install tmux")
		}
		t.Skip("tmux is not installed; skipping the terminal test")
	}
	tmp := t.TempDir()
	bin := filepath.Join(tmp, "crisis")
	if out, err := exec.Command("go", "build", "-o", bin, ".").CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	now := "2026-11-23T09:30:00+01:00"
	start, _ := time.Parse(time.RFC3339, now)
	if _, err := kit.WriteStarter(filepath.Join(tmp, "kit"), "de", start); err != nil {
		t.Fatal(err)
	}
	m := &tmux{t: t, socket: "crisis-drill-test-" + strconv.Itoa(os.Getpid()), session: "drill"}
	t.Cleanup(func() { _ = exec.Command("tmux", "-L", m.socket, "kill-server").Run() })
	cmd := fmt.Sprintf("cd %s && env -u NO_COLOR -u CRISIS_ACCESSIBLE TERM=xterm-256color CRISIS_NOW=%s HOME=%s %s drill it-outage --kit kit; echo crisis-exit=$?; exec sleep 3600",
		tmp, now, tmp, bin)
	m.run("new-session", "-d", "-s", m.session, "-x", "120", "-y", "40", "sh", "-c", cmd)

	// Answer whatever the form asks once the screen has settled: Enter
	// takes the prefilled answer or the first choice; the next update,
	// which is never carried over from an earlier update, gets a time.
	deadline := time.Now().Add(3 * time.Minute)
	last, stable := "", 0
	times := []string{"11:00", "12:00", "13:00", "14:00"}
	injects := 0
	for {
		s := m.screen()
		if strings.Contains(s, "crisis-exit=") {
			break
		}
		if time.Now().After(deadline) {
			t.Fatalf("the drill did not finish; the screen shows:\n%s", s)
		}
		if s != last {
			last, stable = s, 0
			time.Sleep(100 * time.Millisecond)
			continue
		}
		if stable++; stable < 3 {
			time.Sleep(100 * time.Millisecond)
			continue
		}
		stable = 0
		if prompt := focused(s); prompt == "Nächstes Update" && len(times) > 0 {
			m.run("send-keys", "-t", m.session, "C-u")
			m.typeLine(times[0])
			times = times[1:]
			injects++
		} else {
			m.run("send-keys", "-t", m.session, "Enter")
		}
		time.Sleep(150 * time.Millisecond)
	}
	m.waitFor("crisis-exit=0")
	if injects < 3 {
		t.Errorf("the next update was asked %d times, want once per step", injects)
	}
	recs, err := kit.Drills(filepath.Join(tmp, "kit"))
	if err != nil || len(recs) != 1 {
		t.Fatalf("drill records: %v, %v", recs, err)
	}
	rec := recs[0]
	if rec.Mode != "interactive" || len(rec.Steps) != 4 {
		t.Errorf("record %+v", rec)
	}
	for _, st := range rec.Steps {
		if st.ID == "landing-page" {
			continue
		}
		if _, err := os.Stat(filepath.Join(tmp, "kit", st.Update, "landing.md")); err != nil {
			t.Errorf("step %s: %v", st.ID, err)
		}
	}
	out, err := exec.Command(bin, "ready", filepath.Join(tmp, "kit"), "--now", "2026-11-24T09:00:00+01:00").CombinedOutput()
	if !strings.Contains(string(out), "Letzte Übung am 2026-11-23") {
		t.Errorf("crisis ready after the drill (%v):\n%s", err, out)
	}
}

// focused returns the title of the form's focused question: huh draws it
// as its own line behind a thick border.
func focused(screen string) string {
	for _, line := range strings.Split(screen, "\n") {
		if title, ok := strings.CutPrefix(strings.TrimRight(line, " "), "┃ "); ok && !strings.HasPrefix(title, " ") {
			return title
		}
	}
	return ""
}
