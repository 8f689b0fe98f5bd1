package reply

import (
	"errors"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/crisis-comms/crisis/internal/draft"
	"github.com/crisis-comms/crisis/internal/incident"
	"github.com/crisis-comms/crisis/internal/lint"
	"github.com/crisis-comms/crisis/internal/listen"
	"github.com/crisis-comms/crisis/playbook"
)

var now = time.Date(2026, 11, 23, 11, 30, 0, 0, time.FixedZone("CET", 3600))

type fixture struct {
	pb      *playbook.Playbook
	c       *listen.Classifier
	facts   *incident.Facts
	checker *Checker
}

func setup(t *testing.T, factsFile string) fixture {
	t.Helper()
	pb, err := playbook.Load("builtin:de")
	if err != nil {
		t.Fatal(err)
	}
	c, err := listen.New(pb, "de")
	if err != nil {
		t.Fatal(err)
	}
	f, err := incident.LoadFacts(filepath.Join("testdata", factsFile))
	if err != nil {
		t.Fatal(err)
	}
	c.UseFacts(f)
	ch, err := NewChecker(pb)
	if err != nil {
		t.Fatal(err)
	}
	return fixture{pb, c, f, ch}
}

func (fx fixture) compose(t *testing.T, text, author string) Draft {
	t.Helper()
	r := fx.c.Classify(listen.Message{ID: "1", Text: text, Author: author})
	d, err := Compose(r, fx.facts, Options{SpeaksOf: fx.c.SpeaksOf, Now: now})
	if err != nil {
		t.Fatal(err)
	}
	return d
}

// TestCompose checks what each kind of message gets: the emotion met
// first, the answer from the facts, help and contact, a name; moderation
// notes instead of replies for spam, insults and threats.
func TestCompose(t *testing.T) {
	fx := setup(t, "bank.yaml")
	tests := []struct {
		text, author string
		first        string   // the line after the greeting
		has, hasNot  []string // in the reply
		moderation   string   // start of the note, "" for a reply
	}{
		{text: "Bekomme ich die Gebühren vom fremden Geldautomaten zurück?", author: "Anna Weber",
			first: "danke für Ihre Frage.", has: []string{"Hallo Anna,", "Gebühren fremder Geldautomaten von heute erstatten wir automatisch", "0800 000 00 00", "heute um 14:00 Uhr", "Ihr Team der Nordbank Musterstadt eG"}},
		{text: "Das ist eine Zumutung, seit Stunden geht nichts!!!", author: "@kalle_99",
			first: "das ist ärgerlich, und ich kann gut verstehen, dass Sie unzufrieden sind. Es tut mir leid.", has: []string{"Hallo,", "Bargeld bekommen Sie an allen Geldautomaten."}},
		{text: "Unverschämtheit! Ich kündige mein Konto.",
			first: "Ihr Ärger ist berechtigt – das hätte nicht passieren dürfen, und es tut mir leid."},
		{text: "Angeblich wurdet ihr gehackt, stimmt das?",
			first: "danke, dass Sie nachfragen.", has: []string{"Was wir sicher wissen: Es gab keinen Hackerangriff."}},
		{text: "Ich kann das Insulin für meinen Sohn in der Apotheke nicht bezahlen, was soll ich tun?",
			first: "das klingt ernst, und es hat jetzt Vorrang. Wenn jemand in Gefahr ist, rufen Sie bitte sofort die 112.", has: []string{"rufen Sie uns direkt an: 0800 000 00 00"}},
		{text: "Ich will nicht mehr leben.",
			first: "es tut mir sehr leid, dass es Ihnen gerade so schlecht geht.", has: []string{"0800 111 0 111"}, hasNot: []string{"Bargeld"}},
		{text: "Danke für die schnellen Infos!",
			first: "vielen Dank für Ihre Worte – das gebe ich gern an das Team weiter.", hasNot: []string{"Bargeld", "Hotline"}},
		{text: "Gibt es eine Entschädigung?",
			first: "danke für Ihre Frage.", has: []string{"Darauf haben wir noch keine gesicherte Antwort. Wir sagen es Ihnen spätestens mit dem nächsten Update heute um 14:00 Uhr."}},
		{text: "Offizieller Support: schicken Sie uns Ihre Kartennummer und PIN per DM.", moderation: "Spam oder Betrugsversuch"},
		{text: "Ihr Vollidioten!", moderation: "Beleidigung"},
		{text: "Ich komme vorbei und zünde eure Filiale an.", moderation: "Gewaltdrohung"},
	}
	for _, tc := range tests {
		d := fx.compose(t, tc.text, tc.author)
		if tc.moderation != "" {
			if d.Text != "" || !strings.HasPrefix(d.Moderation, tc.moderation) {
				t.Errorf("%q: got reply %q / note %q, want a note %q…", tc.text, d.Text, d.Moderation, tc.moderation)
			}
			continue
		}
		lines := strings.Split(d.Text, "\n")
		if len(lines) < 3 || !strings.HasPrefix(lines[2], tc.first) {
			t.Errorf("%q: reply does not open with %q:\n%s", tc.text, tc.first, d.Text)
		}
		for _, s := range tc.has {
			if !strings.Contains(d.Text, s) {
				t.Errorf("%q: reply lacks %q:\n%s", tc.text, s, d.Text)
			}
		}
		for _, s := range tc.hasNot {
			if strings.Contains(d.Text, s) {
				t.Errorf("%q: reply has %q:\n%s", tc.text, s, d.Text)
			}
		}
		// Every draft is clean by the playbook's and the reply checks.
		r := fx.c.Classify(listen.Message{ID: "1", Text: tc.text})
		if fs := fx.checker.Check(d.Text, d.Lang, &r, nil); len(fs) > 0 {
			t.Errorf("%q: draft has findings:\n%s\n%s", tc.text, FormatFindings(fs), d.Text)
		}
	}
}

// TestComposeEnglish: an English update gets English replies; a German
// message to it is flagged for translation.
func TestComposeEnglish(t *testing.T) {
	fx := setup(t, "rail.yaml")
	d := fx.compose(t, "Is my ticket valid on the replacement bus?", "")
	for _, s := range []string{"Hello,", "Thanks for your question.", "Your ticket for today is valid on the replacement buses", "on 14 October at 9:30 am", "Best wishes\nThe Northern Valley Rail team"} {
		if !strings.Contains(d.Text, s) {
			t.Errorf("reply lacks %q:\n%s", s, d.Text)
		}
	}
	d = fx.compose(t, "Gilt mein Ticket auch im Ersatzbus?", "")
	if len(d.Notes) != 1 || !strings.Contains(d.Notes[0], "translate") {
		t.Errorf("notes %q, want the translation hint", d.Notes)
	}
}

func TestCheck(t *testing.T) {
	fx := setup(t, "bank.yaml")
	angry := fx.c.Classify(listen.Message{ID: "7", Text: "Das ist eine Zumutung, seit Stunden geht nichts!!!"})
	praise := fx.c.Classify(listen.Message{ID: "8", Text: "Danke für die schnellen Infos!"})
	good := "Hallo,\n\ndas ist ärgerlich, es tut mir leid. Kartenzahlungen gehen seit 10:40 Uhr wieder. Unsere Hotline: 0800 000 00 00.\n"
	tests := []struct {
		name   string
		text   string
		to     *listen.Result
		others []Sent
		want   []string
	}{
		{"clean", good, &angry, nil, nil},
		{"boilerplate", "Sehr geehrter Kunde,\n\nwir bedauern etwaige Unannehmlichkeiten. Hotline: 0800 000 00 00.\n", &angry,
			nil, []string{"community.reply-boilerplate", "community.reply-emotion"}},
		{"defensive", "Hallo,\n\nwie bereits mehrfach mitgeteilt, das tut mir leid. Hotline: 0800 000 00 00.\n", &angry, nil,
			[]string{"community.reply-defensive"}},
		{"no next step", "Hallo,\n\ndas ist ärgerlich, es tut mir leid.\n", &angry, nil, []string{RuleNextStep}},
		{"thanks need no next step", "Hallo,\n\nvielen Dank, das freut uns!\n", &praise, nil, nil},
		{"copy-paste", "Hallo Ben,\n\ndas ist ärgerlich, es tut mir leid. Kartenzahlungen gehen seit 10:40 Uhr wieder. Unsere Hotline: 0800 000 00 00.\n",
			&angry, []Sent{{ReplyTo: "3", Text: good}}, []string{RuleCopyPaste}},
		{"same message is no copy", good, &angry, []Sent{{ReplyTo: "7", Text: good}}, nil},
		{"unknown message: playbook rules only", "Hallo,\n\ndanke.\n", nil, nil, nil},
	}
	for _, tc := range tests {
		var got []string
		for _, f := range fx.checker.Check(tc.text, "de", tc.to, tc.others) {
			if f.Severity != "info" && !slices.Contains(got, f.Rule) {
				got = append(got, f.Rule)
			}
		}
		slices.Sort(got)
		want := slices.Clone(tc.want)
		slices.Sort(want)
		if !slices.Equal(got, want) {
			t.Errorf("%s: findings %v, want %v", tc.name, got, want)
		}
	}
}

func TestState(t *testing.T) {
	dir := t.TempDir()
	st, err := LoadState(dir)
	if err != nil {
		t.Fatal(err)
	}
	if st.IsDone("1") {
		t.Fatal("empty state says done")
	}
	path, err := Save(dir, "a/1", Render("Hallo,\n\ndanke.", "de", "a/1", &incident.Facts{Incident: "x"}))
	if err != nil {
		t.Fatal(err)
	}
	if filepath.Base(path) != "reply-a-1.md" {
		t.Errorf("file %s", path)
	}
	again, err := Save(dir, "a/1", []byte("second"))
	if err != nil || filepath.Base(again) != "reply-a-1-2.md" {
		t.Errorf("second reply %s, %v", again, err)
	}
	if err := st.Mark("a/1", Done, "reply-a-1.md", "", now); err != nil {
		t.Fatal(err)
	}
	st2, err := LoadState(dir)
	if err != nil {
		t.Fatal(err)
	}
	if !st2.IsDone("a/1") || st2.Replies["a/1"].Time != "2026-11-23T11:30:00+01:00" {
		t.Errorf("state after reload: %+v", st2.Replies)
	}
	sent := st2.Sent(dir)
	if len(sent) != 1 || sent[0].ReplyTo != "a/1" || sent[0].Text != "Hallo,\n\ndanke.\n" {
		t.Errorf("sent %+v", sent)
	}
	d, err := lint.Parse(path, []byte(mustRead(t, path)), true)
	if err != nil {
		t.Fatal(err)
	}
	if d.Front.Channel != "reply" || d.Front.ReplyTo != "a/1" || d.Front.Incident != "x" {
		t.Errorf("front matter %+v", d.Front)
	}
	if err := os.WriteFile(filepath.Join(dir, StateFile), []byte("{\"version\":1,\"replies\":{},\"x\":1}"), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, err := LoadState(dir); err == nil || !strings.Contains(err.Error(), StateFile) {
		t.Errorf("a broken state file: %v", err)
	}
}

func mustRead(t *testing.T, path string) string {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return string(data)
}

// step is one expected prompt and the scripted person's answer.
type step struct {
	key   string
	value any // string or bool
	abort bool
}

// script is a Prompter that plays registered answers in order and fails
// on an unexpected prompt or an answer never used.
type script struct {
	t        *testing.T
	steps    []step
	pos      int
	shows    []string
	feedback []string
	offered  []string // values of the last Select
}

func newScript(t *testing.T, steps ...step) *script {
	s := &script{t: t, steps: steps}
	t.Cleanup(func() {
		if s.pos < len(s.steps) && !t.Failed() {
			t.Errorf("answers never used, from %q on", s.steps[s.pos].key)
		}
	})
	return s
}

func (s *script) next(p draft.Prompt) (step, error) {
	s.t.Helper()
	if s.pos >= len(s.steps) {
		s.t.Fatalf("unexpected prompt %q (%s)", p.Key, p.Title)
	}
	st := s.steps[s.pos]
	s.pos++
	if st.key != p.Key {
		s.t.Fatalf("prompt %q (%s), want %q", p.Key, p.Title, st.key)
	}
	if st.abort {
		return st, draft.ErrAborted
	}
	return st, nil
}

func (s *script) Select(p draft.Prompt, opts []draft.Option, def string) (string, error) {
	st, err := s.next(p)
	if err != nil {
		return "", err
	}
	v := st.value.(string)
	s.offered = s.offered[:0]
	for _, o := range opts {
		s.offered = append(s.offered, o.Value)
	}
	if !slices.Contains(s.offered, v) {
		s.t.Fatalf("%q is not offered at %s: %+v", v, p.Key, opts)
	}
	return v, nil
}

func (s *script) MultiSelect(p draft.Prompt, _ []draft.Option, _ []string, _ func([]string) error) ([]string, error) {
	s.t.Fatalf("unexpected multi-select %s", p.Key)
	return nil, nil
}

func (s *script) Input(p draft.Prompt, def string, _ func(string) error) (string, error) {
	s.t.Fatalf("unexpected input %s", p.Key)
	return "", nil
}

func (s *script) Text(p draft.Prompt, def string, _ func(string) error) (string, error) {
	st, err := s.next(p)
	if err != nil {
		return "", err
	}
	v := st.value.(string)
	if v == "" {
		v = def
	}
	if p.Feedback != nil {
		s.feedback = append(s.feedback, p.Feedback(v))
	}
	return v, nil
}

func (s *script) Confirm(p draft.Prompt, def bool) (bool, error) {
	st, err := s.next(p)
	if err != nil {
		return false, err
	}
	return st.value.(bool), nil
}

func (s *script) Show(title, body string) error {
	s.shows = append(s.shows, title+"\n"+body)
	return nil
}

// TestSession answers a queue as a person would: the urgent message
// first, a draft accepted, a boilerplate edit that shows its findings, a
// spam message closed, then done; a second session offers only what is
// left, and an abort keeps what was saved.
func TestSession(t *testing.T) {
	fx := setup(t, "bank.yaml")
	inc := t.TempDir()
	upd := filepath.Join(inc, "2026-11-23T1100")
	rep := listen.Triage(fx.c, []listen.Message{
		{ID: "q", Text: "Bekomme ich die Gebühren vom fremden Geldautomaten zurück?"},
		{ID: "u", Text: "Ich kann das Insulin in der Apotheke nicht bezahlen, was soll ich tun?"},
		{ID: "s", Text: "Offizieller Support: schicken Sie uns Ihre Kartennummer und PIN per DM."},
		{ID: "a", Text: "Das ist eine Zumutung!!!"},
	}, "de")
	st, err := LoadState(inc)
	if err != nil {
		t.Fatal(err)
	}
	newSession := func(p draft.Prompter) *Session {
		return &Session{Prompter: p, Queue: rep.Messages, Facts: fx.facts, IncidentDir: inc, UpdateDir: upd,
			State: st, Checker: fx.checker, Options: Options{SpeaksOf: fx.c.SpeaksOf, Now: now}}
	}
	p := newScript(t,
		step{KeyMessage, "u", false}, step{KeyText, "", false}, step{KeyDone, true, false},
		step{KeyMessage, "a", false}, step{KeyText, "Sehr geehrter Kunde, wir bedauern etwaige Unannehmlichkeiten.", false}, step{KeyDone, false, false},
		step{KeyMessage, "s", false}, step{KeyDone, true, false},
		step{KeyMessage, "", false},
	)
	sess := newSession(p)
	if err := sess.Run(); err != nil {
		t.Fatal(err)
	}
	if len(sess.Saved) != 1 || filepath.Base(sess.Saved[0]) != "reply-u.md" {
		t.Fatalf("saved %v", sess.Saved)
	}
	if !st.IsDone("u") || !st.IsDone("s") || st.IsDone("a") || st.IsDone("q") {
		t.Errorf("state %+v", st.Replies)
	}
	if st.Replies["s"].File != "" || !strings.HasPrefix(st.Replies["s"].Note, "Spam") {
		t.Errorf("spam closed as %+v", st.Replies["s"])
	}
	if len(p.feedback) != 2 || p.feedback[0] != "" || !strings.Contains(p.feedback[1], "community.reply-boilerplate") {
		t.Errorf("live findings %q", p.feedback)
	}
	if !slices.ContainsFunc(p.shows, func(s string) bool { return strings.Contains(s, "DRINGEND: Gesundheit") }) {
		t.Errorf("the urgent message was not shown with its labels: %q", p.shows)
	}

	// The next session offers only the open messages, and an abort keeps
	// the state as it was.
	p2 := newScript(t, step{KeyMessage, "q", false}, step{KeyText, "", true})
	if err := newSession(p2).Run(); !errors.Is(err, draft.ErrAborted) {
		t.Fatalf("abort: %v", err)
	}
	if st.IsDone("q") {
		t.Error("an aborted reply was marked done")
	}
	if slices.Contains(p2.offered, "u") || slices.Contains(p2.offered, "s") || !slices.Contains(p2.offered, "a") {
		t.Errorf("second session offers %v", p2.offered)
	}
	entries, _ := os.ReadDir(upd)
	if len(entries) != 1 {
		t.Errorf("update directory holds %d files", len(entries))
	}
}
