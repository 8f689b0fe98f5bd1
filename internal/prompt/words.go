package prompt

import "fmt"

// words are what the prompters add to the flow's questions — hints, key
// help, their own messages — in the language of the form (draft.Prompt's
// Lang), so that a German form has no English word in it.
var words = map[string]map[string]string{
	"en": {
		"select":        "Number (%s)",
		"select-def":    "Number (%s, Enter: %s)",
		"select-bad":    "please type one of the numbers above (%s)",
		"multi":         "Numbers to select or deselect (several with spaces), 0 or Enter when done",
		"multi-bad":     "please type numbers from the list above (%s), or 0 or Enter when done",
		"selected":      "selected",
		"input":         "Answer",
		"input-def":     "Answer (Enter: %s)",
		"text":          `Answer on one line, \n for a line break`,
		"text-def":      `Answer on one line, \n for a line break (Enter keeps the text above)`,
		"text-was":      "The text so far (Enter keeps it):",
		"confirm-yes":   "y or n (Enter: yes)",
		"confirm-no":    "y or n (Enter: no)",
		"confirm-bad":   "please type y for yes or n for no",
		"refused":       "Not taken: %v",
		"too-long":      "the answer is longer than %d MiB; please shorten it",
		"bad-utf8":      "the answer is not valid UTF-8 text (at byte %d); please check the character encoding",
		"control":       "the answer contains the control character %U at character %d; please type the answer without it",
		"read-failed":   "cannot read the answer to %q: %w",
		"raw-failed":    "cannot switch the terminal to reading keys: %w",
		"ended":         "input ended after %d answers, at the question: %s",
		"ended-at":      "input ended at the first question: %s",
		"ended-one":     "input ended after one answer, at the question: %s",
		"range":         "%d to %d",
		"yes":           "Yes",
		"no":            "No",
		"key-enter":     "enter",
		"key-back":      "shift+tab",
		"key-editor":    "ctrl+e",
		"key-newline":   "alt+enter / ctrl+j",
		"key-toggle":    "space",
		"key-all":       "ctrl+a",
		"key-up":        "↑",
		"key-down":      "↓",
		"help-submit":   "submit",
		"help-next":     "next",
		"help-back":     "back",
		"help-select":   "select",
		"help-confirm":  "confirm",
		"help-up":       "up",
		"help-down":     "down",
		"help-toggle":   "select or deselect",
		"help-all":      "select all",
		"help-none":     "select none",
		"help-newline":  "new line",
		"help-editor":   "open editor",
		"help-complete": "complete",
	},
	"de": {
		"select":        "Nummer (%s)",
		"select-def":    "Nummer (%s, Enter: %s)",
		"select-bad":    "bitte eine der Nummern oben eingeben (%s)",
		"multi":         "Nummern an- oder abwählen (mehrere mit Leerzeichen), fertig mit 0 oder Enter",
		"multi-bad":     "bitte Nummern aus der Liste oben eingeben (%s), oder 0 oder Enter, wenn fertig",
		"selected":      "ausgewählt",
		"input":         "Antwort",
		"input-def":     "Antwort (Enter: %s)",
		"text":          `Antwort in einer Zeile, \n für einen Zeilenumbruch`,
		"text-def":      `Antwort in einer Zeile, \n für einen Zeilenumbruch (Enter behält den Text oben)`,
		"text-was":      "Der bisherige Text (Enter behält ihn):",
		"confirm-yes":   "j oder n (Enter: ja)",
		"confirm-no":    "j oder n (Enter: nein)",
		"confirm-bad":   "bitte j für ja oder n für nein eingeben",
		"refused":       "Nicht übernommen: %v",
		"too-long":      "die Antwort ist länger als %d MiB; bitte kürzen",
		"bad-utf8":      "die Antwort ist kein gültiger UTF-8-Text (bei Byte %d); bitte die Zeichenkodierung prüfen",
		"control":       "die Antwort enthält das Steuerzeichen %U an Zeichen %d; bitte ohne Steuerzeichen eingeben",
		"read-failed":   "die Antwort auf „%s“ lässt sich nicht lesen: %w",
		"raw-failed":    "das Terminal lässt sich nicht auf Tasteneingabe umschalten: %w",
		"ended":         "die Eingabe endete nach %d Antworten, bei der Frage: %s",
		"ended-at":      "die Eingabe endete schon bei der ersten Frage: %s",
		"ended-one":     "die Eingabe endete nach einer Antwort, bei der Frage: %s",
		"range":         "%d bis %d",
		"yes":           "Ja",
		"no":            "Nein",
		"key-enter":     "Enter",
		"key-back":      "Umschalt+Tab",
		"key-editor":    "Strg+E",
		"key-newline":   "Alt+Enter / Strg+J",
		"key-toggle":    "Leertaste",
		"key-all":       "Strg+A",
		"key-up":        "↑",
		"key-down":      "↓",
		"help-submit":   "fertig",
		"help-next":     "weiter",
		"help-back":     "zurück",
		"help-select":   "auswählen",
		"help-confirm":  "bestätigen",
		"help-up":       "hoch",
		"help-down":     "runter",
		"help-toggle":   "an- oder abwählen",
		"help-all":      "alle wählen",
		"help-none":     "keine wählen",
		"help-newline":  "neue Zeile",
		"help-editor":   "im Editor öffnen",
		"help-complete": "ergänzen",
	},
}

// word returns the text for key in lang, falling back to English.
func word(lang, key string) string {
	if s, ok := words[lang][key]; ok {
		return s
	}
	return words["en"][key]
}

// wordf formats the text for key in lang.
func wordf(lang, key string, args ...any) string {
	return fmt.Sprintf(word(lang, key), args...)
}
