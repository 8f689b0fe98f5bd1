package draft

import (
	"errors"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
)

func TestStateRoundTripsEveryStep(t *testing.T) {
	path := filepath.Join(t.TempDir(), StateFile)
	for _, st := range []State{
		{Step: StepLang},
		{Step: StepScenario, Lang: "de", Playbook: "builtin:de"},
		{Step: StepFacts, Lang: "de", Playbook: "builtin:de", Scenario: "it-outage", Stage: "initial", Facts: map[string]string{}, Edited: map[string]string{}},
		{Step: StepReview, Lang: "de", Facts: map[string]string{"what": "x"}, Channels: []string{"sms"}, Edited: map[string]string{"sms": "y"}, Accepted: []string{"sms"}},
	} {
		if err := SaveState(path, &st); err != nil {
			t.Fatal(err)
		}
		got, err := LoadState(path)
		if err != nil {
			t.Fatal(err)
		}
		if got.Facts == nil || got.Edited == nil {
			t.Fatalf("step %s: maps load as nil: %+v", st.Step, got)
		}
		want := st
		want.Version = stateVersion
		if want.Facts == nil {
			want.Facts = map[string]string{}
		}
		if want.Edited == nil {
			want.Edited = map[string]string{}
		}
		if !reflect.DeepEqual(*got, want) {
			t.Errorf("round trip of step %s:\n got %+v\nwant %+v", st.Step, *got, want)
		}
	}
}

// Ctrl-C at the first fact leaves empty maps; the resumed draft writes
// into them.
func TestDraftAbortBeforeFirstFactResumes(t *testing.T) {
	o := testOptions(t)
	p := newScript(t, concat(stepsToFacts, []step{{key: FactKey("what"), abort: true}})...)
	if _, err := Run(p, o); !errors.Is(err, ErrAborted) {
		t.Fatalf("err = %v, want ErrAborted", err)
	}
	o.Resume = true
	p = newScript(t, concat(stepsFacts, []step{
		stepChannels,
		{key: ReviewKey("sms"), value: ActionAccept},
		{key: ReviewKey("email"), value: ActionAccept},
	})...)
	if _, err := Run(p, o); err != nil {
		t.Fatal(err)
	}
}

// Ctrl-C at the first review, then --resume and an edit: the edit is
// saved into the map the recovery file left out.
func TestDraftEditAfterResume(t *testing.T) {
	o := testOptions(t)
	p := newScript(t, concat(stepsToFacts, stepsFacts, []step{stepChannels, {key: ReviewKey("sms"), abort: true}})...)
	if _, err := Run(p, o); !errors.Is(err, ErrAborted) {
		t.Fatalf("err = %v, want ErrAborted", err)
	}
	o.Resume = true
	p = newScript(t,
		step{key: ReviewKey("sms"), value: ActionEdit},
		step{key: EditKey("sms"), value: "Nach dem Fortsetzen bearbeitet. Infos: https://nordbank.example/stoerung"},
		step{key: ReviewKey("sms"), abort: true},
	)
	if _, err := Run(p, o); !errors.Is(err, ErrAborted) {
		t.Fatalf("err = %v, want ErrAborted", err)
	}
	st, err := LoadState(o.StatePath)
	if err != nil || !strings.Contains(st.Edited["sms"], "Nach dem Fortsetzen") {
		t.Fatalf("edit after resume not saved: %+v, %v", st, err)
	}
}

func TestDraftRefusesTamperedRecoveryFile(t *testing.T) {
	base := State{Playbook: "testdata/playbook.yaml", Lang: "de", Scenario: "it-outage", Stage: "initial", Channels: []string{"sms"}}
	full := map[string]string{"what": "Kartenzahlungen werden abgelehnt.", "next_update": "2026-11-23T15:00:00+01:00", "landing_page": "https://nordbank.example"}
	tests := []struct {
		name string
		edit func(*State)
		want string
	}{
		{"write without facts", func(s *State) { s.Step = StepWrite }, "missing required facts: what, next_update"},
		{"unknown step", func(s *State) { s.Step = "publish" }, `unknown step "publish"`},
		{"unknown scenario", func(s *State) { s.Step = StepFacts; s.Scenario = "alien" }, `scenario "alien"`},
		{"bad stage", func(s *State) { s.Step = StepFacts; s.Stage = "final" }, `stage "final"`},
		{"fact index", func(s *State) { s.Step = StepFacts; s.FactIndex = 99 }, "fact_index 99"},
		{"bad time", func(s *State) { s.Step = StepWrite; s.Facts = copyMap(full); s.Facts["next_update"] = "soon" }, "next_update"},
		{"NUL in fact", func(s *State) { s.Step = StepWrite; s.Facts = copyMap(full); s.Facts["what"] = "a\x00b" }, "U+0000"},
		{"bad incident", func(s *State) { s.Step = StepWrite; s.Facts = copyMap(full); s.Incident = "../etc" }, `"../etc" cannot be an incident id`},
		{"no channels", func(s *State) { s.Step = StepWrite; s.Facts = copyMap(full); s.Channels = nil }, "without channels"},
		{"foreign channel", func(s *State) { s.Step = StepWrite; s.Facts = copyMap(full); s.Channels = []string{"pigeon"} }, `"pigeon"`},
		{"stray edit", func(s *State) {
			s.Step = StepWrite
			s.Facts = copyMap(full)
			s.Edited = map[string]string{"email": "x"}
		}, `"email"`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			o := testOptions(t)
			o.Resume = true
			st := base
			st.Incident, st.Out = o.Incident, o.Out
			tt.edit(&st)
			if err := SaveState(o.StatePath, &st); err != nil {
				t.Fatal(err)
			}
			_, err := Run(newScript(t), o)
			if err == nil || !strings.Contains(err.Error(), tt.want) || !strings.Contains(err.Error(), o.StatePath) {
				t.Fatalf("err = %v, want one naming the file and %q", err, tt.want)
			}
			entries, _ := os.ReadDir(o.Out)
			for _, e := range entries {
				if e.Name() != StateFile {
					t.Errorf("%s written from a tampered recovery file", e.Name())
				}
			}
		})
	}
}

func copyMap(m map[string]string) map[string]string {
	out := map[string]string{}
	for k, v := range m {
		out[k] = v
	}
	return out
}
