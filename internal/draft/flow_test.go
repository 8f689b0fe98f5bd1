package draft

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/crisis-comms/crisis/internal/atomicfile"
	"github.com/crisis-comms/crisis/internal/incident"
)

var now = time.Date(2026, 11, 23, 9, 30, 0, 0, time.FixedZone("CET", 3600))

func testOptions(t *testing.T) Options {
	out := filepath.Join(t.TempDir(), "inc")
	return Options{
		Playbook:  "testdata/playbook.yaml",
		Incident:  "kartenausfall",
		Out:       out,
		StatePath: filepath.Join(out, StateFile),
		Now:       now,
	}
}

// the answers up to the review, as a person types them.
var (
	stepsToFacts = []step{
		{key: KeyScenario, value: "it-outage"},
		{key: KeyStage, value: "initial", wantDef: "initial"},
	}
	stepsFacts = []step{
		{key: FactKey("what"), value: "Kartenzahlungen werden abgelehnt."},
		{key: FactKey("help"), value: "Halten Sie Bargeld bereit."},
		{key: FactKey("next_update"), value: "bald", invalid: true},
		{key: FactKey("next_update"), value: "15:00"},
		{key: FactKey("landing_page"), value: "nordbank.example/stoerung"},
	}
	stepChannels = step{key: KeyChannels, value: []string{"sms", "email"}, wantDef: []string{"sms", "email"}}
)

func concat(parts ...[]step) []step {
	var out []step
	for _, p := range parts {
		out = append(out, p...)
	}
	return out
}

func readFile(t *testing.T, path string) string {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

func assertNoState(t *testing.T, o Options) {
	t.Helper()
	if _, err := os.Stat(o.StatePath); err == nil {
		t.Errorf("recovery file %s is left after a successful write", o.StatePath)
	}
}

func TestDraftEditRelintsAndWrites(t *testing.T) {
	o := testOptions(t)
	edited := "Jetzt 20 % Krisenrabatt! Infos: https://nordbank.example/stoerung"
	p := newScript(t, concat(stepsToFacts, stepsFacts, []step{
		stepChannels,
		{key: ReviewKey("sms"), value: ActionEdit},
		{key: EditKey("sms"), value: edited},
		{key: ReviewKey("sms"), value: ActionAccept},
		{key: ReviewKey("email"), value: ActionAccept},
	})...)
	res, err := Run(p, o)
	if err != nil {
		t.Fatal(err)
	}

	var smsShows []string
	for _, s := range p.shows {
		if strings.HasPrefix(s, "SMS · sms.txt") {
			smsShows = append(smsShows, s)
		}
	}
	if len(smsShows) != 2 {
		t.Fatalf("SMS shown %d times, want before and after the edit:\n%s", len(smsShows), strings.Join(p.shows, "\n\n"))
	}
	before, after := smsShows[0], smsShows[1]
	if strings.Contains(before, "helpful.sales-pitch") || !strings.Contains(before, "Helfen statt werben 0") {
		t.Errorf("rendered SMS should be clean:\n%s", before)
	}
	for _, want := range []string{"helpful.sales-pitch", "Nennen Sie, was hilft.", "Helfen statt werben 1 · Verlässlicher Anker 0", "Warnung helpful.sales-pitch", "von Ihnen bearbeitet", "SMS GSM-7"} {
		if !strings.Contains(after, want) {
			t.Errorf("re-linted preview lacks %q:\n%s", want, after)
		}
	}
	if !strings.Contains(p.lastShow("IT-Ausfall"), "Welche Funktionen gehen") {
		t.Errorf("scenario questions not shown")
	}

	if filepath.Base(res.Dir) != "2026-11-23T0930" || len(res.Files) != 3 {
		t.Fatalf("result %+v", res)
	}
	sms := readFile(t, filepath.Join(res.Dir, "sms.txt"))
	if !strings.HasPrefix(sms, "---\nchannel: sms\nlang: de\nstage: initial\nincident: kartenausfall\n") || !strings.HasSuffix(sms, edited+"\n") {
		t.Errorf("sms.txt:\n%s", sms)
	}
	email := readFile(t, filepath.Join(res.Dir, "email.md"))
	if !strings.Contains(email, "channel: email") || !strings.Contains(email, "subject: ") {
		t.Errorf("email.md:\n%s", email)
	}
	f, err := incident.LoadFacts(filepath.Join(res.Dir, "facts.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	if f.NextUpdate != "2026-11-23T15:00:00+01:00" || f.LandingPage != "https://nordbank.example/stoerung" || f.Scenario != "it-outage" {
		t.Errorf("facts: next_update %q landing_page %q scenario %q", f.NextUpdate, f.LandingPage, f.Scenario)
	}
	assertNoState(t, o)
}

func TestDraftBackKeepsAnswersAsDefaults(t *testing.T) {
	o := testOptions(t)
	p := newScript(t, concat(stepsToFacts, stepsFacts, []step{
		stepChannels,
		{key: ReviewKey("sms"), value: ActionAccept},
		{key: ReviewKey("email"), value: ActionBack},
		{key: FactKey("what"), value: "Kartenzahlungen werden wieder angenommen.", wantDef: "Kartenzahlungen werden abgelehnt."},
		{key: FactKey("help"), value: "Halten Sie Bargeld bereit.", wantDef: "Halten Sie Bargeld bereit."},
		{key: FactKey("next_update"), value: "2026-11-23T15:00:00+01:00", wantDef: "23.11.2026 15:00"},
		{key: FactKey("landing_page"), value: "https://nordbank.example/stoerung", wantDef: "https://nordbank.example/stoerung"},
		stepChannels,
		{key: ReviewKey("sms"), value: ActionAccept},
		{key: ReviewKey("email"), value: ActionAccept},
	})...)
	res, err := Run(p, o)
	if err != nil {
		t.Fatal(err)
	}
	if sms := readFile(t, filepath.Join(res.Dir, "sms.txt")); !strings.Contains(sms, "wieder angenommen") {
		t.Errorf("the changed fact is not in the message:\n%s", sms)
	}
}

func TestDraftResetDropsEdit(t *testing.T) {
	o := testOptions(t)
	p := newScript(t, concat(stepsToFacts, stepsFacts, []step{
		stepChannels,
		{key: ReviewKey("sms"), value: ActionEdit},
		{key: EditKey("sms"), value: "Krisenrabatt!"},
		{key: ReviewKey("sms"), value: ActionReset},
		{key: ReviewKey("sms"), value: ActionAccept},
		{key: ReviewKey("email"), value: ActionAccept},
	})...)
	res, err := Run(p, o)
	if err != nil {
		t.Fatal(err)
	}
	if sms := readFile(t, filepath.Join(res.Dir, "sms.txt")); strings.Contains(sms, "Krisenrabatt") || !strings.Contains(sms, "Kartenzahlungen") {
		t.Errorf("reset did not restore the rendered text:\n%s", sms)
	}
}

func TestDraftAbortKeepsStateAndResumeContinues(t *testing.T) {
	o := testOptions(t)
	p := newScript(t, concat(stepsToFacts, []step{
		stepsFacts[0],
		stepsFacts[1],
		{key: FactKey("next_update"), abort: true},
	})...)
	if _, err := Run(p, o); !errors.Is(err, ErrAborted) {
		t.Fatalf("err = %v, want ErrAborted", err)
	}
	st, err := LoadState(o.StatePath)
	if err != nil {
		t.Fatalf("recovery file after abort: %v", err)
	}
	if st.Step != StepFacts || st.FactIndex != 2 || st.Facts["what"] != "Kartenzahlungen werden abgelehnt." || st.Scenario != "it-outage" {
		t.Errorf("saved state %+v", st)
	}

	// --resume continues at the fact where the person stopped; the first
	// answers come from the recovery file.
	o.Resume = true
	p = newScript(t,
		step{key: FactKey("next_update"), value: "morgen 9:00"},
		step{key: FactKey("landing_page"), value: "nordbank.example"},
		step{key: KeyChannels, value: []string{"sms"}},
		step{key: ReviewKey("sms"), value: ActionAccept},
	)
	res, err := Run(p, o)
	if err != nil {
		t.Fatal(err)
	}
	sms := readFile(t, filepath.Join(res.Dir, "sms.txt"))
	for _, want := range []string{"Kartenzahlungen werden abgelehnt.", "Halten Sie Bargeld bereit.", "next_update: \"2026-11-24T09:00:00+01:00\""} {
		if !strings.Contains(sms, want) {
			t.Errorf("resumed draft lacks %q:\n%s", want, sms)
		}
	}
	assertNoState(t, o)
}

func TestDraftAbortInReviewResumesInReview(t *testing.T) {
	o := testOptions(t)
	p := newScript(t, concat(stepsToFacts, stepsFacts, []step{
		stepChannels,
		{key: ReviewKey("sms"), value: ActionEdit},
		{key: EditKey("sms"), value: "Mein eigener Text. Infos: https://nordbank.example/stoerung"},
		{key: ReviewKey("sms"), value: ActionAccept},
		{key: ReviewKey("email"), abort: true},
	})...)
	if _, err := Run(p, o); !errors.Is(err, ErrAborted) {
		t.Fatalf("err = %v, want ErrAborted", err)
	}
	// Without --resume the unfinished draft is offered, not replaced.
	o.Resume = false
	p = newScript(t,
		step{key: KeyResume, value: true, wantDef: true},
		step{key: ReviewKey("email"), value: ActionAccept},
	)
	res, err := Run(p, o)
	if err != nil {
		t.Fatal(err)
	}
	if sms := readFile(t, filepath.Join(res.Dir, "sms.txt")); !strings.Contains(sms, "Mein eigener Text.") {
		t.Errorf("the edit made before the abort is lost:\n%s", sms)
	}
}

func TestDraftDeclinedResumeStartsOver(t *testing.T) {
	o := testOptions(t)
	if err := SaveState(o.StatePath, &State{Step: StepFacts, Playbook: o.Playbook, Scenario: "it-outage", Stage: "initial"}); err != nil {
		t.Fatal(err)
	}
	p := newScript(t, step{key: KeyResume, value: false}, step{key: KeyScenario, abort: true})
	if _, err := Run(p, o); !errors.Is(err, ErrAborted) {
		t.Fatalf("err = %v", err)
	}
}

func TestDraftResumeWithoutState(t *testing.T) {
	o := testOptions(t)
	o.Resume = true
	if _, err := Run(newScript(t), o); err == nil || !strings.Contains(err.Error(), "nothing to resume") {
		t.Fatalf("err = %v", err)
	}
}

func TestDraftLanguageChoosesBuiltinPlaybook(t *testing.T) {
	o := testOptions(t)
	o.Playbook = ""
	p := newScript(t, step{key: KeyLang, value: "de", wantDef: "de"}, step{key: KeyScenario, abort: true})
	if _, err := Run(p, o); !errors.Is(err, ErrAborted) {
		t.Fatalf("err = %v", err)
	}
	st, err := LoadState(o.StatePath)
	if err != nil {
		t.Fatal(err)
	}
	if st.Lang != "de" || st.Playbook != "builtin:de" || st.Step != StepScenario {
		t.Errorf("state %+v", st)
	}
}

func TestDraftPreselectedSkipsSteps(t *testing.T) {
	o := testOptions(t)
	o.Scenario, o.Channels = "it-outage", []string{"email"}
	p := newScript(t, concat([]step{{key: KeyStage, value: "update"}}, stepsFacts, []step{
		{key: ReviewKey("email"), value: ActionAccept},
	})...)
	res, err := Run(p, o)
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Files) != 2 || !strings.Contains(readFile(t, res.Files[1]), "stage: update") {
		t.Errorf("files %v", res.Files)
	}
}

func TestDraftNeverOverwrites(t *testing.T) {
	o := testOptions(t)
	o.Out = filepath.Join(o.Out, "2026-11-23T0930")
	kept := "handwritten\n"
	if err := os.MkdirAll(o.Out, 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(o.Out, "sms.txt"), []byte(kept), 0o644); err != nil {
		t.Fatal(err)
	}
	p := newScript(t, concat(stepsToFacts, stepsFacts, []step{
		stepChannels,
		{key: ReviewKey("sms"), value: ActionAccept},
		{key: ReviewKey("email"), value: ActionAccept},
	})...)
	_, err := Run(p, o)
	if !errors.Is(err, atomicfile.ErrExists) {
		t.Fatalf("err = %v, want ErrExists", err)
	}
	if got := readFile(t, filepath.Join(o.Out, "sms.txt")); got != kept {
		t.Errorf("sms.txt changed to %q", got)
	}
	for _, name := range []string{"facts.yaml", "email.md"} {
		if _, err := os.Stat(filepath.Join(o.Out, name)); err == nil {
			t.Errorf("%s written although the update was refused", name)
		}
	}
	if st, err := LoadState(o.StatePath); err != nil || st.Step != StepWrite {
		t.Errorf("recovery file after a refused write: %+v, %v", st, err)
	}
}

func TestDraftRenderFailureGoesBack(t *testing.T) {
	o := testOptions(t)
	p := newScript(t, concat(stepsToFacts, stepsFacts[:4], []step{
		{key: FactKey("landing_page"), value: ""}, // optional in the playbook, needed by the templates
		stepChannels,
		{key: KeyRenderFailed, value: ActionBack},
		{key: FactKey("what"), value: "Kartenzahlungen werden abgelehnt."},
		{key: FactKey("help"), value: ""},
		{key: FactKey("next_update"), value: "15:00"},
		{key: FactKey("landing_page"), value: "nordbank.example"},
		stepChannels,
		{key: ReviewKey("sms"), value: ActionAccept},
		{key: ReviewKey("email"), value: ActionAccept},
	})...)
	if _, err := Run(p, o); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(p.lastShow("keine Nachrichten"), "landing_page") {
		t.Errorf("the render error does not name the missing fact")
	}
}

// blank answers every question with its default, like an answers file
// that lacks the facts.
type blank struct{ script }

func (b *blank) Input(p Prompt, def string, _ func(string) error) (string, error) { return def, nil }
func (b *blank) Text(p Prompt, def string, _ func(string) error) (string, error)  { return def, nil }

func TestDraftMissingFactsAreListed(t *testing.T) {
	o := testOptions(t)
	o.StatePath = ""
	p := &blank{script{t: t, steps: stepsToFacts}}
	_, err := Run(p, o)
	var fe *FactsError
	if !errors.As(err, &fe) {
		t.Fatalf("err = %v, want *FactsError", err)
	}
	if strings.Join(fe.Missing, ",") != "what,next_update" {
		t.Errorf("missing = %v", fe.Missing)
	}
}

func TestDraftPreviousUpdateGivesDefaults(t *testing.T) {
	o := testOptions(t)
	o.Previous = &incident.Facts{Scenario: "it-outage", Stage: "initial", What: "Vorher.", NextUpdate: "2026-11-23T09:00:00+01:00", Channels: []string{"email"}}
	p := newScript(t,
		step{key: KeyScenario, value: "it-outage", wantDef: "it-outage"},
		step{key: KeyStage, value: "update", wantDef: "update"},
		step{key: FactKey("what"), value: "Neu.", wantDef: "Vorher."},
		step{key: FactKey("help"), value: ""},
		step{key: FactKey("next_update"), value: "3 pm", wantDef: ""},
		step{key: FactKey("landing_page"), value: "nordbank.example"},
		step{key: KeyChannels, value: []string{"email"}, wantDef: []string{"email"}},
		step{key: ReviewKey("email"), value: ActionAccept},
	)
	if _, err := Run(p, o); err != nil {
		t.Fatal(err)
	}
}

// A message that breaks its channel's limit is not written unless the
// writer says so; No goes back to that message.
func TestDraftAsksBeforeWritingWhatCannotBeSent(t *testing.T) {
	o := testOptions(t)
	long := strings.Repeat("Kartenzahlungen werden abgelehnt. ", 12) + "Infos: https://nordbank.example/stoerung"
	p := newScript(t, concat(stepsToFacts, stepsFacts, []step{
		stepChannels,
		{key: ReviewKey("sms"), value: ActionEdit},
		{key: EditKey("sms"), value: long},
		{key: ReviewKey("sms"), value: ActionAccept},
		{key: ReviewKey("email"), value: ActionAccept},
		{key: KeyWriteAnyway, value: false, wantDef: false},
		{key: ReviewKey("sms"), value: ActionReset},
		{key: ReviewKey("sms"), value: ActionAccept},
	})...)
	res, err := Run(p, o)
	if err != nil {
		t.Fatal(err)
	}
	var summary string
	for _, sh := range p.shows {
		if strings.HasPrefix(sh, "Vor dem Schreiben") {
			summary = sh
			break
		}
	}
	if !strings.Contains(summary, "SMS:") || !strings.Contains(summary, "die SMS braucht") || !strings.Contains(summary, "E-Mail:") {
		t.Errorf("summary before writing:\n%s", summary)
	}
	if sms := readFile(t, filepath.Join(res.Dir, "sms.txt")); strings.Contains(sms, "abgelehnt. Kartenzahlungen") {
		t.Errorf("the overlong SMS was written:\n%s", sms)
	}

	// Answers from a file are written as they are.
	o = testOptions(t)
	o.NoInput = true
	p = newScript(t, concat(stepsToFacts, stepsFacts, []step{
		stepChannels,
		{key: ReviewKey("sms"), value: ActionEdit},
		{key: EditKey("sms"), value: long},
		{key: ReviewKey("sms"), value: ActionAccept},
		{key: ReviewKey("email"), value: ActionAccept},
	})...)
	if _, err := Run(p, o); err != nil {
		t.Fatal(err)
	}
}

// Without --out and an incident from an earlier update, the draft asks
// for both; the folder defaults to one named after the incident.
func TestDraftAsksForIncidentAndFolder(t *testing.T) {
	o := testOptions(t)
	o.Incident, o.Out = "", ""
	o.StatePath = filepath.Join(t.TempDir(), "state.json")
	out := filepath.Join(t.TempDir(), "vorfaelle", "karten")
	p := newScript(t, concat(stepsToFacts, stepsFacts, []step{
		stepChannels,
		{key: KeyIncident, value: "../weg", invalid: true},
		{key: KeyIncident, value: "kartenausfall-2026-11", wantDef: "it-outage-2026-11-23"},
		{key: KeyOut, value: out, wantDef: "kartenausfall-2026-11"},
		{key: ReviewKey("sms"), value: ActionAccept},
		{key: ReviewKey("email"), value: ActionAccept},
	})...)
	res, err := Run(p, o)
	if err != nil {
		t.Fatal(err)
	}
	if filepath.Dir(res.Dir) != out {
		t.Errorf("written to %s, want a new update in %s", res.Dir, out)
	}
	if sms := readFile(t, filepath.Join(res.Dir, "sms.txt")); !strings.Contains(sms, "incident: kartenausfall-2026-11\n") {
		t.Errorf("incident id not in the front matter:\n%s", sms)
	}
}

func TestValidIncidentID(t *testing.T) {
	for id, want := range map[string]bool{
		"kartenausfall":         true,
		"störung-2026_11.23":    true,
		"7":                     true,
		"":                      false,
		"-leading":              false,
		".hidden":               false,
		"with space":            false,
		"a/b":                   false,
		strings.Repeat("x", 80): true,
		strings.Repeat("x", 81): false,
		"bad\xffbyte":           false,
	} {
		if got := validIncidentID(id); got != want {
			t.Errorf("validIncidentID(%q) = %v, want %v", id, got, want)
		}
	}
}
