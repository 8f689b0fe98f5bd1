// Package reply drafts answers to incoming messages for `crisis reply`:
// the emotion first, then the answer from the latest update's facts, what
// the person can do and where to get help, and a name. Insults and spam
// get a moderation note instead; urgent messages get the safety path
// first. It also keeps which messages are answered, and checks a reply
// against the message it answers.
package reply

import (
	"bytes"
	"embed"
	"fmt"
	"slices"
	"strings"
	"sync"
	"text/template"
	"time"
	"unicode"

	"github.com/crisis-comms/crisis/internal/incident"
	"github.com/crisis-comms/crisis/internal/listen"
)

//go:embed templates/*.tmpl
var templateFS embed.FS

// templates are parsed on first use: most commands of the binary never
// reply, and parsing at start-up would cost each of them.
var templates = sync.OnceValue(func() *template.Template {
	return template.Must(template.ParseFS(templateFS, "templates/*.tmpl"))
})

// Draft is a reply to one message, or a moderation note when the message
// gets no engagement (insults, spam).
type Draft struct {
	To   listen.Result
	Lang string
	// Text is the reply; empty for a moderation note.
	Text string
	// Moderation says what to do instead of replying.
	Moderation string
	// Notes are hints for the team, not part of the reply.
	Notes []string
}

// note returns a hint for the team in lang.
func note(lang, key string) string {
	notes := map[string][2]string{
		"translate": {"Die Nachricht ist in einer anderen Sprache als das Update: Antwort vor dem Senden übersetzen.",
			"The message is in another language than the update: translate the reply before sending it."},
	}
	if lang == "de" {
		return notes[key][0]
	}
	return notes[key][1]
}

// Data is what the reply templates see.
type Data struct {
	Name       string // the person's name, when the message gives one
	Kinds      []string
	Urgent     bool
	Reason     string
	Asked      bool   // the message asks something
	Open       bool   // it asks about a topic no fact answers yet
	Answer     string // sentences of the fact that answers the topic
	Correction string // what the facts say about a rumour
	Help       string // what people can do now
	Contact    bool   // say where to get help
	Landing    string
	Hotline    string
	Email      string
	NextUpdate string // "um 14:00 Uhr" / "at 2:00 pm", empty when none
	Signature  string
}

// Has reports whether the message carries kind.
func (d Data) Has(kind string) bool { return slices.Contains(d.Kinds, kind) }

// Options steer a draft.
type Options struct {
	// Signature signs the reply (a person's name); default: the update's
	// signature, else "Ihr Team von ORG" / "The ORG team".
	Signature string
	// SpeaksOf reports whether a text is about a topic (from the listen
	// classifier), to pick the sentences of a fact that answer.
	SpeaksOf func(text, lang, topic string) bool
	// Now is the clock, to say "today" or name the date of the next update.
	Now time.Time
}

// Compose drafts the reply to r from the facts of the latest update f.
func Compose(r listen.Result, f *incident.Facts, opts Options) (Draft, error) {
	// The reply speaks the language of the facts it quotes: one language
	// per reply. When the person wrote in another, the team is told.
	lang := firstNonEmpty(f.Lang, r.Lang, "en")
	if lang != "de" && lang != "en" {
		lang = "en"
	}
	d := Draft{To: r, Lang: lang}
	if r.Lang != "" && r.Lang != lang {
		d.Notes = append(d.Notes, note(lang, "translate"))
	}
	if note := moderation(r, lang); note != "" && !r.Urgent {
		d.Moderation = note
		return d, nil
	}
	if r.Urgent && r.Reason == "threat of violence" {
		d.Moderation = moderation(r, lang)
		return d, nil
	}
	m := f.Map()
	data := Data{Name: name(r.Author), Kinds: r.Kinds, Urgent: r.Urgent, Reason: r.Reason,
		Asked: r.Has("question") || r.Has("worry"), Landing: f.LandingPage, Hotline: f.Hotline, Email: f.Email,
		Signature: signature(f, opts.Signature, lang)}
	if t, err := time.Parse(time.RFC3339, f.NextUpdate); err == nil {
		data.NextUpdate = when(t, opts.Now, lang)
	}
	if r.AnsweredBy != "" && needsHelp(r) {
		if v, _ := m[r.AnsweredBy].(string); v != "" && !presence(r.AnsweredBy) {
			data.Answer = pick(v, func(s string) bool {
				return opts.SpeaksOf != nil && opts.SpeaksOf(s, lang, r.Topic)
			}, 2)
		}
	}
	related := func(s string) bool { return shares(s, r.Text) }
	switch {
	case r.Has("rumour"):
		data.Correction = data.Answer
		if data.Correction == "" {
			data.Correction = pick(strings.TrimSpace(f.What+"\n"+f.Background), related, 2)
		}
		data.Answer = ""
	case data.Asked && r.Topic == "":
		// No topic to look up: what is known is the best answer there is.
		data.Answer = pick(firstNonEmpty(f.What, f.Headline), related, 2)
	}
	if r.Reason == "risk of self-harm" {
		data.Answer, data.Correction = "", ""
	}
	data.Contact = needsHelp(r)
	data.Open = data.Asked && r.Topic != "" && data.Answer == "" && data.Correction == ""
	if needsHelp(r) && r.Reason != "risk of self-harm" && (data.Answer == "" || r.AnsweredBy != "help") {
		data.Help = pick(f.Help, nil, 1)
	}
	if data.Answer == data.Help {
		data.Help = ""
	}
	var b bytes.Buffer
	if err := templates().ExecuteTemplate(&b, lang+".tmpl", data); err != nil {
		return d, fmt.Errorf("reply template %s: %w", lang, err)
	}
	d.Text = tidy(b.String())
	return d, nil
}

// needsHelp reports whether a reply to r should say what the person can
// do and where to get help: not for thanks or chatter.
func needsHelp(r listen.Result) bool {
	return r.Urgent || slices.ContainsFunc(r.Kinds, func(k string) bool {
		return k == "question" || k == "worry" || k == "complaint" || k == "anger" || k == "rumour"
	})
}

// presence facts answer by being there; the template names them anyway.
func presence(fact string) bool {
	return fact == "next_update" || fact == "hotline" || fact == "email" || fact == "landing_page"
}

// moderation returns the note for a message that gets no engagement
// draft, or "".
func moderation(r listen.Result, lang string) string {
	de := lang == "de"
	switch {
	case r.Urgent && r.Reason == "threat of violence":
		if de {
			return "Gewaltdrohung: nicht öffentlich darauf antworten. Screenshot mit Zeit und Profil sichern, sofort an die Sicherheitsverantwortlichen weitergeben und je nach Lage die Polizei (110) informieren. Betroffene Kolleginnen und Kollegen warnen."
		}
		return "Threat of violence: do not reply in public. Save a screenshot with time and profile, pass it to security at once and, depending on the situation, call the police. Warn the colleagues concerned."
	case r.Has("spam"):
		if de {
			return "Spam oder Betrugsversuch: ausblenden oder löschen und das Konto bei der Plattform melden. Gibt es sich als unser Support aus, warnen Sie öffentlich: Wir fragen nie nach PIN, TAN, Passwort oder Kartendaten."
		}
		return "Spam or a scam: hide or delete it and report the account to the platform. If it poses as our support, warn people in public: we never ask for a PIN, password or card details."
	case r.Has("insult"):
		if de {
			return "Beleidigung: nicht auf den Ton eingehen. Nach der Netiquette ausblenden; steckt eine berechtigte Frage oder Kritik darin, diese sachlich und ohne Vorwurf beantworten."
		}
		return "Insult: don't engage with the tone. Hide it under your community rules; if a fair question or criticism is in it, answer that plainly and without reproach."
	}
	return ""
}

// name returns a name to greet with: a display name as given, never a
// handle or an address.
func name(author string) string {
	author = strings.TrimSpace(author)
	if author == "" || strings.ContainsAny(author, "@_/0123456789") || len([]rune(author)) > 40 {
		return ""
	}
	if f := strings.Fields(author); len(f) > 0 {
		return f[0]
	}
	return ""
}

func signature(f *incident.Facts, given, lang string) string {
	if s := strings.TrimSpace(given); s != "" {
		return s
	}
	if s := strings.TrimSpace(f.Signature); s != "" {
		return s
	}
	if f.Org != "" {
		if lang == "de" {
			return "Ihr Team der " + f.Org
		}
		return "The " + f.Org + " team"
	}
	if lang == "de" {
		return "Ihr Service-Team"
	}
	return "Your service team"
}

// when says when t is, as seen at now: a time today, else a date and time.
func when(t, now time.Time, lang string) string {
	same := !now.IsZero() && t.Year() == now.Year() && t.YearDay() == now.In(t.Location()).YearDay()
	if lang == "de" {
		if same {
			return "heute um " + t.Format("15:04") + " Uhr"
		}
		return fmt.Sprintf("am %d.%d. um %s Uhr", t.Day(), int(t.Month()), t.Format("15:04"))
	}
	if same {
		return "today at " + t.Format("3:04 pm")
	}
	return fmt.Sprintf("on %d %s at %s", t.Day(), t.Month(), t.Format("3:04 pm"))
}

// pick returns up to n sentences of text that ok accepts (all when ok is
// nil), else its first n sentences.
func pick(text string, ok func(string) bool, n int) string {
	all := listen.Sentences(text)
	var out []string
	if ok != nil {
		for _, s := range all {
			if ok(s) && len(out) < n {
				out = append(out, s)
			}
		}
	}
	if len(out) == 0 {
		out = all[:min(n, len(all))]
	}
	return strings.Join(out, " ")
}

// shares reports whether two texts share a content word (five letters,
// compared by their first five).
func shares(a, b string) bool {
	keys := map[string]bool{}
	for _, w := range strings.FieldsFunc(strings.ToLower(b), notWord) {
		if r := []rune(w); len(r) >= 5 {
			keys[string(r[:5])] = true
		}
	}
	for _, w := range strings.FieldsFunc(strings.ToLower(a), notWord) {
		if r := []rune(w); len(r) >= 5 && keys[string(r[:5])] {
			return true
		}
	}
	return false
}

func notWord(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) }

// tidy removes blank runs and trailing spaces the template leaves.
func tidy(s string) string {
	lines := strings.Split(s, "\n")
	var out []string
	blank := false
	for _, l := range lines {
		l = strings.TrimRight(l, " ")
		l = strings.TrimLeft(l, " ")
		if l == "" {
			if !blank && len(out) > 0 {
				out = append(out, "")
			}
			blank = true
			continue
		}
		blank = false
		out = append(out, l)
	}
	return strings.TrimSpace(strings.Join(out, "\n")) + "\n"
}

func firstNonEmpty(vals ...string) string {
	for _, v := range vals {
		if v != "" {
			return v
		}
	}
	return ""
}
