package lint

import (
	"fmt"
	"maps"
	"slices"
	"sort"

	"go.yaml.in/yaml/v3"

	"github.com/crisis-comms/crisis/internal/readfile"
	"github.com/crisis-comms/crisis/internal/yamlfile"
)

// ExampleResult is the outcome of one rule example.
type ExampleResult struct {
	Rule string
	Lang string
	Bad  bool // a bad example must be flagged by the rule
	Text string
	OK   bool
	// Got lists the rules that fired, for diagnosis.
	Got []string
}

// RunExamples lints every bad and good example of every rule: a bad
// example must make its rule fire, a good one must not. Examples of
// require rules are judged on a channel that requires the rule.
func (e *Engine) RunExamples() []ExampleResult {
	var out []ExampleResult
	for _, r := range e.rules {
		ch := ""
		if r.kind == "require" {
			for _, c := range e.pb.Channels {
				if slices.Contains(c.Require, r.ID) {
					ch = c.ID
					break
				}
			}
		} else if len(r.Channels) > 0 {
			ch = r.Channels[0]
		}
		for _, set := range []struct {
			bad   bool
			texts map[string][]string
		}{{true, r.Examples.Bad}, {false, r.Examples.Good}} {
			langs := make([]string, 0, len(set.texts))
			for l := range set.texts {
				langs = append(langs, l)
			}
			sort.Strings(langs)
			for _, lang := range langs {
				for _, text := range set.texts[lang] {
					fs := e.LintText(text, Context{Lang: lang, Channel: ch, Stage: "update"})
					res := ExampleResult{Rule: r.ID, Lang: lang, Bad: set.bad, Text: text}
					fired := false
					for _, f := range fs {
						res.Got = append(res.Got, f.Rule)
						if f.Rule == r.ID {
							fired = true
						}
					}
					res.OK = fired == set.bad
					out = append(out, res)
				}
			}
		}
	}
	if e.model != nil {
		out = append(out, e.modelExamples()...)
	}
	return out
}

// modelExamples lints the examples of the model's heads: a bad statement
// must make a head that reports fire (a head that is off cannot), a good
// one must never.
func (e *Engine) modelExamples() []ExampleResult {
	var out []ExampleResult
	for _, h := range e.model.heads {
		for _, set := range []struct {
			bad   bool
			texts map[string][]string
		}{{true, h.Examples.Bad}, {false, h.Examples.Good}} {
			if set.bad && h.Off {
				continue
			}
			langs := slices.Sorted(maps.Keys(set.texts))
			for _, lang := range langs {
				for _, text := range set.texts[lang] {
					res := ExampleResult{Rule: h.ID, Lang: lang, Bad: set.bad, Text: text}
					fired := false
					for _, f := range e.LintText(text, Context{Lang: lang, Stage: "update"}) {
						res.Got = append(res.Got, f.Rule)
						fired = fired || f.Rule == h.ID
					}
					res.OK = fired == set.bad
					out = append(out, res)
				}
			}
		}
	}
	return out
}

// CorpusEntry is one labelled message of a calibration corpus.
type CorpusEntry struct {
	ID            string `yaml:"id"`
	Lang          string `yaml:"lang"`
	Channel       string `yaml:"channel"`
	Scenario      string `yaml:"scenario,omitempty"`
	Stage         string `yaml:"stage,omitempty"`
	Promotional   bool   `yaml:"promotional"`
	Whiny         bool   `yaml:"whiny"`
	Subtle        bool   `yaml:"subtle,omitempty"`
	HardNegative  bool   `yaml:"hard_negative"`
	HasNextUpdate bool   `yaml:"has_next_update"`
	HasContact    bool   `yaml:"has_contact"`
	Why           string `yaml:"why,omitempty"`
	Text          string `yaml:"text"`
}

// LoadCorpus reads a corpus file: a YAML list of entries.
func LoadCorpus(path string) ([]CorpusEntry, error) {
	doc, err := readCorpusDoc(path)
	if err != nil {
		return nil, err
	}
	var entries []CorpusEntry
	if err := yamlfile.DecodeNode(path, doc, &entries); err != nil {
		return nil, err
	}
	return entries, nil
}

// readCorpusDoc reads a corpus file of either kind through the bounded
// reader and parses it; an empty file is an error.
func readCorpusDoc(path string) (*yaml.Node, error) {
	data, err := readfile.Read(path, readfile.Corpus)
	if err != nil {
		return nil, err
	}
	doc, err := yamlfile.Parse(path, data)
	if err != nil {
		return nil, err
	}
	if doc == nil {
		return nil, fmt.Errorf("%s: empty corpus", path)
	}
	return doc, nil
}

// Confusion counts a binary classifier's outcomes.
type Confusion struct{ TP, FP, FN, TN int }

// Add records one prediction against its label.
func (c *Confusion) Add(predicted, actual bool) {
	switch {
	case predicted && actual:
		c.TP++
	case predicted && !actual:
		c.FP++
	case !predicted && actual:
		c.FN++
	default:
		c.TN++
	}
}

// Precision is TP/(TP+FP), 1 when nothing was predicted.
func (c Confusion) Precision() float64 {
	if c.TP+c.FP == 0 {
		return 1
	}
	return float64(c.TP) / float64(c.TP+c.FP)
}

// Recall is TP/(TP+FN), 1 when there was nothing to find.
func (c Confusion) Recall() float64 {
	if c.TP+c.FN == 0 {
		return 1
	}
	return float64(c.TP) / float64(c.TP+c.FN)
}

// F1 is the harmonic mean of precision and recall.
func (c Confusion) F1() float64 {
	p, r := c.Precision(), c.Recall()
	if p+r == 0 {
		return 0
	}
	return 2 * p * r / (p + r)
}

// Accuracy is the share of correct predictions.
func (c Confusion) Accuracy() float64 {
	n := c.TP + c.FP + c.FN + c.TN
	if n == 0 {
		return 1
	}
	return float64(c.TP+c.TN) / float64(n)
}

// Scores are a corpus evaluation: per tone and language, the hard-negative
// false-alarm rate and the detection of required elements.
type Scores struct {
	Tone          map[string]map[string]*Confusion // tone → lang ("all" too) → counts
	HardNegatives int
	HardFlagged   int
	// Messages counts the entries scored per language ("all" too), and
	// Flagged those flagged promotional or whiny, whatever their labels.
	Messages, Flagged map[string]int
	NextUpdate        Confusion
	Contact           Confusion
	// Misses lists entries judged wrongly, for tuning.
	Misses []Miss
}

// Miss is a corpus entry the linter judged differently from its label.
type Miss struct {
	ID, What string
	Rules    []string
}

// HardNegativeRate is the share of hard negatives that were flagged.
func (s *Scores) HardNegativeRate() float64 {
	if s.HardNegatives == 0 {
		return 0
	}
	return float64(s.HardFlagged) / float64(s.HardNegatives)
}

// Flagged reports whether findings carry the tone at warning or error:
// info-level hints do not count as flagging a message.
func Flagged(fs []Finding, tone string) bool {
	for _, f := range fs {
		if f.Tone == tone && (f.Severity == "error" || f.Severity == "warning") {
			return true
		}
	}
	return false
}

// Evaluate lints every entry with the engine engineFor returns for its
// language and scores the results against the labels.
func Evaluate(entries []CorpusEntry, engineFor func(lang string) (*Engine, error)) (*Scores, error) {
	s := &Scores{Tone: map[string]map[string]*Confusion{}, Messages: map[string]int{}, Flagged: map[string]int{}}
	for _, tone := range []string{"promotional", "whiny"} {
		s.Tone[tone] = map[string]*Confusion{"all": {}}
	}
	for _, en := range entries {
		e, err := engineFor(en.Lang)
		if err != nil {
			return nil, err
		}
		ctx := Context{Lang: en.Lang, Channel: en.Channel, Stage: en.Stage}
		d, err := Parse(en.ID, []byte(en.Text), true)
		if err != nil {
			return nil, fmt.Errorf("corpus entry %s: %w", en.ID, err)
		}
		fs := e.Lint(d, ctx)
		var rules []string
		for _, f := range fs {
			rules = append(rules, f.Rule)
		}
		for _, tc := range []struct {
			tone   string
			actual bool
		}{{"promotional", en.Promotional}, {"whiny", en.Whiny}} {
			got := Flagged(fs, tc.tone)
			if s.Tone[tc.tone][en.Lang] == nil {
				s.Tone[tc.tone][en.Lang] = &Confusion{}
			}
			s.Tone[tc.tone][en.Lang].Add(got, tc.actual)
			s.Tone[tc.tone]["all"].Add(got, tc.actual)
			if got != tc.actual {
				s.Misses = append(s.Misses, Miss{ID: en.ID, What: fmt.Sprintf("%s: got %v, labelled %v", tc.tone, got, tc.actual), Rules: rules})
			}
		}
		flagged := Flagged(fs, "promotional") || Flagged(fs, "whiny")
		for _, lang := range []string{en.Lang, "all"} {
			s.Messages[lang]++
			if flagged {
				s.Flagged[lang]++
			}
		}
		if en.HardNegative {
			s.HardNegatives++
			if flagged {
				s.HardFlagged++
			}
		}
		nu, ct := e.Detected(d, ctx)
		s.NextUpdate.Add(nu, en.HasNextUpdate)
		s.Contact.Add(ct, en.HasContact)
		if nu != en.HasNextUpdate {
			s.Misses = append(s.Misses, Miss{ID: en.ID, What: fmt.Sprintf("next-update: got %v, labelled %v", nu, en.HasNextUpdate)})
		}
		if ct != en.HasContact {
			s.Misses = append(s.Misses, Miss{ID: en.ID, What: fmt.Sprintf("contact: got %v, labelled %v", ct, en.HasContact)})
		}
	}
	return s, nil
}
