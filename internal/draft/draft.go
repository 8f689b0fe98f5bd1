// Package draft is the guided drafting flow of `crisis draft` as plain Go:
// playbook, scenario and stage, the scenario's facts, channels, a preview of
// every message with its tone findings, edits, and the written update. It
// talks to people only through the small Prompter interface, so that the
// same flow runs in a terminal form, in accessible mode, from an answers
// file and under test.
package draft

import (
	"errors"
	"strings"
)

// ErrAborted is what a Prompter returns when the person aborts (Ctrl-C).
// The flow returns it unchanged and keeps the recovery file.
var ErrAborted = errors.New("draft aborted")

// Prompt is one question. Key names it independently of its wording (see
// the Key constants), so that answers files and tests can find it.
type Prompt struct {
	Key   string
	Title string
	// Help is guidance shown with the question: the fact's help and
	// example, the playbook's questions for its principle.
	Help string
	// Feedback, when set, describes the text typed so far (the tone
	// findings of an edited message). Prompters that redraw while typing
	// show it live; the flow shows it again after the answer anyway.
	Feedback func(text string) string
	// Lang is the language of the form, "de" or "en" (empty: English).
	// Prompters word what they add themselves in it: key help, hints,
	// their own messages. The flow sets it on every prompt.
	Lang string
}

// Option is one choice of a Select or MultiSelect.
type Option struct {
	Value string
	Label string
}

// Prompter asks questions. Every method returns ErrAborted when the person
// aborts; def is the preselected or prefilled answer.
type Prompter interface {
	// Select asks for one of opts and returns its Value.
	Select(p Prompt, opts []Option, def string) (string, error)
	// MultiSelect asks for any number of opts and returns their Values;
	// validate (may be nil) rejects bad selections.
	MultiSelect(p Prompt, opts []Option, def []string, validate func([]string) error) ([]string, error)
	// Input asks for one line; validate (may be nil) rejects bad answers.
	Input(p Prompt, def string, validate func(string) error) (string, error)
	// Text asks for several lines, prefilled with def.
	Text(p Prompt, def string, validate func(string) error) (string, error)
	// Confirm asks a yes/no question.
	Confirm(p Prompt, def bool) (bool, error)
	// Show presents information that needs no answer, such as a preview.
	Show(title, body string) error
}

// Keys of the flow's prompts.
const (
	KeyResume   = "resume"   // Confirm: continue the unfinished draft?
	KeyLang     = "lang"     // Select: de or en
	KeyScenario = "scenario" // Select: a scenario id
	KeyStage    = "stage"    // Select: initial, update, resolved, followup
	KeyChannels = "channels" // MultiSelect: channel ids
	KeyIncident = "incident" // Input: the incident id
	KeyOut      = "out"      // Input: the folder the update is written to
	// KeyWriteAnyway is a Confirm before writing messages that break
	// their channel's limits or have error findings.
	KeyWriteAnyway = "write-anyway"
	// KeyRenderFailed is a Select after the messages could not be rendered
	// (a fact the templates need is empty): ActionBack or ActionQuit.
	KeyRenderFailed = "render-failed"
)

// Review actions, the values of the Select with ReviewKey.
const (
	ActionAccept = "accept" // take the message as shown
	ActionEdit   = "edit"   // edit its text, then review it again
	ActionReset  = "reset"  // drop an edit and use the rendered text again
	ActionBack   = "back"   // go back to the facts
	ActionQuit   = "quit"   // stop; the answers are kept
)

const (
	factPrefix   = "fact:"
	reviewPrefix = "review:"
	editPrefix   = "edit:"
)

// FactKey is the key of the Input or Text asking for a fact.
func FactKey(id string) string { return factPrefix + id }

// FactID returns the fact id of a FactKey.
func FactID(key string) (string, bool) { return strings.CutPrefix(key, factPrefix) }

// ReviewKey is the key of the Select that reviews a channel's message.
func ReviewKey(channel string) string { return reviewPrefix + channel }

// EditKey is the key of the Text that edits a channel's message.
func EditKey(channel string) string { return editPrefix + channel }

// FactsError lists the facts that are missing or malformed after the facts
// step; it only happens with answers that were not typed one by one, as an
// answers file.
type FactsError struct {
	Missing []string // ids of required facts without a value
	Invalid []string // "id: reason"
}

func (e *FactsError) Error() string {
	var parts []string
	if len(e.Missing) > 0 {
		parts = append(parts, "missing required facts: "+strings.Join(e.Missing, ", "))
	}
	if len(e.Invalid) > 0 {
		parts = append(parts, "invalid facts: "+strings.Join(e.Invalid, "; "))
	}
	return strings.Join(parts, "; ")
}
