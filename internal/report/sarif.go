package report

import (
	"hash/fnv"
	"io"
	"net/url"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"sync"

	"github.com/crisis-comms/crisis/internal/lint"
	"github.com/crisis-comms/crisis/playbook"
)

// SARIF constants. The schema URI is the one GitHub code scanning documents;
// it serves the same OASIS 2.1.0 schema the tests validate against.
const (
	sarifSchema  = "https://json.schemastore.org/sarif-2.1.0.json"
	sarifVersion = "2.1.0"
	toolName     = "crisis"
	toolURI      = "https://github.com/crisis-comms/crisis"
	srcRoot      = "%SRCROOT%"
)

// The types below cover the part of SARIF 2.1.0 this tool writes. Field
// order follows the specification's examples so the output reads naturally.
type sarifLog struct {
	Schema  string     `json:"$schema"`
	Version string     `json:"version"`
	Runs    []sarifRun `json:"runs"`
}

type sarifRun struct {
	Tool        sarifTool         `json:"tool"`
	Invocations []sarifInvocation `json:"invocations"`
	Artifacts   []sarifArtifact   `json:"artifacts,omitempty"`
	Results     []sarifResult     `json:"results"`
	// ColumnKind is set because our columns count code points, not the
	// UTF-16 code units SARIF assumes by default; without it an emoji
	// earlier on the line would shift every following column by one.
	ColumnKind string `json:"columnKind"`
}

type sarifTool struct {
	Driver sarifDriver `json:"driver"`
}

type sarifDriver struct {
	Name            string      `json:"name"`
	InformationURI  string      `json:"informationUri"`
	Version         string      `json:"version,omitempty"`
	SemanticVersion string      `json:"semanticVersion,omitempty"`
	Rules           []sarifRule `json:"rules"`
}

type sarifRule struct {
	ID                   string              `json:"id"`
	Name                 string              `json:"name,omitempty"`
	ShortDescription     *sarifText          `json:"shortDescription,omitempty"`
	FullDescription      *sarifText          `json:"fullDescription,omitempty"`
	Help                 *sarifText          `json:"help,omitempty"`
	HelpURI              string              `json:"helpUri,omitempty"`
	DefaultConfiguration sarifConfiguration  `json:"defaultConfiguration"`
	Properties           sarifRuleProperties `json:"properties"`
}

// sarifText is a message or a multiformat message: Markdown is only set
// in a rule's help.
type sarifText struct {
	Text     string `json:"text"`
	Markdown string `json:"markdown,omitempty"`
}

type sarifConfiguration struct {
	Level string `json:"level"`
}

// sarifRuleProperties carry the playbook's classification; GitHub code
// scanning shows tags as filters.
type sarifRuleProperties struct {
	Principle string `json:"principle,omitempty"`
	Tone      string `json:"tone,omitempty"`
	// Strength is strong or weak: how a lone finding is weighed against
	// the whole statement (left out: normal).
	Strength string   `json:"strength,omitempty"`
	Tags     []string `json:"tags,omitempty"`
}

type sarifInvocation struct {
	ExecutionSuccessful        bool                `json:"executionSuccessful"`
	ToolExecutionNotifications []sarifNotification `json:"toolExecutionNotifications,omitempty"`
}

type sarifNotification struct {
	Level     string          `json:"level"`
	Message   sarifText       `json:"message"`
	Locations []sarifLocation `json:"locations,omitempty"`
}

type sarifArtifact struct {
	Location   sarifArtifactLocation    `json:"location"`
	Roles      []string                 `json:"roles"`
	Properties *sarifArtifactProperties `json:"properties,omitempty"`
}

// sarifArtifactProperties keep what the JSON format says about a file, so
// SARIF consumers do not lose the channel and its measurements.
type sarifArtifactProperties struct {
	Channel string `json:"channel,omitempty"`
	Lang    string `json:"lang,omitempty"`
	Stats   *Stats `json:"stats,omitempty"`
}

type sarifArtifactLocation struct {
	URI       string `json:"uri"`
	URIBaseID string `json:"uriBaseId,omitempty"`
	Index     *int   `json:"index,omitempty"`
}

type sarifResult struct {
	RuleID              string            `json:"ruleId"`
	RuleIndex           int               `json:"ruleIndex"`
	Level               string            `json:"level"`
	Message             sarifText         `json:"message"`
	Locations           []sarifLocation   `json:"locations"`
	PartialFingerprints sarifFingerprints `json:"partialFingerprints"`
}

// sarifFingerprints identify a finding across runs, so that code scanning
// keeps one alert for it while lines above it are added or removed.
type sarifFingerprints struct {
	// Finding is a hash of the rule, the text of the finding's line and
	// its matched text, then ":" and which occurrence of that hash in the
	// file it is (from 1).
	Finding string `json:"crisisFinding/v1"`
}

type sarifLocation struct {
	PhysicalLocation sarifPhysicalLocation `json:"physicalLocation"`
}

type sarifPhysicalLocation struct {
	ArtifactLocation sarifArtifactLocation `json:"artifactLocation"`
	Region           *sarifRegion          `json:"region,omitempty"`
}

type sarifRegion struct {
	StartLine   int        `json:"startLine"`
	StartColumn int        `json:"startColumn,omitempty"`
	EndLine     int        `json:"endLine,omitempty"`
	EndColumn   int        `json:"endColumn,omitempty"`
	Snippet     *sarifText `json:"snippet,omitempty"`
}

// writeSARIF prints one SARIF 2.1.0 log with a single run. The rules are
// every rule of the playbooks the run resolved, and the tool's own, sorted
// by id, so that a clean and a dirty run list the same rules. Files that
// could not be linted become error notifications of the invocation, which
// then is not successful.
func writeSARIF(w io.Writer, files []File, opts Options) error {
	log := sarifLogOf(files, opts)
	return encodeSARIF(w, &log)
}

// sarifLogOf builds the log writeSARIF prints.
func sarifLogOf(files []File, opts Options) sarifLog {
	run := sarifRun{
		Tool: sarifTool{Driver: sarifDriver{
			Name: toolName, InformationURI: toolURI, Version: opts.ToolVersion,
			SemanticVersion: semanticVersion(opts.ToolVersion),
			Rules:           sarifRules(files, opts),
		}},
		Results:    []sarifResult{},
		ColumnKind: "unicodeCodePoints",
	}
	index := map[string]int{}
	for i, r := range run.Tool.Driver.Rules {
		index[r.ID] = i
	}
	inv := sarifInvocation{ExecutionSuccessful: true}
	seen := map[string]int{}
	for i, f := range files {
		loc := artifactLocation(f.Path)
		art := sarifArtifact{Location: loc, Roles: []string{"analysisTarget"}}
		loc.Index = &i
		if f.Err != nil {
			inv.ExecutionSuccessful = false
			line, col, msg := inputError(f)
			pl := sarifPhysicalLocation{ArtifactLocation: loc}
			if line > 0 {
				pl.Region = &sarifRegion{StartLine: line, StartColumn: col}
			}
			inv.ToolExecutionNotifications = append(inv.ToolExecutionNotifications, sarifNotification{
				Level: "error", Message: sarifText{Text: msg}, Locations: []sarifLocation{{pl}},
			})
		} else {
			art.Properties = &sarifArtifactProperties{Channel: f.Channel, Lang: f.Lang, Stats: &f.Stats}
		}
		run.Artifacts = append(run.Artifacts, art)
		clear(seen)
		for _, x := range f.Findings {
			pl := sarifPhysicalLocation{ArtifactLocation: loc, Region: sarifRegionOf(f, x)}
			msg := x.Message
			if x.Suggestion != "" {
				msg += "\nSuggestion: " + x.Suggestion
			}
			if len(x.Also) > 0 {
				msg += "\nAlso: " + strings.Join(x.Also, ", ")
			}
			run.Results = append(run.Results, sarifResult{
				RuleID: x.Rule, RuleIndex: index[x.Rule], Level: sarifLevel(x.Severity),
				Message: sarifText{Text: msg}, Locations: []sarifLocation{{pl}},
				PartialFingerprints: sarifFingerprints{Finding: fingerprint(f.Source, x, seen)},
			})
		}
	}
	run.Invocations = []sarifInvocation{inv}
	return sarifLog{Schema: sarifSchema, Version: sarifVersion, Runs: []sarifRun{run}}
}

// fingerprint hashes what identifies a finding whatever its line number:
// the rule, its line's text with runs of spaces folded, and the matched
// text; seen counts the hashes of the file so far, so that the same
// finding twice in a file gets :1 and :2.
func fingerprint(source string, x lint.Finding, seen map[string]int) string {
	h := fnv.New64a()
	h.Write([]byte(x.Rule))
	h.Write([]byte{0})
	if 0 <= x.Offset && x.Offset <= x.End && x.End <= len(source) {
		start := strings.LastIndexByte(source[:x.Offset], '\n') + 1
		end := len(source)
		if i := strings.IndexByte(source[x.End:], '\n'); i >= 0 {
			end = x.End + i
		}
		h.Write([]byte(strings.Join(strings.Fields(source[start:end]), " ")))
	}
	h.Write([]byte{0})
	h.Write([]byte(x.Match))
	sum := strconv.FormatUint(h.Sum64(), 16)
	seen[sum]++
	return sum + ":" + strconv.Itoa(seen[sum])
}

// semanticVersion is version when it is a semantic version (without the
// leading v), else empty.
func semanticVersion(version string) string {
	v := strings.TrimPrefix(version, "v")
	if semverRe().MatchString(v) {
		return v
	}
	return ""
}

var semverRe = sync.OnceValue(func() *regexp.Regexp {
	return regexp.MustCompile(`^(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)(-[0-9A-Za-z.-]+)?(\+[0-9A-Za-z.-]+)?$`)
})

// docsRef is the git ref the rule pages are linked at: the release's tag,
// else the main branch.
func docsRef(version string) string {
	v := semanticVersion(version)
	if v == "" || strings.ContainsAny(v, "-+") {
		return "main"
	}
	return "v" + v
}

// builtinRuleIDs are the ids of the rules the built-in playbooks define;
// each has a page in docs/rules.
var builtinRuleIDs = sync.OnceValue(func() map[string]bool {
	ids := map[string]bool{}
	for _, name := range playbook.BuiltinNames() {
		pb, err := playbook.Load(name)
		if err != nil {
			continue // the built-ins are tested to load
		}
		for _, r := range pb.Rules {
			ids[r.ID] = true
		}
	}
	for _, r := range toolRules {
		ids[r.id] = true
	}
	return ids
})

// sarifRules describes every rule of opts.Playbooks and the tool's own.
// A finding whose rule none of them describes (which the engine does not
// produce) gets a description made from the finding, so that every result
// points to a rule.
func sarifRules(files []File, opts Options) []sarifRule {
	docs := RuleCatalog(opts.Playbooks)
	known := map[string]bool{}
	rules := make([]sarifRule, 0, len(docs))
	ref := docsRef(opts.ToolVersion)
	for i := range docs {
		d := &docs[i]
		known[d.ID] = true
		t := &d.Texts[0]
		r := sarifRule{
			ID:                   d.ID,
			Name:                 d.Name(),
			ShortDescription:     textOrNil(t.shortDescription()),
			FullDescription:      textOrNil(t.fullDescription()),
			Help:                 &sarifText{Text: d.helpText(), Markdown: d.Markdown(3)},
			DefaultConfiguration: sarifConfiguration{Level: sarifLevel(d.Severity)},
			Properties:           sarifRuleProperties{Principle: d.Principle, Tone: d.Tone, Strength: d.Strength, Tags: tags(d.Principle, d.Tone)},
		}
		if builtinRuleIDs()[d.ID] {
			r.HelpURI = RulePagesBase + ref + "/docs/rules/" + d.ID + ".md"
		}
		rules = append(rules, r)
	}
	for _, f := range files {
		for _, x := range f.Findings {
			if known[x.Rule] {
				continue
			}
			known[x.Rule] = true
			d := RuleDoc{ID: x.Rule, Principle: x.Principle, Tone: x.Tone, Severity: x.Severity,
				Texts: []RuleText{{Message: x.Message, Suggestion: x.Suggestion}}}
			rules = append(rules, sarifRule{
				ID:                   x.Rule,
				Name:                 d.Name(),
				ShortDescription:     textOrNil(d.Texts[0].shortDescription()),
				FullDescription:      textOrNil(d.Texts[0].fullDescription()),
				Help:                 &sarifText{Text: d.helpText(), Markdown: d.Markdown(3)},
				DefaultConfiguration: sarifConfiguration{Level: sarifLevel(x.Severity)},
				Properties:           sarifRuleProperties{Principle: x.Principle, Tone: x.Tone, Tags: tags(x.Principle, x.Tone)},
			})
		}
	}
	slices.SortFunc(rules, func(a, b sarifRule) int { return strings.Compare(a.ID, b.ID) })
	return rules
}

func tags(principle, tone string) []string {
	var t []string
	for _, s := range []string{principle, tone} {
		if s != "" && !slices.Contains(t, s) {
			t = append(t, s)
		}
	}
	return t
}

// textOrNil drops empty descriptions, because a SARIF message needs text.
func textOrNil(s string) *sarifText {
	if s = strings.TrimSpace(s); s == "" {
		return nil
	}
	return &sarifText{Text: s}
}

func sarifLevel(severity string) string {
	switch severity {
	case "error":
		return "error"
	case "warning":
		return "warning"
	}
	return "note"
}

// sarifRegionOf maps a finding's span to a region. Both use lines and
// code-point columns from 1 with an exclusive end, so no conversion is
// needed. The snippet is the region's text from the source when the byte
// offsets fit it, since Match may be shortened for display.
func sarifRegionOf(f File, x lint.Finding) *sarifRegion {
	if x.Line < 1 {
		return nil
	}
	r := &sarifRegion{StartLine: x.Line, StartColumn: max(x.Column, 1), EndLine: x.EndLine, EndColumn: x.EndColumn}
	if r.EndLine < r.StartLine {
		r.EndLine, r.EndColumn = 0, 0
	} else if r.EndLine == r.StartLine && r.EndColumn < r.StartColumn {
		r.EndColumn = r.StartColumn
	}
	snippet := x.Match
	if 0 <= x.Offset && x.Offset < x.End && x.End <= len(f.Source) && f.Source[x.Offset:x.End] != "" {
		snippet = f.Source[x.Offset:x.End]
	}
	r.Snippet = textOrNil(snippet)
	return r
}

// artifactLocation turns a path into a SARIF URI: relative paths stay
// relative to %SRCROOT% (the repository root in code scanning) with
// forward slashes and percent-encoding; absolute paths become file URIs.
func artifactLocation(path string) sarifArtifactLocation {
	p := filepath.ToSlash(path)
	if filepath.IsAbs(path) {
		if !strings.HasPrefix(p, "/") {
			p = "/" + p // Windows drive letter
		}
		return sarifArtifactLocation{URI: (&url.URL{Scheme: "file", Path: p}).String()}
	}
	p = strings.TrimPrefix(p, "./")
	uri := (&url.URL{Path: p}).EscapedPath()
	// A colon in the first segment would read as a URI scheme.
	if first, _, _ := strings.Cut(uri, "/"); strings.Contains(first, ":") {
		uri = "./" + uri
	}
	return sarifArtifactLocation{URI: uri, URIBaseID: srcRoot}
}
