package reply

import (
	"fmt"
	"slices"
	"strings"

	"github.com/crisis-comms/crisis/internal/lint"
	"github.com/crisis-comms/crisis/internal/listen"
	"github.com/crisis-comms/crisis/playbook"
)

// Channel is the channel of replies.
const Channel = "reply"

// Rule ids of the checks that need the message a reply answers, or the
// other replies: they run in `crisis reply`, next to the playbook's rules
// for channel reply.
const (
	RuleEmotion   = "community.reply-emotion"
	RuleNextStep  = "anchor.reply-next-step"
	RuleCopyPaste = "community.reply-copy-paste"
)

// Checker checks replies: the playbook's rules for channel reply, and
// whether a reply meets the emotion of the message, offers a next step,
// and is not the same text sent to someone else.
type Checker struct {
	engine  *lint.Engine
	empathy *lint.Engine
}

// NewChecker compiles the checks of pb.
func NewChecker(pb *playbook.Playbook) (*Checker, error) {
	e, err := lint.New(pb)
	if err != nil {
		return nil, err
	}
	c := &Checker{engine: e}
	if g, ok := pb.Lexicon["reply_empathy"]; ok {
		syn := &playbook.Playbook{Version: playbook.SchemaVersion, ID: "reply-empathy", Lang: pb.Lang,
			Lexicon: playbook.Lexicon{"reply_empathy": g},
			Rules: []playbook.Rule{{ID: "empathy", Principle: "community", Tone: "distant", Severity: "info",
				Message: "empathy", Terms: []string{"reply_empathy"}}}}
		if c.empathy, err = lint.New(syn); err != nil {
			return nil, err
		}
	}
	return c, nil
}

// Sent is a reply already written, for the copy-paste check.
type Sent struct {
	ReplyTo string
	Text    string
}

// Check returns the findings of a reply text in lang to the message to
// (nil when unknown), sorted; others are the replies already written.
func (c *Checker) Check(text, lang string, to *listen.Result, others []Sent) []lint.Finding {
	d, err := lint.Parse("<reply>", []byte(text), true)
	if err != nil {
		return nil
	}
	defer d.Release()
	ctx := lint.Context{Lang: lang, Channel: Channel, Fold: true}
	fs := c.engine.Lint(d, ctx)
	whole := func(rule, principle, tone, severity, msg string) {
		fs = append(fs, d.Locate(lint.Finding{Rule: rule, Principle: principle, Tone: tone, Severity: severity,
			Message: msg, Offset: d.Body, End: d.Body}))
	}
	de := lang == "de"
	if to != nil && feels(*to) && c.empathy != nil && len(c.empathy.Lint(d, lint.Context{Lang: lang})) == 0 {
		whole(RuleEmotion, "community", "distant", "warning", pickLang(de,
			"Die Nachricht ist verärgert oder besorgt, die Antwort geht nicht darauf ein. Beginnen Sie mit dem Gefühl der Person („Das ist ärgerlich, das tut mir leid.“), dann die Antwort.",
			"The message is angry or worried and the reply does not acknowledge it. Start with how the person feels (\"That's frustrating, I'm sorry.\"), then answer."))
	}
	if to != nil && needsHelp(*to) {
		if _, contact := c.engine.Detected(d, ctx); !contact {
			whole(RuleNextStep, "anchor", "missing", "warning", pickLang(de,
				"Kein nächster Schritt: Sagen Sie, was die Person jetzt tun kann und wo sie Hilfe bekommt (Telefon, E-Mail oder Infoseite).",
				"No next step: say what the person can do now and where to get help (phone, e-mail or the status page)."))
		}
	}
	body := normalize(d.BodyText())
	for _, o := range others {
		if (to == nil || o.ReplyTo != to.ID) && body != "" && normalize(o.Text) == body {
			whole(RuleCopyPaste, "community", "distant", "warning", pickLang(de,
				fmt.Sprintf("Derselbe Text ging schon als Antwort an Nachricht %s: Kopierte Antworten wirken wie Textbausteine. Gehen Sie auf diese Person und ihre Frage ein.", o.ReplyTo),
				fmt.Sprintf("The same text already went out as the reply to message %s: copied replies read like boilerplate. Answer this person and their question.", o.ReplyTo)))
			break
		}
	}
	lint.SortFindings(fs)
	return fs
}

// feels reports whether a message carries an emotion a reply must meet.
func feels(r listen.Result) bool {
	return r.Urgent || slices.ContainsFunc(r.Kinds, func(k string) bool { return k == "worry" || k == "anger" || k == "complaint" })
}

// normalize reduces a reply to its body for comparison: without the
// greeting line (names differ) and without case and spacing.
func normalize(text string) string {
	lines := strings.Split(strings.TrimSpace(text), "\n")
	if len(lines) > 1 && len([]rune(lines[0])) < 40 && strings.HasSuffix(strings.TrimSpace(lines[0]), ",") {
		lines = lines[1:]
	}
	return strings.ToLower(strings.Join(strings.Fields(strings.Join(lines, " ")), " "))
}

func pickLang(de bool, german, english string) string {
	if de {
		return german
	}
	return english
}
