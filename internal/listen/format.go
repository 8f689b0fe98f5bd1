package listen

import (
	"encoding/csv"
	"encoding/json"
	"fmt"
	"io"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/crisis-comms/crisis/playbook"
)

// Formats are the output formats of `crisis listen`.
var Formats = []string{"text", "json", "csv"}

// Write prints the report in format (text, json or csv); lang is the
// language of the text report.
func Write(w io.Writer, rep *Report, format, lang string) error {
	switch format {
	case "json":
		return WriteJSON(w, rep)
	case "csv":
		return WriteCSV(w, rep)
	case "text", "":
		return WriteText(w, rep, lang)
	}
	return fmt.Errorf("unknown format %q: use text, json or csv", format)
}

// WriteJSON prints the report as one JSON object (contract, see README).
func WriteJSON(w io.Writer, rep *Report) error {
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	return enc.Encode(rep)
}

// CSVHeader is the header row of the CSV report (contract).
var CSVHeader = []string{"id", "line", "lang", "channel", "author", "kinds", "urgent", "reason", "cue", "topic", "answered_by", "text"}

// WriteCSV prints one row per message, in triage order; kinds are joined
// with "|".
func WriteCSV(w io.Writer, rep *Report) error {
	cw := csv.NewWriter(w)
	if err := cw.Write(CSVHeader); err != nil {
		return err
	}
	for _, r := range rep.Messages {
		if err := cw.Write([]string{r.ID, strconv.Itoa(r.Line), r.Lang, r.Channel, r.Author,
			strings.Join(r.Kinds, "|"), strconv.FormatBool(r.Urgent), r.Reason, r.Cue, r.Topic, r.AnsweredBy,
			csvSafe(r.Text)}); err != nil {
			return err
		}
	}
	cw.Flush()
	return cw.Error()
}

// csvSafe keeps a spreadsheet from running a message as a formula.
func csvSafe(s string) string {
	if s != "" && strings.ContainsRune("=+-@\t\r", rune(s[0])) {
		return "'" + s
	}
	return s
}

// words of the text report, per language.
var texts = map[string]map[string]string{
	"de": {
		"messages": "Nachrichten", "urgent": "dringend", "Urgent": "Dringend – zuerst beantworten",
		"questions": "Häufigste Fragen – für die FAQ der Infoseite und das nächste Update",
		"rumours":   "Gerüchte, die richtiggestellt werden sollten",
		"gaps":      "Offene Themen – kein Fakt des letzten Updates beantwortet sie",
		"all":       "Alle Nachrichten, dringend zuerst", "answered": "beantwortet durch", "open": "offen",
		"eg": "z. B.", "noIncident": "Mit --incident DIR zeigt der Bericht, welcher Fakt des letzten Updates welche Frage beantwortet.",
		"none":       "keine",
		"questions:": "Fragen", "complaints:": "Beschwerden", "worries:": "Sorgen", "angers:": "Wut",
		"insults:": "Beleidigungen", "praises:": "Lob", "rumours:": "Gerüchte", "spams:": "Spam", "others:": "Sonstige",
		"question": "Frage", "complaint": "Beschwerde", "worry": "Sorge", "anger": "Wut", "insult": "Beleidigung",
		"praise": "Lob", "rumour": "Gerücht", "spam": "Spam", "other": "Sonstiges",
		"health": "Gesundheit", "safety": "Sicherheit", "vulnerable person": "hilfsbedürftige Person",
		"threat of violence": "Gewaltdrohung", "risk of self-harm": "Gefahr der Selbstverletzung", "asks for help": "bittet um Hilfe",
	},
	"en": {
		"messages": "messages", "urgent": "urgent", "Urgent": "Urgent – answer these first",
		"questions": "Most asked – for the landing page's FAQ and the next update",
		"rumours":   "Rumours to correct",
		"gaps":      "Open topics – no fact of the latest update answers them",
		"all":       "All messages, urgent first", "answered": "answered by", "open": "open",
		"eg": "e.g.", "noIncident": "With --incident DIR the report shows which fact of the latest update answers which question.",
		"none":       "none",
		"questions:": "questions", "complaints:": "complaints", "worries:": "worries", "angers:": "anger",
		"insults:": "insults", "praises:": "praise", "rumours:": "rumours", "spams:": "spam", "others:": "other",
		"question": "question", "complaint": "complaint", "worry": "worry", "anger": "anger", "insult": "insult",
		"praise": "praise", "rumour": "rumour", "spam": "spam", "other": "other",
	},
}

// Word returns the report word for key in lang (English when missing).
func Word(lang, key string) string {
	if t, ok := texts[lang]; ok {
		if s, ok := t[key]; ok {
			return s
		}
	}
	if s, ok := texts["en"][key]; ok {
		return s
	}
	return key
}

// WriteText prints the report for people.
func WriteText(w io.Writer, rep *Report, lang string) error {
	if _, ok := texts[lang]; !ok {
		lang = "en"
	}
	t := func(k string) string { return Word(lang, k) }
	q := func(s string) string {
		if lang == "de" {
			return "„" + s + "“"
		}
		return "“" + s + "”"
	}
	s := rep.Summary
	var b strings.Builder
	fmt.Fprintf(&b, "%d %s, %d %s", s.Messages, t("messages"), s.Urgent, t("urgent"))
	for _, k := range playbook.Kinds {
		if n := s.Kinds[k]; n > 0 {
			fmt.Fprintf(&b, " · %s %d", t(plural(k)), n)
		}
	}
	b.WriteString("\n")
	if s.Urgent > 0 {
		fmt.Fprintf(&b, "\n%s\n", t("Urgent"))
		for _, r := range rep.Messages {
			if !r.Urgent {
				break
			}
			fmt.Fprintf(&b, "  %-6s %s (%s): %s\n", r.ID, t(r.Reason), q(r.Cue), excerpt(r.Text, 90))
		}
	}
	if len(s.Questions) > 0 {
		fmt.Fprintf(&b, "\n%s\n", t("questions"))
		for _, g := range s.Questions {
			state := ""
			if s.Incident {
				state = "   " + t("open")
				if g.AnsweredBy != "" {
					state = "   " + t("answered") + " " + g.AnsweredBy
				}
			}
			fmt.Fprintf(&b, "  %3d×  %s%s   (%s %s)\n", g.Count, g.Title, state, t("eg"), strings.Join(g.IDs, ", "))
		}
	}
	if len(s.Rumours) > 0 {
		fmt.Fprintf(&b, "\n%s\n", t("rumours"))
		for _, r := range s.Rumours {
			fmt.Fprintf(&b, "  %-6s %s: %s\n", r.ID, q(r.Cue), excerpt(r.Text, 90))
		}
	}
	if s.Incident {
		fmt.Fprintf(&b, "\n%s\n", t("gaps"))
		if len(s.Unanswered) == 0 {
			fmt.Fprintf(&b, "  %s\n", t("none"))
		}
		for _, g := range s.Unanswered {
			fmt.Fprintf(&b, "  %3d×  %s   (%s %s)\n", g.Count, g.Title, t("eg"), strings.Join(g.IDs, ", "))
		}
	}
	fmt.Fprintf(&b, "\n%s\n", t("all"))
	for _, r := range rep.Messages {
		var kinds []string
		if r.Urgent {
			kinds = append(kinds, strings.ToUpper(t("urgent")))
		}
		for _, k := range r.Kinds {
			kinds = append(kinds, t(k))
		}
		fmt.Fprintf(&b, "  %-6s %-28s %s\n", r.ID, strings.Join(kinds, ", "), excerpt(r.Text, 70))
	}
	if !s.Incident {
		fmt.Fprintf(&b, "\n%s\n", t("noIncident"))
	}
	_, err := io.WriteString(w, b.String())
	return err
}

// plural is the key of a kind's plural label in texts.
func plural(kind string) string {
	if kind == "worry" {
		return "worries:"
	}
	return kind + "s:"
}

// excerpt shortens s to at most n characters on one line.
func excerpt(s string, n int) string {
	s = strings.Join(strings.Fields(s), " ")
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	r := []rune(s)
	return strings.TrimSpace(string(r[:n-1])) + "…"
}
