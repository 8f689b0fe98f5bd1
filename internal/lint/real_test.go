package lint_test

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/crisis-comms/crisis/internal/lint"
)

// realFloor is the least agreement with the public a language must reach
// on a split of the real-statement corpus, and the largest share of its
// praised statements that may be flagged.
type realFloor struct {
	agreement, praisedFlagged float64
}

// realFloors hold the figures of the built-in playbooks on the real public
// statements in testdata/real, measured at the end of the latest round (see
// the README's "Quality and speed") and set a few points below, so that a
// change which judges real text worse fails here.
//   - train+dev: the train and dev splits of statements-*, fresh-* to
//     fresh6-*, praised-*, realpromo-* and realblame-*, used for tuning:
//     agreement 83 % (en, 325 of 390) and 77 % (de, 195 of 253), praised
//     flagged 2 of 124 and 2 of 75 at the end of the latest round.
//   - test: the test split of statements-*, never tuned on, read at the end
//     of each round: agreement 62 % (en, 32 of 52) and 32 % (de, 9 of 28),
//     praised flagged 1 of 13 and 0 of 7.
//   - fresh7: fresh7-*.yaml, all splits, collected in the latest round by
//     people who had seen neither the rules nor the other corpora, from
//     organisations in no other file, and measured at the round's start and
//     at its end, unread in between: agreement 42 % (en, 13 of 31) and 40 %
//     (de, 10 of 25) both times, praised flagged 3 of 10 and 4 of 8; a
//     linter that flags nothing scores 32 % in both languages.
//
// The figures are in the README's "Quality and speed" and in
// docs/quality.md. fresh6 was the blind set of the round before; it was
// read after its figures were taken, and its train and dev splits joined
// the tuning sets. The test splits of fresh-* to fresh6-* are too small to
// hold a floor; the README gives them. One statement moves a test or
// fresh7 figure by 2 to 12 points, hence the wider margins there.
var realFloors = map[string]map[string]realFloor{
	"train+dev": {
		"de": {agreement: 0.74, praisedFlagged: 0.04},
		"en": {agreement: 0.80, praisedFlagged: 0.03},
	},
	"test": {
		"de": {agreement: 0.22, praisedFlagged: 0.10},
		"en": {agreement: 0.52, praisedFlagged: 0.16},
	},
	"fresh7": {
		"de": {agreement: 0.32, praisedFlagged: 0.55},
		"en": {agreement: 0.32, praisedFlagged: 0.40},
	},
}

// TestRealStatements scores the built-in playbooks on real public crisis
// statements per language and split against the floors above.
func TestRealStatements(t *testing.T) {
	var entries, blind []lint.RealEntry
	for _, path := range []string{"testdata/real/statements-de.yaml", "testdata/real/statements-en.yaml",
		"testdata/real/fresh-de.yaml", "testdata/real/fresh-en.yaml", "testdata/real/fresh2-de.yaml", "testdata/real/fresh2-en.yaml",
		"testdata/real/fresh3-de.yaml", "testdata/real/fresh3-en.yaml", "testdata/real/fresh4-de.yaml", "testdata/real/fresh4-en.yaml",
		"testdata/real/fresh5-de.yaml", "testdata/real/fresh5-en.yaml",
		"testdata/real/fresh6-de.yaml", "testdata/real/fresh6-en.yaml",
		"testdata/real/fresh7-de.yaml", "testdata/real/fresh7-en.yaml",
		"testdata/real/praised-de.yaml", "testdata/real/praised-en.yaml", "testdata/real/realpromo-de.yaml", "testdata/real/realpromo-en.yaml",
		"testdata/real/realblame-de.yaml", "testdata/real/realblame-en.yaml"} {
		c, err := lint.LoadAnyCorpus(path)
		if errors.Is(err, fs.ErrNotExist) {
			if os.Getenv("CI") == "true" {
				t.Fatalf("%s is missing", path)
			}
			t.Skipf("%s is missing: the real-statement corpus is not in this checkout", path)
		}
		if err != nil {
			t.Fatal(err)
		}
		if c.Real == nil {
			t.Fatalf("%s: not a corpus of real statements", path)
		}
		switch base := filepath.Base(path); {
		case strings.HasPrefix(base, "fresh7"):
			blind = append(blind, c.Real...)
		case strings.HasPrefix(base, "fresh"), strings.HasPrefix(base, "praised"), strings.HasPrefix(base, "real"):
			// Their train and dev splits are tuned on; their test splits
			// are too small for a floor of their own.
			entries = append(entries, lint.FilterSplits(c.Real, []string{"train", "dev"})...)
		default:
			entries = append(entries, c.Real...)
		}
	}
	engines := map[string]*lint.Engine{}
	engineFor := func(lang string) (*lint.Engine, error) {
		if engines[lang] == nil {
			engines[lang] = builtin(t, lang)
		}
		return engines[lang], nil
	}
	for split, set := range map[string][]lint.RealEntry{
		"train+dev": lint.FilterSplits(entries, []string{"train", "dev"}),
		"test":      lint.FilterSplits(entries, []string{"test"}),
		"fresh7":    blind,
	} {
		sc, err := lint.EvaluateReal(set, engineFor)
		if err != nil {
			t.Fatal(err)
		}
		for lang, f := range realFloors[split] {
			target, praised := sc.Target[lang], sc.Praised[lang]
			if target == nil || praised == nil || target.N < 10 {
				t.Errorf("%s [%s]: too few statements to judge (%v)", split, lang, target)
				continue
			}
			flagged := 1 - praised.Share()
			t.Logf("%s [%s]: agreement %d of %d (%.0f%%), praised flagged %d of %d (%.0f%%)", split, lang,
				target.Agreed, target.N, 100*target.Share(), praised.N-praised.Agreed, praised.N, 100*flagged)
			if target.Share() < f.agreement {
				t.Errorf("%s [%s]: agreement with the public %.0f%% fell below %.0f%%", split, lang, 100*target.Share(), 100*f.agreement)
			}
			if flagged > f.praisedFlagged {
				t.Errorf("%s [%s]: %.0f%% of praised statements flagged, at most %.0f%%", split, lang, 100*flagged, 100*f.praisedFlagged)
			}
		}
	}
}

// TestEvaluateReal checks the scoring itself on a small corpus.
func TestEvaluateReal(t *testing.T) {
	entries := []lint.RealEntry{
		{ID: "good", Language: "en", Verdict: "good", Text: "We got this wrong and we are sorry. Payments work again since noon."},
		{ID: "sale", Language: "en", Verdict: "promotional", Text: "Storm outside? Shop our sale with 20% off everything!"},
		{ID: "pity", Language: "en", Verdict: "whiny", Text: "We are exhausted and overwhelmed. I would like my life back."},
		{ID: "blame", Language: "de", Verdict: "blame-shifting", Text: "Unser Lieferant hat seine vertraglichen Verpflichtungen nicht erfüllt."},
		{ID: "missed", Language: "de", Verdict: "whiny", Text: "Der Zug fährt um 9 Uhr."},
		{ID: "flagged", Language: "de", Verdict: "good", Text: "Jetzt 20 % Rabatt auf alles!"},
		{ID: "other", Language: "en", Verdict: "evasive", Text: "We are looking into it."},
	}
	sc, err := lint.EvaluateReal(entries, func(lang string) (*lint.Engine, error) { return builtin(t, lang), nil })
	if err != nil {
		t.Fatal(err)
	}
	if got := *sc.Target["en"]; got != (lint.Tally{Agreed: 3, N: 3}) {
		t.Errorf("en agreement = %+v, want 3 of 3", got)
	}
	if got := *sc.Target["de"]; got != (lint.Tally{Agreed: 1, N: 3}) {
		t.Errorf("de agreement = %+v, want 1 of 3", got)
	}
	if got := *sc.Praised["all"]; got != (lint.Tally{Agreed: 1, N: 2}) {
		t.Errorf("praised = %+v, want 1 of 2 passed", got)
	}
	if got := *sc.Verdict["blame-shifting"]["de"]; got != (lint.Tally{Agreed: 1, N: 1}) {
		t.Errorf("blame-shifting [de] = %+v, want 1 of 1", got)
	}
	if got := sc.Other["en"]["clean"]; got != 1 {
		t.Errorf("evasive clean = %d, want 1", got)
	}
	if c := sc.Tone["whiny"]["de"]; c.TP != 1 || c.FN != 1 {
		t.Errorf("whiny [de] = %+v, want TP 1, FN 1", *c)
	}
	if len(sc.Misses) != 2 || sc.Misses[0].Entry.ID != "flagged" || sc.Misses[0].Judged() != "promotional" || sc.Misses[1].Entry.ID != "missed" {
		t.Errorf("misses = %+v, want flagged (promotional) and missed", sc.Misses)
	}
}
