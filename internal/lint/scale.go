package lint

import (
	"fmt"

	"github.com/crisis-comms/crisis/playbook"
)

// ScaleLexicon returns a copy of pb whose lexicon has factor times as many
// terms: the extra terms are synthetic words in the same proportion of
// plain words, word parts and phrases, which never occur in real text.
// Benchmarks use it to show that matching cost does not grow with terms.
func ScaleLexicon(pb *playbook.Playbook, factor int) *playbook.Playbook {
	out := *pb
	out.Lexicon = playbook.Lexicon{}
	for g, langs := range pb.Lexicon {
		out.Lexicon[g] = map[string][]string{}
		for lang, terms := range langs {
			list := append([]string(nil), terms...)
			for k := 1; k < factor; k++ {
				for i, t := range terms {
					syn := fmt.Sprintf("zq%dx%d%s", k, i, g)
					switch {
					case len(t) > 0 && t[0] == '*' && t[len(t)-1] == '*':
						syn = "*" + syn + "*"
					case len(t) > 0 && t[len(t)-1] == '*':
						syn += "*"
					case len(t) > 0 && t[0] == '*':
						syn = "*" + syn
					}
					if containsSpace(t) {
						syn += " qz" + lang
					}
					list = append(list, syn)
				}
			}
			out.Lexicon[g][lang] = list
		}
	}
	return &out
}

// TermCount counts the terms of all lexicon groups and languages.
func TermCount(pb *playbook.Playbook) int {
	n := 0
	for _, langs := range pb.Lexicon {
		for _, terms := range langs {
			n += len(terms)
		}
	}
	return n
}

func containsSpace(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] == ' ' {
			return true
		}
	}
	return false
}
