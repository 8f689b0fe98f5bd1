package lint

import (
	"cmp"
	"slices"
	"sort"
	"strings"

	"github.com/crisis-comms/crisis/playbook"
)

// suppression is a crisis-ignore directive: rules silenced over a byte range.
type suppression struct {
	rules      []string
	reason     string
	from, to   int // directive position
	scopeStart int
	scopeEnd   int
}

var directiveRe = lazyRE(`crisis-ignore\s+([A-Za-z0-9_.*,\s-]+?)\s*(?::\s*(.*?))?\s*(?:-->)?\s*$`)

// addSuppression records a directive at [from, to). An HTML comment covers
// the next paragraph; a # line covers the next line.
func (d *Document) addSuppression(from, to int, paragraph bool) {
	text := strings.TrimSpace(d.Raw[from:to])
	text = strings.TrimPrefix(text, "<!--")
	text = strings.TrimSpace(strings.TrimPrefix(strings.TrimSpace(text), "#"))
	if !strings.HasPrefix(text, "crisis-ignore") {
		return
	}
	m := directiveRe().FindStringSubmatch(text)
	s := suppression{from: from, to: to}
	if m != nil {
		s.rules = strings.FieldsFunc(m[1], func(r rune) bool { return r == ',' || r == ' ' })
		s.reason = strings.TrimSpace(m[2])
	}
	// Scope: from the end of the directive to the end of the next
	// paragraph (or line), skipping blank lines right after it.
	rest := d.Raw[to:]
	start := to
	if i := strings.IndexByte(rest, '\n'); i >= 0 && strings.TrimSpace(rest[:i]) == "" {
		// directive on its own line: scope starts on a following line
		start = to + i + 1
		for start < len(d.Raw) {
			j := strings.IndexByte(d.Raw[start:], '\n')
			if j < 0 || strings.TrimSpace(d.Raw[start:start+j]) != "" {
				break
			}
			start += j + 1
		}
	}
	end := len(d.Raw)
	if paragraph {
		if k := d.blankLines.next(d.Raw, start, "\n\n"); k >= 0 {
			end = k
		} else if k := d.crlfBlankLines.next(d.Raw, start, "\n\r\n"); k >= 0 {
			end = k
		}
	} else if k := strings.IndexByte(d.Raw[start:], '\n'); k >= 0 {
		end = start + k
	}
	s.scopeStart, s.scopeEnd = start, end
	d.suppress = append(d.suppress, s)
}

// Rule ids of the linter's own findings about suppression directives.
const (
	RuleSuppressionReason  = "lint.suppression-reason"
	RuleSuppressionUnknown = "lint.suppression-unknown"
)

// applySuppressions drops findings covered by a directive and reports
// directives without a reason or naming unknown rules.
func applySuppressions(d *Document, fs []Finding, pb *playbook.Playbook) []Finding {
	if len(d.suppress) == 0 {
		return fs
	}
	out := fs[:0]
	for _, f := range fs {
		if !suppressed(d, f) {
			out = append(out, f)
		}
	}
	for _, s := range d.suppress {
		if len(s.rules) == 0 {
			out = append(out, d.locate(Finding{Rule: RuleSuppressionUnknown, Principle: "lint", Tone: "form", Severity: "warning",
				Message:    "crisis-ignore names no rule: write <!-- crisis-ignore RULE: reason -->",
				Suggestion: "name the rule id shown in the finding, then a colon and why the text is fine", Offset: s.from, End: s.to}))
			continue
		}
		if s.reason == "" {
			out = append(out, d.locate(Finding{Rule: RuleSuppressionReason, Principle: "lint", Tone: "form", Severity: "warning",
				Message:    "crisis-ignore without a reason: say why this text is fine, after a colon",
				Suggestion: "<!-- crisis-ignore " + strings.Join(s.rules, ",") + ": quoting a customer -->", Offset: s.from, End: s.to}))
		}
		for _, id := range s.rules {
			if id != "*" && pb.Rule(id) == nil && !strings.HasPrefix(id, "channels.") {
				out = append(out, d.locate(Finding{Rule: RuleSuppressionUnknown, Principle: "lint", Tone: "form", Severity: "warning",
					Message: "crisis-ignore names unknown rule " + id + ": check the id with crisis playbook show", Offset: s.from, End: s.to}))
			}
		}
	}
	return out
}

// nextIndex finds the next occurrence of a separator from a position on,
// remembering the last answer: directives come in order, so a file with
// thousands of them and no blank line is searched once, not once each.
type nextIndex struct {
	from, at int // the last search started at from and found at (-1: none)
	valid    bool
}

func (n *nextIndex) next(s string, from int, sep string) int {
	if !n.valid || from < n.from || (n.at >= 0 && n.at < from) {
		n.from, n.valid = from, true
		n.at = strings.Index(s[from:], sep)
		if n.at >= 0 {
			n.at += from
		}
	}
	return n.at
}

// manySuppressions is the number of directives from which findings are
// looked up in merged intervals per rule instead of directive by directive.
const manySuppressions = 16

// suppressIndex holds, per rule id (and "*"), the merged, sorted scopes of
// the directives naming it.
type suppressIndex map[string][][2]int

func newSuppressIndex(sup []suppression) suppressIndex {
	ix := suppressIndex{}
	for _, s := range sup {
		for _, id := range s.rules {
			ix[id] = append(ix[id], [2]int{s.scopeStart, s.scopeEnd})
		}
	}
	for id, iv := range ix {
		slices.SortFunc(iv, func(a, b [2]int) int { return cmp.Compare(a[0], b[0]) })
		merged := iv[:0]
		for _, x := range iv {
			if x[0] >= x[1] {
				continue
			}
			if n := len(merged); n > 0 && x[0] <= merged[n-1][1] {
				merged[n-1][1] = max(merged[n-1][1], x[1])
				continue
			}
			merged = append(merged, x)
		}
		ix[id] = merged
	}
	return ix
}

func (ix suppressIndex) covers(id string, off int) bool {
	iv := ix[id]
	i := sort.Search(len(iv), func(i int) bool { return iv[i][1] > off })
	return i < len(iv) && iv[i][0] <= off
}

func suppressed(d *Document, f Finding) bool {
	if len(d.suppress) >= manySuppressions {
		if d.suppressIx == nil {
			d.suppressIx = newSuppressIndex(d.suppress)
		}
		return d.suppressIx.covers(f.Rule, f.Offset) || d.suppressIx.covers("*", f.Offset)
	}
	for _, s := range d.suppress {
		if f.Offset < s.scopeStart || f.Offset >= s.scopeEnd {
			continue
		}
		for _, id := range s.rules {
			if id == f.Rule || id == "*" {
				return true
			}
		}
	}
	return false
}

// Suppress filters findings produced outside the engine (channel limits,
// congruence) through the document's directives.
func (d *Document) Suppress(fs []Finding) []Finding {
	out := fs[:0]
	for _, f := range fs {
		if !suppressed(d, f) {
			out = append(out, f)
		}
	}
	return out
}
