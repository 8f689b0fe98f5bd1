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
	_ draft.Prompter = (*Accessible)(nil)
	_ draft.Prompter = (*Answers)(nil)
)

var now = time.Date(2026, 11, 23, 9, 30, 0, 0, time.FixedZone("CET", 3600))

var opts = []draft.Option{{Value: "de", Label: "Deutsch"}, {Value: "en", Label: "English"}, {Value: "fr", Label: "Français"}}

func notEmpty(s string) error {
	if strings.TrimSpace(s) == "" {
		return errors.New("Pflichtangabe: bitte ausfüllen")
	}
	return nil
}

// TestAccessibleTakesEveryPipedLine asks every kind of question against a
// pipe: every line must reach its own prompt.
func TestAccessibleTakesEveryPipedLine(t *testing.T) {
	in := strings.NewReader(strings.Join([]string{
		"2",              // select: English
		"",               // select: empty keeps the default
		"",               // input: empty is refused (required, no default) …
		"  Seit 9 Uhr  ", // … and asked again; spaces around are dropped
		"",               // input: keeps the default
		"3", "1", "0",    // multi-select: toggle fr, untoggle de, done
		"1 2,3", "", // multi-select: several at once, Enter is done
		`Zeile 1\nZeile 2`, // text: \n is a line break
		"",                 // text: keeps the default
		"",                 // confirm: default
		"j",                // confirm
	}, "\r\n")) // Windows line ends, and none after the last line
	var out bytes.Buffer
	a := NewAccessible(in, &out)
	de := func(key, title string) draft.Prompt { return draft.Prompt{Key: key, Title: title, Lang: "de"} }

	if v, err := a.Select(de("a", "Sprache?"), opts, "de"); err != nil || v != "en" {
		t.Fatalf("select = %q, %v", v, err)
	}
	if v, err := a.Select(de("b", "Noch mal?"), opts, "fr"); err != nil || v != "fr" {
		t.Fatalf("select default = %q, %v", v, err)
	}
	p := de("c", "Was ist passiert?")
	p.Help = "Nur Fakten."
	if v, err := a.Input(p, "", notEmpty); err != nil || v != "Seit 9 Uhr" {
		t.Fatalf("input = %q, %v", v, err)
	}
	if v, err := a.Input(de("d", "Hotline?"), "0800 1", notEmpty); err != nil || v != "0800 1" {
		t.Fatalf("input default = %q, %v", v, err)
	}
	if v, err := a.MultiSelect(de("e", "Kanäle?"), opts, []string{"de"}, nil); err != nil || strings.Join(v, ",") != "fr" {
		t.Fatalf("multi-select = %v, %v", v, err)
	}
	if v, err := a.MultiSelect(de("e2", "Kanäle?"), opts, nil, nil); err != nil || strings.Join(v, ",") != "de,en,fr" {
		t.Fatalf("multi-select several = %v, %v", v, err)
	}
	if v, err := a.Text(de("f", "Text?"), "alt", notEmpty); err != nil || v != "Zeile 1\nZeile 2" {
		t.Fatalf("text = %q, %v", v, err)
	}
	if v, err := a.Text(de("f2", "Text?"), "Alt\nund bewährt\n", notEmpty); err != nil || v != "Alt\nund bewährt\n" {
		t.Fatalf("text default = %q, %v", v, err)
	}
	if v, err := a.Confirm(de("g", "Fertig?"), true); err != nil || !v {
		t.Fatalf("confirm default = %v, %v", v, err)
	}
	if v, err := a.Confirm(de("h", "Wirklich?"), false); err != nil || !v {
		t.Fatalf("confirm = %v, %v", v, err)
	}
	for _, want := range []string{
		"Sprache?\n1. Deutsch\n2. English\n3. Français\nNummer (1 bis 3, Enter: Deutsch): 2\n",
		"Nur Fakten.\nAntwort: \nNicht übernommen: Pflichtangabe: bitte ausfüllen\nAntwort: Seit 9 Uhr\n",
		"Antwort (Enter: 0800 1): \n",
		"3. Français (ausgewählt)\n",
		// A default the person has not seen is read out before Enter keeps it.
		"Der bisherige Text (Enter behält ihn):\nAlt\nund bewährt\n",
		"j oder n (Enter: nein): j\n",
	} {
		if !strings.Contains(out.String(), want) {
			t.Errorf("transcript lacks %q:\n%s", want, out.String())
		}
	}
}

// TestAccessibleRefuses plays answers that cannot be taken, and input that
// ends, at every kind of question: each is refused with a reason and asked
// again, or ends in an *InputEndedError; never a panic, a loop or a guess.
func TestAccessibleRefuses(t *testing.T) {
	long := strings.Repeat("x", MaxAnswer+1)
	longest := strings.Repeat("ä", MaxAnswer/2)
	tests := []struct {
		name   string
		ask    string // select, multi, input, text, confirm
		in     string
		want   string // the answer; "" with ended
		ended  bool
		refuse []string // in the transcript, in order
	}{
		{name: "select: end of input", ask: "select", in: "", ended: true},
		{name: "select: invalid, then end of input", ask: "select", in: "7\n", ended: true, refuse: []string{"Nicht übernommen: bitte eine der Nummern oben eingeben (1 bis 3)"}},
		{name: "select: zero, minus one, word", ask: "select", in: "0\n-1\nzwei\n2\n", want: "en", refuse: []string{"(1 bis 3)", "(1 bis 3)", "(1 bis 3)"}},
		{name: "select: no default, empty", ask: "select-nodef", in: "\n", ended: true, refuse: []string{"bitte eine der Nummern oben eingeben"}},
		{name: "multi: end of input", ask: "multi", in: "", ended: true},
		{name: "multi: emptied, then end of input", ask: "multi", in: "1\n0\n", ended: true, refuse: []string{"Nicht übernommen: bitte mindestens einen Kanal wählen"}},
		{name: "multi: emptied, then chosen", ask: "multi", in: "1\n\n2\n\n", want: "en", refuse: []string{"mindestens einen Kanal"}},
		{name: "multi: out of range", ask: "multi", in: "4\n1 x\n\n", want: "de", refuse: []string{"bitte Nummern aus der Liste oben eingeben (1 bis 3), oder 0 oder Enter, wenn fertig", "(1 bis 3)"}},
		{name: "input: end of input", ask: "input", in: "", ended: true},
		{name: "input: refused, then end of input", ask: "input", in: "\n", ended: true, refuse: []string{"Pflichtangabe"}},
		{name: "input: over 1 MiB, its tail not the next answer", ask: "input", in: long + "\nkurz\n", want: "kurz", refuse: []string{"länger als 1 MiB"}},
		{name: "input: over 1 MiB at the end", ask: "input", in: long, ended: true, refuse: []string{"länger als 1 MiB"}},
		{name: "input: 1 MiB is taken", ask: "input", in: longest + "\n", want: longest},
		{name: "input: invalid UTF-8", ask: "input", in: "Stra\xdfe\nStraße\n", want: "Straße", refuse: []string{"kein gültiger UTF-8-Text (bei Byte 5)"}},
		{name: "input: NUL", ask: "input", in: "ab\x00c\nabc\n", want: "abc", refuse: []string{"Steuerzeichen U+0000 an Zeichen 3"}},
		{name: "input: escape sequence", ask: "input", in: "\x1b]0;pwned\x07\nok\n", want: "ok", refuse: []string{"Steuerzeichen U+001B an Zeichen 1"}},
		{name: "input: lone carriage return", ask: "input", in: "a\rb\nab\n", want: "ab", refuse: []string{"U+000D"}},
		{name: "input: C1 control", ask: "input", in: "a\u0085b\nab\n", want: "ab", refuse: []string{"U+0085"}},
		{name: "input: U+FFFD typed is fine", ask: "input", in: "a\uFFFDb\n", want: "a\uFFFDb"},
		{name: "text: end of input", ask: "text", in: "", ended: true},
		{name: "text: empty, then end of input", ask: "text", in: "  \n", ended: true, refuse: []string{"Pflichtangabe"}},
		{name: "text: tab", ask: "text", in: "a\tb\na b\n", want: "a b", refuse: []string{"U+0009"}},
		{name: "confirm: end of input", ask: "confirm", in: "", ended: true},
		{name: "confirm: invalid, then end of input", ask: "confirm", in: "vielleicht\n", ended: true, refuse: []string{"bitte j für ja oder n für nein eingeben"}},
		{name: "confirm: nein", ask: "confirm", in: "Nein\n", want: "false"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var out bytes.Buffer
			a := NewAccessible(strings.NewReader(tt.in), &out)
			p := draft.Prompt{Key: "k", Title: "Die Frage?", Lang: "de"}
			var got string
			var err error
			switch tt.ask {
			case "select":
				got, err = a.Select(p, opts, "de")
			case "select-nodef":
				got, err = a.Select(p, opts, "")
			case "multi":
				var v []string
				v, err = a.MultiSelect(p, opts, []string{"de"}, func(v []string) error {
					if len(v) == 0 {
						return errors.New("bitte mindestens einen Kanal wählen")
					}
					return nil
				})
				got = strings.Join(v, ",")
			case "input":
				got, err = a.Input(p, "", notEmpty)
			case "text":
				got, err = a.Text(p, "", notEmpty)
			case "confirm":
				var v bool
				v, err = a.Confirm(p, true)
				if err == nil {
					got = map[bool]string{true: "true", false: "false"}[v]
				}
			}
			var ended *InputEndedError
			switch {
			case tt.ended && !errors.As(err, &ended):
				t.Fatalf("answer %.40q, err %v; want *InputEndedError", got, err)
			case tt.ended && ended.Prompt != "Die Frage?":
				t.Errorf("ended at %q", ended.Prompt)
			case !tt.ended && err != nil:
				t.Fatalf("err %v; want %.40q", err, tt.want)
			case !tt.ended && got != tt.want:
				t.Errorf("answer %.40q, want %.40q", got, tt.want)
			}
			transcript := out.String()
			for _, r := range tt.refuse {
				i := strings.Index(transcript, r)
				if i < 0 {
					t.Fatalf("transcript lacks %q:\n%.2000s", r, transcript)
				}
				transcript = transcript[i+len(r):]
			}
			if n := out.Len(); n > 4096 {
				t.Errorf("transcript of %d bytes: an answer is echoed whole or the question loops", n)
			}
			if strings.ContainsAny(out.String(), "\x00\x1b\r") {
				t.Errorf("a control character of the answer reached the transcript: %q", out.String())
			}
		})
	}
}

func TestInputEndedError(t *testing.T) {
	for _, tt := range []struct {
		err  InputEndedError
		want string
	}{
		{InputEndedError{0, "Was ist passiert?", "de"}, "die Eingabe endete schon bei der ersten Frage: Was ist passiert?"},
		{InputEndedError{1, "Was ist passiert?", "de"}, "die Eingabe endete nach einer Antwort, bei der Frage: Was ist passiert?"},
		{InputEndedError{4, "Was ist passiert?", "de"}, "die Eingabe endete nach 4 Antworten, bei der Frage: Was ist passiert?"},
		{InputEndedError{4, "What happened?", "en"}, "input ended after 4 answers, at the question: What happened?"},
		{InputEndedError{4, "What happened?", ""}, "input ended after 4 answers, at the question: What happened?"},
	} {
		if got := tt.err.Error(); got != tt.want {
			t.Errorf("%+v: %q, want %q", tt.err, got, tt.want)
		}
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

// TestAccessibleDraftEndsCleanly ends the input of a draft at every
// question in turn: each run stops with an *InputEndedError naming the
// question, writes no update, and keeps every answer given in the
// recovery file.
func TestAccessibleDraftEndsCleanly(t *testing.T) {
	answers := []string{"1", "", "Kartenzahlungen werden abgelehnt.", "", "15:00", "nordbank.example", "0", "1", "1"}
	for n := range len(answers) {
		dir := filepath.Join(t.TempDir(), "inc")
		state := filepath.Join(dir, draft.StateFile)
		in := strings.Join(answers[:n], "\n") + "\n7\n" // and one answer no question takes
		var log bytes.Buffer
		_, err := draft.Run(NewAccessible(strings.NewReader(in), &log), draft.Options{
			Playbook: "testdata/playbook.yaml", Incident: "test", Out: dir, StatePath: state, Now: now,
		})
		var ended *InputEndedError
		if !errors.As(err, &ended) {
			t.Fatalf("after %d answers: err %v, want *InputEndedError\n%s", n, err, log.String())
		}
		if ended.Lang != "de" || ended.Prompt == "" {
			t.Errorf("after %d answers: %+v", n, ended)
		}
		if entries, _ := os.ReadDir(dir); len(entries) > 1 {
			t.Errorf("after %d answers: %v written", n, entries)
		}
		if n > 0 {
			if _, err := draft.LoadState(state); err != nil {
				t.Errorf("after %d answers: recovery file: %v", n, err)
			}
		}
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
