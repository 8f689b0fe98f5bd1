package lint

import (
	"regexp/syntax"
	"strings"
)

// Go's regexp engine has no literal prefilter for alternations or
// case-insensitive patterns, so a pattern rule run over every sentence costs
// far more than the rest of the engine. requiredLiterals derives from the
// pattern a condition on literal strings — an and/or tree — that holds for
// every text the pattern matches (in lower case); sentences for which it
// does not hold are skipped without running the regexp. Lower-casing maps
// the case variants that (?i) accepts onto one form, except rarities such
// as the long s.
type literalSet = *litReq

// litReq is a condition: all of And hold, or (when Or is set) at least one
// of Or holds, or (when Lit is set) Lit occurs.
type litReq struct {
	Lit string
	And []*litReq
	Or  []*litReq
}

func requiredLiterals(pattern string) literalSet {
	re, err := syntax.Parse(pattern, syntax.Perl)
	if err != nil {
		return nil
	}
	return required(re.Simplify())
}

// required returns the condition for re, or nil when none can be derived
// (the pattern may match without any particular literal).
func required(re *syntax.Regexp) *litReq {
	switch re.Op {
	case syntax.OpLiteral:
		if s := strings.ToLower(string(re.Rune)); s != "" {
			return &litReq{Lit: s}
		}
	case syntax.OpCapture, syntax.OpPlus:
		return required(re.Sub[0])
	case syntax.OpRepeat:
		if re.Min >= 1 {
			return required(re.Sub[0])
		}
	case syntax.OpCharClass:
		// A small class of ASCII characters: each is an alternative.
		var or []*litReq
		for i := 0; i+1 < len(re.Rune); i += 2 {
			lo, hi := re.Rune[i], re.Rune[i+1]
			if hi-lo > 3 || hi >= 0x80 {
				return nil
			}
			for r := lo; r <= hi; r++ {
				or = append(or, &litReq{Lit: strings.ToLower(string(r))})
			}
		}
		if len(or) > 0 && len(or) <= 8 {
			return &litReq{Or: or}
		}
	case syntax.OpConcat:
		var and []*litReq
		for _, sub := range re.Sub {
			if r := required(sub); r != nil {
				and = append(and, r)
			}
		}
		switch len(and) {
		case 0:
			return nil
		case 1:
			return and[0]
		}
		return &litReq{And: and}
	case syntax.OpAlternate:
		var or []*litReq
		for _, sub := range re.Sub {
			r := required(sub)
			if r == nil {
				return nil
			}
			or = append(or, r)
		}
		return &litReq{Or: or}
	}
	return nil
}

// in reports whether the lower-cased text satisfies the condition.
func (q *litReq) in(lower string) bool {
	switch {
	case q.Lit != "":
		return strings.Contains(lower, q.Lit)
	case q.And != nil:
		for _, r := range q.And {
			if !r.in(lower) {
				return false
			}
		}
		return true
	default:
		for _, r := range q.Or {
			if r.in(lower) {
				return true
			}
		}
		return false
	}
}
