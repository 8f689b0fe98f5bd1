package listen

import (
	"flag"
	"fmt"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/crisis-comms/crisis/internal/incident"
	"github.com/crisis-comms/crisis/internal/yamlfile"
)

var showSplit = flag.String("corpus.split", "", "print the scores and misses of this split (dev while tuning)")

type corpusEntry struct {
	ID     string   `yaml:"id"`
	Split  string   `yaml:"split"`
	Inc    string   `yaml:"inc"`
	Lang   string   `yaml:"lang"`
	Kinds  []string `yaml:"kinds"`
	Urgent bool     `yaml:"urgent"`
	Text   string   `yaml:"text"`
}

type confusion struct{ tp, fp, fn, tn int }

func (c *confusion) add(pred, actual bool) {
	switch {
	case pred && actual:
		c.tp++
	case pred:
		c.fp++
	case actual:
		c.fn++
	default:
		c.tn++
	}
}

func ratio(a, b int) float64 {
	if b == 0 {
		return 1
	}
	return float64(a) / float64(b)
}

func (c confusion) precision() float64 { return ratio(c.tp, c.tp+c.fp) }
func (c confusion) recall() float64    { return ratio(c.tp, c.tp+c.fn) }
func (c confusion) f1() float64 {
	p, r := c.precision(), c.recall()
	if p+r == 0 {
		return 0
	}
	return 2 * p * r / (p + r)
}

// labels are the scored labels; complaint and anger are scored together,
// as the targets name them.
var labels = []string{"question", "complaint-or-anger", "worry", "insult", "praise", "rumour", "spam", "urgent"}

func has(kinds []string, urgent bool, label string) bool {
	switch label {
	case "complaint-or-anger":
		return slices.Contains(kinds, "complaint") || slices.Contains(kinds, "anger")
	case "urgent":
		return urgent
	}
	return slices.Contains(kinds, label)
}

// scoreCorpus classifies every message of split, each against the update
// of its incident, and returns the confusion per label with the misses.
func scoreCorpus(t *testing.T, split string) (map[string]*confusion, []string, int) {
	t.Helper()
	var doc struct {
		Messages []corpusEntry `yaml:"messages"`
	}
	if err := decodeYAML(mustRead(t, "testdata/corpus.yaml"), &doc); err != nil {
		t.Fatal(err)
	}
	c := builtin(t, "de")
	scores := map[string]*confusion{}
	for _, l := range labels {
		scores[l] = &confusion{}
	}
	var misses []string
	n, langOK := 0, 0
	facts := map[string]*incident.Facts{}
	for _, e := range doc.Messages {
		if e.Split != split {
			continue
		}
		f := facts[e.Inc]
		if f == nil {
			var err error
			if f, err = incident.LoadFacts(filepath.Join("testdata", "incidents", e.Inc+".yaml")); err != nil {
				t.Fatal(err)
			}
			facts[e.Inc] = f
		}
		c.UseFacts(f)
		r := c.Classify(Message{ID: e.ID, Text: e.Text})
		n++
		if r.Lang == e.Lang {
			langOK++
		}
		for _, l := range labels {
			pred, actual := has(r.Kinds, r.Urgent, l), has(e.Kinds, e.Urgent, l)
			scores[l].add(pred, actual)
			if pred != actual {
				var cues []string
				for _, c := range r.Cues {
					cues = append(cues, c.Rule+"="+c.Match)
				}
				if r.Urgent {
					cues = append(cues, "urgent="+r.Cue)
				}
				misses = append(misses, fmt.Sprintf("%-18s %s pred=%v %s %q [%s]", l, e.ID, pred, strings.Join(r.Kinds, ","), e.Text, strings.Join(cues, " ")))
			}
		}
	}
	if n < 50 {
		t.Fatalf("split %s has only %d messages", split, n)
	}
	if float64(langOK)/float64(n) < 0.95 {
		t.Errorf("language detected right for %d of %d messages", langOK, n)
	}
	return scores, misses, n
}

// TestCorpus checks the targets on the test split, which no rule was tuned
// on: F1 ≥ 0.85 for question, complaint-or-anger, worry, insult and
// praise; ≥ 0.7 for rumour and spam; urgent recall ≥ 0.95 with precision
// ≥ 0.7. go test -run TestCorpus -v -corpus.split dev prints the dev
// split's misses for tuning.
func TestCorpus(t *testing.T) {
	split := "test"
	if *showSplit != "" {
		split = *showSplit
	}
	scores, misses, n := scoreCorpus(t, split)
	t.Logf("%s split, %d messages", split, n)
	for _, l := range labels {
		c := scores[l]
		t.Logf("%-18s F1 %.2f  precision %.2f  recall %.2f  (tp %d fp %d fn %d)", l, c.f1(), c.precision(), c.recall(), c.tp, c.fp, c.fn)
	}
	if *showSplit != "" {
		for _, m := range misses {
			t.Log(m)
		}
		return
	}
	floors := map[string]float64{"question": 0.85, "complaint-or-anger": 0.85, "worry": 0.85, "insult": 0.85,
		"praise": 0.85, "rumour": 0.7, "spam": 0.7}
	for _, l := range labels[:7] {
		if f := scores[l].f1(); f < floors[l] {
			t.Errorf("%s: F1 %.2f on the test split, below %.2f", l, f, floors[l])
		}
	}
	if u := scores["urgent"]; u.recall() < 0.95 || u.precision() < 0.7 {
		t.Errorf("urgent: recall %.2f (≥ 0.95), precision %.2f (≥ 0.7) on the test split", u.recall(), u.precision())
	}
}

func decodeYAML(data []byte, out any) error {
	return yamlfile.Decode("testdata/corpus.yaml", data, out)
}
