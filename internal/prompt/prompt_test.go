package prompt

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/crisis-comms/crisis/internal/draft"
	"github.com/crisis-comms/crisis/internal/incident"
)

var (
	_ draft.Prompter = (*Forms)(nil)
	_ draft.Prompter = (*Answers)(nil)
)

var now = time.Date(2026, 11, 23, 9, 30, 0, 0, time.FixedZone("CET", 3600))

var opts = []draft.Option{{Value: "de", Label: "Deutsch"}, {Value: "en", Label: "English"}, {Value: "fr", Label: "Français"}}

func notEmpty(s string) error {
	if strings.TrimSpace(s) == "" {
		return errors.New("required")
	}
	return nil
}

// TestAccessibleTakesEveryPipedLine runs real huh fields in accessible mode
// against a pipe: every line must reach its own prompt.
func TestAccessibleTakesEveryPipedLine(t *testing.T) {
	in := strings.NewReader(strings.Join([]string{
		"2",           // select: English
		"",            // select: empty keeps the default
		"",            // input: empty is rejected (required, no default) …
		"Seit 9 Uhr",  // … and asked again
		"",            // input: keeps the default
		"3", "1", "0", // multi-select: toggle fr, untoggle de, done
		`Zeile 1\nZeile 2`, // text: \n is a line break
		"y",                // confirm
	}, "\n")) // no newline after the last line
	var out bytes.Buffer
	f := NewAccessible(in, &out)

	if v, err := f.Select(draft.Prompt{Key: "a", Title: "Sprache?"}, opts, "de"); err != nil || v != "en" {
		t.Fatalf("select = %q, %v", v, err)
	}
	if v, err := f.Select(draft.Prompt{Key: "b", Title: "Noch mal?"}, opts, "fr"); err != nil || v != "fr" {
		t.Fatalf("select default = %q, %v", v, err)
	}
	if v, err := f.Input(draft.Prompt{Key: "c", Title: "Was ist passiert?", Help: "Nur Fakten."}, "", notEmpty); err != nil || v != "Seit 9 Uhr" {
		t.Fatalf("input = %q, %v", v, err)
	}
	if v, err := f.Input(draft.Prompt{Key: "d", Title: "Hotline?"}, "0800 1", notEmpty); err != nil || v != "0800 1" {
		t.Fatalf("input default = %q, %v", v, err)
	}
	if v, err := f.MultiSelect(draft.Prompt{Key: "e", Title: "Kanäle?"}, opts, []string{"de"}, nil); err != nil || strings.Join(v, ",") != "fr" {
		t.Fatalf("multi-select = %v, %v", v, err)
	}
	if v, err := f.Text(draft.Prompt{Key: "f", Title: "Text?"}, "alt", notEmpty); err != nil || v != "Zeile 1\nZeile 2" {
		t.Fatalf("text = %q, %v", v, err)
	}
	if v, err := f.Confirm(draft.Prompt{Key: "g", Title: "Fertig?"}, false); err != nil || !v {
		t.Fatalf("confirm = %v, %v", v, err)
	}
	for _, want := range []string{"Sprache?", "Nur Fakten.", "(Enter: 0800 1)", "required"} {
		if !strings.Contains(out.String(), want) {
			t.Errorf("output lacks %q:\n%s", want, out.String())
		}
	}
}

func TestAccessibleInputEndedEarly(t *testing.T) {
	f := NewAccessible(strings.NewReader("1\nSeit 9 Uhr\n"), &bytes.Buffer{})
	if _, err := f.Select(draft.Prompt{Key: "a", Title: "Sprache?"}, opts, "de"); err != nil {
		t.Fatal(err)
	}
	if _, err := f.Input(draft.Prompt{Key: "b", Title: "Was ist passiert?"}, "", notEmpty); err != nil {
		t.Fatal(err)
	}
	// A default is there, but a missing answer must not become it silently.
	_, err := f.Input(draft.Prompt{Key: "c", Title: "Wann kommt das nächste Update?"}, "15:00", notEmpty)
	var ended *InputEndedError
	if !errors.As(err, &ended) {
		t.Fatalf("err = %v, want *InputEndedError", err)
	}
	if got, want := err.Error(), "input ended after 2 answers, at: Wann kommt das nächste Update?"; got != want {
		t.Errorf("error %q, want %q", got, want)
	}
}

// TestAccessibleDraft runs the whole drafting flow on piped answers.
func TestAccessibleDraft(t *testing.T) {
	out := filepath.Join(t.TempDir(), "inc")
	answers := strings.Join([]string{
		"1", // scenario: it-outage
		"",  // stage: initial (default)
		"Kartenzahlungen werden abgelehnt.",
		"",                 // help: optional
		"bald",             // next_update: rejected …
		"15:00",            // … and asked again
		"nordbank.example", // landing page
		"0",                // channels: keep sms and email
		"2",                // sms: edit
		`Krisenrabatt!\nInfos: https://nordbank.example`,
		"1", // sms: accept
		"1", // email: accept
	}, "\n") + "\n"
	var log bytes.Buffer
	res, err := draft.Run(NewAccessible(strings.NewReader(answers), &log), draft.Options{
		Playbook: "testdata/playbook.yaml", Incident: "test", Out: out,
		StatePath: filepath.Join(out, draft.StateFile), Now: now,
	})
	if err != nil {
		t.Fatalf("%v\n%s", err, log.String())
	}
	sms, err := os.ReadFile(filepath.Join(res.Dir, "sms.txt"))
	if err != nil {
		t.Fatal(err)
	}
	if !strings.HasSuffix(string(sms), "Krisenrabatt!\nInfos: https://nordbank.example\n") {
		t.Errorf("sms.txt:\n%s", sms)
	}
	if !strings.Contains(log.String(), "helpful.sales-pitch") {
		t.Errorf("the edited SMS was not re-linted:\n%s", log.String())
	}
}

func TestAnswers(t *testing.T) {
	f := &incident.Facts{Scenario: "it-outage", Stage: "update", What: "Seit 9 Uhr.", Channels: []string{"email"}}
	var out bytes.Buffer
	out2 := filepath.Join(t.TempDir(), "inc")
	res, err := draft.Run(NewAnswers(f, &out), draft.Options{
		Playbook: "testdata/playbook.yaml", Incident: "test", Out: out2, Now: now,
	})
	var fe *draft.FactsError
	if !errors.As(err, &fe) || strings.Join(fe.Missing, ",") != "next_update" {
		t.Fatalf("res %v, err %v; want next_update missing", res, err)
	}

	f.NextUpdate, f.LandingPage = "16:00", "nordbank.example"
	res, err = draft.Run(NewAnswers(f, &out), draft.Options{
		Playbook: "testdata/playbook.yaml", Incident: "test", Out: out2, Now: now,
	})
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Files) != 2 || !strings.Contains(out.String(), "== E-Mail · email.md") {
		t.Errorf("files %v, previews:\n%s", res.Files, out.String())
	}
	written, err := incident.LoadFacts(res.Files[0])
	if err != nil {
		t.Fatal(err)
	}
	if written.NextUpdate != "2026-11-23T16:00:00+01:00" || written.Stage != "update" {
		t.Errorf("facts written: %+v", written)
	}

	_, err = draft.Run(NewAnswers(&incident.Facts{Scenario: "nope"}, &out), draft.Options{Playbook: "testdata/playbook.yaml", Out: out2, Now: now})
	if err == nil || !strings.Contains(err.Error(), "scenario") {
		t.Errorf("unknown scenario: %v", err)
	}
}
