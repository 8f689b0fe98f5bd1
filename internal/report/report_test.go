package report

import (
	"bytes"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/crisis-comms/crisis/internal/channel"
	"github.com/crisis-comms/crisis/internal/lint"
	"github.com/crisis-comms/crisis/playbook"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata")

// at builds a finding for the n-th (from 0) occurrence of match in source,
// with the positions the lint engine reports: lines from 1, columns in code
// points from 1, exclusive end.
func at(t *testing.T, source, match string, n int, x lint.Finding) lint.Finding {
	t.Helper()
	off := -1
	for i, from := 0, 0; i <= n; i++ {
		j := strings.Index(source[from:], match)
		if j < 0 {
			t.Fatalf("%q: occurrence %d of %q not found", source, n, match)
		}
		off, from = from+j, from+j+len(match)
	}
	pos := func(o int) (int, int) {
		before := source[:o]
		line := strings.Count(before, "\n") + 1
		return line, utf8.RuneCountInString(before[strings.LastIndex(before, "\n")+1:]) + 1
	}
	x.Match, x.Offset, x.End = match, off, off+len(match)
	x.Line, x.Column = pos(x.Offset)
	x.EndLine, x.EndColumn = pos(x.End)
	return x
}

// fixture is a run over four files: German text with umlauts and a tab,
// a CRLF Markdown file with emoji and East Asian wide characters whose path
// has a space and a comma, a file with invalid UTF-8, and a missing file.
func fixture(t *testing.T) []File {
	sms := "Störung im Netz: Wir bitten um Entschuldigung für die Unannehmlichkeiten.\n" +
		"Jetzt\t20 % Rabatt auf alle Tarife – nur heute!\n"
	x := "---\r\nchannel: x\r\n---\r\n🚨 Outage update 🚨\r\n受付 closed. Huge DISCOUNT for everyone!\r\n" +
		"We are the best\r\nprovider in town.\r\n"
	return []File{
		{
			Path: "updates/sms.txt", Channel: "sms", Lang: "de", Source: sms,
			Stats: Stats{Words: 19, Characters: 122,
				SMS: &channel.SMSStats{Encoding: "UCS-2", Segments: 2, Units: 122}},
			Findings: []lint.Finding{
				at(t, sms, "Störung im Netz: Wir bitten um Entschuldigung für die Unannehmlichkeiten.", 0, lint.Finding{
					Rule: "anchor.next-update", Principle: "anchor", Tone: "missing", Severity: "error",
					Message:    "No next update: say when people will hear from you again.",
					Suggestion: "Add a line such as „Nächstes Update: 14:30 Uhr“."}),
				at(t, sms, "Unannehmlichkeiten", 0, lint.Finding{
					Rule: "authentic.inconvenience", Principle: "authentic", Tone: "whiny", Severity: "info",
					Message: "“Inconvenience” plays the harm down."}),
				at(t, sms, "Rabatt", 0, lint.Finding{
					Rule: "helpful.sales-pitch", Principle: "helpful", Tone: "promotional", Severity: "warning",
					Message:    "Sales talk: \"20 %\" discounts read as profit from the outage.",
					Suggestion: "Drop the offer; say what you do to help."}),
			},
		},
		{
			Path: "updates/x post, final.md", Channel: "x", Lang: "en", Source: x,
			Stats: Stats{Words: 16, Characters: 96, X: &channel.XStats{WeightedLength: 104}},
			Findings: []lint.Finding{
				at(t, x, "DISCOUNT", 0, lint.Finding{
					Rule: "helpful.sales-pitch", Principle: "helpful", Tone: "promotional", Severity: "warning",
					Message:    "Sales talk: \"20 %\" discounts read as profit from the outage.",
					Suggestion: "Drop the offer; say what you do to help."}),
				at(t, x, "best\r\nprovider", 0, lint.Finding{
					Rule: "community.self-praise", Principle: "community", Tone: "spin", Severity: "warning",
					Message: "Self-praise in a crisis, 100% of readers notice."}),
			},
		},
		{
			Path: "updates/broken.txt", Source: "Hallo\nGr\xfc\xdfe\n",
			Err: &lint.InputError{Path: "updates/broken.txt", Line: 2, Column: 3, Msg: "invalid UTF-8: save the file as UTF-8"},
		},
		{
			Path: "updates/missing.txt",
			Err:  &fs.PathError{Op: "open", Path: "updates/missing.txt", Err: fs.ErrNotExist},
		},
	}
}

// fixturePlaybook describes some of the fixture's rules; the others must
// fall back to their findings.
func fixturePlaybook() *playbook.Playbook {
	return &playbook.Playbook{
		Principles: []playbook.Principle{
			{ID: "helpful", Title: "Helpful", Summary: "Every sentence helps the people affected."},
			{ID: "anchor", Title: "Anchor"},
		},
		Rules: []playbook.Rule{
			{ID: "helpful.sales-pitch", Principle: "helpful", Tone: "promotional", Severity: "warning",
				Message: "Sales talk.", Why: "Offers during an outage read as profiting from it.",
				Suggestion: "Say what you do to help instead.", Strength: "strong"},
			{ID: "anchor.next-update", Principle: "anchor", Tone: "missing", Severity: "error",
				Message: "No next update."},
		},
		Weighing: &playbook.Weighing{Tones: []string{"promotional"}, Min: 1, Message: "Outweighed by {signals}.",
			Signals: []playbook.Signal{{ID: "apology", Title: "an apology", Groups: []string{"apology"}}}},
	}
}

func golden(t *testing.T, name string, got []byte) {
	t.Helper()
	path := filepath.Join("testdata", name)
	if *update {
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test ./internal/report -update to create it)", err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("%s differs from the output; run go test ./internal/report -update and review the diff.\ngot:\n%s", path, got)
	}
}

func render(t *testing.T, format string, files []File, opts Options) []byte {
	t.Helper()
	var buf bytes.Buffer
	if err := Write(&buf, format, files, opts); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func TestGolden(t *testing.T) {
	opts := Options{Playbooks: []*playbook.Playbook{fixturePlaybook()}, ToolVersion: "1.2.3"}
	color := opts
	color.Color = true
	for _, tc := range []struct {
		name, format string
		opts         Options
	}{
		{"text.golden", "text", opts},
		{"text-color.golden", "text", color},
		{"json.golden", "json", opts},
		{"sarif.golden", "sarif", opts},
		{"sarif-no-playbook.golden", "sarif", Options{}},
		{"github.golden", "github", opts},
	} {
		t.Run(tc.name, func(t *testing.T) {
			golden(t, tc.name, render(t, tc.format, fixture(t), tc.opts))
		})
	}
}

func TestUnknownFormat(t *testing.T) {
	err := Write(&bytes.Buffer{}, "xml", nil, Options{})
	if err == nil || !strings.Contains(err.Error(), "use text, json, sarif or github") {
		t.Fatalf("got %v, want an error naming the formats", err)
	}
}

func TestSummarize(t *testing.T) {
	got := Summarize(fixture(t))
	want := Summary{Files: 4, Error: 3, Warning: 3, Info: 1, Failed: 2}
	if got != want {
		t.Fatalf("got %+v, want %+v", got, want)
	}
}

func TestTextSummary(t *testing.T) {
	for _, tc := range []struct {
		files []File
		want  string
	}{
		{nil, "0 files: no findings\n"},
		{[]File{{Path: "a.txt"}}, "1 file: no findings\n"},
		{[]File{{Path: "a.txt"}, {Path: "b.txt"}, {Path: "c.txt", Findings: []lint.Finding{{Rule: "r", Severity: "warning"}}}},
			"c.txt: warning r \n\n3 files: 0 errors, 1 warning, 0 info\n"},
		{[]File{{Path: "a.txt", Err: errors.New("boom")}},
			"a.txt: error: boom\n\n1 file: 1 error (1 file could not be linted), 0 warnings, 0 info\n"},
	} {
		if got := string(render(t, "text", tc.files, Options{})); got != tc.want {
			t.Errorf("got %q, want %q", got, tc.want)
		}
	}
}

func TestAppendDisplayLine(t *testing.T) {
	for _, tc := range []struct {
		in, shown string
		starts    []int
	}{
		{"Grüße", "Grüße", []int{0, 1, 2, 3, 4, 5}},
		{"a\u0308b", "a\u0308b", []int{0, 1, 1, 2}}, // combining diaeresis takes no cell
		{"🚨x", "🚨x", []int{0, 2, 3}},
		{"受付!", "受付!", []int{0, 2, 4, 5}},
		{"a\tb", "a   b", []int{0, 1, 4, 5}},
		{"\x1b[31m", "\uFFFD[31m", []int{0, 1, 2, 3, 4, 5}},
	} {
		// starts[i] is the display column where code point i begins; the
		// last entry is the width of the line.
		var starts []int
		shown := ""
		for i := -1; i <= len(tc.starts)+1; i++ {
			b, colA, colB, width := appendDisplayLine(nil, tc.in, i, i+1)
			shown = string(b)
			if i >= 0 && i < len(tc.starts) {
				starts = append(starts, colA)
			}
			last := tc.starts[len(tc.starts)-1]
			if want := tc.starts[min(max(i+1, 0), len(tc.starts)-1)]; colB != want || width != last {
				t.Errorf("appendDisplayLine(%q, %d, %d): end column %d, width %d; want %d, %d", tc.in, i, i+1, colB, width, want, last)
			}
		}
		if shown != tc.shown || !slices.Equal(starts, tc.starts) {
			t.Errorf("appendDisplayLine(%q) shows %q with columns %v; want %q, %v", tc.in, shown, starts, tc.shown, tc.starts)
		}
	}
}

func TestGitHubEscaping(t *testing.T) {
	files := []File{{
		Path: "news/a:b,c 100%.txt",
		Findings: []lint.Finding{{
			Rule: "x.y", Principle: "p,q", Severity: "info", Message: "100% sure: yes, no\r\nnext line",
			Line: 2, Column: 3, EndLine: 2, EndColumn: 7,
		}},
	}}
	got := string(render(t, "github", files, Options{}))
	want := "::notice file=news/a%3Ab%2Cc 100%25.txt,line=2,col=3,endLine=2,endColumn=6,title=x.y (p%2Cq)::100%25 sure: yes, no%0D%0Anext line\n"
	if got != want {
		t.Fatalf("got  %q\nwant %q", got, want)
	}
}

func TestGitHubMultiLineSpan(t *testing.T) {
	files := []File{{Path: "a.txt", Findings: []lint.Finding{{
		Rule: "r", Severity: "error", Message: "m", Line: 2, Column: 5, EndLine: 3, EndColumn: 2,
	}}}}
	got := string(render(t, "github", files, Options{}))
	if want := "::error file=a.txt,line=2,endLine=3,title=r::m\n"; got != want {
		t.Fatalf("got %q, want %q: GitHub takes columns only on one line", got, want)
	}
}

// FuzzWrite checks that no source text or position, however far off,
// makes a printer fail or panic, and that SARIF stays valid JSON.
func FuzzWrite(f *testing.F) {
	f.Add("Grüße\t🚨\r\nzwei", 1, 3, 2, 2)
	f.Add("", 0, 0, 0, 0)
	f.Add("a\n", 5, -1, 3, 99)
	f.Fuzz(func(t *testing.T, source string, line, col, endLine, endCol int) {
		files := []File{{Path: "a b,c.txt", Source: source, Findings: []lint.Finding{{
			Rule: "r", Severity: "warning", Message: source, Match: source,
			Line: line, Column: col, EndLine: endLine, EndColumn: endCol, End: len(source),
		}}}}
		for _, format := range Formats {
			out := render(t, format, files, Options{Color: true})
			if format == "sarif" || format == "json" {
				if !json.Valid(out) {
					t.Fatalf("%s output is not JSON:\n%s", format, out)
				}
			}
		}
	})
}

// TestGitHubLimitAndSummary: past GitHub's limit of annotations per type
// a line says how many are hidden, and the job summary lists every
// finding, with table syntax in messages escaped.
func TestGitHubLimitAndSummary(t *testing.T) {
	var files []File
	for i := range 12 {
		f := File{Path: fmt.Sprintf("m/%02d.txt", i), Findings: []lint.Finding{
			{Rule: "helpful.sales-pitch", Principle: "helpful", Severity: "warning", Message: "Sales | talk <b>", Line: 2, Column: 3},
		}}
		if i == 0 {
			f.Findings = append(f.Findings, lint.Finding{Rule: "r", Severity: "info", Message: "note", Line: 1, Column: 1})
		}
		files = append(files, f)
	}
	files = append(files, File{Path: "bad.txt", Err: errors.New("binary file")})
	var out, sum bytes.Buffer
	if err := Write(&out, "github", files, Options{StepSummary: &sum}); err != nil {
		t.Fatal(err)
	}
	last := strings.TrimSpace(out.String()[strings.LastIndexByte(strings.TrimSpace(out.String()), '\n')+1:])
	if want := "crisis: GitHub shows 10 annotations of each type per step: 2 of 12 warnings are not shown as annotations; the job summary lists them all."; last != want {
		t.Errorf("last line %q, want %q", last, want)
	}
	s := sum.String()
	for _, want := range []string{
		"### crisis lint\n\n1 error, 12 warnings, 1 notice.\n",
		"| ⚠️ warning | `m/11.txt` | 2:3 | `helpful.sales-pitch` | Sales \\| talk \\<b\\> |\n",
		"| ❌ error | `bad.txt` |  |  | binary file |\n",
		"| ℹ️ notice | `m/00.txt` | 1:1 | `r` | note |\n",
	} {
		if !strings.Contains(s, want) {
			t.Errorf("job summary lacks %q:\n%s", want, s)
		}
	}
	out.Reset()
	if err := Write(&out, "github", files[:10], Options{}); err != nil {
		t.Fatal(err)
	}
	if strings.Contains(out.String(), "GitHub shows") {
		t.Errorf("10 warnings fit, yet:\n%s", out.String())
	}
}
