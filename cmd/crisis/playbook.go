package main

import (
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strings"
	"text/tabwriter"

	"github.com/spf13/cobra"
	"go.yaml.in/yaml/v3"

	"github.com/crisis-comms/crisis/internal/config"
	"github.com/crisis-comms/crisis/internal/lint"
	"github.com/crisis-comms/crisis/internal/report"
	"github.com/crisis-comms/crisis/playbook"
)

func newPlaybookCmd(s streams) *cobra.Command {
	c := &cobra.Command{
		Use:   "playbook",
		Short: "List, show, validate, explain and test playbooks",
		Long: `Playbooks are YAML files that encode how to talk in a crisis: principles,
lexicons, rules, channels and scenarios. builtin:de and builtin:en are
embedded; a team playbook starts with "extends: builtin:de" and adds or
overrides items by id.`,
		Args: cobra.NoArgs,
		RunE: func(c *cobra.Command, _ []string) error { return c.Help() },
	}
	c.AddCommand(newPlaybookListCmd(s), newPlaybookShowCmd(s), newPlaybookValidateCmd(s),
		newPlaybookExplainCmd(s), newPlaybookTestCmd(s))
	return c
}

// defaultPlaybook is the playbook of the nearest .crisis.yaml, else builtin:de.
func defaultPlaybook() string {
	if cfg, err := config.NewFinder().For(filepath.Join(".", "x")); err == nil && cfg != nil && cfg.Playbook != "" {
		return cfg.PlaybookRef()
	}
	return "builtin:de"
}

func loadPlaybook(ref string) (*playbook.Playbook, error) {
	if ref == "" {
		ref = defaultPlaybook()
	}
	pb, err := playbook.Load(ref)
	if err != nil {
		return nil, usageErr(err)
	}
	return pb, nil
}

func newPlaybookListCmd(s streams) *cobra.Command {
	return &cobra.Command{
		Use:   "list",
		Short: "List the built-in playbooks and those named in .crisis.yaml",
		Args:  cobra.NoArgs,
		RunE: func(*cobra.Command, []string) error {
			refs := playbook.BuiltinNames()
			cfg, err := config.NewFinder().For(filepath.Join(".", "x"))
			if err != nil {
				return usageErr(err)
			}
			if cfg != nil {
				refs = append(refs, cfg.PlaybookRefs()...)
			}
			tw := tabwriter.NewWriter(s.out, 0, 4, 2, ' ', 0)
			fmt.Fprintln(tw, "PLAYBOOK\tID\tLANG\tRULES\tTITLE")
			seen := map[string]bool{}
			bad := false
			for _, ref := range refs {
				if seen[ref] {
					continue
				}
				seen[ref] = true
				pb, err := playbook.Load(ref)
				if err != nil {
					fmt.Fprintf(s.err, "crisis: %v\n", err)
					bad = true
					continue
				}
				fmt.Fprintf(tw, "%s\t%s\t%s\t%d\t%s\n", ref, pb.ID, pb.Lang, len(pb.Rules), pb.Title)
			}
			tw.Flush()
			if bad {
				return withCode(exitError)
			}
			return nil
		},
	}
}

func newPlaybookShowCmd(s streams) *cobra.Command {
	var format string
	c := &cobra.Command{
		Use:   "show [PLAYBOOK]",
		Short: "Show a playbook (merged with what it extends)",
		Example: `  crisis playbook show builtin:en
  crisis playbook show team.yaml --format yaml > merged.yaml`,
		Args: cobra.MaximumNArgs(1),
		RunE: func(_ *cobra.Command, args []string) error {
			pb, err := loadPlaybook(firstArg(args))
			if err != nil {
				return err
			}
			switch format {
			case "json":
				enc := json.NewEncoder(s.out)
				enc.SetIndent("", "  ")
				return enc.Encode(pb)
			case "yaml":
				enc := yaml.NewEncoder(s.out)
				enc.SetIndent(2)
				defer enc.Close()
				return enc.Encode(pb)
			case "text":
				showText(s.out, pb)
				return nil
			}
			return usageErr(fmt.Errorf("--format %q: use text, json or yaml", format))
		},
	}
	c.Flags().StringVar(&format, "format", "text", "output format: text, json or yaml")
	_ = c.RegisterFlagCompletionFunc("format", fixedCompletion("text", "json", "yaml"))
	return c
}

func showText(w io.Writer, pb *playbook.Playbook) {
	fmt.Fprintf(w, "%s — %s (%s)\n", pb.ID, pb.Title, pb.Source)
	if pb.Description != "" {
		fmt.Fprintf(w, "%s\n", strings.TrimSpace(pb.Description))
	}
	fmt.Fprintln(w, "\nPrinciples")
	for _, p := range pb.Principles {
		fmt.Fprintf(w, "  %-10s %s\n", p.ID, p.Title)
		if p.Summary != "" {
			fmt.Fprintf(w, "             %s\n", oneLine(p.Summary))
		}
	}
	fmt.Fprintln(w, "\nRules")
	tw := tabwriter.NewWriter(w, 0, 4, 2, ' ', 0)
	for _, r := range pb.Rules {
		state := r.Severity
		if r.Disabled {
			state = "off"
		}
		fmt.Fprintf(tw, "  %s\t%s\t%s\t%s\t%s\n", r.ID, r.Kind(), r.Tone, state, oneLine(r.Message))
	}
	tw.Flush()
	fmt.Fprintln(w, "\nChannels")
	for _, c := range pb.Channels {
		req := ""
		if len(c.Require) > 0 {
			req = " — requires " + strings.Join(c.Require, ", ")
		}
		fmt.Fprintf(w, "  %-10s %s%s\n", c.ID, c.Title, req)
	}
	fmt.Fprintln(w, "\nScenarios")
	for _, sc := range pb.Scenarios {
		fmt.Fprintf(w, "  %-19s %s (%s)\n", sc.ID, sc.Title, strings.Join(sc.Channels, ", "))
	}
	groups := make([]string, 0, len(pb.Lexicon))
	for g := range pb.Lexicon {
		groups = append(groups, g)
	}
	sort.Strings(groups)
	fmt.Fprintf(w, "\nLexicon groups: %s\n", strings.Join(groups, ", "))
}

func oneLine(s string) string { return strings.Join(strings.Fields(s), " ") }

func firstArg(args []string) string {
	if len(args) > 0 {
		return args[0]
	}
	return ""
}

func newPlaybookValidateCmd(s streams) *cobra.Command {
	return &cobra.Command{
		Use:   "validate [PLAYBOOK]...",
		Short: "Check playbooks; exit 0 when all are valid, 2 otherwise",
		Example: `  crisis playbook validate team.yaml
  crisis playbook validate builtin:de builtin:en`,
		RunE: func(_ *cobra.Command, args []string) error {
			if len(args) == 0 {
				args = []string{defaultPlaybook()}
			}
			bad := false
			for _, ref := range args {
				pb, err := playbook.Load(ref)
				if err != nil {
					fmt.Fprintln(s.err, err)
					bad = true
					continue
				}
				if _, err := lint.New(pb); err != nil {
					fmt.Fprintf(s.err, "%s: %v\n", ref, err)
					bad = true
					continue
				}
				fmt.Fprintf(s.out, "%s: ok (%d rules, %d channels, %d scenarios)\n", ref, len(pb.Rules), len(pb.Channels), len(pb.Scenarios))
			}
			if bad {
				return withCode(exitError)
			}
			return nil
		},
	}
}

func newPlaybookExplainCmd(s streams) *cobra.Command {
	var ref string
	c := &cobra.Command{
		Use:     "explain RULE",
		Short:   "Explain a rule: its principle, why it matters, and examples",
		Example: `  crisis playbook explain authentic.self-pity --playbook builtin:en`,
		Args:    cobra.ExactArgs(1),
		ValidArgsFunction: func(c *cobra.Command, args []string, _ string) ([]string, cobra.ShellCompDirective) {
			pb, err := playbook.Load(firstOf(ref, defaultPlaybook()))
			if err != nil || len(args) > 0 {
				return nil, cobra.ShellCompDirectiveNoFileComp
			}
			var ids []string
			for _, r := range pb.Rules {
				ids = append(ids, r.ID)
			}
			if pb.Model != nil {
				for _, h := range pb.Model.Heads {
					ids = append(ids, h.ID)
				}
			}
			return ids, cobra.ShellCompDirectiveNoFileComp
		},
		RunE: func(_ *cobra.Command, args []string) error {
			pb, err := loadPlaybook(ref)
			if err != nil {
				return err
			}
			r := pb.Rule(args[0])
			if h := pb.Head(args[0]); r == nil && h != nil {
				explainHead(s.out, pb, h)
				return nil
			}
			if r == nil {
				var ids []string
				for _, x := range pb.Rules {
					if strings.Contains(x.ID, args[0]) || strings.Contains(args[0], x.ID) {
						ids = append(ids, x.ID)
					}
				}
				hint := "crisis playbook show lists all rules"
				if len(ids) > 0 {
					hint = "did you mean " + strings.Join(ids, ", ") + "?"
				}
				return usageErr(fmt.Errorf("no rule %q in %s: %s", args[0], pb.Source, hint))
			}
			explain(s.out, pb, r)
			return nil
		},
	}
	c.Flags().StringVar(&ref, "playbook", "", "playbook to look in (default: .crisis.yaml, else builtin:de)")
	_ = c.RegisterFlagCompletionFunc("playbook", playbookCompletion)
	return c
}

// explainText is the wording of explain in one language.
type explainText struct {
	head, principle, says, why, instead, groups, allOf, oneOf, unless, unlessStatement, bad, good string
}

// explainTexts speak the language of the playbook; others get English.
var explainTexts = map[string]explainText{
	"de": {head: "%s — %s, Ton %s, Prüfart %s", principle: "Grundsatz", says: "Was die Regel sagt", why: "Warum",
		instead: "Stattdessen", groups: "Wortgruppen", allOf: "In einem Satz: alle von %s", oneOf: ", und eine von %s",
		unless: "Nicht, wenn der Satz enthält", unlessStatement: "Nicht, wenn die Meldung enthält",
		bad: "Wird gemeldet", good: "In Ordnung"},
	"en": {head: "%s — %s, tone %s, %s check", principle: "Principle", says: "What it says", why: "Why",
		instead: "Instead", groups: "Word groups", allOf: "In one sentence: all of %s", oneOf: ", and one of %s",
		unless: "Not when the sentence has", unlessStatement: "Not when the message has",
		bad: "Flagged", good: "Fine"},
}

func explain(w io.Writer, pb *playbook.Playbook, r *playbook.Rule) {
	t, ok := explainTexts[pb.Lang]
	if !ok {
		t = explainTexts["en"]
	}
	fmt.Fprintf(w, t.head+"\n\n", r.ID, r.Severity, r.Tone, r.Kind())
	if p := pb.Principle(r.Principle); p != nil {
		fmt.Fprintf(w, "%s: %s\n", t.principle, p.Title)
		if p.Summary != "" {
			fmt.Fprintf(w, "  %s\n", oneLine(p.Summary))
		}
		fmt.Fprintln(w)
	}
	fmt.Fprintf(w, "%s: %s\n", t.says, oneLine(r.Message))
	if r.Why != "" {
		fmt.Fprintf(w, "%s: %s\n", t.why, oneLine(r.Why))
	}
	if r.Suggestion != "" {
		fmt.Fprintf(w, "%s: %s\n", t.instead, oneLine(r.Suggestion))
	}
	if len(r.Terms) > 0 {
		fmt.Fprintf(w, "%s: %s\n", t.groups, strings.Join(r.Terms, ", "))
	}
	if r.Sentence != nil {
		fmt.Fprintf(w, t.allOf, strings.Join(r.Sentence.All, " + "))
		if len(r.Sentence.Any) > 0 {
			fmt.Fprintf(w, t.oneOf, strings.Join(r.Sentence.Any, " | "))
		}
		fmt.Fprintln(w)
	}
	if len(r.Unless) > 0 {
		fmt.Fprintf(w, "%s: %s\n", t.unless, strings.Join(r.Unless, ", "))
	}
	if len(r.UnlessStatement) > 0 {
		fmt.Fprintf(w, "%s: %s\n", t.unlessStatement, strings.Join(r.UnlessStatement, ", "))
	}
	if label, text := report.Weighing(pb, r); text != "" {
		fmt.Fprintf(w, "%s: %s\n", label, text)
	}
	for _, set := range []struct {
		title string
		m     map[string][]string
	}{{t.bad, r.Examples.Bad}, {t.good, r.Examples.Good}} {
		langs := make([]string, 0, len(set.m))
		for l := range set.m {
			langs = append(langs, l)
		}
		sort.Strings(langs)
		fmt.Fprintf(w, "\n%s:\n", set.title)
		for _, l := range langs {
			for _, ex := range set.m[l] {
				fmt.Fprintf(w, "  [%s] %s\n", l, oneLine(ex))
			}
		}
	}
}

// explainHead explains a head of the statement-level model: what it says,
// the cues that weigh most for and against its tone, and how it was
// trained.
func explainHead(w io.Writer, pb *playbook.Playbook, h *playbook.Head) {
	state := "reports"
	if h.Off {
		state = "off: it did not beat the rules on the development data"
	}
	fmt.Fprintf(w, "%s — %s, tone %s, statement-level model (%s)\n\n", h.ID, h.Severity, h.Tone, state)
	if p := pb.Principle(h.Principle); p != nil {
		fmt.Fprintf(w, "Principle: %s\n", p.Title)
		if p.Summary != "" {
			fmt.Fprintf(w, "  %s\n", oneLine(p.Summary))
		}
		fmt.Fprintln(w)
	}
	fmt.Fprintf(w, "What it says: %s\n", oneLine(h.Message))
	if h.Suggestion != "" {
		fmt.Fprintf(w, "Instead: %s\n", oneLine(h.Suggestion))
	}
	titles := map[string]string{}
	for _, f := range pb.Model.Features {
		titles[f.ID] = f.Title
	}
	type cue struct {
		id string
		w  float64
	}
	var cues []cue
	for id, x := range h.Weights {
		cues = append(cues, cue{id, x})
	}
	sort.Slice(cues, func(i, j int) bool {
		if cues[i].w != cues[j].w {
			return cues[i].w > cues[j].w
		}
		return cues[i].id < cues[j].id
	})
	list := func(cs []cue) string {
		var out []string
		for _, c := range cs {
			out = append(out, fmt.Sprintf("%s (%+.2f)", titles[c.id], c.w))
		}
		return strings.Join(out, ", ")
	}
	var pro, con []cue
	for _, c := range cues {
		if c.w > 0 {
			pro = append(pro, c)
		}
	}
	for i := len(cues) - 1; i >= 0 && cues[i].w < 0; i-- {
		con = append(con, cues[i])
	}
	if len(pro) > 0 {
		fmt.Fprintf(w, "Weighs most for it: %s\n", list(pro[:min(6, len(pro))]))
	}
	if len(con) > 0 {
		fmt.Fprintf(w, "Weighs most against it: %s\n", list(con[:min(6, len(con))]))
	}
	fmt.Fprintf(w, "Flags a statement at probability %.2f or more\n", h.Threshold)
	if h.Trained != "" {
		fmt.Fprintf(w, "Trained: %s\n", oneLine(h.Trained))
	}
	for _, set := range []struct {
		title string
		m     map[string][]string
	}{{"Flagged", h.Examples.Bad}, {"Fine", h.Examples.Good}} {
		fmt.Fprintf(w, "\n%s:\n", set.title)
		for _, l := range slices.Sorted(maps.Keys(set.m)) {
			for _, ex := range set.m[l] {
				fmt.Fprintf(w, "  [%s] %s\n", l, oneLine(ex))
			}
		}
	}
}

func newPlaybookTestCmd(s streams) *cobra.Command {
	var corpora []string
	var verbose bool
	var splits []string
	c := &cobra.Command{
		Use:   "test [PLAYBOOK]",
		Short: "Run every rule's examples, and score a labelled corpus",
		Long: `Run the bad and good examples of every rule (a bad example must make its
rule fire, a good one must not). With --corpus, lint a labelled corpus
(a YAML list of entries with lang, channel, text and the labels
promotional, whiny, hard_negative, has_next_update, has_contact) and print
precision, recall and F1 per tone and language, the hard-negative
false-alarm rate and the detection rate of next update and contact.

A corpus of real public statements (entries with language, verdict and
text, optionally split) is scored by agreement with the public: a
statement praised as good must pass, a promotional one must be flagged
promotional, a whiny or blame-shifting one whiny. Agreement is printed
per verdict and language, beside what a linter that flags nothing would
score; evasive and mixed statements are counted apart. --split keeps only
the statements of the named splits.

--corpus may be repeated, or given a quoted glob ('real/*.yaml'): the
files are pooled and scored as one corpus. They must all be of one kind.

Without PLAYBOOK, examples of both built-ins run and corpus entries are
judged with the built-in playbook of their language.`,
		Example: `  crisis playbook test
  crisis playbook test team.yaml --corpus corpus.yaml
  crisis playbook test --corpus statements.yaml --split train --split dev -v
  crisis playbook test --corpus 'real/*.yaml' --split test`,
		Args: cobra.MaximumNArgs(1),
		RunE: func(_ *cobra.Command, args []string) error {
			for _, sp := range splits {
				if !slices.Contains(lint.Splits, sp) {
					return usageErr(fmt.Errorf("--split %q: use %s", sp, strings.Join(lint.Splits, ", ")))
				}
			}
			if len(splits) > 0 && len(corpora) == 0 {
				return usageErr(errors.New("--split needs --corpus"))
			}
			files, err := corpusFiles(corpora)
			if err != nil {
				return usageErr(err)
			}
			return playbookTest(s, firstArg(args), files, splits, verbose)
		},
	}
	c.Flags().StringArrayVar(&corpora, "corpus", nil, "labelled corpus to score (YAML); repeat it or give a quoted glob to pool several files")
	_ = c.RegisterFlagCompletionFunc("corpus", fileCompletion("yaml", "yml"))
	c.Flags().BoolVarP(&verbose, "verbose", "v", false, "list every corpus entry judged differently from its label")
	c.Flags().StringSliceVar(&splits, "split", nil, "score only the real statements of these splits (train, dev, test)")
	return c
}

// corpusFiles expands the --corpus values: a value with glob characters
// that names no file is a pattern and must match at least one. The files
// are returned in the order given, each pattern's matches sorted, without
// repeats.
func corpusFiles(values []string) ([]string, error) {
	var out []string
	seen := map[string]bool{}
	for _, v := range values {
		matches := []string{v}
		if strings.ContainsAny(v, "*?[") {
			if _, err := os.Stat(v); err != nil {
				m, err := filepath.Glob(v)
				if err != nil {
					return nil, fmt.Errorf("--corpus %q: %v", v, err)
				}
				if len(m) == 0 {
					return nil, fmt.Errorf("--corpus %q matches no file", v)
				}
				matches = m // sorted by filepath.Glob
			}
		}
		for _, f := range matches {
			if !seen[f] {
				seen[f] = true
				out = append(out, f)
			}
		}
	}
	return out, nil
}

func playbookTest(s streams, ref string, corpora []string, splits []string, verbose bool) error {
	engines := map[string]*lint.Engine{}
	engineFor := func(r string) (*lint.Engine, error) {
		if e, ok := engines[r]; ok {
			return e, nil
		}
		pb, err := playbook.Load(r)
		if err != nil {
			return nil, err
		}
		e, err := lint.New(pb)
		if err != nil {
			return nil, err
		}
		engines[r] = e
		return e, nil
	}
	refs := []string{ref}
	if ref == "" {
		refs = playbook.BuiltinNames()
	}
	failed := 0
	total := 0
	for _, r := range refs {
		e, err := engineFor(r)
		if err != nil {
			return usageErr(err)
		}
		for _, res := range e.RunExamples() {
			total++
			if res.OK {
				continue
			}
			failed++
			want := "must be flagged"
			if !res.Bad {
				want = "must not be flagged"
			}
			fmt.Fprintf(s.out, "FAIL %s [%s] %s: %q (fired: %s)\n", res.Rule, res.Lang, want, oneLine(res.Text), strings.Join(res.Got, ", "))
		}
	}
	fmt.Fprintf(s.out, "examples: %d run, %d failed\n", total, failed)
	if len(corpora) > 0 {
		if err := scoreCorpus(s.out, ref, corpora, splits, verbose, engineFor); err != nil {
			return usageErr(err)
		}
	}
	if failed > 0 {
		return withCode(exitFindings)
	}
	return nil
}

// loadCorpora reads the corpus files and pools them into one corpus; they
// must all hold the same kind of entries.
func loadCorpora(files []string) (*lint.Corpus, error) {
	kind := func(c *lint.Corpus) string {
		if c.Real != nil {
			return "real statements"
		}
		return "labelled messages"
	}
	var pooled *lint.Corpus
	for _, f := range files {
		c, err := lint.LoadAnyCorpus(f)
		if err != nil {
			return nil, err
		}
		switch {
		case pooled == nil:
			pooled = c
		case (c.Real == nil) != (pooled.Real == nil):
			return nil, fmt.Errorf("%s holds %s, %s %s: pool files of one kind", f, kind(c), files[0], kind(pooled))
		default:
			pooled.Real = append(pooled.Real, c.Real...)
			pooled.Labelled = append(pooled.Labelled, c.Labelled...)
		}
	}
	return pooled, nil
}

// scoreCorpus scores a labelled corpus or a corpus of real statements,
// whichever the files hold, pooled. Without ref each entry is judged by
// the built-in playbook of its language; with ref, entries in languages
// the playbook has no lexicon for are left out and counted.
func scoreCorpus(w io.Writer, ref string, files []string, splits []string, verbose bool, engineFor func(string) (*lint.Engine, error)) error {
	c, err := loadCorpora(files)
	if err != nil {
		return err
	}
	corpus := strings.Join(files, " + ")
	if c.Real == nil && len(splits) > 0 {
		return fmt.Errorf("%s: --split applies to a corpus of real statements (entries with a verdict and a split)", corpus)
	}
	langOf := func(lang string) (*lint.Engine, error) {
		if ref != "" {
			return engineFor(ref)
		}
		name := playbook.BuiltinPrefix + lang
		if !playbook.IsBuiltin(name) {
			return nil, fmt.Errorf("corpus: no built-in playbook for language %q; pass a playbook", lang)
		}
		return engineFor(name)
	}
	var langs []string
	if ref != "" {
		e, err := engineFor(ref)
		if err != nil {
			return err
		}
		langs = playbookLangs(e.Playbook())
	}
	if c.Real != nil {
		entries := lint.FilterSplits(c.Real, splits)
		if langs != nil {
			kept, skipped := entriesIn(entries, langs, func(e lint.RealEntry) string { return e.Language })
			if len(skipped) > 0 {
				fmt.Fprintf(w, "skipped %d statements in languages the playbook has no lexicon for: %s\n", len(entries)-len(kept), strings.Join(skipped, ", "))
			}
			entries = kept
		}
		if len(entries) == 0 {
			return fmt.Errorf("%s: no statement to score (splits: %s; languages: %s)", corpus, orAll(splits), orAll(langs))
		}
		scores, err := lint.EvaluateReal(entries, langOf)
		if err != nil {
			return err
		}
		printRealScores(w, corpus, splits, len(entries), scores)
		if verbose {
			printRealMisses(w, scores.Misses)
		}
		return nil
	}
	entries := c.Labelled
	if langs != nil {
		kept, skipped := entriesIn(entries, langs, func(e lint.CorpusEntry) string { return e.Lang })
		if len(skipped) > 0 {
			fmt.Fprintf(w, "skipped %d messages in languages the playbook has no lexicon for: %s\n", len(entries)-len(kept), strings.Join(skipped, ", "))
		}
		if len(kept) == 0 {
			return fmt.Errorf("%s: no message in the languages of %s (%s)", corpus, ref, strings.Join(langs, ", "))
		}
		entries = kept
	}
	scores, err := lint.Evaluate(entries, langOf)
	if err != nil {
		return err
	}
	printScores(w, corpus, len(entries), scores)
	if verbose {
		for _, m := range scores.Misses {
			fmt.Fprintf(w, "  miss %s %s [%s]\n", m.ID, m.What, strings.Join(m.Rules, ", "))
		}
	}
	return nil
}

func orAll(list []string) string {
	if len(list) == 0 {
		return "all"
	}
	return strings.Join(list, ", ")
}

// playbookLangs are the languages a playbook judges: its own and every
// language its lexicon has terms for, sorted.
func playbookLangs(pb *playbook.Playbook) []string {
	set := map[string]bool{pb.Lang: pb.Lang != ""}
	for _, byLang := range pb.Lexicon {
		for l, terms := range byLang {
			if len(terms) > 0 {
				set[l] = true
			}
		}
	}
	var out []string
	for l, ok := range set {
		if ok {
			out = append(out, l)
		}
	}
	sort.Strings(out)
	return out
}

// entriesIn keeps the corpus entries in langs and names the other
// languages found, sorted.
func entriesIn[E any](entries []E, langs []string, lang func(E) string) (kept []E, skipped []string) {
	other := map[string]bool{}
	for _, e := range entries {
		if slices.Contains(langs, lang(e)) {
			kept = append(kept, e)
		} else {
			other[lang(e)] = true
		}
	}
	for l := range other {
		skipped = append(skipped, l)
	}
	sort.Strings(skipped)
	return kept, skipped
}

func printScores(w io.Writer, name string, n int, sc *lint.Scores) {
	fmt.Fprintf(w, "\ncorpus %s: %d messages\n", name, n)
	tw := tabwriter.NewWriter(w, 0, 4, 2, ' ', tabwriter.AlignRight)
	fmt.Fprintln(tw, "tone\tlang\tprecision\trecall\tF1\tTP\tFP\tFN\t")
	for _, tone := range []string{"promotional", "whiny"} {
		langs := make([]string, 0)
		for l := range sc.Tone[tone] {
			if l != "all" {
				langs = append(langs, l)
			}
		}
		sort.Strings(langs)
		langs = append(langs, "all")
		for _, l := range langs {
			c := sc.Tone[tone][l]
			fmt.Fprintf(tw, "%s\t%s\t%.2f\t%.2f\t%.2f\t%d\t%d\t%d\t\n", tone, l, c.Precision(), c.Recall(), c.F1(), c.TP, c.FP, c.FN)
		}
	}
	tw.Flush()
	fmt.Fprintf(w, "hard negatives flagged: %d of %d (%.1f%%)\n", sc.HardFlagged, sc.HardNegatives, 100*sc.HardNegativeRate())
	fmt.Fprintf(w, "next-update detection: %.1f%% correct\n", 100*sc.NextUpdate.Accuracy())
	fmt.Fprintf(w, "contact detection: %.1f%% correct\n", 100*sc.Contact.Accuracy())
}

// printRealScores prints the agreement with the public per verdict and
// language, the share of praised statements flagged, precision and recall
// per tone, and what became of the evasive and mixed statements.
func printRealScores(w io.Writer, name string, splits []string, n int, sc *lint.RealScores) {
	fmt.Fprintf(w, "\ncorpus %s: %d statements (splits: %s)\n", name, n, orAll(splits))
	langs := sortedLangs(sc.Target)
	tw := tabwriter.NewWriter(w, 0, 4, 2, ' ', tabwriter.AlignRight)
	fmt.Fprintln(tw, "verdict\tlang\tagreed\tof\tshare\t")
	for _, v := range lint.Verdicts {
		byLang := sc.Verdict[v]
		if byLang == nil {
			continue
		}
		for _, l := range sortedLangs(byLang) {
			t := byLang[l]
			fmt.Fprintf(tw, "%s\t%s\t%d\t%d\t%.0f%%\t\n", v, l, t.Agreed, t.N, 100*t.Share())
		}
	}
	for _, l := range langs {
		t := sc.Target[l]
		fmt.Fprintf(tw, "agreement\t%s\t%d\t%d\t%.0f%%\t\n", l, t.Agreed, t.N, 100*t.Share())
	}
	// A linter that flags nothing agrees on exactly the praised ones.
	for _, l := range langs {
		t, good := sc.Target[l], 0
		if p := sc.Praised[l]; p != nil {
			good = p.N
		}
		fmt.Fprintf(tw, "flag nothing\t%s\t%d\t%d\t%.0f%%\t\n", l, good, t.N, 100*float64(good)/float64(max(t.N, 1)))
	}
	tw.Flush()
	for _, l := range sortedLangs(sc.Praised) {
		t := sc.Praised[l]
		flagged := t.N - t.Agreed
		share := 0.0
		if t.N > 0 {
			share = 100 * float64(flagged) / float64(t.N)
		}
		fmt.Fprintf(w, "praised statements flagged [%s]: %d of %d (%.0f%%)\n", l, flagged, t.N, share)
	}
	tw = tabwriter.NewWriter(w, 0, 4, 2, ' ', tabwriter.AlignRight)
	fmt.Fprintln(tw, "tone\tlang\tprecision\trecall\tF1\tTP\tFP\tFN\t")
	for _, tone := range []string{"promotional", "whiny"} {
		for _, l := range sortedLangs(sc.Tone[tone]) {
			c := sc.Tone[tone][l]
			fmt.Fprintf(tw, "%s\t%s\t%.2f\t%.2f\t%.2f\t%d\t%d\t%d\t\n", tone, l, c.Precision(), c.Recall(), c.F1(), c.TP, c.FP, c.FN)
		}
	}
	tw.Flush()
	for _, l := range sortedLangs(sc.Other) {
		o := sc.Other[l]
		if len(o) == 0 {
			continue
		}
		fmt.Fprintf(w, "evasive and mixed [%s], not in the agreement: %d clean, %d flagged promotional, %d whiny, %d both\n",
			l, o["clean"], o["promotional"], o["whiny"], o["both"])
	}
}

// printRealMisses lists the statements judged otherwise than the public,
// with the findings behind the judgement.
func printRealMisses(w io.Writer, misses []lint.RealMiss) {
	for _, m := range misses {
		e := m.Entry
		fmt.Fprintf(w, "  miss %s [%s] %s, judged %s: %s\n", e.ID, e.Language, e.Verdict, m.Judged(), clip(oneLine(e.Text), 160))
		for _, f := range m.Findings {
			fmt.Fprintf(w, "       %s %q\n", f.Rule, f.Match)
		}
	}
}

// sortedLangs lists a per-language map's keys with "all" last.
func sortedLangs[V any](m map[string]V) []string {
	var out []string
	for l := range m {
		if l != "all" {
			out = append(out, l)
		}
	}
	sort.Strings(out)
	if _, ok := m["all"]; ok {
		out = append(out, "all")
	}
	return out
}

// clip shortens s to at most n runes, marking the cut.
func clip(s string, n int) string {
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	return string(r[:n-1]) + "…"
}
