// Package prompt implements draft.Prompter for people and for files:
// full-screen terminal forms built on huh (this is the only package that
// imports it), plain line-by-line questions for screen readers and pipes,
// and answers read from a facts file. What the prompters add to a question
// — key help, hints, their own messages — follows the language of the form.
package prompt

import (
	"errors"
	"fmt"
	"io"
	"strings"
	"unicode/utf8"

	"charm.land/bubbles/v2/key"
	"charm.land/huh/v2"
	"charm.land/lipgloss/v2"

	"github.com/crisis-comms/crisis/internal/draft"
)

// Forms asks with huh forms drawn on the given output (stderr, so that
// stdout stays free for the result).
type Forms struct {
	in   io.Reader
	out  io.Writer
	keys *keyboard
}

// NewForms returns the full-screen terminal prompter. in and out must be
// a terminal that can draw; screen readers and TERM=dumb take
// NewAccessible. From the first question on, the prompter reads in for
// as long as the process runs.
func NewForms(in io.Reader, out io.Writer) *Forms {
	return &Forms{in: in, out: out, keys: newKeyboard(in)}
}

// ask runs a one-field form and maps huh's outcome to the flow's.
func (f *Forms) ask(lang string, field huh.Field) error {
	in := f.in
	if ownKeyboard {
		restore, err := rawMode(f.in)
		if err != nil {
			return fmt.Errorf(word(lang, "raw-failed"), err)
		}
		defer restore()
		keys := f.keys.form()
		defer keys.end()
		in = keys
	}
	err := newForm(lang, field).WithInput(in).WithOutput(f.out).Run()
	if errors.Is(err, huh.ErrUserAborted) {
		return draft.ErrAborted
	}
	return err
}

// newForm is a form of one field with its key help in lang.
func newForm(lang string, field huh.Field) *huh.Form {
	return huh.NewForm(huh.NewGroup(field)).
		WithAccessible(false). // huh turns it on for TERM=dumb
		WithTheme(huh.ThemeFunc(huh.ThemeCharm)).
		WithKeyMap(keyMap(lang))
}

// Select implements draft.Prompter.
func (f *Forms) Select(p draft.Prompt, opts []draft.Option, def string) (string, error) {
	v := def
	err := f.ask(p.Lang, selectField(p, opts, &v))
	return v, err
}

// MultiSelect implements draft.Prompter.
func (f *Forms) MultiSelect(p draft.Prompt, opts []draft.Option, def []string, validate func([]string) error) ([]string, error) {
	v := append([]string(nil), def...)
	err := f.ask(p.Lang, multiSelectField(p, opts, &v, validate))
	return v, err
}

// Input implements draft.Prompter.
func (f *Forms) Input(p draft.Prompt, def string, validate func(string) error) (string, error) {
	v := def
	err := f.ask(p.Lang, inputField(p, &v, validate))
	return v, err
}

// Text implements draft.Prompter.
func (f *Forms) Text(p draft.Prompt, def string, validate func(string) error) (string, error) {
	// The editor opens with the cursor after the text; a trailing newline
	// would put it on an empty last line and scroll the text out of view.
	v := strings.TrimRight(def, "\n")
	err := f.ask(p.Lang, textField(p, &v, validate))
	return v, err
}

// Confirm implements draft.Prompter.
func (f *Forms) Confirm(p draft.Prompt, def bool) (bool, error) {
	v := def
	err := f.ask(p.Lang, confirmField(p, &v))
	return v, err
}

// Show implements draft.Prompter: the text is printed above the next form.
func (f *Forms) Show(title, body string) error {
	_, err := fmt.Fprintf(f.out, "\n%s\n%s\n\n", lipgloss.NewStyle().Bold(true).Render(title), body)
	return err
}

func options(opts []draft.Option) []huh.Option[string] {
	out := make([]huh.Option[string], len(opts))
	for i, o := range opts {
		out[i] = huh.NewOption(o.Label, o.Value)
	}
	return out
}

func selectField(p draft.Prompt, opts []draft.Option, v *string) huh.Field {
	field := huh.NewSelect[string]().Title(p.Title).Options(options(opts)...).Value(v)
	if p.Help != "" {
		field.Description(p.Help)
	}
	return field
}

func multiSelectField(p draft.Prompt, opts []draft.Option, v *[]string, validate func([]string) error) huh.Field {
	// No filter: its "No matches" cannot be put in the form's language, and
	// the lists are short.
	field := huh.NewMultiSelect[string]().Title(p.Title).Options(options(opts)...).Value(v).Filterable(false)
	if validate != nil {
		field.Validate(validate)
	}
	if p.Help != "" {
		field.Description(p.Help)
	}
	return field
}

func inputField(p draft.Prompt, v *string, validate func(string) error) huh.Field {
	field := huh.NewInput().Title(p.Title).Value(v).Validate(check(p.Lang, false, validate))
	if p.Help != "" {
		field.Description(p.Help)
	}
	return field
}

func textField(p draft.Prompt, v *string, validate func(string) error) huh.Field {
	field := huh.NewText().Title(p.Title).Value(v).Lines(textLines(*v)).Validate(check(p.Lang, true, validate))
	if p.Feedback != nil {
		// Re-lint on every key stroke: the findings above the editor
		// follow the text as it is typed. huh sizes the form once, so the
		// feedback keeps a fixed height or it would push the editor out
		// of view.
		field.DescriptionFunc(func() string { return joinHelp(p.Help, fixedLines(p.Feedback(*v), feedbackLines, feedbackWidth)) }, v)
	} else if p.Help != "" {
		field.Description(p.Help)
	}
	return field
}

// confirmField asks yes or no as a choice of two: huh's own confirm field
// names its keys y and n whatever the language.
func confirmField(p draft.Prompt, v *bool) huh.Field {
	field := huh.NewSelect[bool]().Title(p.Title).Value(v).Options(
		huh.NewOption(word(p.Lang, "yes"), true),
		huh.NewOption(word(p.Lang, "no"), false),
	)
	if p.Help != "" {
		field.Description(p.Help)
	}
	return field
}

// check is the validation of a typed answer: what no message should carry
// first, then the flow's own check.
func check(lang string, multiline bool, validate func(string) error) func(string) error {
	return func(s string) error {
		if len(s) > MaxAnswer {
			return errors.New(wordf(lang, "too-long", MaxAnswer>>20))
		}
		if terr := checkText(s, multiline); terr != nil {
			return errors.New(terr.message(lang))
		}
		if validate == nil {
			return nil
		}
		return validate(s)
	}
}

// keyMap is huh's key map with the help of every key a one-field form
// shows in lang. The keys stay huh's; the select filter is off, as in
// MultiSelect.
func keyMap(lang string) *huh.KeyMap {
	k := huh.NewDefaultKeyMap()
	help := func(b *key.Binding, keyWord, helpWord string) {
		b.SetHelp(word(lang, keyWord), word(lang, helpWord))
	}
	help(&k.Input.AcceptSuggestion, "key-editor", "help-complete")
	help(&k.Input.Prev, "key-back", "help-back")
	help(&k.Input.Next, "key-enter", "help-next")
	help(&k.Input.Submit, "key-enter", "help-submit")

	help(&k.Text.Prev, "key-back", "help-back")
	help(&k.Text.Next, "key-enter", "help-next")
	help(&k.Text.Submit, "key-enter", "help-submit")
	help(&k.Text.NewLine, "key-newline", "help-newline")
	help(&k.Text.Editor, "key-editor", "help-editor")

	help(&k.Select.Prev, "key-back", "help-back")
	help(&k.Select.Next, "key-enter", "help-select")
	help(&k.Select.Submit, "key-enter", "help-submit")
	help(&k.Select.Up, "key-up", "help-up")
	help(&k.Select.Down, "key-down", "help-down")
	k.Select.Filter.SetEnabled(false)

	help(&k.MultiSelect.Prev, "key-back", "help-back")
	help(&k.MultiSelect.Next, "key-enter", "help-confirm")
	help(&k.MultiSelect.Submit, "key-enter", "help-submit")
	help(&k.MultiSelect.Up, "key-up", "help-up")
	help(&k.MultiSelect.Down, "key-down", "help-down")
	help(&k.MultiSelect.Toggle, "key-toggle", "help-toggle")
	help(&k.MultiSelect.SelectAll, "key-all", "help-all")
	help(&k.MultiSelect.SelectNone, "key-all", "help-none")
	return k
}

// textLines is the editor height for a text: its lines as wrapped at
// about editorWidth, plus one to type on, within 4 to 16.
func textLines(text string) int {
	n := 1
	for _, line := range strings.Split(text, "\n") {
		n += 1 + utf8.RuneCountInString(line)/editorWidth
	}
	return max(4, min(n, 16))
}

// Sizes in the terminal editor, in lines and runes; forms are at most as
// wide as a usual terminal.
const (
	feedbackLines = 6
	feedbackWidth = 100
	editorWidth   = 80
)

// fixedLines cuts or pads s to exactly n lines of at most width runes.
func fixedLines(s string, n, width int) string {
	lines := strings.Split(s, "\n")
	if len(lines) > n {
		more := len(lines) - n + 1
		lines = append(lines[:n-1], fmt.Sprintf("… (+%d)", more))
	}
	for i, l := range lines {
		if r := []rune(l); len(r) > width {
			lines[i] = string(r[:width-1]) + "…"
		}
	}
	for len(lines) < n {
		lines = append(lines, "")
	}
	return strings.Join(lines, "\n")
}

func joinHelp(help, feedback string) string {
	if help == "" {
		return feedback
	}
	return help + "\n\n" + feedback
}
