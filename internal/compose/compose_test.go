package compose

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/crisis-comms/crisis/internal/atomicfile"
	"github.com/crisis-comms/crisis/internal/incident"
	"github.com/crisis-comms/crisis/internal/lint"
	"github.com/crisis-comms/crisis/playbook"
)

var now = time.Date(2026, 11, 23, 9, 30, 0, 0, time.FixedZone("CET", 3600))

func testFacts() *incident.Facts {
	return &incident.Facts{
		Incident: "zahlungsausfall", Scenario: "it-outage", Stage: incident.StageInitial, Lang: "de",
		Org:         "Nordbank",
		Headline:    "Kartenzahlung gestört",
		What:        "Seit 8:40 Uhr werden Kartenzahlungen abgelehnt.",
		Impact:      "Kartenzahlung ist meist nicht möglich.",
		Actions:     "Unser IT-Team sucht die Ursache.",
		Help:        "Halten Sie Bargeld bereit.",
		NextUpdate:  "2026-11-23T11:00:00+01:00",
		LandingPage: "https://nordbank.example/stoerung",
		Hotline:     "0800 000 00 00",
	}
}

func renderDE(t *testing.T, channels ...string) (*playbook.Playbook, []Message) {
	t.Helper()
	pb, err := playbook.Load("builtin:de")
	if err != nil {
		t.Fatal(err)
	}
	msgs, err := Render(pb, testFacts(), channels, now)
	if err != nil {
		t.Fatal(err)
	}
	return pb, msgs
}

func TestRenderFrontMatterAndSubject(t *testing.T) {
	_, msgs := renderDE(t, "sms", "email")
	if len(msgs) != 2 {
		t.Fatalf("got %d messages", len(msgs))
	}
	sms, email := msgs[0], msgs[1]
	if sms.FileName != "sms.txt" || email.FileName != "email.md" {
		t.Errorf("file names %q, %q", sms.FileName, email.FileName)
	}
	for _, want := range []string{"---\nchannel: sms\n", "lang: de\n", "stage: initial\n", "incident: zahlungsausfall\n", "next_update: \"2026-11-23T11:00:00+01:00\"\n"} {
		if !strings.Contains(sms.Text, want) {
			t.Errorf("sms front matter lacks %q:\n%s", want, sms.Text)
		}
	}
	if email.Subject == "" || strings.HasPrefix(email.Body, "Betreff:") {
		t.Errorf("subject not split off: subject %q body %q", email.Subject, email.Body)
	}
	if !strings.Contains(email.Text, "subject: ") {
		t.Errorf("email front matter lacks the subject:\n%s", email.Text)
	}
	again := NewMessage(testFacts(), "de", "email", email.Rendered())
	if again.Text != email.Text {
		t.Errorf("Rendered does not round-trip:\n%s\n---\n%s", again.Text, email.Text)
	}
}

func TestLintFindsEditedTone(t *testing.T) {
	pb, msgs := renderDE(t, "sms")
	eng, err := lint.New(pb)
	if err != nil {
		t.Fatal(err)
	}
	before := Lint(eng, msgs, "initial")["sms"]
	msgs[0] = NewMessage(testFacts(), "de", "sms", "Wir sind völlig überfordert. Jetzt 20 % Krisenrabatt!")
	after := Lint(eng, msgs, "initial")["sms"]
	if len(after) <= len(before) {
		t.Errorf("edited text: %d findings, rendered: %d; want more after the edit", len(after), len(before))
	}
}

func TestWriteUpdateCreatesNewDir(t *testing.T) {
	_, msgs := renderDE(t, "sms", "email", "x")
	inc := t.TempDir()
	dir, err := WriteUpdate(inc, testFacts(), msgs, now, false)
	if err != nil {
		t.Fatal(err)
	}
	if filepath.Base(dir) != "2026-11-23T0930" {
		t.Errorf("update dir %s", dir)
	}
	for _, name := range []string{"facts.yaml", "sms.txt", "email.md", "x.txt"} {
		if _, err := os.Stat(filepath.Join(dir, name)); err != nil {
			t.Error(err)
		}
	}
	f, err := incident.LoadFacts(filepath.Join(dir, "facts.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	if f.Time != "2026-11-23T09:30:00+01:00" || f.Hotline != "0800 000 00 00" {
		t.Errorf("facts read back: time %q hotline %q", f.Time, f.Hotline)
	}
	// A second update at the same minute gets its own directory.
	dir2, err := WriteUpdate(inc, testFacts(), msgs, now, false)
	if err != nil {
		t.Fatal(err)
	}
	if filepath.Base(dir2) != "2026-11-23T0930-2" {
		t.Errorf("second update dir %s", dir2)
	}
}

func TestWriteUpdateNeverHalfOverwrites(t *testing.T) {
	_, msgs := renderDE(t, "sms", "email")
	dir := filepath.Join(t.TempDir(), "2026-11-23T0930")
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	kept := []byte("written by hand\n")
	if err := os.WriteFile(filepath.Join(dir, "email.md"), kept, 0o644); err != nil {
		t.Fatal(err)
	}
	_, err := WriteUpdate(dir, testFacts(), msgs, now, false)
	if !errors.Is(err, atomicfile.ErrExists) {
		t.Fatalf("err = %v, want ErrExists", err)
	}
	if got, _ := os.ReadFile(filepath.Join(dir, "email.md")); string(got) != string(kept) {
		t.Errorf("email.md was changed: %q", got)
	}
	for _, name := range []string{"facts.yaml", "sms.txt"} {
		if _, err := os.Stat(filepath.Join(dir, name)); err == nil {
			t.Errorf("%s was written although the update was refused", name)
		}
	}
	if _, err := WriteUpdate(dir, testFacts(), msgs, now, true); err != nil {
		t.Fatalf("with force: %v", err)
	}
	if got, _ := os.ReadFile(filepath.Join(dir, "email.md")); string(got) != msgs[1].Text {
		t.Errorf("force did not replace email.md")
	}
}

func TestIsUpdateDir(t *testing.T) {
	// An incident directory made by `crisis new` holds facts.yaml at its top.
	newDir := t.TempDir()
	if err := os.WriteFile(filepath.Join(newDir, "facts.yaml"), []byte("incident: x\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	for dir, want := range map[string]bool{
		newDir:                  false,
		"inc/2026-11-23T0930":   true,
		"inc/2026-11-23T0930-3": true,
		"inc":                   false,
		"inc/notes-2":           false,
	} {
		if got := IsUpdateDir(dir); got != want {
			t.Errorf("IsUpdateDir(%q) = %v", dir, got)
		}
	}
}
