package report

import (
	"io"
	"strconv"
)

// encodeSARIF prints a SARIF log as encoding/json would print the sarif*
// types with two-space indentation and without HTML escaping, byte for
// byte, but without reflection and without building the whole document
// first: a code-scanning upload of a large tree runs to tens of megabytes.
// The tests compare it with encoding/json and pin the json tags it
// mirrors, so a field added to a sarif* type has to be added here too.
func encodeSARIF(w io.Writer, log *sarifLog) error {
	e := sarifEncoder{jsonWriter: jsonWriter{w: w, buf: make([]byte, 0, jsonBufSize+jsonBufSize/4)}}
	e.open('{')
	e.key("$schema")
	e.str(log.Schema)
	e.key("version")
	e.str(log.Version)
	e.key("runs")
	if e.array(log.Runs == nil) {
		for i := range log.Runs {
			e.next()
			e.run(&log.Runs[i])
		}
		e.close(']')
	}
	e.close('}')
	e.raw("\n")
	return e.flush()
}

// sarifEncoder tracks the nesting for indentation. empty says whether the
// innermost open object or array has no member yet; encoding/json prints
// an empty one as {} or [] on one line.
type sarifEncoder struct {
	jsonWriter
	depth int
	empty bool
}

func (e *sarifEncoder) open(c byte) {
	e.buf = append(e.buf, c)
	e.depth++
	e.empty = true
}

func (e *sarifEncoder) close(c byte) {
	e.depth--
	if !e.empty {
		e.newline()
	}
	e.buf = append(e.buf, c)
	e.empty = false
	e.spill()
}

func (e *sarifEncoder) newline() {
	e.buf = append(e.buf, '\n')
	for range e.depth {
		e.buf = append(e.buf, ' ', ' ')
	}
}

// next starts a member of the innermost object or array.
func (e *sarifEncoder) next() {
	if !e.empty {
		e.buf = append(e.buf, ',')
	}
	e.newline()
	e.empty = false
}

// key starts an object member; names are constants that need no escaping.
func (e *sarifEncoder) key(name string) {
	e.next()
	e.buf = append(e.buf, '"')
	e.buf = append(e.buf, name...)
	e.buf = append(e.buf, '"', ':', ' ')
}

// array opens an array, or prints null for a nil slice and reports false.
func (e *sarifEncoder) array(null bool) bool {
	if null {
		e.raw("null")
		return false
	}
	e.open('[')
	return true
}

func (e *sarifEncoder) bool(b bool) { e.buf = strconv.AppendBool(e.buf, b) }

// text prints {"text": s}.
func (e *sarifEncoder) text(t *sarifText) {
	e.open('{')
	e.key("text")
	e.str(t.Text)
	if t.Markdown != "" {
		e.key("markdown")
		e.str(t.Markdown)
	}
	e.close('}')
}

func (e *sarifEncoder) run(r *sarifRun) {
	e.open('{')
	e.key("tool")
	e.open('{')
	e.key("driver")
	e.driver(&r.Tool.Driver)
	e.close('}')
	e.key("invocations")
	if e.array(r.Invocations == nil) {
		for i := range r.Invocations {
			e.next()
			e.invocation(&r.Invocations[i])
		}
		e.close(']')
	}
	if len(r.Artifacts) > 0 {
		e.key("artifacts")
		e.open('[')
		for i := range r.Artifacts {
			e.next()
			e.artifact(&r.Artifacts[i])
		}
		e.close(']')
	}
	e.key("results")
	if e.array(r.Results == nil) {
		for i := range r.Results {
			e.next()
			e.result(&r.Results[i])
		}
		e.close(']')
	}
	e.key("columnKind")
	e.str(r.ColumnKind)
	e.close('}')
}

func (e *sarifEncoder) driver(d *sarifDriver) {
	e.open('{')
	e.key("name")
	e.str(d.Name)
	e.key("informationUri")
	e.str(d.InformationURI)
	if d.Version != "" {
		e.key("version")
		e.str(d.Version)
	}
	if d.SemanticVersion != "" {
		e.key("semanticVersion")
		e.str(d.SemanticVersion)
	}
	e.key("rules")
	if e.array(d.Rules == nil) {
		for i := range d.Rules {
			e.next()
			e.rule(&d.Rules[i])
		}
		e.close(']')
	}
	e.close('}')
}

func (e *sarifEncoder) rule(r *sarifRule) {
	e.open('{')
	e.key("id")
	e.str(r.ID)
	if r.Name != "" {
		e.key("name")
		e.str(r.Name)
	}
	for _, t := range []struct {
		name string
		text *sarifText
	}{{"shortDescription", r.ShortDescription}, {"fullDescription", r.FullDescription}, {"help", r.Help}} {
		if t.text != nil {
			e.key(t.name)
			e.text(t.text)
		}
	}
	if r.HelpURI != "" {
		e.key("helpUri")
		e.str(r.HelpURI)
	}
	e.key("defaultConfiguration")
	e.open('{')
	e.key("level")
	e.str(r.DefaultConfiguration.Level)
	e.close('}')
	e.key("properties")
	e.open('{')
	p := &r.Properties
	if p.Principle != "" {
		e.key("principle")
		e.str(p.Principle)
	}
	if p.Tone != "" {
		e.key("tone")
		e.str(p.Tone)
	}
	if p.Strength != "" {
		e.key("strength")
		e.str(p.Strength)
	}
	if len(p.Tags) > 0 {
		e.key("tags")
		e.strings(p.Tags)
	}
	e.close('}')
	e.close('}')
}

func (e *sarifEncoder) strings(list []string) {
	if e.array(list == nil) {
		for _, s := range list {
			e.next()
			e.str(s)
		}
		e.close(']')
	}
}

func (e *sarifEncoder) invocation(inv *sarifInvocation) {
	e.open('{')
	e.key("executionSuccessful")
	e.bool(inv.ExecutionSuccessful)
	if len(inv.ToolExecutionNotifications) > 0 {
		e.key("toolExecutionNotifications")
		e.open('[')
		for i := range inv.ToolExecutionNotifications {
			n := &inv.ToolExecutionNotifications[i]
			e.next()
			e.open('{')
			e.key("level")
			e.str(n.Level)
			e.key("message")
			e.text(&n.Message)
			if len(n.Locations) > 0 {
				e.key("locations")
				e.locations(n.Locations)
			}
			e.close('}')
		}
		e.close(']')
	}
	e.close('}')
}

func (e *sarifEncoder) artifact(a *sarifArtifact) {
	e.open('{')
	e.key("location")
	e.artifactLocation(&a.Location)
	e.key("roles")
	e.strings(a.Roles)
	if p := a.Properties; p != nil {
		e.key("properties")
		e.open('{')
		if p.Channel != "" {
			e.key("channel")
			e.str(p.Channel)
		}
		if p.Lang != "" {
			e.key("lang")
			e.str(p.Lang)
		}
		if s := p.Stats; s != nil {
			e.key("stats")
			e.open('{')
			e.key("words")
			e.int(s.Words)
			e.key("characters")
			e.int(s.Characters)
			if s.SMS != nil {
				e.key("sms")
				e.open('{')
				e.key("encoding")
				e.str(s.SMS.Encoding)
				e.key("segments")
				e.int(s.SMS.Segments)
				e.close('}')
			}
			if s.X != nil {
				e.key("x")
				e.open('{')
				e.key("weighted_length")
				e.int(s.X.WeightedLength)
				e.close('}')
			}
			e.close('}')
		}
		e.close('}')
	}
	e.close('}')
}

func (e *sarifEncoder) artifactLocation(l *sarifArtifactLocation) {
	e.open('{')
	e.key("uri")
	e.str(l.URI)
	if l.URIBaseID != "" {
		e.key("uriBaseId")
		e.str(l.URIBaseID)
	}
	if l.Index != nil {
		e.key("index")
		e.int(*l.Index)
	}
	e.close('}')
}

func (e *sarifEncoder) result(r *sarifResult) {
	e.open('{')
	e.key("ruleId")
	e.str(r.RuleID)
	e.key("ruleIndex")
	e.int(r.RuleIndex)
	e.key("level")
	e.str(r.Level)
	e.key("message")
	e.text(&r.Message)
	e.key("locations")
	e.locations(r.Locations)
	e.key("partialFingerprints")
	e.open('{')
	e.key("crisisFinding/v1")
	e.str(r.PartialFingerprints.Finding)
	e.close('}')
	e.close('}')
}

func (e *sarifEncoder) locations(list []sarifLocation) {
	if !e.array(list == nil) {
		return
	}
	for i := range list {
		pl := &list[i].PhysicalLocation
		e.next()
		e.open('{')
		e.key("physicalLocation")
		e.open('{')
		e.key("artifactLocation")
		e.artifactLocation(&pl.ArtifactLocation)
		if r := pl.Region; r != nil {
			e.key("region")
			e.open('{')
			e.key("startLine")
			e.int(r.StartLine)
			for _, f := range []struct {
				name string
				n    int
			}{{"startColumn", r.StartColumn}, {"endLine", r.EndLine}, {"endColumn", r.EndColumn}} {
				if f.n != 0 {
					e.key(f.name)
					e.int(f.n)
				}
			}
			if r.Snippet != nil {
				e.key("snippet")
				e.text(r.Snippet)
			}
			e.close('}')
		}
		e.close('}')
		e.close('}')
	}
	e.close(']')
}
