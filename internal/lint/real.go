package lint

import (
	"fmt"
	"slices"
	"sort"

	"go.yaml.in/yaml/v3"

	"github.com/crisis-comms/crisis/internal/yamlfile"
)

// Verdicts the public gave a real statement. Good, promotional, whiny and
// blame-shifting make the agreement target; evasive and mixed statements are
// scored apart, because neither tone the linter knows stands for them.
var Verdicts = []string{"good", "promotional", "whiny", "blame-shifting", "evasive", "mixed"}

// Splits of a real corpus: tuning happens on train and dev only.
var Splits = []string{"train", "dev", "test"}

// RealEntry is one real public crisis statement with the verdict the public
// gave it.
type RealEntry struct {
	ID       string `yaml:"id"`
	Org      string `yaml:"org"`
	Date     string `yaml:"date"`
	Language string `yaml:"language"`
	Source   string `yaml:"source"`
	Verdict  string `yaml:"verdict"`
	Why      string `yaml:"why"`
	Split    string `yaml:"split,omitempty"`
	Text     string `yaml:"text"`
}

// Corpus is a corpus file: either labelled messages (Labelled) or real
// statements with public verdicts (Real), told apart by their fields.
type Corpus struct {
	Labelled []CorpusEntry
	Real     []RealEntry
}

// LoadAnyCorpus reads a corpus file of either kind. A file whose entries
// carry a verdict is a real-statement corpus.
func LoadAnyCorpus(path string) (*Corpus, error) {
	doc, err := readCorpusDoc(path)
	if err != nil {
		return nil, err
	}
	if !isRealCorpus(doc) {
		var entries []CorpusEntry
		if err := yamlfile.DecodeNode(path, doc, &entries); err != nil {
			return nil, err
		}
		return &Corpus{Labelled: entries}, nil
	}
	var entries []RealEntry
	if err := yamlfile.DecodeNode(path, doc, &entries); err != nil {
		return nil, err
	}
	if err := checkReal(path, doc.Content[0], entries); err != nil {
		return nil, err
	}
	return &Corpus{Real: entries}, nil
}

// isRealCorpus reports whether the first entry of a corpus has a verdict.
func isRealCorpus(doc *yaml.Node) bool {
	if len(doc.Content) == 0 || doc.Content[0].Kind != yaml.SequenceNode || len(doc.Content[0].Content) == 0 {
		return false
	}
	first := doc.Content[0].Content[0]
	if first.Kind != yaml.MappingNode {
		return false
	}
	for i := 0; i+1 < len(first.Content); i += 2 {
		if first.Content[i].Value == "verdict" {
			return true
		}
	}
	return false
}

// checkReal validates the values the scores depend on, naming the place of
// the first bad one.
func checkReal(path string, seq *yaml.Node, entries []RealEntry) error {
	at := func(i int, key string) (int, int) {
		m := seq.Content[i]
		for j := 0; j+1 < len(m.Content); j += 2 {
			if m.Content[j].Value == key {
				return m.Content[j+1].Line, m.Content[j+1].Column
			}
		}
		return m.Line, m.Column
	}
	seen := map[string]int{}
	for i, e := range entries {
		bad := func(key, msg string) error {
			line, col := at(i, key)
			return &yamlfile.Error{File: path, Line: line, Column: col, Msg: msg}
		}
		switch {
		case e.ID == "":
			return bad("id", "entry without an id")
		case e.Language == "":
			return bad("language", fmt.Sprintf("entry %s: language is missing (de, en, …)", e.ID))
		case !slices.Contains(Verdicts, e.Verdict):
			return bad("verdict", fmt.Sprintf("entry %s: verdict %q is not one of %v", e.ID, e.Verdict, Verdicts))
		case e.Split != "" && !slices.Contains(Splits, e.Split):
			return bad("split", fmt.Sprintf("entry %s: split %q is not one of %v", e.ID, e.Split, Splits))
		case e.Text == "":
			return bad("text", fmt.Sprintf("entry %s: text is empty", e.ID))
		}
		if prev, ok := seen[e.ID]; ok {
			line, _ := at(prev, "id")
			return bad("id", fmt.Sprintf("duplicate id %s (first on line %d)", e.ID, line))
		}
		seen[e.ID] = i
	}
	return nil
}

// FilterSplits keeps the entries whose split is one of splits; no splits
// keeps all.
func FilterSplits(entries []RealEntry, splits []string) []RealEntry {
	if len(splits) == 0 {
		return entries
	}
	var out []RealEntry
	for _, e := range entries {
		if slices.Contains(splits, e.Split) {
			out = append(out, e)
		}
	}
	return out
}

// Tally counts how often the linter agreed with the public.
type Tally struct{ Agreed, N int }

// Share is Agreed/N, 1 when there was nothing to judge.
func (t Tally) Share() float64 {
	if t.N == 0 {
		return 1
	}
	return float64(t.Agreed) / float64(t.N)
}

// RealScores are the judgement of a real-statement corpus.
type RealScores struct {
	// Verdict maps verdict → language ("all" too) → agreement, for the
	// verdicts of the target.
	Verdict map[string]map[string]*Tally
	// Target is the agreement over good, promotional, whiny and
	// blame-shifting statements, per language and "all".
	Target map[string]*Tally
	// Praised counts the good statements per language ("all" too); Agreed
	// are those that passed.
	Praised map[string]*Tally
	// Tone holds precision and recall per tone and language over the
	// target statements (whiny includes blame-shifting).
	Tone map[string]map[string]*Confusion
	// Other counts the evasive and mixed statements per language ("all"
	// too) by what the linter flagged: "promotional", "whiny", "both",
	// "clean".
	Other map[string]map[string]int
	// Misses are the target statements judged otherwise than the public did.
	Misses []RealMiss
}

// RealMiss is a statement the linter judged otherwise than the public.
type RealMiss struct {
	Entry    RealEntry
	Findings []Finding // the promotional and whiny findings at warning or error
}

// Judged is a short account of what the linter flagged: "promotional",
// "whiny", "promotional+whiny" or "clean".
func (m RealMiss) Judged() string { return judged(m.Findings) }

func judged(fs []Finding) string {
	p, w := Flagged(fs, "promotional"), Flagged(fs, "whiny")
	switch {
	case p && w:
		return "promotional+whiny"
	case p:
		return "promotional"
	case w:
		return "whiny"
	}
	return "clean"
}

// InTarget reports whether a verdict counts towards the agreement target.
func InTarget(verdict string) bool {
	return verdict == "good" || verdict == "promotional" || verdict == "whiny" || verdict == "blame-shifting"
}

// Agrees reports whether findings match a verdict: a good statement is
// flagged for neither tone, a promotional one for promotional, a whiny or
// blame-shifting one for whiny.
func Agrees(verdict string, fs []Finding) bool {
	switch verdict {
	case "good":
		return !Flagged(fs, "promotional") && !Flagged(fs, "whiny")
	case "promotional":
		return Flagged(fs, "promotional")
	case "whiny", "blame-shifting":
		return Flagged(fs, "whiny")
	}
	return false
}

// EvaluateReal lints every statement with the engine engineFor returns for
// its language, as a message on no particular channel, and scores the
// results against the public verdicts.
func EvaluateReal(entries []RealEntry, engineFor func(lang string) (*Engine, error)) (*RealScores, error) {
	s := &RealScores{
		Verdict: map[string]map[string]*Tally{},
		Target:  map[string]*Tally{"all": {}},
		Praised: map[string]*Tally{"all": {}},
		Tone:    map[string]map[string]*Confusion{"promotional": {"all": {}}, "whiny": {"all": {}}},
		Other:   map[string]map[string]int{"all": {}},
	}
	tally := func(m map[string]*Tally, lang string, ok bool) {
		for _, l := range []string{lang, "all"} {
			if m[l] == nil {
				m[l] = &Tally{}
			}
			m[l].N++
			if ok {
				m[l].Agreed++
			}
		}
	}
	for _, en := range entries {
		e, err := engineFor(en.Language)
		if err != nil {
			return nil, err
		}
		d, err := Parse(en.ID, []byte(en.Text), true)
		if err != nil {
			return nil, fmt.Errorf("corpus entry %s: %w", en.ID, err)
		}
		fs := e.Lint(d, Context{Lang: en.Language, Stage: "update"})
		if !InTarget(en.Verdict) {
			for _, l := range []string{en.Language, "all"} {
				if s.Other[l] == nil {
					s.Other[l] = map[string]int{}
				}
				k := judged(fs)
				if k == "promotional+whiny" {
					k = "both"
				}
				s.Other[l][k]++
			}
			continue
		}
		ok := Agrees(en.Verdict, fs)
		if s.Verdict[en.Verdict] == nil {
			s.Verdict[en.Verdict] = map[string]*Tally{}
		}
		tally(s.Verdict[en.Verdict], en.Language, ok)
		tally(s.Target, en.Language, ok)
		if en.Verdict == "good" {
			tally(s.Praised, en.Language, ok)
		}
		for tone, actual := range map[string]bool{
			"promotional": en.Verdict == "promotional",
			"whiny":       en.Verdict == "whiny" || en.Verdict == "blame-shifting",
		} {
			for _, l := range []string{en.Language, "all"} {
				if s.Tone[tone][l] == nil {
					s.Tone[tone][l] = &Confusion{}
				}
				s.Tone[tone][l].Add(Flagged(fs, tone), actual)
			}
		}
		if !ok {
			var kept []Finding
			for _, f := range fs {
				if (f.Tone == "promotional" || f.Tone == "whiny") && (f.Severity == "error" || f.Severity == "warning") {
					kept = append(kept, f)
				}
			}
			s.Misses = append(s.Misses, RealMiss{Entry: en, Findings: kept})
		}
	}
	sort.SliceStable(s.Misses, func(i, j int) bool {
		a, b := s.Misses[i].Entry, s.Misses[j].Entry
		if a.Language != b.Language {
			return a.Language < b.Language
		}
		return a.Verdict < b.Verdict
	})
	return s, nil
}
