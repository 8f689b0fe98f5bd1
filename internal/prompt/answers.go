package prompt

import (
	"fmt"
	"io"
	"slices"
	"strings"

	"github.com/crisis-comms/crisis/internal/draft"
	"github.com/crisis-comms/crisis/internal/incident"
)

// Answers answers every prompt from a facts file (the facts.yaml format),
// for scripts and CI: no questions, previews printed to out, every message
// accepted. Facts the file lacks get the flow's default (from the previous
// update, if any); the flow reports required facts that are still empty.
type Answers struct {
	facts  *incident.Facts
	values map[string]any
	out    io.Writer
	asked  map[string]bool // fact ids the flow asked for
}

// NewAnswers returns a prompter that answers from f.
func NewAnswers(f *incident.Facts, out io.Writer) *Answers {
	return &Answers{facts: f, values: f.Map(), out: out, asked: map[string]bool{}}
}

// Select implements draft.Prompter.
func (a *Answers) Select(p draft.Prompt, opts []draft.Option, def string) (string, error) {
	var v string
	switch {
	case p.Key == draft.KeyLang:
		v = a.facts.Lang
	case p.Key == draft.KeyScenario:
		v = a.facts.Scenario
	case p.Key == draft.KeyStage:
		v = a.facts.Stage
	case p.Key == draft.KeyRenderFailed:
		return draft.ActionQuit, nil
	case strings.HasPrefix(p.Key, draft.ReviewKey("")):
		return draft.ActionAccept, nil
	}
	if v == "" {
		v = def
	}
	var values []string
	for _, o := range opts {
		values = append(values, o.Value)
	}
	if v == "" {
		return "", fmt.Errorf("answers: no %s given (one of %s)", p.Key, strings.Join(values, ", "))
	}
	if !slices.Contains(values, v) {
		return "", fmt.Errorf("answers: %s %q is not one of %s", p.Key, v, strings.Join(values, ", "))
	}
	return v, nil
}

// MultiSelect implements draft.Prompter.
func (a *Answers) MultiSelect(p draft.Prompt, _ []draft.Option, def []string, validate func([]string) error) ([]string, error) {
	v := def
	if p.Key == draft.KeyChannels && len(a.facts.Channels) > 0 {
		v = a.facts.Channels
	}
	if validate != nil {
		if err := validate(v); err != nil {
			return nil, fmt.Errorf("answers: %s: %w", p.Key, err)
		}
	}
	return v, nil
}

// Input implements draft.Prompter. The value is not validated here: the
// flow checks all facts and lists every problem at once.
func (a *Answers) Input(p draft.Prompt, def string, _ func(string) error) (string, error) {
	if id, ok := draft.FactID(p.Key); ok {
		a.asked[id] = true
		if s, _ := a.values[id].(string); s != "" {
			return s, nil
		}
	}
	return def, nil
}

// Text implements draft.Prompter.
func (a *Answers) Text(p draft.Prompt, def string, validate func(string) error) (string, error) {
	return a.Input(p, def, validate)
}

// answerMeta are the keys of an answers file that steer the flow rather
// than answer a fact question.
var answerMeta = []string{"incident", "playbook", "scenario", "stage", "lang", "time", "channels"}

// Unused returns, sorted, the facts the file gives that the flow never
// asked for: the scenario has no place for them, so they reach no message.
// Call it after the flow has run.
func (a *Answers) Unused() []string {
	var out []string
	for id, v := range a.values {
		s, _ := v.(string)
		if s == "" || a.asked[id] || slices.Contains(answerMeta, id) {
			continue
		}
		out = append(out, id)
	}
	slices.Sort(out)
	return out
}

// Confirm implements draft.Prompter with the default answer.
func (a *Answers) Confirm(_ draft.Prompt, def bool) (bool, error) { return def, nil }

// Show implements draft.Prompter: previews go to out.
func (a *Answers) Show(title, body string) error {
	_, err := fmt.Fprintf(a.out, "== %s\n%s\n\n", title, body)
	return err
}
