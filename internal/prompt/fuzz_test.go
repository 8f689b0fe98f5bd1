package prompt

import (
	"bytes"
	"errors"
	"slices"
	"strings"
	"testing"

	"github.com/crisis-comms/crisis/internal/draft"
)

// FuzzAccessible plays any input to accessible questions of every kind, in
// turn, until the input ends. Every answer taken must be one the question
// allows, the input must end in an *InputEndedError, and the transcript
// must grow with the input, not loop.
func FuzzAccessible(f *testing.F) {
	for _, seed := range []string{
		"", "\n", "2\n\nSeit 9 Uhr\n3 1\n0\nZeile 1\\nZeile 2\nj\n",
		"7\n", "1\n0\n", "a\x00b\n", "Stra\xdfe\r\n", "\r\r\n\n", "1 2 3,,;0\n\n", "-1\n+1\n01\n",
	} {
		f.Add([]byte(seed))
	}
	p := draft.Prompt{Key: "k", Title: "Frage?", Lang: "de"}
	nonEmpty := func(s string) error {
		if strings.TrimSpace(s) == "" {
			return errors.New("leer")
		}
		return nil
	}
	values := func(v []string) error {
		if len(v) == 0 {
			return errors.New("bitte mindestens einen Kanal wählen")
		}
		return nil
	}
	f.Fuzz(func(t *testing.T, in []byte) {
		var out bytes.Buffer
		a := NewAccessible(bytes.NewReader(in), &out)
		var err error
		for i := 0; err == nil; i++ {
			switch i % 5 {
			case 0:
				var v string
				if v, err = a.Select(p, opts, "de"); err == nil && !slices.ContainsFunc(opts, func(o draft.Option) bool { return o.Value == v }) {
					t.Fatalf("select took %q", v)
				}
			case 1:
				var v []string
				if v, err = a.MultiSelect(p, opts, []string{"en"}, values); err == nil && (len(v) == 0 || len(v) > len(opts)) {
					t.Fatalf("multi-select took %q", v)
				}
			case 2:
				var v string
				if v, err = a.Input(p, "", nonEmpty); err == nil && (nonEmpty(v) != nil || checkText(v, false) != nil || len(v) > MaxAnswer) {
					t.Fatalf("input took %q", v)
				}
			case 3:
				var v string
				if v, err = a.Text(p, "alt", nil); err == nil && checkText(v, true) != nil {
					t.Fatalf("text took %q", v)
				}
			case 4:
				_, err = a.Confirm(p, false)
			}
		}
		var ended *InputEndedError
		if !errors.As(err, &ended) {
			t.Fatalf("err %v, want *InputEndedError", err)
		}
		if lines := bytes.Count(in, []byte("\n")) + 1; out.Len() > 4096+400*lines {
			t.Fatalf("%d bytes of transcript for %d lines of input", out.Len(), lines)
		}
	})
}
