package draft

import (
	"fmt"
	"slices"
	"strings"
	"testing"
)

// step is one expected prompt and what the scripted person does there.
type step struct {
	key   string
	value any  // string, []string or bool
	abort bool // press Ctrl-C instead of answering
	// invalid means the answer must be rejected by the prompt's validation;
	// the next step answers the same prompt again.
	invalid bool
	// wantDef, when set, is the default (prefilled answer) the prompt must offer.
	wantDef any
}

// script is a Prompter that plays registered answers in order. It fails the
// test on a prompt it did not expect and, at the end, on answers never used.
type script struct {
	t     *testing.T
	steps []step
	pos   int
	shows []string // title + "\n" + body of every Show
}

func newScript(t *testing.T, steps ...step) *script {
	t.Helper()
	s := &script{t: t, steps: steps}
	t.Cleanup(func() {
		if s.pos < len(s.steps) && !t.Failed() {
			t.Errorf("answers never used, from %q on (%d of %d used)", s.steps[s.pos].key, s.pos, len(s.steps))
		}
	})
	return s
}

func (s *script) next(p Prompt, def any) (step, error) {
	s.t.Helper()
	if s.pos >= len(s.steps) {
		s.t.Fatalf("unexpected prompt %q (%s): no answers left", p.Key, p.Title)
	}
	st := s.steps[s.pos]
	s.pos++
	if st.key != p.Key {
		s.t.Fatalf("unexpected prompt %q (%s), want %q", p.Key, p.Title, st.key)
	}
	if p.Lang == "" {
		s.t.Errorf("prompt %q carries no language: the prompter cannot word its help", p.Key)
	}
	if st.wantDef != nil && fmt.Sprint(st.wantDef) != fmt.Sprint(def) {
		s.t.Errorf("prompt %q offers default %v, want %v", p.Key, def, st.wantDef)
	}
	if st.abort {
		return st, ErrAborted
	}
	return st, nil
}

func (s *script) str(p Prompt, def string, validate func(string) error) (string, error) {
	s.t.Helper()
	for {
		st, err := s.next(p, def)
		if err != nil {
			return "", err
		}
		v, ok := st.value.(string)
		if !ok {
			s.t.Fatalf("prompt %q wants a string answer, script has %T", p.Key, st.value)
		}
		var verr error
		if validate != nil {
			verr = validate(v)
		}
		switch {
		case st.invalid && verr == nil:
			s.t.Errorf("prompt %q accepted %q, want it rejected", p.Key, v)
		case st.invalid:
			continue
		case verr != nil:
			s.t.Fatalf("prompt %q rejected %q: %v", p.Key, v, verr)
		}
		return v, nil
	}
}

func (s *script) Select(p Prompt, opts []Option, def string) (string, error) {
	s.t.Helper()
	st, err := s.next(p, def)
	if err != nil {
		return "", err
	}
	v, _ := st.value.(string)
	if !slices.ContainsFunc(opts, func(o Option) bool { return o.Value == v }) {
		s.t.Fatalf("prompt %q: %q is not among the options %v", p.Key, v, opts)
	}
	return v, nil
}

func (s *script) MultiSelect(p Prompt, opts []Option, def []string, validate func([]string) error) ([]string, error) {
	s.t.Helper()
	st, err := s.next(p, def)
	if err != nil {
		return nil, err
	}
	v, _ := st.value.([]string)
	if validate != nil {
		if err := validate(v); err != nil {
			s.t.Fatalf("prompt %q rejected %v: %v", p.Key, v, err)
		}
	}
	return v, nil
}

func (s *script) Input(p Prompt, def string, validate func(string) error) (string, error) {
	s.t.Helper()
	return s.str(p, def, validate)
}

func (s *script) Text(p Prompt, def string, validate func(string) error) (string, error) {
	s.t.Helper()
	return s.str(p, def, validate)
}

func (s *script) Confirm(p Prompt, def bool) (bool, error) {
	s.t.Helper()
	st, err := s.next(p, def)
	if err != nil {
		return false, err
	}
	v, _ := st.value.(bool)
	return v, nil
}

func (s *script) Show(title, body string) error {
	s.shows = append(s.shows, title+"\n"+body)
	return nil
}

// lastShow returns the latest Show whose title contains substr.
func (s *script) lastShow(substr string) string {
	for i := len(s.shows) - 1; i >= 0; i-- {
		if title, _, _ := strings.Cut(s.shows[i], "\n"); strings.Contains(title, substr) {
			return s.shows[i]
		}
	}
	s.t.Fatalf("nothing shown with %q", substr)
	return ""
}
