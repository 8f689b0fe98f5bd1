package main

import (
	"bytes"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"go.yaml.in/yaml/v3"

	"github.com/crisis-comms/crisis/internal/draft"
	"github.com/crisis-comms/crisis/playbook"
)

func TestDraftExitCodes(t *testing.T) {
	t.Setenv("CRISIS_NOW", "2026-11-23T09:30:00+01:00")
	t.Setenv("TERM", "xterm")
	t.Setenv("CRISIS_ACCESSIBLE", "")
	dir := t.TempDir()
	answers := filepath.Join(dir, "facts.yaml")
	if err := os.WriteFile(answers, []byte("scenario: it-outage\nstage: initial\nlang: de\nchannels: [sms]\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name string
		args []string
		code int
		want string
	}{
		{"no terminal", []string{"draft", "--out", dir}, exitError, "use --answers FILE"},
		{"missing facts", []string{"draft", "--answers", answers, "--no-input", "--out", dir}, exitError, "missing required facts"},
		{"no-input without answers", []string{"draft", "--no-input"}, exitError, "--no-input needs"},
		{"resume with answers", []string{"draft", "--answers", answers, "--resume"}, exitError, "--resume continues"},
		{"bad flag", []string{"draft", "--nope"}, exitError, "unknown flag"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var out, errb bytes.Buffer
			code := run(tt.args, strings.NewReader(""), &out, &errb)
			if code != tt.code || !strings.Contains(errb.String(), tt.want) {
				t.Errorf("exit %d, stderr %q; want exit %d and %q", code, errb.String(), tt.code, tt.want)
			}
			if out.Len() > 0 {
				t.Errorf("stdout %q, want nothing", out.String())
			}
		})
	}
}

// tmux drives a real terminal on a private server.
type tmux struct {
	t       *testing.T
	socket  string
	session string // the session keys go to
	n       int
}

func (m *tmux) run(args ...string) string {
	m.t.Helper()
	out, err := exec.Command("tmux", append([]string{"-L", m.socket, "-f", "/dev/null"}, args...)...).CombinedOutput()
	if err != nil {
		m.t.Fatalf("tmux %s: %v\n%s", strings.Join(args, " "), err, out)
	}
	return string(out)
}

func (m *tmux) screen() string { return m.run("capture-pane", "-p", "-t", m.session) }

// waitFor polls the screen until it shows text, so that keys are only sent
// to a prompt that is there.
func (m *tmux) waitFor(text string) {
	m.t.Helper()
	deadline := time.Now().Add(20 * time.Second)
	for {
		s := m.screen()
		if strings.Contains(s, text) {
			return
		}
		if time.Now().After(deadline) {
			m.t.Fatalf("timed out waiting for %q; the screen shows:\n%s", text, s)
		}
		time.Sleep(50 * time.Millisecond)
	}
}

// waitForPrompt waits until a form asks the question title: huh draws the
// focused title as its own line behind a border, which tells it apart from
// the same words in help texts and earlier output.
func (m *tmux) waitForPrompt(title string) {
	m.t.Helper()
	deadline := time.Now().Add(20 * time.Second)
	for {
		s := m.screen()
		for _, line := range strings.Split(s, "\n") {
			if strings.TrimRight(line, " ") == "┃ "+title {
				return
			}
		}
		if time.Now().After(deadline) {
			m.t.Fatalf("timed out waiting for the prompt %q; the screen shows:\n%s", title, s)
		}
		time.Sleep(50 * time.Millisecond)
	}
}

func (m *tmux) typeLine(text string) {
	m.t.Helper()
	if text != "" {
		m.run("send-keys", "-t", m.session, "-l", text)
	}
	m.run("send-keys", "-t", m.session, "Enter")
}

// TestTerminalDraft drafts an IT-outage update in the full terminal forms
// of the built-in German playbook, edits the SMS (watching the findings
// follow the typing), accepts every message and checks the files; then it
// aborts a second draft with Ctrl-C and resumes it.
func TestTerminalDraft(t *testing.T) {
	if _, err := exec.LookPath("tmux"); err != nil {
		if os.Getenv("CI") == "true" {
			t.Fatal("tmux is required in CI for the terminal test: install tmux")
		}
		t.Skip("tmux is not installed; skipping the terminal test")
	}
	pb, err := playbook.Load("builtin:de")
	if err != nil {
		t.Fatal(err)
	}
	sc := pb.Scenario("it-outage")
	if sc == nil {
		t.Fatal("builtin:de has no it-outage scenario")
	}

	tmp := t.TempDir()
	bin := filepath.Join(tmp, "crisis")
	if out, err := exec.Command("go", "build", "-o", bin, ".").CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	m := &tmux{t: t, socket: "crisis-draft-test-" + strconv.Itoa(os.Getpid())}
	t.Cleanup(func() { _ = exec.Command("tmux", "-L", m.socket, "kill-server").Run() })

	// Each run gets its own session, and the shell stays after crisis ends,
	// so that its exit status can be read; the server lives until cleanup.
	start := func(args string) {
		m.n++
		m.session = "draft" + strconv.Itoa(m.n)
		cmd := fmt.Sprintf("cd %s && env -u NO_COLOR -u CRISIS_ACCESSIBLE TERM=xterm-256color CRISIS_NOW=2026-11-23T09:30:00+01:00 HOME=%s %s draft %s; echo crisis-exit=$?; exec sleep 3600",
			tmp, tmp, bin, args)
		m.run("new-session", "-d", "-s", m.session, "-x", "120", "-y", "40", "sh", "-c", cmd)
	}
	answers := map[string]string{
		"org":          "Nordbank",
		"headline":     "Online-Banking gestört",
		"what":         "Seit 8:40 Uhr ist das Online-Banking nicht erreichbar.",
		"impact":       "Überweisungen im Online-Banking sind nicht möglich.",
		"actions":      "Unser IT-Team stellt die Server wieder her.",
		"help":         "Überweisungen nehmen wir in jeder Filiale an.",
		"next_update":  "15:00",
		"landing_page": "nordbank.example/stoerung",
		"hotline":      "0800 000 00 00",
		"email":        "hilfe@nordbank.example",
	}
	answerFacts := func(from int) {
		for _, id := range sc.Facts[from:] {
			fd := pb.Fact(id)
			m.waitForPrompt(fd.Title)
			m.typeLine(answers[id])
		}
	}
	review := func(ch string) string {
		return fmt.Sprintf("Wie weiter mit der Nachricht für %s?", pb.Channel(ch).Title)
	}

	start("--scenario it-outage --channel sms --channel email --channel x --channel landing --out inc")
	m.waitForPrompt("Sprache / Language")
	m.typeLine("") // Deutsch
	m.waitForPrompt("Welche Nachricht ist das?")
	m.waitFor("↑ hoch • ↓ runter • Enter fertig") // the key help in German too
	m.typeLine("")                                // Erste Nachricht
	answerFacts(0)
	m.waitForPrompt("Kennung des Vorfalls")
	m.typeLine("") // inc, after the folder

	m.waitForPrompt(review("sms"))
	m.run("send-keys", "-t", m.session, "Down")
	m.typeLine("") // Text bearbeiten
	m.waitForPrompt("Nachricht für SMS bearbeiten")
	m.run("send-keys", "-t", m.session, "-l", " Jetzt Krisenrabatt sichern")
	m.waitFor("helpful.sales-pitch") // re-linted while typing
	m.typeLine("")
	m.waitFor("von Ihnen bearbeitet")
	m.waitForPrompt(review("sms"))
	m.typeLine("") // Übernehmen
	for _, ch := range []string{"email", "x", "landing"} {
		m.waitForPrompt(review(ch))
		m.typeLine("")
	}
	m.waitFor("crisis-exit=0")

	dir := filepath.Join(tmp, "inc", "2026-11-23T0930")
	for name, want := range map[string]string{
		"facts.yaml": "next_update: \"2026-11-23T15:00:00+01:00\"",
		"sms.txt":    "Jetzt Krisenrabatt sichern",
		"email.md":   "channel: email",
		"x.txt":      "channel: x",
		"landing.md": "https://nordbank.example/stoerung",
	} {
		data, err := os.ReadFile(filepath.Join(dir, name))
		if err != nil {
			t.Error(err)
			continue
		}
		if !strings.HasPrefix(string(data), "---\n") && name != "facts.yaml" {
			t.Errorf("%s has no front matter:\n%s", name, data)
		}
		if !strings.Contains(string(data), want) {
			t.Errorf("%s lacks %q:\n%s", name, want, data)
		}
	}
	if _, err := os.Stat(filepath.Join(tmp, "inc", draft.StateFile)); err == nil {
		t.Error("the recovery file is left after the update was written")
	}

	// Ctrl-C keeps the answers (exit 130); --resume continues at the fact
	// where the person stopped.
	start("--playbook builtin:de --scenario it-outage --channel sms --out inc2")
	m.waitForPrompt("Welche Nachricht ist das?")
	m.typeLine("")
	m.waitForPrompt(pb.Fact(sc.Facts[0]).Title)
	m.typeLine(answers[sc.Facts[0]])
	m.waitForPrompt(pb.Fact(sc.Facts[1]).Title)
	m.run("send-keys", "-t", m.session, "C-c")
	m.waitFor("crisis-exit=130")
	m.waitFor("Weiter geht es mit: crisis draft --resume --out inc2")
	st, err := draft.LoadState(filepath.Join(tmp, "inc2", draft.StateFile))
	if err != nil {
		t.Fatalf("recovery file after Ctrl-C: %v", err)
	}
	if st.Facts[sc.Facts[0]] != answers[sc.Facts[0]] || st.FactIndex != 1 {
		t.Errorf("saved state %+v", st)
	}

	start("--resume --out inc2")
	answerFacts(1)
	m.waitForPrompt("Kennung des Vorfalls")
	m.typeLine("")
	m.waitForPrompt(review("sms"))
	m.typeLine("")
	m.waitFor("crisis-exit=0")
	sms, err := os.ReadFile(filepath.Join(tmp, "inc2", "2026-11-23T0930", "sms.txt"))
	if err != nil || !strings.Contains(string(sms), answers["org"]) {
		t.Errorf("resumed draft: %v\n%s", err, sms)
	}
}

// accessiblePlaybook has a scenario with a text fact (what), a time
// (next_update), a web address and two channels, so that every kind of
// question comes up.
const accessiblePlaybook = `playbook: 1
id: test
title: Test
lang: de
principles:
  - id: helpful
    title: Helfen statt werben
facts:
  - id: what
    title: Was ist passiert?
    required: true
  - id: next_update
    title: Wann kommt das nächste Update?
    kind: time
    required: true
  - id: landing_page
    title: Infoseite
    kind: url
    required: true
channels:
  - id: sms
    title: SMS
  - id: email
    title: E-Mail
scenarios:
  - id: it-outage
    title: IT-Ausfall
    facts: [what, next_update, landing_page]
    channels: [sms, email]
  - id: closure
    title: Schließung
    facts: [what, next_update, landing_page]
    channels: [sms]
`

// TestDraftAccessibleBadInput answers accessible mode as a careless script
// or a hostile pipe would: every case ends in a clear error (exit 2, the
// answers so far in the recovery file) or in an update with exactly what
// was typed; never a panic, a loop or a guessed answer.
func TestDraftAccessibleBadInput(t *testing.T) {
	t.Setenv("CRISIS_NOW", "2026-11-23T09:30:00+01:00")
	long := strings.Repeat("Kartenzahlungen werden abgelehnt. ", 2000) // 68 000 bytes
	tests := []struct {
		name   string
		in     string
		code   int
		stderr []string
		kept   bool   // the answers are kept in the recovery file
		fact   string // the "what" written to facts.yaml; "" when nothing is written
	}{
		{name: "invalid answer, then end of input, at a select",
			in: "7\n", code: exitError,
			stderr: []string{"Nicht übernommen: bitte eine der Nummern oben eingeben (1 bis 2)", "crisis: die Eingabe endete schon bei der ersten Frage: Was ist passiert?"}},
		{name: "end of input at the stage",
			in: "1\n", code: exitError, kept: true,
			stderr: []string{"crisis: die Eingabe endete nach einer Antwort, bei der Frage: Welche Nachricht ist das?"}},
		{name: "channels emptied, then end of input",
			in: "1\n\nSeit 9 Uhr.\n15:00\nnordbank.example\n1 2\n0\n", code: exitError, kept: true,
			stderr: []string{"Nicht übernommen: bitte mindestens einen Kanal wählen", "crisis: die Eingabe endete nach 5 Antworten, bei der Frage: Welche Kanäle?"}},
		{name: "an answer over 64 KiB is taken whole",
			// far too long for an SMS: written only when confirmed
			in: "1\n\n" + long + "\n15:00\nnordbank.example\n\n\n1\n1\nja\n", code: 0, fact: strings.TrimSpace(long)},
		{name: "an answer over 1 MiB is refused, and its tail is no answer",
			in: "1\n\n" + strings.Repeat(long, 16) + "\nSeit 9 Uhr.\n15:00\nnordbank.example\n\n\n1\n1\n", code: 0, fact: "Seit 9 Uhr.",
			stderr: []string{"Nicht übernommen: die Antwort ist länger als 1 MiB; bitte kürzen"}},
		{name: "invalid UTF-8 and NUL are refused",
			in: "1\n\nStra\xdfe gesperrt\nStra\x00e gesperrt\nStraße gesperrt\n15:00\nnordbank.example\n\n\n1\n1\n", code: 0, fact: "Straße gesperrt",
			stderr: []string{"kein gültiger UTF-8-Text (bei Byte 5)", "Steuerzeichen U+0000 an Zeichen 5"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := t.TempDir()
			pb := filepath.Join(dir, "pb.yaml")
			if err := os.WriteFile(pb, []byte(accessiblePlaybook), 0o644); err != nil {
				t.Fatal(err)
			}
			inc := filepath.Join(dir, "inc")
			var out, errb bytes.Buffer
			code := run([]string{"draft", "--accessible", "--playbook", pb, "--out", inc}, strings.NewReader(tt.in), &out, &errb)
			if code != tt.code {
				t.Fatalf("exit %d, want %d; stderr:\n%.3000s", code, tt.code, errb.String())
			}
			for _, want := range tt.stderr {
				if !strings.Contains(errb.String(), want) {
					t.Errorf("stderr lacks %q:\n%.3000s", want, errb.String())
				}
			}
			// the previews show the fact in every message
			if n := errb.Len(); n > 16<<10+4*len(tt.fact) {
				t.Errorf("%d bytes on stderr: an answer is echoed whole, or a question loops", n)
			}
			_, stateErr := os.Stat(filepath.Join(inc, draft.StateFile))
			if tt.fact == "" {
				if out.Len() > 0 {
					t.Errorf("stdout %q, want nothing", out.String())
				}
				if tt.kept && stateErr != nil {
					t.Errorf("the answers are not kept: %v", stateErr)
				}
				return
			}
			if stateErr == nil {
				t.Error("the recovery file stays after the update was written")
			}
			facts, err := os.ReadFile(filepath.Join(inc, "2026-11-23T0930", "facts.yaml"))
			if err != nil {
				t.Fatal(err)
			}
			var f struct{ What string }
			if err := yaml.Unmarshal(facts, &f); err != nil {
				t.Fatal(err)
			}
			if f.What != tt.fact {
				t.Errorf("what = %.60q… (%d bytes), want %.60q… (%d bytes)", f.What, len(f.What), tt.fact, len(tt.fact))
			}
		})
	}
}

// resumePlaybook is a small playbook without a language, so that the draft
// asks every step: language, scenario, stage, facts, channels, incident.
const resumePlaybook = `playbook: 1
id: resume-test
title: Test
principles:
  - id: helpful
    title: Helfen statt werben
facts:
  - id: what
    title: Was genau ist los?
    required: true
  - id: help
    title: Was können die Menschen tun?
  - id: next_update
    title: Wann kommt das nächste Update?
    kind: time
    required: true
  - id: landing_page
    title: Infoseite
    kind: url
    required: true
channels:
  - id: sms
    title: SMS
  - id: email
    title: E-Mail
scenarios:
  - id: it-outage
    title: IT-Ausfall
    facts: [what, help, next_update, landing_page]
    channels: [sms, email]
`

// TestTerminalDraftResumesEveryStep presses Ctrl-C at every step of the
// German draft in the terminal forms — each question, inside the editor —
// then resumes with --resume and finishes, editing the SMS after the
// resume: nothing typed before the abort is lost, and nothing crashes.
func TestTerminalDraftResumesEveryStep(t *testing.T) {
	if _, err := exec.LookPath("tmux"); err != nil {
		if os.Getenv("CI") == "true" {
			t.Fatal("tmux is required in CI for the terminal test: install tmux")
		}
		t.Skip("tmux is not installed; skipping the terminal test")
	}
	if testing.Short() {
		t.Skip("drives the terminal forms for about a minute")
	}
	tmp := t.TempDir()
	bin := filepath.Join(tmp, "crisis")
	if out, err := exec.Command("go", "build", "-o", bin, ".").CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	if err := os.WriteFile(filepath.Join(tmp, "pb.yaml"), []byte(resumePlaybook), 0o644); err != nil {
		t.Fatal(err)
	}
	m := &tmux{t: t, socket: "crisis-resume-test-" + strconv.Itoa(os.Getpid())}
	t.Cleanup(func() { _ = exec.Command("tmux", "-L", m.socket, "kill-server").Run() })
	start := func(args string) {
		m.n++
		m.session = "resume" + strconv.Itoa(m.n)
		cmd := fmt.Sprintf("cd %s && env -u NO_COLOR -u CRISIS_ACCESSIBLE TERM=xterm-256color CRISIS_NOW=2026-11-23T09:30:00+01:00 HOME=%s %s draft %s; echo crisis-exit=$?; exec sleep 3600",
			tmp, tmp, bin, args)
		m.run("new-session", "-d", "-s", m.session, "-x", "120", "-y", "40", "sh", "-c", cmd)
	}
	keys := func(k ...string) { m.run(append([]string{"send-keys", "-t", m.session}, k...)...) }

	// The whole draft, one prompt after the other, and what the writer
	// does there.
	type prompt struct {
		title string
		do    func()
	}
	enter := func() { m.typeLine("") }
	flow := []prompt{
		{"Sprache / Language", enter},
		{"Was ist passiert?", enter},
		{"Welche Nachricht ist das?", enter},
		{"Was genau ist los?", func() { m.typeLine("Seit 9 Uhr werden Kartenzahlungen abgelehnt.") }},
		{"Was können die Menschen tun?", func() { m.typeLine("Halten Sie Bargeld bereit.") }},
		{"Wann kommt das nächste Update?", func() { m.typeLine("15:00") }},
		{"Infoseite", func() { m.typeLine("nordbank.example/stoerung") }},
		{"Welche Kanäle?", enter},
		{"Kennung des Vorfalls", enter},
		{"Wie weiter mit der Nachricht für SMS?", func() { keys("Down"); enter() }},
		{"Nachricht für SMS bearbeiten", func() { keys("-l", " Nach dem Fortsetzen ergänzt."); enter(); m.waitFor("von Ihnen bearbeitet") }},
		{"Wie weiter mit der Nachricht für SMS?", enter},
		{"Wie weiter mit der Nachricht für E-Mail?", enter},
	}
	review := 9 // the first review of the SMS
	for stop := range flow[:review+2] {
		t.Run(fmt.Sprintf("%02d %s", stop, flow[stop].title), func(t *testing.T) {
			m.t = t
			out := fmt.Sprintf("inc%02d", stop)
			start("--playbook pb.yaml --out " + out)
			for _, p := range flow[:stop] {
				m.waitForPrompt(p.title)
				p.do()
			}
			m.waitForPrompt(flow[stop].title)
			keys("C-c")
			m.waitFor("crisis-exit=130")
			m.waitFor("crisis draft --resume --out " + out)

			start("--resume --out " + out)
			from := stop
			if stop > review {
				from = review // the edit was not saved: the review asks again
			}
			for _, p := range flow[from:] {
				m.waitForPrompt(p.title)
				p.do()
			}
			m.waitFor("crisis-exit=0")
			sms, err := os.ReadFile(filepath.Join(tmp, out, "2026-11-23T0930", "sms.txt"))
			if err != nil {
				t.Fatal(err)
			}
			for _, want := range []string{"Seit 9 Uhr werden Kartenzahlungen abgelehnt.", "Nach dem Fortsetzen ergänzt.", "incident: " + out} {
				if !strings.Contains(string(sms), want) {
					t.Errorf("sms.txt lacks %q:\n%s", want, sms)
				}
			}
		})
	}
}
