package reply

import (
	"errors"
	"fmt"
	"path/filepath"
	"strings"

	"github.com/crisis-comms/crisis/internal/atomicfile"
	"github.com/crisis-comms/crisis/internal/draft"
	"github.com/crisis-comms/crisis/internal/incident"
	"github.com/crisis-comms/crisis/internal/lint"
	"github.com/crisis-comms/crisis/internal/listen"
)

// Keys of the session's prompts.
const (
	KeyMessage = "reply-message" // Select: the id of an open message, or "" to stop
	KeyText    = "reply-text"    // Text: the reply, prefilled with the draft
	KeyDone    = "reply-done"    // Confirm: save the reply and mark the message done
)

// Session answers a triaged queue message by message: urgent first, each
// with its labels, a draft from the latest update, live findings while
// editing, and the reply saved into the update with the message marked
// done.
type Session struct {
	Prompter    draft.Prompter
	Queue       []listen.Result
	Facts       *incident.Facts
	IncidentDir string
	UpdateDir   string
	State       *State
	Checker     *Checker
	Options     Options
	// Saved lists the reply files written, in order.
	Saved []string
}

// Run asks until every message is done or the person stops. It returns
// draft.ErrAborted when the person aborts.
func (s *Session) Run() error {
	lang := firstNonEmpty(s.Facts.Lang, "en")
	t := func(de, en string) string { return pickLang(lang == "de", de, en) }
	for {
		var opts []draft.Option
		for _, r := range s.Queue {
			if !s.State.IsDone(r.ID) {
				opts = append(opts, draft.Option{Value: r.ID, Label: label(r, lang)})
			}
		}
		if len(opts) == 0 {
			return s.Prompter.Show(t("Alles beantwortet", "All answered"),
				t("Jede Nachricht der Liste ist beantwortet oder erledigt.", "Every message in the queue is answered or closed."))
		}
		opts = append(opts, draft.Option{Value: "", Label: t("Fertig für jetzt", "Done for now")})
		id, err := s.Prompter.Select(draft.Prompt{Key: KeyMessage, Title: t("Welche Nachricht beantworten Sie?", "Which message do you answer?"),
			Help: t("Dringende zuerst, dann nach Bedarf.", "Urgent first, then by need.")}, opts, opts[0].Value)
		if err != nil {
			return err
		}
		if id == "" {
			return nil
		}
		if err := s.answer(s.find(id), lang); err != nil {
			return err
		}
	}
}

func (s *Session) find(id string) listen.Result {
	for _, r := range s.Queue {
		if r.ID == id {
			return r
		}
	}
	return listen.Result{Message: listen.Message{ID: id}}
}

// answer drafts, edits and saves the reply to one message.
func (s *Session) answer(r listen.Result, lang string) error {
	t := func(de, en string) string { return pickLang(lang == "de", de, en) }
	if err := s.Prompter.Show(t("Nachricht ", "Message ")+r.ID, Describe(r, lang)); err != nil {
		return err
	}
	d, err := Compose(r, s.Facts, s.Options)
	if err != nil {
		return err
	}
	if d.Moderation != "" {
		if err := s.Prompter.Show(t("Nicht beantworten – moderieren", "Don't reply – moderate"), d.Moderation); err != nil {
			return err
		}
		ok, err := s.Prompter.Confirm(draft.Prompt{Key: KeyDone, Title: t("Als erledigt markieren?", "Mark as done?")}, true)
		if err != nil || !ok {
			return err
		}
		return s.State.Mark(r.ID, Done, "", d.Moderation, s.Options.Now)
	}
	sent := s.State.Sent(s.IncidentDir)
	feedback := func(text string) string { return FormatFindings(s.Checker.Check(text, d.Lang, &r, sent)) }
	text, err := s.Prompter.Text(draft.Prompt{Key: KeyText, Title: t("Antwort an ", "Reply to ") + r.ID,
		Help: strings.Join(d.Notes, "\n"), Feedback: feedback}, d.Text, nil)
	if err != nil {
		return err
	}
	if f := feedback(text); f != "" {
		if err := s.Prompter.Show(t("Hinweise zur Antwort", "Findings in the reply"), f); err != nil {
			return err
		}
	}
	ok, err := s.Prompter.Confirm(draft.Prompt{Key: KeyDone, Title: t("Speichern und als erledigt markieren?", "Save and mark as done?")}, true)
	if err != nil || !ok {
		return err
	}
	path, err := Save(s.UpdateDir, r.ID, Render(text, d.Lang, r.ID, s.Facts))
	if err != nil {
		return err
	}
	rel, err := filepath.Rel(s.IncidentDir, path)
	if err != nil {
		rel = path
	}
	s.Saved = append(s.Saved, path)
	return s.State.Mark(r.ID, Done, filepath.ToSlash(rel), "", s.Options.Now)
}

// Save writes a reply file for message id into dir without replacing an
// earlier one: a second reply to the same message gets -2, -3, ….
func Save(dir, id string, data []byte) (string, error) {
	name := FileName(id)
	base := strings.TrimSuffix(name, ".md")
	for i := 1; i < 1000; i++ {
		p := filepath.Join(dir, name)
		if i > 1 {
			p = filepath.Join(dir, fmt.Sprintf("%s-%d.md", base, i))
		}
		err := atomicfile.Write(p, data, 0o644, false)
		if errors.Is(err, atomicfile.ErrExists) {
			continue
		}
		return p, err
	}
	return "", fmt.Errorf("%s: too many replies to message %s", dir, id)
}

// Describe shows a message with its labels, for the person answering it.
func Describe(r listen.Result, lang string) string {
	var b strings.Builder
	b.WriteString(strings.TrimSpace(r.Text))
	b.WriteString("\n\n")
	if r.Author != "" {
		fmt.Fprintf(&b, "%s: %s\n", pickLang(lang == "de", "Von", "From"), r.Author)
	}
	if r.Urgent {
		fmt.Fprintf(&b, "%s: %s (%q)\n", strings.ToUpper(listen.Word(lang, "urgent")), listen.Word(lang, r.Reason), r.Cue)
	}
	for _, c := range r.Cues {
		fmt.Fprintf(&b, "%s: %q (%s)\n", listen.Word(lang, c.Label), c.Match, c.Rule)
	}
	if r.Topic != "" {
		by := pickLang(lang == "de", "kein Fakt im letzten Update", "no fact in the latest update")
		if r.AnsweredBy != "" {
			by = r.AnsweredBy
		}
		fmt.Fprintf(&b, "%s: %s → %s\n", pickLang(lang == "de", "Thema", "Topic"), r.Topic, by)
	}
	return strings.TrimRight(b.String(), "\n")
}

// label is a message as one line of the queue.
func label(r listen.Result, lang string) string {
	var kinds []string
	if r.Urgent {
		kinds = append(kinds, strings.ToUpper(listen.Word(lang, "urgent")))
	}
	for _, k := range r.Kinds {
		kinds = append(kinds, listen.Word(lang, k))
	}
	text := strings.Join(strings.Fields(r.Text), " ")
	if rs := []rune(text); len(rs) > 60 {
		text = string(rs[:59]) + "…"
	}
	return fmt.Sprintf("%s · %s · %s", r.ID, strings.Join(kinds, ", "), text)
}

// FormatFindings lists findings one per line, "" when there are none.
func FormatFindings(fs []lint.Finding) string {
	var b strings.Builder
	for _, f := range fs {
		fmt.Fprintf(&b, "%d:%d %s %s: %s\n", f.Line, f.Column, f.Severity, f.Rule, f.Message)
	}
	return strings.TrimRight(b.String(), "\n")
}
