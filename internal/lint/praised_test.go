package lint_test

import (
	"testing"

	"github.com/crisis-comms/crisis/internal/lint"
)

// praisedFile holds real English statements the public praised, collected as
// precision material: every one should pass the built-in rules.
const praisedFile = "testdata/real/praised-en.yaml"

// openEnglish are the files whose English train and dev statements are open
// for tuning; praisedFile joins them as precision material.
var openEnglish = []string{
	"testdata/real/statements-en.yaml", "testdata/real/fresh-en.yaml", "testdata/real/fresh2-en.yaml",
	"testdata/real/fresh3-en.yaml", "testdata/real/fresh4-en.yaml", "testdata/real/fresh5-en.yaml", praisedFile,
}

// TestPraisedStatements holds the precision material to its contract (only
// praised statements, in English) and the rules to the guard rail on the open
// English splits with it: at most a tenth of the praised train and dev
// statements may be flagged. Test splits are left to the end-of-round
// measurement and never read here.
func TestPraisedStatements(t *testing.T) {
	var open []lint.RealEntry
	for _, path := range openEnglish {
		c, err := lint.LoadAnyCorpus(path)
		if err != nil {
			t.Fatal(err)
		}
		if c.Real == nil {
			t.Fatalf("%s: not a corpus of real statements", path)
		}
		if path == praisedFile {
			for _, e := range c.Real {
				if e.Verdict != "good" {
					t.Errorf("%s: entry %s has verdict %q; this file holds praised statements only", path, e.ID, e.Verdict)
				}
				if e.Language != "en" {
					t.Errorf("%s: entry %s has language %q, want en", path, e.ID, e.Language)
				}
			}
		}
		open = append(open, lint.FilterSplits(c.Real, []string{"train", "dev"})...)
	}
	sc, err := lint.EvaluateReal(open, func(lang string) (*lint.Engine, error) { return builtin(t, lang), nil })
	if err != nil {
		t.Fatal(err)
	}
	praised := sc.Praised["en"]
	if praised == nil || praised.N < 100 {
		t.Fatalf("too few praised English train and dev statements to judge: %v", praised)
	}
	flagged := praised.N - praised.Agreed
	t.Logf("praised English statements flagged: %d of %d (train+dev)", flagged, praised.N)
	if float64(flagged) > 0.10*float64(praised.N) {
		t.Errorf("%d of %d praised English train and dev statements flagged, at most 10%%", flagged, praised.N)
	}
}
