package report

import (
	"io"
	"net/url"
	"path/filepath"
	"slices"
	"strings"

	"github.com/crisis-comms/crisis/internal/lint"
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
	Name           string      `json:"name"`
	InformationURI string      `json:"informationUri"`
	Version        string      `json:"version,omitempty"`
	Rules          []sarifRule `json:"rules"`
}

type sarifRule struct {
	ID                   string              `json:"id"`
	ShortDescription     *sarifText          `json:"shortDescription,omitempty"`
	FullDescription      *sarifText          `json:"fullDescription,omitempty"`
	Help                 *sarifText          `json:"help,omitempty"`
	DefaultConfiguration sarifConfiguration  `json:"defaultConfiguration"`
	Properties           sarifRuleProperties `json:"properties"`
}

type sarifText struct {
	Text string `json:"text"`
}

type sarifConfiguration struct {
	Level string `json:"level"`
}

// sarifRuleProperties carry the playbook's classification; GitHub code
// scanning shows tags as filters.
type sarifRuleProperties struct {
	Principle string   `json:"principle,omitempty"`
	Tone      string   `json:"tone,omitempty"`
	Tags      []string `json:"tags,omitempty"`
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
	RuleID    string          `json:"ruleId"`
	RuleIndex int             `json:"ruleIndex"`
	Level     string          `json:"level"`
	Message   sarifText       `json:"message"`
	Locations []sarifLocation `json:"locations"`
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

// writeSARIF prints one SARIF 2.1.0 log with a single run. Rules list every
// rule that has a finding, sorted by id, described from the playbook when
// one is given. Files that could not be linted become error notifications
// of the invocation, which then is not successful.
func writeSARIF(w io.Writer, files []File, opts Options) error {
	log := sarifLogOf(files, opts)
	return encodeSARIF(w, &log)
}

// sarifLogOf builds the log writeSARIF prints.
func sarifLogOf(files []File, opts Options) sarifLog {
	run := sarifRun{
		Tool: sarifTool{Driver: sarifDriver{
			Name: toolName, InformationURI: toolURI, Version: opts.ToolVersion,
			Rules: sarifRules(files, opts),
		}},
		Results:    []sarifResult{},
		ColumnKind: "unicodeCodePoints",
	}
	index := map[string]int{}
	for i, r := range run.Tool.Driver.Rules {
		index[r.ID] = i
	}
	inv := sarifInvocation{ExecutionSuccessful: true}
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
				Level: "error", Message: sarifText{msg}, Locations: []sarifLocation{{pl}},
			})
		} else {
			art.Properties = &sarifArtifactProperties{Channel: f.Channel, Lang: f.Lang, Stats: &f.Stats}
		}
		run.Artifacts = append(run.Artifacts, art)
		for _, x := range f.Findings {
			pl := sarifPhysicalLocation{ArtifactLocation: loc, Region: sarifRegionOf(f, x)}
			msg := x.Message
			if x.Suggestion != "" {
				msg += "\nSuggestion: " + x.Suggestion
			}
			run.Results = append(run.Results, sarifResult{
				RuleID: x.Rule, RuleIndex: index[x.Rule], Level: sarifLevel(x.Severity),
				Message: sarifText{msg}, Locations: []sarifLocation{{pl}},
			})
		}
	}
	run.Invocations = []sarifInvocation{inv}
	return sarifLog{Schema: sarifSchema, Version: sarifVersion, Runs: []sarifRun{run}}
}

// sarifRules describes each rule that has a finding. Without a playbook,
// or for a rule it does not know, the first finding stands in for it.
func sarifRules(files []File, opts Options) []sarifRule {
	first := map[string]lint.Finding{}
	var ids []string
	for _, f := range files {
		for _, x := range f.Findings {
			if _, ok := first[x.Rule]; !ok {
				first[x.Rule] = x
				ids = append(ids, x.Rule)
			}
		}
	}
	slices.Sort(ids)
	rules := make([]sarifRule, 0, len(ids))
	for _, id := range ids {
		x := first[id]
		r := sarifRule{
			ID:                   id,
			ShortDescription:     textOrNil(x.Message),
			DefaultConfiguration: sarifConfiguration{Level: sarifLevel(x.Severity)},
			Properties:           sarifRuleProperties{Principle: x.Principle, Tone: x.Tone, Tags: tags(x.Principle, x.Tone)},
		}
		if opts.Playbook != nil {
			if pr := opts.Playbook.Rule(id); pr != nil {
				r.ShortDescription = textOrNil(pr.Message)
				r.FullDescription = textOrNil(pr.Why)
				r.DefaultConfiguration.Level = sarifLevel(pr.Severity)
				r.Properties = sarifRuleProperties{Principle: pr.Principle, Tone: pr.Tone, Tags: tags(pr.Principle, pr.Tone)}
				var help []string
				for _, s := range []string{pr.Message, pr.Why} {
					if s = strings.TrimSpace(s); s != "" {
						help = append(help, s)
					}
				}
				if s := strings.TrimSpace(pr.Suggestion); s != "" {
					help = append(help, "Suggestion: "+s)
				}
				if p := opts.Playbook.Principle(pr.Principle); p != nil {
					line := "Principle: " + p.Title
					if s := strings.TrimSpace(p.Summary); s != "" {
						line += " — " + s
					}
					help = append(help, line)
				}
				r.Help = textOrNil(strings.Join(help, "\n\n"))
			}
		}
		rules = append(rules, r)
	}
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
	return &sarifText{s}
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
