package listen

import (
	"os"
	"slices"
	"sort"
	"testing"

	"github.com/crisis-comms/crisis/playbook"
)

func builtin(t testing.TB, lang string) *Classifier {
	t.Helper()
	pb, err := playbook.Load(playbook.BuiltinPrefix + lang)
	if err != nil {
		t.Fatal(err)
	}
	c, err := New(pb, lang)
	if err != nil {
		t.Fatal(err)
	}
	return c
}

// TestRuleExamples runs every match and miss example of every listen rule:
// a match must fire the rule, a miss must not.
func TestRuleExamples(t *testing.T) {
	c := builtin(t, "de")
	n := 0
	rules := 0
	for id, r := range c.cues {
		if r.topic >= 0 {
			continue
		}
		rules++
		for _, set := range []struct {
			want  bool
			texts map[string][]string
		}{{true, r.Examples.Match}, {false, r.Examples.Miss}} {
			langs := make([]string, 0, len(set.texts))
			for l := range set.texts {
				langs = append(langs, l)
			}
			sort.Strings(langs)
			for _, lang := range langs {
				for _, text := range set.texts[lang] {
					n++
					var got []string
					for _, f := range c.fire(text, lang).findings {
						got = append(got, f.Rule)
					}
					if slices.Contains(got, id) != set.want {
						t.Errorf("%s [%s] %q: fired=%v, want %v (fired: %v)", id, lang, text, !set.want, set.want, got)
					}
				}
			}
		}
	}
	if n < 2*rules {
		t.Errorf("only %d examples for %d rules", n, rules)
	}
}

func mustRead(t testing.TB, path string) []byte {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return data
}
