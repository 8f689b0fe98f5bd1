package lsp

import (
	"fmt"
	"slices"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/crisis-comms/crisis/internal/lint"
	"github.com/crisis-comms/crisis/internal/report"
)

// labels are the server's own words, in the language the message was
// judged in.
var labels = map[string]map[string]string{
	"en": {
		"suggestion": "Suggestion",
		"also":       "Also",
		"principle":  "Principle",
		"why":        "Why",
		"instead":    "Instead",
		"replace":    "Replace with “%s”",
		"ignore":     "Ignore %s here (then give the reason after the colon)",
		"unusable":   "crisis cannot lint this file: %s",
	},
	"de": {
		"suggestion": "Vorschlag",
		"also":       "Ebenso",
		"principle":  "Grundsatz",
		"why":        "Warum",
		"instead":    "Stattdessen",
		"replace":    "Ersetzen durch „%s“",
		"ignore":     "%s hier ignorieren (danach den Grund hinter den Doppelpunkt schreiben)",
		"unusable":   "crisis kann diese Datei nicht prüfen: %s",
	},
}

func label(lang, key string) string {
	if m, ok := labels[lang]; ok {
		return m[key]
	}
	return labels["en"][key]
}

func severity(s string) int {
	switch s {
	case "error":
		return severityError
	case "warning":
		return severityWarning
	}
	return severityInformation
}

// diagnostic turns a finding into a diagnostic: the range from its byte
// offsets, the rule as its code, the suggestion after the message.
func (s *server) diagnostic(d *document, f lint.Finding) Diagnostic {
	msg := f.Message
	if f.Suggestion != "" {
		msg += "\n" + label(d.res.Lang, "suggestion") + ": " + f.Suggestion
	}
	if len(f.Also) > 0 {
		msg += "\n" + label(d.res.Lang, "also") + ": " + strings.Join(f.Also, ", ")
	}
	return Diagnostic{Range: d.lines.rangeOf(f.Offset, f.End), Severity: severity(f.Severity), Code: f.Rule, Source: "crisis", Message: msg}
}

// errorDiagnostic reports a file that cannot be linted (broken front
// matter, invalid UTF-8, a broken .crisis.yaml) at the place the error
// names, else at the start.
func (s *server) errorDiagnostic(d *document) Diagnostic {
	msg := d.res.Err.Error()
	off := 0
	// Input errors read "line:col: message", the column in code points.
	if a, rest, ok := strings.Cut(msg, ":"); ok {
		if b, rest, ok := strings.Cut(rest, ": "); ok {
			line, err1 := strconv.Atoi(a)
			col, err2 := strconv.Atoi(b)
			if err1 == nil && err2 == nil && line >= 1 && line <= len(d.lines.starts) {
				off = d.lines.starts[line-1]
				for end := d.lines.lineEnd(line - 1); col > 1 && off < end; col-- {
					_, size := utf8.DecodeRuneInString(d.text[off:])
					off += size
				}
				msg = rest
			}
		}
	}
	end := off
	if off < len(d.text) {
		_, size := utf8.DecodeRuneInString(d.text[off:])
		end = off + size
	}
	return Diagnostic{Range: d.lines.rangeOf(off, end), Severity: severityError, Code: "crisis.input", Source: "crisis",
		Message: fmt.Sprintf(label(d.res.Lang, "unusable"), msg)}
}

// at returns the findings of d that cover the byte range [from, to]; an
// empty range counts when it touches a finding.
func at(d *document, from, to int) []lint.Finding {
	var out []lint.Finding
	for _, f := range d.res.Findings {
		if f.Offset <= to && from <= f.End {
			out = append(out, f)
		}
	}
	return out
}

// hover explains the rules of the findings under the cursor: the
// principle behind each, why it matters and what to write instead.
func (s *server) hover(p textDocumentPositionParams) any {
	d := s.docs[p.TextDocument.URI]
	if d == nil || d.lines == nil {
		return nil
	}
	off := d.lines.offset(p.Position)
	fs := at(d, off, off)
	if len(fs) == 0 {
		return nil
	}
	lang := d.res.Lang
	var b strings.Builder
	from, to := fs[0].Offset, fs[0].End
	for i, f := range fs {
		from, to = min(from, f.Offset), max(to, f.End)
		if i > 0 {
			b.WriteString("\n\n---\n\n")
		}
		s.explain(&b, d, lang, f)
	}
	kind := "markdown"
	if !s.markdown {
		kind = "plaintext"
	}
	r := d.lines.rangeOf(from, to)
	return hover{Contents: markupContent{Kind: kind, Value: b.String()}, Range: &r}
}

func (s *server) explain(b *strings.Builder, d *document, lang string, f lint.Finding) {
	strong := func(t string) string {
		if s.markdown {
			return "**" + t + "**"
		}
		return t
	}
	code := func(t string) string {
		if s.markdown {
			return "`" + t + "`"
		}
		return t
	}
	fmt.Fprintf(b, "%s · %s · %s\n\n%s", code(f.Rule), f.Severity, f.Tone, oneLine(f.Message))
	suggestion := f.Suggestion
	if d.pb != nil {
		if p := d.pb.Principle(f.Principle); p != nil {
			fmt.Fprintf(b, "\n\n%s: %s", strong(label(lang, "principle")), p.Title)
			if p.Summary != "" {
				b.WriteString(" — " + oneLine(p.Summary))
			}
		}
		if r := d.pb.Rule(f.Rule); r != nil {
			if r.Why != "" {
				fmt.Fprintf(b, "\n\n%s: %s", strong(label(lang, "why")), oneLine(r.Why))
			}
			if l, text := report.Weighing(d.pb, r); text != "" {
				fmt.Fprintf(b, "\n\n%s: %s", strong(l), text)
			}
			if suggestion == "" {
				suggestion = strings.TrimSpace(r.Suggestion)
			}
		}
	}
	if suggestion != "" {
		fmt.Fprintf(b, "\n\n%s: %s", strong(label(lang, "instead")), oneLine(suggestion))
	}
}

func oneLine(s string) string { return strings.Join(strings.Fields(s), " ") }

// codeActions offers, for each finding in the range, the suggestion as an
// edit where it names the words to replace, and a crisis-ignore directive
// for the finding's rule.
func (s *server) codeActions(p codeActionParams) []CodeAction {
	out := []CodeAction{}
	d := s.docs[p.TextDocument.URI]
	if d == nil || d.lines == nil || len(d.res.Findings) == 0 {
		return out
	}
	if len(p.Context.Only) > 0 && !wantsQuickFix(p.Context.Only) {
		return out
	}
	from, to := d.lines.offset(p.Range.Start), d.lines.offset(p.Range.End)
	if to < from {
		from, to = to, from
	}
	lang := d.res.Lang
	fs := at(d, from, to)
	ignored := map[string]bool{}
	for _, f := range fs {
		diag := s.diagnostic(d, f)
		if rep, ok := replacement(d.text, f); ok {
			out = append(out, CodeAction{
				Title: fmt.Sprintf(label(lang, "replace"), rep.text), Kind: "quickfix", IsPreferred: true,
				Diagnostics: []Diagnostic{diag},
				Edit:        workspaceEdit{Changes: map[string][]TextEdit{d.uri: {{Range: d.lines.rangeOf(rep.from, rep.to), NewText: rep.text}}}},
			})
		}
	}
	for _, f := range fs {
		if ignored[f.Rule] || strings.HasPrefix(f.Rule, "lint.") {
			continue // one directive per rule; a directive cannot silence itself
		}
		off, text, ok := ignoreDirective(d, f)
		if !ok {
			continue
		}
		ignored[f.Rule] = true
		pos := d.lines.position(off)
		out = append(out, CodeAction{
			Title: fmt.Sprintf(label(lang, "ignore"), ignoredRules(f)), Kind: "quickfix",
			Diagnostics: []Diagnostic{s.diagnostic(d, f)},
			Edit:        workspaceEdit{Changes: map[string][]TextEdit{d.uri: {{Range: Range{Start: pos, End: pos}, NewText: text}}}},
		})
	}
	return out
}

// wantsQuickFix reports whether a request's kinds take quick fixes: the
// empty kind takes every action.
func wantsQuickFix(only []string) bool {
	return slices.Contains(only, "quickfix") || slices.Contains(only, "")
}

// ignoreDirective returns where to insert a crisis-ignore directive for
// f's rule and its text, in the form the linter reads: in Markdown an HTML
// comment on its own line before the finding's paragraph (it covers the
// paragraph), in plain text a # line before the finding's line (it covers
// that line). The reason is left for the writer: a directive without one
// is reported until it is given. Front matter cannot hold a directive.
func ignoreDirective(d *document, f lint.Finding) (int, string, bool) {
	doc, err := lint.Parse(d.path, []byte(d.text), d.markdownDoc())
	if err != nil {
		return 0, "", false
	}
	body := doc.Body
	doc.Release()
	if f.Offset < body || f.Offset > len(d.text) {
		return 0, "", false
	}
	eol := "\n"
	if strings.Contains(d.text, "\r\n") {
		eol = "\r\n"
	}
	l := d.lines
	i := l.line(f.Offset)
	if !d.markdownDoc() {
		return l.starts[i], "# crisis-ignore " + ignoredRules(f) + ":" + eol, true
	}
	// Back to the first line of the paragraph, not into the front matter.
	for i > 0 && l.starts[i-1] >= body && strings.TrimSpace(d.text[l.starts[i-1]:l.lineEnd(i-1)]) != "" {
		i--
	}
	indent := d.text[l.starts[i]:l.lineEnd(i)]
	indent = indent[:len(indent)-len(strings.TrimLeft(indent, " \t"))]
	return l.starts[i], indent + "<!-- crisis-ignore " + ignoredRules(f) + ": -->" + eol, true
}

// ignoredRules lists the rules an ignore directive for f names: its own
// and those folded into it, which would show once it is silenced.
func ignoredRules(f lint.Finding) string {
	if len(f.Also) == 0 {
		return f.Rule
	}
	return f.Rule + ", " + strings.Join(f.Also, ", ")
}

// edit is a replacement of the bytes [from, to) of a text.
type edit struct {
	from, to int
	text     string
}

// replacement returns the edit a finding's suggestion stands for when the
// suggestion swaps words — `Instead of "X": "Y"` or `Statt „X“: „Y“`, as
// the playbooks write them, where an ellipsis at the end of both stands
// for the rest of the sentence, which is kept — and X is found where the
// finding is. A Y that is a sentence of its own, or holds figures or
// addresses, is an example with made-up facts (a time, a phone number):
// the writer adapts it, so it is shown, never applied. An X written with a
// capital is replaced only at the start of a sentence.
func replacement(text string, f lint.Finding) (edit, bool) {
	x, y, ok := parseInstead(f.Suggestion)
	if !ok {
		return edit{}, false
	}
	if xs, ys := strings.TrimSuffix(x, "…"), strings.TrimSuffix(y, "…"); xs != x && ys != y {
		x, y = strings.TrimSpace(xs), strings.TrimSpace(ys)
	}
	if x == "" || y == "" || endsSentence(y) || strings.ContainsAny(x+y, "…0123456789@/") || strings.Contains(x+y, "...") ||
		f.Offset < 0 || f.End > len(text) || f.Offset > f.End {
		return edit{}, false
	}
	// X must overlap the finding, within the finding's lines.
	lo := strings.LastIndexByte(text[:f.Offset], '\n') + 1
	hi := f.End
	if k := strings.IndexByte(text[hi:], '\n'); k >= 0 {
		hi += k
	} else {
		hi = len(text)
	}
	for i := lo; i < hi && i <= f.End; {
		if j := matchFold(text[i:hi], x); j > 0 && i+j >= f.Offset && wordAt(text, i, i+j) &&
			(!startsUpper(x) || startsSentence(text[lo:i])) {
			return edit{i, i + j, y}, true
		}
		_, size := utf8.DecodeRuneInString(text[i:])
		i += size
	}
	return edit{}, false
}

// parseInstead reads `Instead of "X": "Y"` and `Statt „X“: „Y“`, with
// straight or typographic quotes; the whole suggestion must have this form.
func parseInstead(s string) (x, y string, ok bool) {
	s = strings.TrimSpace(s)
	for _, p := range []string{"Instead of ", "Statt "} {
		if rest, found := strings.CutPrefix(s, p); found {
			x, rest, ok = quoted(rest)
			if !ok {
				return "", "", false
			}
			rest = strings.TrimSpace(strings.TrimPrefix(strings.TrimSpace(rest), ":"))
			y, rest, ok = quoted(rest)
			if !ok || strings.TrimSpace(rest) != "" {
				return "", "", false
			}
			return strings.TrimSpace(x), strings.TrimSpace(y), true
		}
	}
	return "", "", false
}

var closing = map[rune]rune{'"': '"', '„': '“', '“': '”', '»': '«', '«': '»'}

func quoted(s string) (inner, rest string, ok bool) {
	open, size := utf8.DecodeRuneInString(s)
	cl, ok := closing[open]
	if !ok {
		return "", "", false
	}
	k := strings.IndexRune(s[size:], cl)
	if k < 0 {
		return "", "", false
	}
	return s[size : size+k], s[size+k+utf8.RuneLen(cl):], true
}

// matchFold returns the length of the prefix of s that equals x up to
// case, or 0.
func matchFold(s, x string) int {
	i := 0
	for _, xr := range x {
		if i >= len(s) {
			return 0
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if r != xr && unicode.SimpleFold(r) != xr && !strings.EqualFold(string(r), string(xr)) {
			return 0
		}
		i += size
	}
	return i
}

// wordAt reports whether text[from:to] starts and ends at word boundaries.
func wordAt(text string, from, to int) bool {
	before, _ := utf8.DecodeLastRuneInString(text[:from])
	after, _ := utf8.DecodeRuneInString(text[to:])
	letter := func(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }
	return (from == 0 || !letter(before)) && (to == len(text) || !letter(after))
}

func startsUpper(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return unicode.IsUpper(r)
}

// endsSentence reports whether s ends in sentence punctuation.
func endsSentence(s string) bool {
	s = strings.TrimRight(s, "\"“”»«' ")
	return strings.HasSuffix(s, ".") || strings.HasSuffix(s, "!") || strings.HasSuffix(s, "?")
}

// startsSentence reports whether a position follows the text before it on
// its line at the start of a sentence: nothing but signs and space (a list
// bullet, an emoji) since the line's start or a sentence end.
func startsSentence(before string) bool {
	for before != "" {
		r, size := utf8.DecodeLastRuneInString(before)
		switch {
		case r == '.' || r == '!' || r == '?' || r == ':':
			return true
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			return false
		}
		before = before[:len(before)-size]
	}
	return true
}
