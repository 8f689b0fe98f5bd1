// Package prompt implements draft.Prompter for people and for files:
// terminal forms and accessible line-by-line prompts built on huh (this is
// the only package that imports it), and answers read from a facts file.
package prompt

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"strings"
	"unicode/utf8"

	"github.com/charmbracelet/huh"

	"github.com/crisis-comms/crisis/internal/draft"
)

// InputEndedError says that accessible input ended before the flow was
// done. It is never papered over with a default: an answers pipe that is
// one line short must not produce a message with a guessed fact.
type InputEndedError struct {
	Answers int    // prompts answered before the input ended
	Prompt  string // the title of the prompt that was waiting
}

func (e *InputEndedError) Error() string {
	return fmt.Sprintf("input ended after %d answers, at: %s", e.Answers, e.Prompt)
}

// Forms asks with huh forms drawn on the given output (stderr, so that
// stdout stays free for the result).
type Forms struct {
	in         io.Reader
	out        io.Writer
	accessible bool
	lines      *lineReader // accessible mode only
	answers    int
	theme      *huh.Theme
}

// NewForms returns the full-screen terminal prompter. in and out must be
// a terminal.
func NewForms(in io.Reader, out io.Writer) *Forms {
	return &Forms{in: in, out: out, theme: huh.ThemeCharm()}
}

// NewAccessible returns a prompter for screen readers, dumb terminals and
// piped answers: plain questions, one answer per line. An empty line keeps
// the default; a select takes the option's number, a multi-select toggles
// numbers and ends with 0.
func NewAccessible(in io.Reader, out io.Writer) *Forms {
	return &Forms{in: in, out: out, accessible: true, lines: &lineReader{r: bufio.NewReader(in)}, theme: huh.ThemeBase()}
}

// run runs a one-field form and maps huh's outcome to the flow's.
func (f *Forms) run(p draft.Prompt, field huh.Field, hint string) error {
	form := huh.NewForm(huh.NewGroup(field)).WithOutput(f.out).WithTheme(f.theme)
	if f.accessible {
		// huh's accessible fields print only the title; the guidance and
		// the default are part of the question.
		if p.Help != "" {
			fmt.Fprintln(f.out, p.Help)
		}
		if hint != "" {
			fmt.Fprintln(f.out, hint)
		}
		form = form.WithAccessible(true).WithInput(f.lines)
	} else {
		form = form.WithInput(f.in)
	}
	err := form.Run()
	if errors.Is(err, huh.ErrUserAborted) {
		return draft.ErrAborted
	}
	if err != nil {
		return err
	}
	if f.accessible && f.lines.ended {
		return &InputEndedError{Answers: f.answers, Prompt: p.Title}
	}
	f.answers++
	return nil
}

func options(opts []draft.Option) []huh.Option[string] {
	out := make([]huh.Option[string], len(opts))
	for i, o := range opts {
		out[i] = huh.NewOption(o.Label, o.Value)
	}
	return out
}

// Select implements draft.Prompter.
func (f *Forms) Select(p draft.Prompt, opts []draft.Option, def string) (string, error) {
	v := def
	field := huh.NewSelect[string]().Title(p.Title).Options(options(opts)...).Value(&v)
	if p.Help != "" && !f.accessible {
		field.Description(p.Help)
	}
	hint := ""
	for _, o := range opts {
		if o.Value == def {
			hint = "(Enter: " + o.Label + ")"
		}
	}
	return v, f.run(p, field, hint)
}

// MultiSelect implements draft.Prompter.
func (f *Forms) MultiSelect(p draft.Prompt, opts []draft.Option, def []string, validate func([]string) error) ([]string, error) {
	v := append([]string(nil), def...)
	field := huh.NewMultiSelect[string]().Title(p.Title).Options(options(opts)...).Value(&v)
	if validate != nil {
		field.Validate(validate)
	}
	if p.Help != "" && !f.accessible {
		field.Description(p.Help)
	}
	return v, f.run(p, field, "")
}

// keepDefault lets an empty accessible answer through to huh, which then
// takes the default; huh checks the empty line before it falls back.
func (f *Forms) keepDefault(def string, validate func(string) error) func(string) error {
	return func(s string) error {
		if f.accessible && strings.TrimSpace(s) == "" && def != "" {
			return nil
		}
		if validate == nil {
			return nil
		}
		return validate(s)
	}
}

// Input implements draft.Prompter.
func (f *Forms) Input(p draft.Prompt, def string, validate func(string) error) (string, error) {
	v := def
	field := huh.NewInput().Title(p.Title).Value(&v).Validate(f.keepDefault(def, validate))
	if p.Help != "" && !f.accessible {
		field.Description(p.Help)
	}
	hint := ""
	if def != "" {
		hint = "(Enter: " + def + ")"
	}
	return v, f.run(p, field, hint)
}

// Text implements draft.Prompter. In accessible mode the answer is one
// line in which \n stands for a line break.
func (f *Forms) Text(p draft.Prompt, def string, validate func(string) error) (string, error) {
	// The editor opens with the cursor after the text; a trailing newline
	// would put it on an empty last line and scroll the text out of view.
	v := strings.TrimRight(def, "\n")
	check := f.keepDefault(v, validate)
	field := huh.NewText().Title(p.Title).Value(&v).Lines(textLines(def))
	if f.accessible {
		field.Validate(func(s string) error { return check(unescape(s)) })
	} else {
		field.Validate(check)
		if p.Feedback != nil {
			// Re-lint on every key stroke: the findings above the editor
			// follow the text as it is typed. huh sizes the form once, so
			// the feedback keeps a fixed height or it would push the
			// editor out of view.
			field.DescriptionFunc(func() string { return joinHelp(p.Help, fixedLines(p.Feedback(v), feedbackLines, feedbackWidth)) }, &v)
		} else if p.Help != "" {
			field.Description(p.Help)
		}
	}
	hint := `(\n = new line)`
	if def != "" {
		hint = `(Enter keeps the text shown above; \n = new line)`
	}
	err := f.run(p, field, hint)
	if f.accessible {
		v = unescape(v)
	}
	return v, err
}

// Confirm implements draft.Prompter.
func (f *Forms) Confirm(p draft.Prompt, def bool) (bool, error) {
	v := def
	field := huh.NewConfirm().Title(p.Title).Value(&v)
	if p.Help != "" && !f.accessible {
		field.Description(p.Help)
	}
	return v, f.run(p, field, "")
}

// Show implements draft.Prompter: the text is printed above the next form.
func (f *Forms) Show(title, body string) error {
	if !f.accessible {
		title = f.theme.Focused.Title.Render(title)
	}
	_, err := fmt.Fprintf(f.out, "\n%s\n%s\n\n", title, body)
	return err
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

func unescape(s string) string { return strings.ReplaceAll(s, `\n`, "\n") }

// lineReader hands out its input at most one line per Read. huh's
// accessible prompts read each answer through a new bufio.Scanner, which
// would otherwise swallow the following piped lines with its first read.
// It also records that the input ended, which huh itself only answers
// with the default.
type lineReader struct {
	r       *bufio.Reader
	pending []byte
	ended   bool
}

func (l *lineReader) Read(p []byte) (int, error) {
	if len(l.pending) == 0 {
		line, err := l.r.ReadBytes('\n')
		if len(line) == 0 {
			if err == nil {
				err = io.ErrNoProgress
			}
			l.ended = true
			return 0, err
		}
		if line[len(line)-1] != '\n' {
			// The last line without a newline is still a whole answer;
			// ending it here keeps the scanner from reading on into EOF.
			line = append(line, '\n')
		}
		l.pending = line
	}
	n := copy(p, l.pending)
	l.pending = l.pending[n:]
	return n, nil
}
