package prompt

import (
	"errors"
	"slices"
	"strings"
	"testing"
	"unicode"

	tea "charm.land/bubbletea/v2"
	"charm.land/huh/v2"
	"github.com/charmbracelet/x/ansi"

	"github.com/crisis-comms/crisis/internal/draft"
)

// Words that give away the other language. Each is a word of one language
// only; "Enter", "Tab" and the key names are the same in both.
var (
	english = set("the", "and", "or", "to", "of", "please", "type", "number", "numbers", "between",
		"select", "selected", "option", "options", "yes", "no", "new", "line", "submit", "next", "back",
		"toggle", "filter", "invalid", "answer", "input", "choose", "done", "keep", "keeps", "up", "down",
		"above", "break", "ended", "question", "after", "control", "character", "longer", "than", "open",
		"confirm", "all", "none", "matches", "ctrl", "shift", "space", "taken", "not", "shorten")
	german = set("und", "oder", "bitte", "nummer", "nummern", "antwort", "eingabe", "fertig", "weiter",
		"zurück", "ja", "nein", "zeile", "zeilenumbruch", "wählen", "ausgewählt", "nicht", "übernommen",
		"endete", "frage", "steuerzeichen", "strg", "umschalt", "leertaste", "hoch", "runter", "oben", "kürzen")
)

func set(words ...string) map[string]bool {
	m := map[string]bool{}
	for _, w := range words {
		m[w] = true
	}
	return m
}

// foreign returns the words of s found in words, ignoring the lines that
// quote what the test itself put into the prompts.
func foreign(s string, words map[string]bool, quoted []string) []string {
	var found []string
	for _, line := range strings.Split(s, "\n") {
		for _, q := range quoted {
			line = strings.ReplaceAll(line, q, "")
		}
		for _, w := range strings.FieldsFunc(line, func(r rune) bool { return !unicode.IsLetter(r) }) {
			if words[strings.ToLower(w)] && !slices.Contains(found, w) {
				found = append(found, w)
			}
		}
	}
	return found
}

// view renders a one-field form as a terminal of 100×30 shows it.
func view(lang string, field huh.Field, keys ...tea.Msg) string {
	form := newForm(lang, field)
	form.Init()
	msgs := append([]tea.Msg{tea.WindowSizeMsg{Width: 100, Height: 30}, nil}, keys...)
	for _, msg := range msgs {
		m, _ := form.Update(msg)
		form = m.(*huh.Form)
	}
	return ansi.Strip(form.View())
}

var enter = tea.KeyPressMsg{Code: tea.KeyEnter}

func required(lang string) func(string) error {
	return func(s string) error {
		if s == "" {
			return errors.New(map[string]string{"de": "Pflichtangabe: bitte ausfüllen", "en": "required: please fill this in"}[lang])
		}
		return nil
	}
}

// TestFormsSpeakTheFormsLanguage renders every kind of terminal form, with
// its key help and the prompter's own validation messages, in German and
// in English, and fails on a word of the other language.
func TestFormsSpeakTheFormsLanguage(t *testing.T) {
	// What the test itself puts in the prompts; the titles are the flow's.
	quoted := []string{"Deutsch", "English", "Français", "Titel", "Hinweis"}
	for _, tt := range []struct {
		lang  string
		other map[string]bool
		want  []string
	}{
		{"de", english, []string{"Enter fertig", "Leertaste an- oder abwählen", "↑ hoch", "Alt+Enter / Strg+J neue Zeile", "Strg+E im Editor öffnen", "Ja", "Nein", "Steuerzeichen U+0007", "Pflichtangabe"}},
		{"en", german, []string{"enter submit", "space select or deselect", "↑ up", "alt+enter / ctrl+j new line", "ctrl+e open editor", "Yes", "No", "control character U+0007", "required"}},
	} {
		t.Run(tt.lang, func(t *testing.T) {
			p := draft.Prompt{Title: "Titel", Help: "Hinweis", Lang: tt.lang}
			sel, multi, in, text := "de", []string{"de"}, "", "Text"
			yes := true
			screens := map[string]string{
				"select":       view(tt.lang, selectField(p, opts, &sel)),
				"multi-select": view(tt.lang, multiSelectField(p, opts, &multi, nil)),
				"input":        view(tt.lang, inputField(p, &in, required(tt.lang)), enter),
				"text":         view(tt.lang, textField(p, &text, nil)),
				"confirm":      view(tt.lang, confirmField(p, &yes)),
			}
			// The terminal drops control characters as they are typed; a
			// value set otherwise still meets the prompter's check.
			all := check(tt.lang, false, nil)("a\ab").Error()
			for name, s := range screens {
				if found := foreign(s, tt.other, quoted); len(found) > 0 {
					t.Errorf("%s form in %s shows %q:\n%s", name, tt.lang, found, s)
				}
				all += s
			}
			for _, w := range tt.want {
				if !strings.Contains(all, w) {
					t.Errorf("no form in %s shows %q:\n%s", tt.lang, w, all)
				}
			}
		})
	}
}

// TestAccessibleSpeaksTheFormsLanguage runs every kind of accessible
// question, with every refusal and the end of the input, in German and in
// English, and fails on a word of the other language in the transcript or
// the error.
func TestAccessibleSpeaksTheFormsLanguage(t *testing.T) {
	in := strings.Join([]string{
		"9", "x", "", // select: out of range, not a number, default
		"4", "1 2", "1", "0", // multi-select: out of range, toggles, done
		"a\x07b", "Stra\xdfe", strings.Repeat("x", MaxAnswer+1), "", "Antwort", // input: control, UTF-8, too long, required, taken
		"",                        // text: keeps the default
		"vielleicht", "maybe", "", // confirm: neither, default
		// and the input ends at the next question
	}, "\n") + "\n"
	quoted := []string{"Deutsch", "English", "Français", "Titel", "Hinweis", "Antwort", "vielleicht", "maybe", "alter Text", "Straße"}
	for _, tt := range []struct {
		lang  string
		other map[string]bool
		want  []string
	}{
		{"de", english, []string{"Nummer (1 bis 3, Enter: Deutsch)", "Nicht übernommen: bitte eine der Nummern oben eingeben (1 bis 3)", "ausgewählt", "bitte Nummern aus der Liste oben eingeben", "Steuerzeichen U+0007", "kein gültiger UTF-8-Text", "länger als 1 MiB", "Pflichtangabe", "Der bisherige Text (Enter behält ihn)", `\n für einen Zeilenumbruch`, "j oder n (Enter: ja)", "bitte j für ja oder n für nein eingeben", "die Eingabe endete nach 5 Antworten, bei der Frage: Titel"}},
		{"en", german, []string{"Number (1 to 3, Enter: Deutsch)", "Not taken: please type one of the numbers above (1 to 3)", "selected", "please type numbers from the list above", "control character U+0007", "not valid UTF-8", "longer than 1 MiB", "required", "The text so far (Enter keeps it)", `\n for a line break`, "y or n (Enter: yes)", "please type y for yes or n for no", "input ended after 5 answers, at the question: Titel"}},
	} {
		t.Run(tt.lang, func(t *testing.T) {
			var out strings.Builder
			a := NewAccessible(strings.NewReader(in), &out)
			p := draft.Prompt{Title: "Titel", Help: "Hinweis", Lang: tt.lang}
			if _, err := a.Select(p, opts, "de"); err != nil {
				t.Fatal(err)
			}
			if _, err := a.MultiSelect(p, opts, nil, nil); err != nil {
				t.Fatal(err)
			}
			if _, err := a.Input(p, "", required(tt.lang)); err != nil {
				t.Fatal(err)
			}
			if _, err := a.Text(p, "alter Text", nil); err != nil {
				t.Fatal(err)
			}
			if _, err := a.Confirm(p, true); err != nil {
				t.Fatal(err)
			}
			_, err := a.Input(p, "", nil)
			if err == nil {
				t.Fatal("no error at the end of the input")
			}
			all := out.String() + err.Error()
			if found := foreign(all, tt.other, quoted); len(found) > 0 {
				t.Errorf("the %s transcript has %q:\n%s", tt.lang, found, all)
			}
			for _, w := range tt.want {
				if !strings.Contains(all, w) {
					t.Errorf("the %s transcript lacks %q:\n%s", tt.lang, w, all)
				}
			}
		})
	}
}

// TestWordsInBothLanguages keeps the two languages in step: a text missing
// in one would fall back to English in a German form.
func TestWordsInBothLanguages(t *testing.T) {
	for key := range words["en"] {
		if _, ok := words["de"][key]; !ok {
			t.Errorf("%q has no German text", key)
		}
	}
	for key := range words["de"] {
		if _, ok := words["en"][key]; !ok {
			t.Errorf("%q has no English text", key)
		}
	}
}
