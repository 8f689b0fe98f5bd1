package channel

import (
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// Limits are the length limits of one channel. A zero field means no limit;
// playbooks may override any of them.
type Limits struct {
	// SMSSegments is the most SMS parts a message may take.
	SMSSegments int `yaml:"sms_segments,omitempty" json:"sms_segments,omitempty"`
	// XWeighted is the most weighted characters as X counts them.
	XWeighted int `yaml:"x_weighted,omitempty" json:"x_weighted,omitempty"`
	// MaxChars is the most Unicode code points in the body.
	MaxChars int `yaml:"max_chars,omitempty" json:"max_chars,omitempty"`
	// SubjectChars is the most Unicode code points in the subject.
	SubjectChars int `yaml:"subject_chars,omitempty" json:"subject_chars,omitempty"`
}

// Defaults returns the built-in limits of a channel, and zero Limits for
// channels without one (landing, hotline, letter) or unknown channels.
func Defaults(channelID string) Limits {
	switch channelID {
	case "sms":
		// Every part is billed and delivered on its own; parts can arrive out
		// of order on older handsets. Two parts (306 GSM-7 characters) hold a
		// complete first message and keep cost and risk low.
		return Limits{SMSSegments: 2}
	case "x":
		// maxWeightedTweetLength in twitter-text config v3; X's "Counting
		// characters" developer documentation.
		return Limits{XWeighted: xMaxWeighted}
	case "email":
		// Mailchimp's subject line guidance: at most 60 characters, about what
		// mobile mail apps show before cutting off.
		return Limits{SubjectChars: 60}
	case "whatsapp":
		// WhatsApp Business Platform (Cloud API) messages reference: text.body
		// takes at most 4096 characters. Business-initiated messages outside
		// the 24-hour window must be templates, whose body takes at most 1024:
		// a playbook that broadcasts by template should set max_chars: 1024.
		return Limits{MaxChars: 4096}
	case "linkedin":
		// LinkedIn Help, "Share posts or articles": posts up to 3,000
		// characters.
		return Limits{MaxChars: 3000}
	case "facebook":
		// Facebook's limit for the text of a post, 63,206 characters.
		return Limits{MaxChars: 63206}
	case "instagram":
		// Instagram Help: captions up to 2,200 characters.
		return Limits{MaxChars: 2200}
	}
	return Limits{}
}

// Sendable returns the part of a message file's body that is sent: the
// file's final line ends are not part of the message. Lint, the draft's
// preview and its live counter all count this text.
func Sendable(body string) string { return strings.TrimRight(body, "\r\n") }

// Rule ids of Violation.Rule.
const (
	RuleSMSSegments   = "channels.sms-segments"
	RuleXLength       = "channels.x-length"
	RuleMaxChars      = "channels.max-chars"
	RuleSubjectLength = "channels.subject-length"
)

// Violation is a limit that a message exceeds.
type Violation struct {
	Rule string
	// Message says what is wrong and how to fix it.
	Message string
	// Offset and End are the byte span in the body the violation is about:
	// the character that forces UCS-2, or the part that does not fit. Both
	// are -1 when it concerns the whole message or the subject.
	Offset, End int
}

// Check returns the limits of lim that body and subject exceed, in the
// order SMS, X, characters, subject. channelID only names the channel in
// messages; which checks run depends on lim alone. Messages are in English;
// CheckLang writes them in the message's language.
func Check(channelID string, lim Limits, body, subject string) []Violation {
	return CheckLang(channelID, lim, body, subject, "en")
}

// CheckLang is Check with the messages in lang (de or en; others get
// English), so that a German writer reads German findings.
func CheckLang(channelID string, lim Limits, body, subject, lang string) []Violation {
	w := wordsFor(lang)
	var out []Violation
	if lim.SMSSegments > 0 {
		if v, ok := checkSMS(body, lim.SMSSegments, w); ok {
			out = append(out, v)
		}
	}
	if lim.XWeighted > 0 {
		if v, ok := checkX(body, lim.XWeighted, w); ok {
			out = append(out, v)
		}
	}
	if lim.MaxChars > 0 {
		if n := utf8.RuneCountInString(body); n > lim.MaxChars {
			off := runeOffset(body, lim.MaxChars)
			out = append(out, Violation{
				Rule: RuleMaxChars,
				Message: fmt.Sprintf(w.maxChars,
					w.channelName(channelID), lim.MaxChars, n, w.chars(n-lim.MaxChars)),
				Offset: off, End: len(body),
			})
		}
	}
	if lim.SubjectChars > 0 {
		if n := utf8.RuneCountInString(subject); n > lim.SubjectChars {
			out = append(out, Violation{
				Rule:    RuleSubjectLength,
				Message: fmt.Sprintf(w.subject, n, lim.SubjectChars, w.chars(n-lim.SubjectChars)),
				Offset:  -1, End: -1,
			})
		}
	}
	return out
}

func checkSMS(body string, limit int, w *words) (Violation, bool) {
	st := SMS(body)
	if st.Segments <= limit {
		return Violation{}, false
	}
	over, fit := smsFit(body, limit)
	v := Violation{Rule: RuleSMSSegments, Offset: over, End: len(body)}
	shorten := fmt.Sprintf(w.shorten, w.smsAmount(body, st.Units-fit))
	head := fmt.Sprintf(w.smsHead, st.Segments, limit)
	if st.Encoding == EncodingGSM7 {
		v.Message = head + ": " + shorten
		return v, true
	}

	culprits := UCS2Culprits(body)
	fixed, fixable := applyCulprits(body, culprits)
	if !fixable {
		v.Message = fmt.Sprintf(w.smsUnfixable, head, w.listRunes(unfixable(culprits), 3), shorten)
		return v, true
	}
	fs := SMS(fixed)
	how := w.howToFix(culprits)
	if fs.Segments <= limit {
		v.Offset = culprits[0].Offset
		v.End = v.Offset + utf8.RuneLen(culprits[0].Rune)
		format := w.smsForces
		if len(distinct(culprits)) > 1 {
			format = w.smsForce
		}
		v.Message = fmt.Sprintf(format, w.listRunes(culprits, 0), how, w.segments(fs.Segments), st.Segments, limit)
		return v, true
	}
	_, ffit := smsFit(fixed, limit)
	v.Message = fmt.Sprintf(w.smsBoth, head, shorten, how, w.smsAmount(fixed, fs.Units-ffit))
	return v, true
}

// smsAmount words n units of text for a reader who counts characters.
func (w *words) smsAmount(text string, n int) string {
	if isGSM(text) {
		if strings.ContainsAny(text, "€[]{}\\^~|\f") {
			return w.septets(n)
		}
		return w.chars(n)
	}
	for _, r := range text {
		if r > 0xFFFF {
			return w.chars(n) + w.emojiTwo
		}
	}
	return w.chars(n)
}

// applyCulprits returns text with every culprit replaced or, if invisible,
// deleted, and whether that covered all of them.
func applyCulprits(text string, culprits []Culprit) (string, bool) {
	var b strings.Builder
	last := 0
	for _, c := range culprits {
		if c.Replacement == "" && !invisible(c.Rune) {
			return "", false
		}
		b.WriteString(text[last:c.Offset])
		b.WriteString(c.Replacement)
		last = c.Offset + utf8.RuneLen(c.Rune)
	}
	b.WriteString(text[last:])
	return b.String(), true
}

func unfixable(culprits []Culprit) []Culprit {
	var out []Culprit
	for _, c := range culprits {
		if c.Replacement == "" && !invisible(c.Rune) {
			out = append(out, c)
		}
	}
	return out
}

// distinct returns the culprits with the first occurrence of each rune.
func distinct(culprits []Culprit) []Culprit {
	seen := map[rune]bool{}
	var out []Culprit
	for _, c := range culprits {
		if !seen[c.Rune] {
			seen[c.Rune] = true
			out = append(out, c)
		}
	}
	return out
}

// howToFix says what to type instead, grouping runes by replacement:
// `use " instead of „ and “, - instead of –, delete U+200B`.
func (w *words) howToFix(culprits []Culprit) string {
	var order []string
	by := map[string][]Culprit{}
	for _, c := range distinct(culprits) {
		if _, ok := by[c.Replacement]; !ok {
			order = append(order, c.Replacement)
		}
		by[c.Replacement] = append(by[c.Replacement], c)
	}
	var parts []string
	for _, repl := range order {
		if repl == "" {
			parts = append(parts, fmt.Sprintf(w.delete, w.listRunes(by[repl], 0)))
			continue
		}
		shown := repl
		if repl == " " {
			shown = w.normalSpace
		}
		parts = append(parts, fmt.Sprintf(w.useInstead, shown, w.listRunes(by[repl], 0)))
	}
	return strings.Join(parts, ", ")
}

// listRunes names the distinct runes of culprits: "„", "„ and “",
// "„, “ and –"; with max > 0, more than max are cut to "…and 4 more".
func (w *words) listRunes(culprits []Culprit, max int) string {
	var names []string
	for _, c := range distinct(culprits) {
		names = append(names, runeName(c.Rune))
	}
	if max > 0 && len(names) > max {
		names = append(names[:max], fmt.Sprintf(w.more, len(names)-max))
	}
	if len(names) == 1 {
		return names[0]
	}
	return strings.Join(names[:len(names)-1], ", ") + w.and + names[len(names)-1]
}

// runeName shows r itself, or its code point when it is invisible or a
// space, so that the reader can find it.
func runeName(r rune) string {
	if unicode.IsSpace(r) || !unicode.IsPrint(r) || invisible(r) {
		return fmt.Sprintf("U+%04X", r)
	}
	return string(r)
}

// runeOffset returns the byte offset of the n-th code point (0-based).
func runeOffset(s string, n int) int {
	for i := range s {
		if n == 0 {
			return i
		}
		n--
	}
	return len(s)
}

func checkX(body string, limit int, w *words) (Violation, bool) {
	// Most posts fit, which the count alone tells.
	if n, ok := xCount(body, true); ok && n <= limit {
		return Violation{}, false
	}
	text := body
	if !isNFCQuick(body) {
		text = norm.NFC.String(body)
	}
	total, over := 0, -1
	xWalk(text, func(start, _, w int) {
		if over < 0 && total+w > limit {
			over = start
		}
		total += w
	})
	if total <= limit {
		return Violation{}, false
	}
	v := Violation{
		Rule:    RuleXLength,
		Message: fmt.Sprintf(w.x, total, limit, total-limit),
		Offset:  over, End: len(body),
	}
	// Offsets into the NFC form are only offsets into body when
	// normalising changed nothing.
	if text != body {
		v.Offset, v.End = -1, -1
	}
	return v, true
}
