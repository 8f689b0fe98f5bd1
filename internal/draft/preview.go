package draft

import (
	"fmt"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/crisis-comms/crisis/internal/channel"
	"github.com/crisis-comms/crisis/internal/compose"
	"github.com/crisis-comms/crisis/internal/incident"
	"github.com/crisis-comms/crisis/internal/lint"
	"github.com/crisis-comms/crisis/playbook"
)

// preview is what the writer sees before accepting a message: the text,
// its length as the channel counts it, exceeded limits, the tone findings
// with suggestions, and how many findings each principle has.
func (f *flow) preview(m compose.Message, edited bool) (title, body string) {
	lang := f.lang()
	title = f.channelTitle(m.Channel) + " · " + m.FileName
	if edited {
		title += " · " + msg(lang, "edited")
	}
	var b strings.Builder
	b.WriteString(strings.TrimRight(m.Rendered(), "\n"))
	b.WriteString("\n\n" + msg(lang, "stats") + ": " + f.stats(m))
	if vs := channel.CheckLang(m.Channel, f.limits(m.Channel), channel.Sendable(m.Body), m.Subject, lang); len(vs) > 0 {
		b.WriteString("\n" + msg(lang, "limits") + ":")
		for _, v := range vs {
			b.WriteString("\n  ! " + v.Message)
		}
	}
	b.WriteString("\n" + f.findingsText(m))
	return title, b.String()
}

// openFindings sums up the findings of every message, one line per
// channel, and returns the channels that should not go out as they are:
// those that break a limit of their channel or have an error finding.
func (f *flow) openFindings(msgs []compose.Message) (summary string, blocking []string) {
	lang := f.lang()
	tone := compose.Lint(f.eng, msgs, f.st.Stage)
	var lines []string
	var past bool
	if t, err := time.Parse(time.RFC3339, f.st.Facts["next_update"]); err == nil && t.Before(f.o.Now) {
		past = true
		lines = append(lines, fmt.Sprintf(msg(lang, "past-next-update"), incident.FormatTime(t, f.o.Now.Location(), lang)))
	}
	for _, m := range msgs {
		counts := map[string]int{}
		for _, x := range tone[m.Channel] {
			counts[x.Severity]++
		}
		limits := channel.CheckLang(m.Channel, f.limits(m.Channel), channel.Sendable(m.Body), m.Subject, lang)
		var parts []string
		for _, v := range limits {
			parts = append(parts, v.Message)
		}
		for _, sev := range playbook.Severities {
			if n := counts[sev]; n > 0 {
				parts = append(parts, fmt.Sprintf(msg(lang, "count-"+sev), n))
			}
		}
		if len(parts) == 0 {
			parts = []string{msg(lang, "ready")}
		}
		lines = append(lines, f.channelTitle(m.Channel)+":\t"+strings.Join(parts, "; "))
		if len(limits) > 0 || counts["error"] > 0 || past {
			blocking = append(blocking, m.Channel)
		}
	}
	return alignColumns(lines), blocking
}

// alignColumns pads what comes before the first tab of each line to the
// widest such part, so that the channels' findings line up.
func alignColumns(lines []string) string {
	width := 0
	for _, l := range lines {
		if head, _, ok := strings.Cut(l, "\t"); ok {
			width = max(width, utf8.RuneCountInString(head))
		}
	}
	for i, l := range lines {
		if head, rest, ok := strings.Cut(l, "\t"); ok {
			lines[i] = head + strings.Repeat(" ", width-utf8.RuneCountInString(head)+1) + rest
		}
	}
	return strings.Join(lines, "\n")
}

// findingsText lists the tone findings of a message and sums them up per
// principle; it is also the live feedback while editing.
func (f *flow) findingsText(m compose.Message) string {
	lang := f.lang()
	findings := compose.Lint(f.eng, []compose.Message{m}, f.st.Stage)[m.Channel]
	var b strings.Builder
	if len(findings) == 0 {
		b.WriteString(msg(lang, "no-findings"))
	} else {
		b.WriteString(msg(lang, "findings") + ":")
		for _, x := range findings {
			fmt.Fprintf(&b, "\n  %s %s", msg(lang, "sev-"+x.Severity), x.Rule)
			if x.Match != "" {
				fmt.Fprintf(&b, " %q", x.Match)
			}
			b.WriteString(": " + oneLine(x.Message))
			if x.Suggestion != "" {
				b.WriteString("\n    " + msg(lang, "suggestion") + oneLine(x.Suggestion))
			}
			if len(x.Also) > 0 {
				b.WriteString("\n    " + msg(lang, "also") + strings.Join(x.Also, ", "))
			}
		}
	}
	b.WriteString("\n" + msg(lang, "principles") + ": " + principleSummary(f.pb, findings))
	return b.String()
}

// findingsBrief is the live feedback while editing: the per-principle
// summary, then one short line per finding, so that it fits under an editor.
func (f *flow) findingsBrief(m compose.Message) string {
	findings := compose.Lint(f.eng, []compose.Message{m}, f.st.Stage)[m.Channel]
	lines := []string{msg(f.lang(), "principles") + ": " + principleSummary(f.pb, findings)}
	for _, x := range findings {
		line := msg(f.lang(), "sev-"+x.Severity) + " " + x.Rule
		if x.Match != "" {
			line += fmt.Sprintf(" %q", x.Match)
		}
		lines = append(lines, line)
	}
	return strings.Join(lines, "\n")
}

// principleSummary counts findings per principle in the playbook's order,
// zeros included, so that a clean principle is visibly clean. Principles
// are named by their titles, in the playbook's language.
func principleSummary(pb *playbook.Playbook, findings []lint.Finding) string {
	counts := map[string]int{}
	for _, x := range findings {
		counts[x.Principle]++
	}
	var parts []string
	for _, p := range pb.Principles {
		parts = append(parts, fmt.Sprintf("%s %d", firstOf(p.Title, p.ID), counts[p.ID]))
		delete(counts, p.ID)
	}
	for _, x := range findings {
		if n, ok := counts[x.Principle]; ok {
			parts = append(parts, fmt.Sprintf("%s %d", x.Principle, n))
			delete(counts, x.Principle)
		}
	}
	return strings.Join(parts, " · ")
}

// stats is the length of a message as its channel counts it.
func (f *flow) stats(m compose.Message) string {
	lang := f.lang()
	body := channel.Sendable(m.Body)
	switch m.Channel {
	case "sms":
		s := channel.SMS(body)
		return fmt.Sprintf(msg(lang, "sms-stats"), s.Encoding, s.Segments, f.limits("sms").SMSSegments)
	case "x":
		return fmt.Sprintf(msg(lang, "x-stats"), channel.X(body).WeightedLength, f.limits("x").XWeighted)
	}
	return fmt.Sprintf(msg(lang, "chars"), utf8.RuneCountInString(body))
}

// limits are the channel's built-in limits with the playbook's overrides.
func (f *flow) limits(id string) channel.Limits {
	lim := channel.Defaults(id)
	if c := f.pb.Channel(id); c != nil {
		if c.Limits.SMSSegments > 0 {
			lim.SMSSegments = c.Limits.SMSSegments
		}
		if c.Limits.XWeighted > 0 {
			lim.XWeighted = c.Limits.XWeighted
		}
		if c.Limits.MaxChars > 0 {
			lim.MaxChars = c.Limits.MaxChars
		}
		if c.Limits.SubjectChars > 0 {
			lim.SubjectChars = c.Limits.SubjectChars
		}
	}
	return lim
}

func oneLine(s string) string { return strings.Join(strings.Fields(s), " ") }
