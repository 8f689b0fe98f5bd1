package draft

import (
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/crisis-comms/crisis/internal/incident"
)

// steps lists the steps in the order the flow takes them.
var steps = []string{StepLang, StepScenario, StepStage, StepFacts, StepChannels, StepTarget, StepReview, StepWrite}

// checkState holds a loaded recovery file to what the flow itself would
// have saved, since the file may have been edited by hand: every step
// before the one to continue at is answered, and answered validly. The
// facts are checked as an answers file's would be, so that a recovery file
// saying "write" writes nothing it was not asked for.
func (f *flow) checkState() error {
	st := f.st
	at := slices.Index(steps, st.Step)
	if at < 0 {
		return fmt.Errorf("unknown step %q", st.Step)
	}
	past := func(step string) bool { return at > slices.Index(steps, step) }
	if past(StepLang) && (st.Playbook == "" || f.pb == nil) {
		return fmt.Errorf("step %q without a playbook", st.Step)
	}
	if past(StepScenario) && f.pb.Scenario(st.Scenario) == nil {
		return fmt.Errorf("scenario %q is not in playbook %s", st.Scenario, f.pb.Source)
	}
	if past(StepStage) && !slices.Contains(incident.Stages, st.Stage) {
		return fmt.Errorf("stage %q is not one of initial, update, resolved, followup", st.Stage)
	}
	if st.Step == StepFacts {
		if n := len(f.pb.Scenario(st.Scenario).Facts); st.FactIndex < 0 || st.FactIndex > n {
			return fmt.Errorf("fact_index %d is outside the scenario's %d facts", st.FactIndex, n)
		}
	}
	for id, v := range st.Facts {
		norm, err := f.normalizeSaved(id, v, false)
		if err != nil {
			return fmt.Errorf("fact %s: %w", id, err)
		}
		st.Facts[id] = norm
	}
	if past(StepFacts) {
		if err := f.factsProblems(); err != nil {
			return err
		}
	}
	if past(StepChannels) {
		if len(st.Channels) == 0 {
			return fmt.Errorf("step %q without channels", st.Step)
		}
		avail := f.available()
		for _, c := range st.Channels {
			if !slices.Contains(avail, c) {
				return fmt.Errorf("channel %q has no built-in template", c)
			}
		}
	}
	if past(StepTarget) {
		if err := checkIncidentID(st.Incident, "en"); err != nil {
			return err
		}
		if strings.TrimSpace(st.Out) == "" {
			return fmt.Errorf("step %q without an output folder", st.Step)
		}
	}
	for c, text := range st.Edited {
		if !slices.Contains(st.Channels, c) {
			return fmt.Errorf("an edited message for %q, which is not among the channels", c)
		}
		clean, err := cleanText(text, f.lang())
		if err != nil {
			return fmt.Errorf("edited %s message: %w", c, err)
		}
		st.Edited[c] = clean
	}
	for _, c := range st.Accepted {
		if !slices.Contains(st.Channels, c) {
			return fmt.Errorf("accepted channel %q is not among the channels", c)
		}
	}
	return nil
}

// factsProblems checks the scenario's facts as the facts step would have
// left them: required ones present, every one valid.
func (f *flow) factsProblems() error {
	problems := &FactsError{}
	for _, id := range f.pb.Scenario(f.st.Scenario).Facts {
		fd := f.fact(id)
		v := f.st.Facts[id]
		if _, err := f.normalizeSaved(id, v, fd.Required); err != nil {
			if v == "" {
				problems.Missing = append(problems.Missing, id)
			} else {
				problems.Invalid = append(problems.Invalid, id+": "+err.Error())
			}
		}
	}
	if len(problems.Missing)+len(problems.Invalid) > 0 {
		return problems
	}
	return nil
}

// normalizeSaved checks a saved answer as Normalize checks a typed one,
// except that a time that has passed since it was typed stays valid: the
// review and the summary before writing point it out.
func (f *flow) normalizeSaved(id, v string, required bool) (string, error) {
	kind := firstOf(f.fact(id).Kind, "text")
	if kind == "time" && strings.TrimSpace(v) != "" {
		t, err := incident.ParseTime(v, f.o.Now.Location())
		if err != nil {
			return "", err
		}
		return t.Format(time.RFC3339), nil
	}
	return Normalize(kind, v, required, f.o.Now, f.lang())
}
