package draft

import (
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/crisis-comms/crisis/playbook"
	"github.com/crisis-comms/crisis/templates"
)

// recorder answers every prompt of a German draft and keeps every text the
// flow shows: titles, help, options, previews, live feedback and the
// messages that reject bad answers.
type recorder struct {
	t     *testing.T
	texts []string
	facts map[string]string
	bad   map[string]string // a rejected answer per fact kind
	kinds map[string]string // fact id → kind
	edits int
}

func (r *recorder) keep(s ...string) { r.texts = append(r.texts, s...) }

func (r *recorder) prompt(p Prompt) { r.keep(p.Title, p.Help) }

func (r *recorder) Select(p Prompt, opts []Option, def string) (string, error) {
	r.prompt(p)
	for _, o := range opts {
		r.keep(o.Label)
	}
	switch {
	case p.Key == KeyLang:
		return "de", nil
	case strings.HasPrefix(p.Key, reviewPrefix) && r.edits == 0:
		return ActionEdit, nil
	case strings.HasPrefix(p.Key, reviewPrefix):
		return ActionAccept, nil
	}
	return def, nil
}

func (r *recorder) MultiSelect(p Prompt, opts []Option, def []string, validate func([]string) error) ([]string, error) {
	r.prompt(p)
	for _, o := range opts {
		r.keep(o.Label)
	}
	if err := validate(nil); err != nil {
		r.keep(err.Error())
	}
	return []string{"sms", "x", "email", "landing"}, nil
}

func (r *recorder) Input(p Prompt, def string, validate func(string) error) (string, error) {
	r.prompt(p)
	v := def
	if id, ok := FactID(p.Key); ok {
		v = r.facts[id]
		if bad, ok := r.bad[r.kinds[id]]; ok {
			if err := validate(bad); err != nil {
				r.keep(err.Error())
			}
		}
	} else {
		if err := validate("../\x00"); err != nil {
			r.keep(err.Error())
		}
		if p.Key == KeyOut {
			v = r.facts["out"] // never the default, a folder in the working directory
		}
	}
	if p.Feedback != nil {
		r.keep(p.Feedback(v))
	}
	return v, nil
}

func (r *recorder) Text(p Prompt, def string, validate func(string) error) (string, error) {
	if strings.HasPrefix(p.Key, editPrefix) {
		r.prompt(p)
		r.edits++
		if err := validate(" "); err != nil {
			r.keep(err.Error())
		}
		v := "Jetzt Krisenrabatt sichern! " + strings.Repeat("Die Kartenzahlung ist gestört. ", 12)
		r.keep(p.Feedback(v))
		return v, nil
	}
	return r.Input(p, def, validate)
}

func (r *recorder) Confirm(p Prompt, def bool) (bool, error) {
	r.prompt(p)
	return true, nil
}

func (r *recorder) Show(title, body string) error {
	r.keep(title, body)
	return nil
}

// english finds words a German reader should not meet in the draft's own
// texts.
var english = regexp.MustCompile(`\b(the|and|you|your|please|Enter|Select|Yes|No|Accept|Edit|Back|Stop|error|warning|hint|info|errors|warnings|segments?|characters?|counts|shorten|limit|subject|Subject|Length|Findings|Try|required|overdue|latest|helpful|authentic|community|anchor)\b`)

var ruleID = regexp.MustCompile(`\b[a-z]+\.[a-z-]+\b`)

// TestGermanDraftSpeaksGerman walks the German draft of every scenario
// through the Prompter interface, with a rejected answer at every fact, an
// edit that breaks the SMS limit and sells, and the summary before
// writing, and fails on English in anything the flow shows. (The form
// library's own key hints are the prompt package's.)
func TestGermanDraftSpeaksGerman(t *testing.T) {
	pb, err := playbook.Load("builtin:de")
	if err != nil {
		t.Fatal(err)
	}
	values := map[string]string{"time": "15:00", "url": "nordbank.example/stoerung", "phone": "0800 000 00 00", "email": "hilfe@nordbank.example",
		"line": "Nordbank", "text": "Die Kartenzahlung ist gestört."}
	for _, sc := range pb.Scenarios {
		t.Run(sc.ID, func(t *testing.T) {
			r := &recorder{t: t, facts: map[string]string{}, kinds: map[string]string{},
				bad: map[string]string{"time": "bald", "url": "kein link", "phone": "ruf an", "email": "hilfe", "text": "a\x07b"}}
			for _, id := range sc.Facts {
				kind := "text"
				if fd := pb.Fact(id); fd != nil && fd.Kind != "" {
					kind = fd.Kind
				}
				r.kinds[id], r.facts[id] = kind, values[kind]
			}
			o := testOptions(t)
			o.Playbook, o.Incident, o.Out = "", "", ""
			o.StatePath = filepath.Join(t.TempDir(), "state.json")
			o.Out = ""
			o.Scenario = sc.ID
			r.facts["out"] = filepath.Join(t.TempDir(), "inc")
			if _, err := Run(r, o); err != nil {
				t.Fatal(err)
			}
			if r.edits == 0 || len(templates.BuiltinChannels("de")) == 0 {
				t.Fatal("the walk did not reach the review")
			}
			for _, s := range r.texts {
				// Rule ids (anchor.contact) are names, the same in every
				// language, as in suppression comments.
				if m := english.FindString(ruleID.ReplaceAllString(s, "")); m != "" {
					t.Errorf("English %q in:\n%s", m, s)
				}
			}
		})
	}
}
