package report

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"reflect"
	"strings"
	"testing"

	"github.com/crisis-comms/crisis/internal/channel"
	"github.com/crisis-comms/crisis/internal/lint"

	"github.com/crisis-comms/crisis/playbook"
)

// oddStrings are texts that need care in a JSON string.
var oddStrings = []string{
	"",
	"plain",
	`quote " and backslash \ and both \"`,
	"control \x00\x01\x07\b\t\n\v\f\r\x0e\x1b\x1f\x7f end",
	"CRLF\r\nline",
	"invalid \xff\xfe UTF-8 \xc3 cut \xe2\x82 short \xed\xa0\x80 surrogate \xf4\x90\x80\x80 too high",
	"separators \u2028 and \u2029 and \u2027\u202a",
	"emoji 🚨👩‍👩‍👧 flags 🇩🇪 and variation ❤️",
	"HTML <b>Wir & Sie</b> <script>alert('x')</script>",
	"Umlaute äöüß „Zitat“ – “quote” 受付",
	"\u0085 next line \u00a0 nbsp \u00ad soft hyphen \ufeff BOM \ufffd replacement",
	"trailing backslash \\",
	strings.Repeat("long é ", 2000),
}

// jsonCases are hand-made runs covering the shapes of the json format.
func jsonCases(t *testing.T) map[string][]File {
	cases := map[string][]File{
		"nil":         nil,
		"empty":       {},
		"fixture":     fixture(t),
		"clean file":  {{Path: "a.txt"}},
		"zero stats":  {{Path: "a.txt", Stats: Stats{}}},
		"nil finding": {{Path: "a.txt", Findings: nil}},
		"empty finding list": {{Path: "a.txt", Channel: "sms", Findings: []lint.Finding{}},
			{Path: "b.txt", Lang: "en", Findings: []lint.Finding{{}}}},
		"stats": {
			{Path: "sms.txt", Channel: "sms", Stats: Stats{Words: 3, Characters: 17, SMS: &channel.SMSStats{Encoding: "GSM-7", Segments: 1, Units: 17}}},
			{Path: "x.md", Channel: "x", Stats: Stats{Words: -1, Characters: 1 << 40, X: &channel.XStats{WeightedLength: -280}}},
			{Path: "both", Stats: Stats{SMS: &channel.SMSStats{}, X: &channel.XStats{}}},
		},
		"errors": {
			{Path: "missing.txt", Err: &fs.PathError{Op: "open", Path: "missing.txt", Err: fs.ErrNotExist}},
			{Path: "broken.txt", Channel: "sms", Lang: "de", Stats: Stats{Words: 9, SMS: &channel.SMSStats{}},
				Err: &lint.InputError{Path: "broken.txt", Line: 2, Column: 3, Msg: "invalid UTF-8"}},
			{Path: "odd.txt", Err: errors.New("odd \"error\" \x00 \xff \u2028 <&>"),
				Findings: []lint.Finding{{Rule: "r", Severity: "error", Line: 1}}},
		},
		"severities": {{Path: "a", Findings: []lint.Finding{
			{Rule: "a", Severity: "error"}, {Rule: "b", Severity: "warning"}, {Rule: "c", Severity: "info"},
			{Rule: "d", Severity: ""}, {Rule: "e", Severity: "fatal"},
		}}},
		"numbers": {{Path: "n", Findings: []lint.Finding{
			{Line: -1, Column: -99, EndLine: 1 << 62, EndColumn: -1 << 63, Offset: 5, End: 7},
			{Line: 1<<63 - 1, Column: 0, EndLine: 0, EndColumn: 0, Suggestion: "s"},
		}}},
		"folded": {{Path: "f", Findings: []lint.Finding{
			{Rule: "a", Also: []string{"b"}},
			{Rule: "c", Suggestion: "s", Also: []string{"d", "e", "f"}},
			{Rule: "g", Also: []string{}},
		}}},
		"bench": benchFiles(300),
	}
	for i, s := range oddStrings {
		cases[fmt.Sprintf("odd %d", i)] = []File{
			{Path: s, Channel: s, Lang: s, Stats: Stats{SMS: &channel.SMSStats{Encoding: s}}, Findings: []lint.Finding{{
				Rule: s, Principle: s, Tone: s, Severity: s, Message: s, Match: s, Suggestion: s, Also: []string{s, s},
			}}},
			{Path: s, Err: errors.New(s)},
		}
	}
	return cases
}

func TestJSONMatchesEncodingJSON(t *testing.T) {
	for name, files := range jsonCases(t) {
		t.Run(name, func(t *testing.T) { compareJSON(t, files) })
	}
}

func compareJSON(t *testing.T, files []File) {
	t.Helper()
	var got, want bytes.Buffer
	if err := writeJSON(&got, files); err != nil {
		t.Fatal(err)
	}
	if err := refWriteJSON(&want, files); err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(got.Bytes(), want.Bytes()) {
		g, w := got.Bytes(), want.Bytes()
		i := 0
		for i < min(len(g), len(w)) && g[i] == w[i] {
			i++
		}
		from := max(i-80, 0)
		t.Fatalf("output differs from encoding/json at byte %d:\ngot  %q\nwant %q", i, g[from:min(i+80, len(g))], w[from:min(i+80, len(w))])
	}
}

// TestJSONFields pins the fields writeJSON knows. A field added to one of
// these types appears in encoding/json's output but not in the hand-written
// one, so the writer has to learn it before this test is updated.
func TestJSONFields(t *testing.T) {
	for _, tc := range []struct {
		v    any
		want string
	}{
		{Stats{}, "words characters sms,omitempty x,omitempty"},
		{channel.SMSStats{}, "encoding segments -"},
		{channel.XStats{}, "weighted_length"},
		{lint.Finding{}, "rule principle tone severity message match line column end_line end_column suggestion,omitempty also,omitempty - -"},
		{Summary{}, "files error warning info -"},
		{File{}, "path channel,omitempty lang,omitempty stats findings - -"},
	} {
		rt := reflect.TypeOf(tc.v)
		var tags []string
		for f := range rt.Fields() {
			tags = append(tags, f.Tag.Get("json"))
		}
		if got := strings.Join(tags, " "); got != tc.want {
			t.Errorf("%v has json tags %q, writeJSON knows %q: teach writeJSON the change, then update this test", rt, got, tc.want)
		}
	}
}

type failWriter struct{ n int }

func (w *failWriter) Write(p []byte) (int, error) {
	w.n++
	return 0, errors.New("disk full")
}

func TestJSONWriteError(t *testing.T) {
	w := &failWriter{}
	if err := writeJSON(w, benchFiles(2000)); err == nil || err.Error() != "disk full" {
		t.Fatalf("got %v, want the write error", err)
	}
	if w.n != 1 {
		t.Errorf("%d writes after the first failed one, want none", w.n-1)
	}
}

// fuzzSeeds are the seed corpus of FuzzJSONWriter and FuzzSARIFWriter.
func fuzzSeeds(f *testing.F) {
	for _, s := range oddStrings[:len(oddStrings)-1] {
		f.Add(s, "sms", 1, -2, uint8(0x1f))
	}
	f.Add("", "", 0, 0, uint8(0))
	f.Add("a\"b\\c", "x\u2028", 1<<62, -1<<63, uint8(0xff))
}

// fuzzFiles builds a run from fuzzed text and numbers; the bits of shape
// choose which fields are set, the top two how many findings there are.
func fuzzFiles(a, b string, n, m int, shape uint8) []File {
	bit := func(i uint) bool { return shape&(1<<i) != 0 }
	file := File{Path: a, Source: a + "\n" + b, Stats: Stats{Words: n, Characters: m}}
	if bit(0) {
		file.Channel = b
	}
	if bit(1) {
		file.Lang = a + b
	}
	if bit(2) {
		file.Stats.SMS = &channel.SMSStats{Encoding: b, Segments: m, Units: n}
	}
	if bit(3) {
		file.Stats.X = &channel.XStats{WeightedLength: n ^ m}
	}
	if bit(4) {
		file.Err = errors.New(b)
	}
	if bit(5) {
		file.Findings = []lint.Finding{}
	}
	for i := range int(shape >> 6) {
		x := lint.Finding{Rule: a, Principle: b, Tone: b + a, Severity: []string{"error", "warning", "info"}[i], Message: a,
			Match: b, Line: n, Column: m, EndLine: n + i, EndColumn: m - i, Offset: n, End: m}
		if i != 1 {
			x.Suggestion = b
		}
		file.Findings = append(file.Findings, x)
	}
	files := []File{file}
	if bit(7) {
		files = append(files, File{Path: b}, file)
	}
	return files
}

// FuzzJSONWriter compares writeJSON with encoding/json on runs built from
// fuzzed text and numbers.
func FuzzJSONWriter(f *testing.F) {
	fuzzSeeds(f)
	f.Fuzz(func(t *testing.T, a, b string, n, m int, shape uint8) {
		compareJSON(t, fuzzFiles(a, b, n, m, shape))
	})
}

// FuzzSARIFWriter compares writeSARIF with encoding/json the same way.
func FuzzSARIFWriter(f *testing.F) {
	fuzzSeeds(f)
	f.Fuzz(func(t *testing.T, a, b string, n, m int, shape uint8) {
		compareSARIF(t, fuzzFiles(a, b, n, m, shape), Options{ToolVersion: b})
	})
}

func compareSARIF(t *testing.T, files []File, opts Options) {
	t.Helper()
	var got, want bytes.Buffer
	if err := writeSARIF(&got, files, opts); err != nil {
		t.Fatal(err)
	}
	if err := refWriteSARIF(&want, files, opts); err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(got.Bytes(), want.Bytes()) {
		g, w := got.Bytes(), want.Bytes()
		i := 0
		for i < min(len(g), len(w)) && g[i] == w[i] {
			i++
		}
		from := max(i-120, 0)
		t.Fatalf("SARIF differs from encoding/json at byte %d:\ngot  %q\nwant %q", i, g[from:min(i+80, len(g))], w[from:min(i+80, len(w))])
	}
}

func TestSARIFMatchesEncodingJSON(t *testing.T) {
	book := Options{Playbooks: []*playbook.Playbook{fixturePlaybook()}, ToolVersion: "1.2.3"}
	for name, files := range jsonCases(t) {
		t.Run(name, func(t *testing.T) {
			compareSARIF(t, files, Options{})
			compareSARIF(t, files, book)
		})
	}
	for name, files := range textCases(t) {
		t.Run("text "+name, func(t *testing.T) { compareSARIF(t, files, book) })
	}
}

// TestSARIFEncoderShapes covers what sarifLogOf never builds but the types
// allow: nil lists print as null.
func TestSARIFEncoderShapes(t *testing.T) {
	i := 7
	for _, log := range []sarifLog{
		{},
		{Runs: []sarifRun{{}}},
		{Runs: []sarifRun{{Tool: sarifTool{Driver: sarifDriver{Rules: []sarifRule{{}}}},
			Invocations: []sarifInvocation{{ToolExecutionNotifications: []sarifNotification{{}}}},
			Artifacts:   []sarifArtifact{{}, {Properties: &sarifArtifactProperties{}}, {Location: sarifArtifactLocation{Index: &i}}},
			Results:     []sarifResult{{}, {Locations: []sarifLocation{{sarifPhysicalLocation{Region: &sarifRegion{}}}}}},
		}}},
	} {
		var got, want bytes.Buffer
		if err := encodeSARIF(&got, &log); err != nil {
			t.Fatal(err)
		}
		enc := json.NewEncoder(&want)
		enc.SetEscapeHTML(false)
		enc.SetIndent("", "  ")
		if err := enc.Encode(log); err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(got.Bytes(), want.Bytes()) {
			t.Errorf("got\n%s\nwant\n%s", got.Bytes(), want.Bytes())
		}
	}
}

// TestSARIFFields pins the fields encodeSARIF knows, as TestJSONFields does
// for writeJSON.
func TestSARIFFields(t *testing.T) {
	for _, tc := range []struct {
		v    any
		want string
	}{
		{sarifLog{}, "$schema version runs"},
		{sarifRun{}, "tool invocations artifacts,omitempty results columnKind"},
		{sarifTool{}, "driver"},
		{sarifDriver{}, "name informationUri version,omitempty semanticVersion,omitempty rules"},
		{sarifRule{}, "id name,omitempty shortDescription,omitempty fullDescription,omitempty help,omitempty helpUri,omitempty defaultConfiguration properties"},
		{sarifText{}, "text markdown,omitempty"},
		{sarifConfiguration{}, "level"},
		{sarifRuleProperties{}, "principle,omitempty tone,omitempty strength,omitempty tags,omitempty"},
		{sarifInvocation{}, "executionSuccessful toolExecutionNotifications,omitempty"},
		{sarifNotification{}, "level message locations,omitempty"},
		{sarifArtifact{}, "location roles properties,omitempty"},
		{sarifArtifactProperties{}, "channel,omitempty lang,omitempty stats,omitempty"},
		{sarifArtifactLocation{}, "uri uriBaseId,omitempty index,omitempty"},
		{sarifResult{}, "ruleId ruleIndex level message locations partialFingerprints"},
		{sarifFingerprints{}, "crisisFinding/v1"},
		{sarifLocation{}, "physicalLocation"},
		{sarifPhysicalLocation{}, "artifactLocation region,omitempty"},
		{sarifRegion{}, "startLine startColumn,omitempty endLine,omitempty endColumn,omitempty snippet,omitempty"},
	} {
		rt := reflect.TypeOf(tc.v)
		var tags []string
		for f := range rt.Fields() {
			tags = append(tags, f.Tag.Get("json"))
		}
		if got := strings.Join(tags, " "); got != tc.want {
			t.Errorf("%v has json tags %q, encodeSARIF knows %q: teach encodeSARIF the change, then update this test", rt, got, tc.want)
		}
	}
}
