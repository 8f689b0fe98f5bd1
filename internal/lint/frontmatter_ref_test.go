package lint

import (
	"regexp"
	"strings"
)

// refSimpleKey and refSimpleFrontMatter are the front-matter fast path as
// first written, with an expression per line; FuzzFrontMatterFastPath holds
// the hand-written one to them.
//
// refSimpleKey is a front-matter line "key: plain value" that needs no YAML
// parser: no quotes, flow collections, anchors, tags, block scalars or
// comments.
var refSimpleKey = regexp.MustCompile(`^([a-z_]+):[ \t]+([^'"\[\]{}&*!|>#%@` + "`" + `,\s][^'"\[\]{}&*!|>#]*?)[ \t]*\r?$`)

// refSimpleFrontMatter decoded the common flat front matter by hand;
// anything else went to the parser.
func refSimpleFrontMatter(text string) (FrontMatter, bool) {
	var fm FrontMatter
	fields := map[string]*string{
		"channel": &fm.Channel, "lang": &fm.Lang, "stage": &fm.Stage, "incident": &fm.Incident,
		"scenario": &fm.Scenario, "playbook": &fm.Playbook, "time": &fm.Time, "next_update": &fm.NextUpdate,
		"subject": &fm.Subject, "title": &fm.Title,
	}
	seen := map[string]bool{}
	for _, line := range strings.Split(strings.TrimRight(text, "\r\n"), "\n") {
		m := refSimpleKey.FindStringSubmatch(line)
		if m == nil || seen[m[1]] {
			return FrontMatter{}, false
		}
		p, ok := fields[m[1]]
		if !ok || !plainValue(m[2]) || isYAMLSpecial(m[2]) {
			return FrontMatter{}, false
		}
		seen[m[1]] = true
		*p = m[2]
	}
	return fm, true
}

// refFMDelim is the closing front-matter line as an expression;
// FuzzFrontMatterDelim holds fmDelimIndex to it.
var refFMDelim = regexp.MustCompile(`(?m)^---[ \t]*\r?$`)
