package listen

import (
	"regexp"
	"strings"
	"unicode"
)

// Answer returns up to n sentences of a fact's text that speak of topic
// (in lang), else the text's first n sentences: the answer to a question
// about that topic, for a reply or the landing page's FAQ.
func (c *Classifier) Answer(text, lang, topic string, n int) string {
	all := Sentences(text)
	var out []string
	for _, s := range all {
		if len(out) < n && c.SpeaksOf(s, lang, topic) {
			out = append(out, s)
		}
	}
	if len(out) == 0 {
		out = all[:min(n, len(all))]
	}
	return strings.Join(out, " ")
}

var listMarker = regexp.MustCompile(`(?m)^\s*[-*]\s+`)

// Sentences splits a fact's text into sentences, without Markdown list
// markers and emphasis. A full stop after a number ("23. November") ends
// none.
func Sentences(text string) []string {
	text = listMarker.ReplaceAllString(text, "")
	text = strings.ReplaceAll(text, "**", "")
	text = strings.Join(strings.Fields(text), " ")
	var out []string
	start := 0
	r := []rune(text)
	for i := 0; i < len(r); i++ {
		if r[i] != '.' && r[i] != '!' && r[i] != '?' {
			continue
		}
		if i+2 >= len(r) || r[i+1] != ' ' || !unicode.IsUpper(r[i+2]) {
			continue
		}
		if r[i] == '.' && i > 0 && unicode.IsDigit(r[i-1]) {
			continue
		}
		out = append(out, strings.TrimSpace(string(r[start:i+1])))
		start = i + 2
	}
	if rest := strings.TrimSpace(string(r[start:])); rest != "" {
		out = append(out, rest)
	}
	return out
}
