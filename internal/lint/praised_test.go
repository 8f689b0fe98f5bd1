package lint_test

import (
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/crisis-comms/crisis/internal/lint"
)

// verdictFiles are the real statements collected by verdict, as precision
// and recall material, with the verdicts each may hold. How the rules judge
// their train and dev splits is held by TestRealStatements with every other
// real file.
var verdictFiles = map[string][]string{
	"testdata/real/praised-de.yaml":   {"good"},
	"testdata/real/praised-en.yaml":   {"good"},
	"testdata/real/realpromo-de.yaml": {"promotional"},
	"testdata/real/realpromo-en.yaml": {"promotional"},
	"testdata/real/realblame-de.yaml": {"whiny", "blame-shifting"},
	"testdata/real/realblame-en.yaml": {"whiny", "blame-shifting"},
}

// TestVerdictFiles holds the material collected by verdict to its contract:
// each file holds only its verdicts, in the language its name gives.
func TestVerdictFiles(t *testing.T) {
	for path, verdicts := range verdictFiles {
		c, err := lint.LoadAnyCorpus(path)
		if err != nil {
			t.Fatal(err)
		}
		if len(c.Real) == 0 {
			t.Fatalf("%s: not a corpus of real statements", path)
		}
		lang := strings.TrimSuffix(filepath.Base(path), ".yaml")
		lang = lang[strings.LastIndexByte(lang, '-')+1:]
		for _, e := range c.Real {
			if !slices.Contains(verdicts, e.Verdict) {
				t.Errorf("%s: entry %s has verdict %q; this file holds %v only", path, e.ID, e.Verdict, verdicts)
			}
			if e.Language != lang {
				t.Errorf("%s: entry %s has language %q, want %s", path, e.ID, e.Language, lang)
			}
		}
	}
}
