package lint

import (
	"regexp"
	"strings"
	"testing"
)

// TestRequiredLiterals checks conditions the prefilter derives where the
// parser factors words apart: each must hold for the texts the pattern
// matches and must not hold for a text that lacks the words it needs.
func TestRequiredLiterals(t *testing.T) {
	for _, tc := range []struct {
		pattern string
		match   []string // texts the pattern matches; the condition holds
		skip    []string // texts the condition rules out
	}{{
		// "decided|did …" is parsed as d(?:ecided|id …): "id" alone is too
		// weak to filter, "did" is not.
		pattern: `(?i)\bthe\s+system\s+(?:decided|did\s+(?:this|it|that)|chose)\b`,
		match:   []string{"The system decided.", "the system did it", "THE SYSTEM CHOSE"},
		skip:    []string{"the system will be back", "the system is slow, as I said"},
	}, {
		// An apostrophe class with a typographic apostrophe is exact.
		pattern: `(?i)\b\p{L}+(?:'s|’s|s'|s’)\s+(?:fault|error)\b`,
		match:   []string{"It was the driver's fault.", "the drivers’ error", "THE PILOT’S FAULT"},
		skip:    []string{"The cause is a fault in a data centre", "it is an error"},
	}, {
		// A run carried into branches, with parts after the alternation.
		pattern: `(?i)\bwe\s+(?:were|are)\s+(?:hit|overwhelmed)\s+hard\b`,
		match:   []string{"we were hit hard", "We are overwhelmed hard"},
		skip:    []string{"we were hit", "hard, we were told"},
	}, {
		// A branch without literals voids the carried condition: nothing
		// may be required then.
		pattern: `(?i)\bno\s*(?:\d+|more)\b`,
		match:   []string{"no 5", "No more"},
	}} {
		re := regexp.MustCompile(tc.pattern)
		q := requiredLiterals(tc.pattern)
		for _, s := range tc.match {
			if !re.MatchString(s) {
				t.Fatalf("%s does not match %q: fix the test", tc.pattern, s)
			}
			if q != nil && !q.in(strings.ToLower(s)) {
				t.Errorf("%s: the condition skips %q, which the pattern matches", tc.pattern, s)
			}
		}
		for _, s := range tc.skip {
			if re.MatchString(s) {
				t.Fatalf("%s matches %q: fix the test", tc.pattern, s)
			}
			if q == nil || q.in(strings.ToLower(s)) {
				t.Errorf("%s: the condition does not rule out %q", tc.pattern, s)
			}
		}
	}
}
