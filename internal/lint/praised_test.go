package lint_test

import (
	"testing"

	"github.com/crisis-comms/crisis/internal/lint"
)

// praisedFile holds real English statements the public praised, collected as
// precision material: every one should pass the built-in rules.
const praisedFile = "testdata/real/praised-en.yaml"

// TestPraisedStatements holds the precision material to its contract (only
// praised statements, in English) and the rules to passing its open splits:
// at most a tenth of the praised train and dev statements may be flagged.
// The test split is left to the end-of-round measurement.
func TestPraisedStatements(t *testing.T) {
	c, err := lint.LoadAnyCorpus(praisedFile)
	if err != nil {
		t.Fatal(err)
	}
	if c.Real == nil {
		t.Fatalf("%s: not a corpus of real statements", praisedFile)
	}
	for _, e := range c.Real {
		if e.Verdict != "good" {
			t.Errorf("%s: entry %s has verdict %q; this file holds praised statements only", praisedFile, e.ID, e.Verdict)
		}
		if e.Language != "en" {
			t.Errorf("%s: entry %s has language %q, want en", praisedFile, e.ID, e.Language)
		}
	}
	open := lint.FilterSplits(c.Real, []string{"train", "dev"})
	if len(open) == 0 {
		t.Fatalf("%s: no train or dev statements", praisedFile)
	}
	sc, err := lint.EvaluateReal(open, func(lang string) (*lint.Engine, error) { return builtin(t, lang), nil })
	if err != nil {
		t.Fatal(err)
	}
	praised := sc.Praised["en"]
	if praised == nil || praised.N != len(open) {
		t.Fatalf("praised statements scored: %v, want %d", praised, len(open))
	}
	flagged := praised.N - praised.Agreed
	t.Logf("praised statements flagged: %d of %d (train+dev)", flagged, praised.N)
	if float64(flagged) > 0.10*float64(praised.N) {
		t.Errorf("%d of %d praised train and dev statements flagged, at most 10%%", flagged, praised.N)
	}
}
