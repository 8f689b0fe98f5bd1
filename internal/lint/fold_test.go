package lint_test

import (
	"slices"
	"strings"
	"testing"

	"github.com/crisis-comms/crisis/internal/lint"
)

// lintText lints text as an SMS with the built-in playbook of lang,
// folded or not.
func lintText(t *testing.T, e *lint.Engine, lang, text string, fold bool) []lint.Finding {
	t.Helper()
	d, err := lint.Parse("msg.md", []byte(text), true)
	if err != nil {
		t.Fatal(err)
	}
	defer d.Release()
	return e.Lint(d, lint.Context{Lang: lang, Channel: "sms", Fold: fold})
}

// ruleSet lists every rule a list of findings names, folded ones too.
func ruleSet(fs []lint.Finding) []string {
	var out []string
	for _, f := range fs {
		out = append(out, f.Rule)
		out = append(out, f.Also...)
	}
	slices.Sort(out)
	return slices.Compact(out)
}

// TestFoldOneSentenceOneFinding: a discount sentence that several
// promotional rules flag reads as one finding — the most severe rule, the
// span of all of them, the others named in Also — while the missing
// anchors stay findings of their own.
func TestFoldOneSentenceOneFinding(t *testing.T) {
	for _, tc := range []struct {
		lang, text, primary string
		also                []string
	}{
		{"de", "Nur heute: 20 % Rabatt auf alles mit dem Code SORRY20!", "helpful.discount-code",
			[]string{"helpful.sales-pitch", "helpful.urgency"}},
		{"en", "Save 30% on everything with code SORRY30 today only!", "helpful.discount-code",
			[]string{"helpful.urgency"}},
	} {
		e := builtin(t, tc.lang)
		raw := lintText(t, e, tc.lang, tc.text, false)
		folded := lintText(t, e, tc.lang, tc.text, true)
		var promo []lint.Finding
		for _, f := range folded {
			if f.Tone == "promotional" {
				promo = append(promo, f)
			}
		}
		if len(promo) != 1 {
			t.Fatalf("%s: %d promotional findings folded, want 1: %+v", tc.text, len(promo), promo)
		}
		p := promo[0]
		if p.Rule != tc.primary || p.Severity != "error" {
			t.Errorf("%s: folded into %s (%s), want %s (error)", tc.text, p.Rule, p.Severity, tc.primary)
		}
		for _, r := range tc.also {
			if !slices.Contains(p.Also, r) {
				t.Errorf("%s: Also %v lacks %s", tc.text, p.Also, r)
			}
		}
		if slices.Contains(p.Also, p.Rule) || !slices.IsSorted(p.Also) {
			t.Errorf("%s: Also %v names the finding's own rule or is unsorted", tc.text, p.Also)
		}
		// The span covers every promotional finding of the sentence.
		for _, f := range raw {
			if f.Tone == "promotional" && (f.Offset < p.Offset || f.End > p.End) {
				t.Errorf("%s: %s at %d–%d lies outside the folded %d–%d", tc.text, f.Rule, f.Offset, f.End, p.Offset, p.End)
			}
		}
		if p.Match != tc.text[p.Offset:p.End] {
			t.Errorf("%s: match %q is not the folded span", tc.text, p.Match)
		}
		if got, want := ruleSet(folded), ruleSet(raw); !slices.Equal(got, want) {
			t.Errorf("%s: folding lost or invented rules: %v, unfolded %v", tc.text, got, want)
		}
		for _, r := range []string{"anchor.contact", "anchor.next-update"} {
			if !slices.ContainsFunc(folded, func(f lint.Finding) bool { return f.Rule == r }) {
				t.Errorf("%s: %s folded away", tc.text, r)
			}
		}
	}
}

// TestFoldKeepsSentencesAndTonesApart: findings of one tone in two
// sentences, or of two tones in one sentence, stay apart.
func TestFoldKeepsSentencesAndTonesApart(t *testing.T) {
	e := builtin(t, "de")
	text := "Nur heute 20 % Rabatt mit Code SORRY20! Unser Shop hat heute 10 % Rabatt mit Code SALE10."
	var promo []lint.Finding
	for _, f := range lintText(t, e, "de", text, true) {
		if f.Tone == "promotional" {
			promo = append(promo, f)
		}
	}
	if len(promo) != 2 || promo[0].End > strings.Index(text, "Unser") {
		t.Errorf("two discount sentences: %+v, want one finding each", promo)
	}
}

// TestFoldAfterSuppression: silencing the leading rule lets the next rule
// of the sentence lead, so a directive never hides more than it names.
func TestFoldAfterSuppression(t *testing.T) {
	e := builtin(t, "de")
	text := "<!-- crisis-ignore helpful.discount-code: Test -->\nNur heute 20 % Rabatt mit Code SORRY20!\n"
	fs := lintText(t, e, "de", text, true)
	var promo []lint.Finding
	for _, f := range fs {
		if f.Tone == "promotional" {
			promo = append(promo, f)
		}
	}
	if len(promo) != 1 || promo[0].Rule == "helpful.discount-code" || slices.Contains(promo[0].Also, "helpful.discount-code") {
		t.Fatalf("with discount-code silenced: %+v", promo)
	}
}

// TestFoldOnCorpora checks folding on every text of the short-message
// corpora: no rule is lost or invented, no two folded findings of one tone
// start in one sentence, and each folded finding is the most severe of
// the ones it stands for.
func TestFoldOnCorpora(t *testing.T) {
	entries, err := lint.LoadCorpus("testdata/corpus.yaml")
	if err != nil {
		t.Fatal(err)
	}
	engines := map[string]*lint.Engine{}
	folds := 0
	for _, en := range entries {
		e := engines[en.Lang]
		if e == nil {
			e = builtin(t, en.Lang)
			engines[en.Lang] = e
		}
		raw := lintText(t, e, en.Lang, en.Text, false)
		folded := lintText(t, e, en.Lang, en.Text, true)
		if got, want := ruleSet(folded), ruleSet(raw); !slices.Equal(got, want) {
			t.Errorf("%s: folded rules %v, unfolded %v", en.ID, got, want)
		}
		rank := map[string]int{"error": 3, "warning": 2, "info": 1}
		for _, f := range folded {
			if len(f.Also) == 0 {
				continue
			}
			folds++
			for _, g := range raw {
				if slices.Contains(f.Also, g.Rule) && g.Tone == f.Tone && g.Offset >= f.Offset && g.End <= f.End && rank[g.Severity] > rank[f.Severity] {
					t.Errorf("%s: %s (%s) leads although %s is %s", en.ID, f.Rule, f.Severity, g.Rule, g.Severity)
				}
			}
		}
		if !slices.IsSortedFunc(folded, func(a, b lint.Finding) int { return a.Offset - b.Offset }) {
			t.Errorf("%s: folded findings out of order", en.ID)
		}
	}
	if folds == 0 {
		t.Error("no finding of the corpus was folded: the check checked nothing")
	}
}
