package prompt

import (
	"errors"
	"fmt"
	"io"
	"os"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/crisis-comms/crisis/internal/draft"
)

// Accessible asks line by line, for screen readers, dumb terminals and
// piped answers: each question, its guidance and a hint on how to answer
// are plain lines on out, and each answer is one line of in. It never
// guesses: an answer it cannot take is refused with the reason and asked
// again, and input that ends before the flow does is an *InputEndedError,
// never a default.
type Accessible struct {
	in      *lineReader
	out     io.Writer
	echo    bool   // in is not a terminal: write each answer after its hint
	answers int    // questions answered
	shown   string // the body of the last Show
}

// NewAccessible returns the line-by-line prompter. A select takes the
// option's number, a multi-select numbers that switch options on and off
// until 0 or an empty line, a text one line in which \n is a line break;
// an empty line keeps the default. Answers may be up to MaxAnswer bytes
// of UTF-8 without control characters.
func NewAccessible(in io.Reader, out io.Writer) *Accessible {
	return &Accessible{in: newLineReader(in), out: out, echo: !isTerminal(in)}
}

// InputEndedError says that the input ended before the flow was done. It
// is never papered over with a default: an answers pipe that is one line
// short must not produce a message with a guessed fact.
type InputEndedError struct {
	Answers int    // questions answered before the input ended
	Prompt  string // the question that was waiting
	Lang    string // the language of the form, for the message
}

func (e *InputEndedError) Error() string {
	switch e.Answers {
	case 0:
		return wordf(e.Lang, "ended-at", e.Prompt)
	case 1:
		return wordf(e.Lang, "ended-one", e.Prompt)
	}
	return wordf(e.Lang, "ended", e.Answers, e.Prompt)
}

// ask asks for p's answer until take accepts one. The question is already
// printed; hint goes before every try. take returns done=false to ask again
// without a complaint (a multi-select between toggles).
func (a *Accessible) ask(p draft.Prompt, hint string, take func(string) (done bool, err error)) error {
	for {
		fmt.Fprint(a.out, hint+": ")
		line, err := a.in.readLine()
		switch {
		case errors.Is(err, io.EOF):
			fmt.Fprintln(a.out)
			return &InputEndedError{Answers: a.answers, Prompt: p.Title, Lang: p.Lang}
		case errors.Is(err, errTooLong):
			a.echoLine("")
			a.refuse(p.Lang, wordf(p.Lang, "too-long", MaxAnswer>>20))
			continue
		case err != nil:
			return fmt.Errorf(word(p.Lang, "read-failed"), p.Title, err)
		}
		if terr := checkText(line, false); terr != nil {
			a.echoLine("")
			a.refuse(p.Lang, terr.message(p.Lang))
			continue
		}
		a.echoLine(line)
		done, err := take(line)
		if err != nil {
			a.refuse(p.Lang, err.Error())
			continue
		}
		if done {
			a.answers++
			fmt.Fprintln(a.out)
			return nil
		}
	}
}

// echoLine ends the hint line. On a terminal the person's Enter did; from
// a pipe the answer is written there, cut short, so that the transcript
// reads as a dialogue.
func (a *Accessible) echoLine(line string) {
	if !a.echo {
		return
	}
	const maxEcho = 100
	line = strings.TrimSpace(line)
	if utf8.RuneCountInString(line) > maxEcho {
		line = string([]rune(line)[:maxEcho-1]) + "…"
	}
	fmt.Fprintln(a.out, line)
}

func (a *Accessible) refuse(lang, reason string) {
	fmt.Fprintln(a.out, wordf(lang, "refused", reason))
}

// question prints the title and the guidance of p.
func (a *Accessible) question(p draft.Prompt) {
	fmt.Fprintln(a.out, p.Title)
	if help := strings.TrimSpace(p.Help); help != "" {
		fmt.Fprintln(a.out, help)
	}
}

// Select implements draft.Prompter: the options are numbered.
func (a *Accessible) Select(p draft.Prompt, opts []draft.Option, def string) (string, error) {
	if len(opts) == 0 {
		return "", fmt.Errorf("%s: no options to choose from", p.Title)
	}
	a.question(p)
	for i, o := range opts {
		fmt.Fprintf(a.out, "%d. %s\n", i+1, o.Label)
	}
	span := numbers(p.Lang, len(opts))
	hint := wordf(p.Lang, "select", span)
	d := slices.IndexFunc(opts, func(o draft.Option) bool { return o.Value == def })
	if d >= 0 {
		hint = wordf(p.Lang, "select-def", span, opts[d].Label)
	}
	var v string
	err := a.ask(p, hint, func(s string) (bool, error) {
		s = strings.TrimSpace(s)
		if s == "" && d >= 0 {
			v = def
			return true, nil
		}
		n, err := strconv.Atoi(s)
		if err != nil || n < 1 || n > len(opts) {
			return false, errors.New(wordf(p.Lang, "select-bad", span))
		}
		v = opts[n-1].Value
		return true, nil
	})
	return v, err
}

// MultiSelect implements draft.Prompter: numbers switch options on and
// off, the list is shown again after every change, and 0 or an empty line
// ends the choice.
func (a *Accessible) MultiSelect(p draft.Prompt, opts []draft.Option, def []string, validate func([]string) error) ([]string, error) {
	on := make([]bool, len(opts))
	for i, o := range opts {
		on[i] = slices.Contains(def, o.Value)
	}
	list := func() {
		for i, o := range opts {
			if on[i] {
				fmt.Fprintf(a.out, "%d. %s (%s)\n", i+1, o.Label, word(p.Lang, "selected"))
			} else {
				fmt.Fprintf(a.out, "%d. %s\n", i+1, o.Label)
			}
		}
	}
	a.question(p)
	list()
	span := numbers(p.Lang, len(opts))
	var v []string
	err := a.ask(p, word(p.Lang, "multi"), func(s string) (bool, error) {
		fields := strings.FieldsFunc(s, func(r rune) bool { return r == ' ' || r == ',' || r == ';' })
		if len(fields) == 0 || len(fields) == 1 && fields[0] == "0" {
			v = []string{}
			for i, o := range opts {
				if on[i] {
					v = append(v, o.Value)
				}
			}
			if validate != nil {
				if err := validate(v); err != nil {
					return false, err
				}
			}
			return true, nil
		}
		picked := make([]int, len(fields))
		for i, f := range fields {
			n, err := strconv.Atoi(f)
			if err != nil || n < 1 || n > len(opts) {
				return false, errors.New(wordf(p.Lang, "multi-bad", span))
			}
			picked[i] = n - 1
		}
		for _, i := range picked {
			on[i] = !on[i]
		}
		list()
		return false, nil
	})
	return v, err
}

// numbers names the numbers of n options: "1 bis 4", or "1".
func numbers(lang string, n int) string {
	if n == 1 {
		return "1"
	}
	return wordf(lang, "range", 1, n)
}

// Input implements draft.Prompter.
func (a *Accessible) Input(p draft.Prompt, def string, validate func(string) error) (string, error) {
	a.question(p)
	hint := word(p.Lang, "input")
	if def != "" {
		hint = wordf(p.Lang, "input-def", def)
	}
	var v string
	err := a.ask(p, hint, func(s string) (bool, error) {
		s = strings.TrimSpace(s)
		if s == "" && def != "" {
			v = def
			return true, nil
		}
		if validate != nil {
			if err := validate(s); err != nil {
				return false, err
			}
		}
		v = s
		return true, nil
	})
	return v, err
}

// Text implements draft.Prompter. The answer is one line in which \n
// stands for a line break. A default that the last Show did not contain is
// printed, so that Enter never keeps a text the person has not heard.
func (a *Accessible) Text(p draft.Prompt, def string, validate func(string) error) (string, error) {
	a.question(p)
	hint := word(p.Lang, "text")
	if def != "" {
		if !strings.Contains(a.shown, strings.TrimRight(def, "\n")) {
			fmt.Fprintln(a.out, word(p.Lang, "text-was"))
			fmt.Fprintln(a.out, strings.TrimRight(def, "\n"))
		}
		hint = word(p.Lang, "text-def")
	}
	var v string
	err := a.ask(p, hint, func(s string) (bool, error) {
		if strings.TrimSpace(s) == "" && def != "" {
			v = def
			return true, nil
		}
		s = unescape(strings.TrimSpace(s))
		if validate != nil {
			if err := validate(s); err != nil {
				return false, err
			}
		}
		v = s
		return true, nil
	})
	return v, err
}

// Confirm implements draft.Prompter. Both languages' words are taken: j,
// ja, y, yes and n, nein, no.
func (a *Accessible) Confirm(p draft.Prompt, def bool) (bool, error) {
	a.question(p)
	hint := word(p.Lang, "confirm-no")
	if def {
		hint = word(p.Lang, "confirm-yes")
	}
	var v bool
	err := a.ask(p, hint, func(s string) (bool, error) {
		switch strings.ToLower(strings.TrimSpace(s)) {
		case "":
			v = def
		case "j", "ja", "y", "yes":
			v = true
		case "n", "nein", "no":
			v = false
		default:
			return false, errors.New(word(p.Lang, "confirm-bad"))
		}
		return true, nil
	})
	return v, err
}

// Show implements draft.Prompter.
func (a *Accessible) Show(title, body string) error {
	a.shown = body
	_, err := fmt.Fprintf(a.out, "%s\n%s\n\n", title, body)
	return err
}

// unescape turns the \n typed in a one-line answer into line breaks.
func unescape(s string) string { return strings.ReplaceAll(s, `\n`, "\n") }

// isTerminal reports whether r is a terminal (a character device).
func isTerminal(r io.Reader) bool {
	f, ok := r.(*os.File)
	if !ok {
		return false
	}
	fi, err := f.Stat()
	return err == nil && fi.Mode()&os.ModeCharDevice != 0
}
