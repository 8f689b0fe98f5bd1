package lint

import (
	"regexp/syntax"
	"strings"
)

// Go's regexp engine has no literal prefilter for alternations or
// case-insensitive patterns, so a pattern rule run over every sentence costs
// far more than the rest of the engine. requiredLiterals derives from the
// pattern a set of strings of which at least one must occur (in lower
// case) wherever the pattern matches; sentences without any of them are
// skipped without running the regexp. (Lower-casing maps the case variants
// that (?i) accepts onto one form, except rarities such as the long s.)

// literalSet is a set of required substrings; nil means no requirement
// could be derived (the pattern must always run).
type literalSet []string

func requiredLiterals(pattern string) literalSet {
	re, err := syntax.Parse(pattern, syntax.Perl)
	if err != nil {
		return nil
	}
	set, ok := required(re.Simplify())
	if !ok || len(set) == 0 || len(set) > 64 {
		return nil
	}
	return set
}

func required(re *syntax.Regexp) (literalSet, bool) {
	switch re.Op {
	case syntax.OpLiteral:
		s := strings.ToLower(string(re.Rune))
		if s == "" {
			return nil, false
		}
		return literalSet{s}, true
	case syntax.OpCapture, syntax.OpPlus:
		return required(re.Sub[0])
	case syntax.OpRepeat:
		if re.Min >= 1 {
			return required(re.Sub[0])
		}
	case syntax.OpCharClass:
		// A small class of ASCII punctuation or letters: each is a literal.
		var out literalSet
		for i := 0; i+1 < len(re.Rune); i += 2 {
			lo, hi := re.Rune[i], re.Rune[i+1]
			if hi-lo > 3 || hi >= 0x80 {
				return nil, false
			}
			for r := lo; r <= hi; r++ {
				out = append(out, strings.ToLower(string(r)))
			}
		}
		if len(out) > 0 && len(out) <= 8 {
			return dedupe(out), true
		}
	case syntax.OpConcat:
		var best literalSet
		for _, sub := range re.Sub {
			if s, ok := required(sub); ok && better(s, best) {
				best = s
			}
		}
		if best != nil {
			return best, true
		}
	case syntax.OpAlternate:
		var out literalSet
		for _, sub := range re.Sub {
			s, ok := required(sub)
			if !ok {
				return nil, false
			}
			out = append(out, s...)
		}
		return dedupe(out), true
	}
	return nil, false
}

// better prefers the set whose shortest literal is longer: longer literals
// are rarer, so they skip more sentences.
func better(a, b literalSet) bool {
	if b == nil {
		return true
	}
	return minLen(a) > minLen(b) || (minLen(a) == minLen(b) && len(a) < len(b))
}

func minLen(s literalSet) int {
	m := -1
	for _, x := range s {
		if m < 0 || len(x) < m {
			m = len(x)
		}
	}
	return m
}

func dedupe(s literalSet) literalSet {
	seen := map[string]bool{}
	out := s[:0]
	for _, x := range s {
		if !seen[x] {
			seen[x] = true
			out = append(out, x)
		}
	}
	return out
}

func (s literalSet) in(lower string) bool {
	for _, lit := range s {
		if strings.Contains(lower, lit) {
			return true
		}
	}
	return false
}
