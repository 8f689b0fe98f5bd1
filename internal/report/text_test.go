package report

import (
	"bytes"
	"errors"
	"fmt"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/crisis-comms/crisis/internal/lint"
)

// textCases are runs whose text output must not change: the fixture, a
// synthetic tree, and findings at every position of odd source lines,
// including positions before, past and across the lines.
func textCases(t *testing.T) map[string][]File {
	cases := map[string][]File{
		"nil":     nil,
		"fixture": fixture(t),
		"bench":   benchFiles(300),
		"empty fields": {{}, {Findings: []lint.Finding{{}, {Line: 1}}}, {Err: errors.New("")},
			{Path: "p", Findings: []lint.Finding{{Principle: "p"}, {Tone: "t"}, {Rule: "r", Tone: "t"}, {Severity: "error"}}}},
	}
	sources := append([]string{
		"Grüße\t🚨\r\nzwei\tdrei\n\tvier\x1b[31m\x7f\u0085\n",
		"a\u0308b 受付 \u00ad\u200d👩‍👩‍👧 ❤️ 🇩🇪\r\n\r\n",
		"no newline at the end",
		"\n\n\n" + strings.Repeat("x\t", 30) + "\n" + strings.Repeat("long é ", 300),
	}, oddStrings...)
	for i, src := range sources {
		var findings []lint.Finding
		lines := strings.Count(src, "\n") + 1
		for line := -1; line <= lines+1; line++ {
			for _, col := range []int{-1, 0, 1, 2, 3, 5, 9, 40, 10000} {
				for _, span := range []int{-3, 0, 1, 2, 7, 100} {
					findings = append(findings, lint.Finding{
						Rule: "r", Principle: "p", Tone: "t", Severity: []string{"error", "warning", "info", ""}[(line+col+span)&3],
						Message: src, Line: line, Column: col, EndLine: line + span&1, EndColumn: col + span, Suggestion: src,
					})
				}
			}
		}
		cases[fmt.Sprintf("source %d", i)] = []File{
			{Path: src, Source: src, Findings: findings},
			{Path: src, Source: src, Err: &lint.InputError{Path: src, Line: 2, Column: 3, Msg: src}},
			{Path: src, Source: src, Err: &lint.InputError{Path: src, Line: 1 << 40, Column: 3, Msg: src}},
		}
	}
	return cases
}

func TestTextMatchesReference(t *testing.T) {
	for name, files := range textCases(t) {
		t.Run(name, func(t *testing.T) {
			compareText(t, files, Options{})
			compareText(t, files, Options{Color: true})
		})
	}
}

func compareText(t *testing.T, files []File, opts Options) {
	t.Helper()
	var got, want bytes.Buffer
	if err := writeText(&got, files, opts); err != nil {
		t.Fatal(err)
	}
	if err := refWriteText(&want, files, opts); err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(got.Bytes(), want.Bytes()) {
		g, w := got.Bytes(), want.Bytes()
		i := 0
		for i < min(len(g), len(w)) && g[i] == w[i] {
			i++
		}
		from := max(i-120, 0)
		t.Fatalf("color %v: output differs from the reference at byte %d:\ngot  %q\nwant %q", opts.Color, i, g[from:min(i+80, len(g))], w[from:min(i+80, len(w))])
	}
}

func TestRuneWidth(t *testing.T) {
	for r := rune(0); r <= utf8.MaxRune; r++ {
		if got, want := runeWidth(r), refRuneWidth(r); got != want {
			t.Fatalf("runeWidth(%U) = %d, want %d", r, got, want)
		}
	}
}

// FuzzTextWriter compares writeText with the reference on fuzzed sources
// and positions.
func FuzzTextWriter(f *testing.F) {
	f.Add("Grüße\t🚨\r\nzwei", 1, 3, 2, 2, false)
	f.Add("", 0, 0, 0, 0, true)
	f.Add("a\n", 5, -1, 3, 99, true)
	f.Add("受付\x1b\xff\n\tx", 1, 2, 1, 4, false)
	f.Fuzz(func(t *testing.T, source string, line, col, endLine, endCol int, color bool) {
		files := []File{{Path: source, Source: source, Findings: []lint.Finding{{
			Rule: source, Principle: "p", Severity: "warning", Message: source, Match: source, Suggestion: source,
			Line: line, Column: col, EndLine: endLine, EndColumn: endCol,
		}}}, {Path: "b", Source: source, Err: &lint.InputError{Line: line, Column: col, Msg: source}}}
		compareText(t, files, Options{Color: color})
	})
}

func TestGitHubMatchesReference(t *testing.T) {
	odd := "news/a:b,c 100%.txt %0A:%3A,\r\n\n\r"
	cases := textCases(t)
	cases["escaping"] = []File{
		{Path: odd, Findings: []lint.Finding{{Rule: odd, Principle: odd, Severity: "info", Message: odd, Suggestion: odd,
			Line: 2, Column: 3, EndLine: 2, EndColumn: 7}}},
		{Path: odd, Err: &lint.InputError{Path: odd, Line: 1, Column: 2, Msg: odd}},
		{Path: odd, Err: errors.New(odd)},
	}
	for name, files := range cases {
		var got, want bytes.Buffer
		if err := writeGitHub(&got, files); err != nil {
			t.Fatal(err)
		}
		if err := refWriteGitHub(&want, files); err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(got.Bytes(), want.Bytes()) {
			t.Errorf("%s: output differs from the reference:\ngot  %q\nwant %q", name, got.Bytes(), want.Bytes())
		}
	}
}

// TestTextEscapesFileNames checks that a file name or error cannot write
// its own report lines or terminal sequences.
func TestTextEscapesFileNames(t *testing.T) {
	files := []File{
		{Path: "evil\n::error file=x::pwned\x1b[2J.txt", Source: "Hallo\n", Findings: []lint.Finding{
			{Rule: "r", Severity: "warning", Message: "m", Line: 1, Column: 1, EndLine: 1, EndColumn: 6},
		}},
		{Path: "b\u202eidi.txt", Err: errors.New("bad\rname \u0085 here")},
	}
	var buf bytes.Buffer
	if err := writeText(&buf, files, Options{}); err != nil {
		t.Fatal(err)
	}
	out := buf.String()
	for _, want := range []string{
		`evil\n::error file=x::pwned\x1b[2J.txt:1:1: warning r m`,
		`b\u202eidi.txt: error: bad\rname \u0085 here`,
	} {
		if !strings.Contains(out, want) {
			t.Errorf("output lacks %q:\n%s", want, out)
		}
	}
	if strings.Contains(out, "\n::error") || strings.ContainsAny(out, "\x1b\r\u202e\u0085") {
		t.Errorf("raw control characters in the report:\n%q", out)
	}
}

// FuzzTextWindow compares writeText with the reference on long lines,
// shown as windows, with several findings per line in any order (the
// writer's cursor must give the same answer as counting from the start).
func FuzzTextWindow(f *testing.F) {
	f.Add("Grüße 🚨 long\t", 40, 1, 5, 300, 200, 210, 2)
	f.Add("é", 2000, 1000, 2000, 5, 1, 1, 1)
	f.Add("\xffa\x1b", 700, 0, 3000, 100, 90, 95, 3)
	f.Fuzz(func(t *testing.T, unit string, reps, c1, e1, c2, e2, c3, endLine int) {
		if unit == "" || reps < 0 || reps > 5000 || len(unit)*reps > 1<<18 {
			return
		}
		source := strings.Repeat(strings.ReplaceAll(unit, "\n", " "), reps) + "\nnext\n"
		var fs []lint.Finding
		for _, c := range [][2]int{{c1, e1}, {c2, e2}, {c3, c3 + 7}} {
			fs = append(fs, lint.Finding{Rule: "r", Severity: "warning", Message: "m",
				Line: 1, Column: c[0], EndLine: 1 + endLine%2, EndColumn: c[1]})
		}
		compareText(t, []File{{Path: "a.md", Source: source, Findings: fs}}, Options{})
	})
}

// TestTextWindowLinear checks that the text report of a long line with
// many findings grows with the findings, not with findings × line length.
func TestTextWindowLinear(t *testing.T) {
	size := func(n int) (int, time.Duration) {
		source := strings.Repeat("Jetzt 20 % Krisenrabatt für alle! ", n) + "\n"
		var fs []lint.Finding
		for i := range n {
			col := i*34 + 7
			fs = append(fs, lint.Finding{Rule: "helpful.sales-pitch", Severity: "warning", Message: "m",
				Line: 1, Column: col, EndLine: 1, EndColumn: col + 16})
		}
		var buf bytes.Buffer
		start := time.Now()
		if err := writeText(&buf, []File{{Path: "a.txt", Source: source, Findings: fs}}, Options{}); err != nil {
			t.Fatal(err)
		}
		return buf.Len(), time.Since(start)
	}
	// The best of a few runs: the machine may be busy.
	best := func(n int) (int, time.Duration) {
		out, d := size(n)
		for range 4 {
			_, d2 := size(n)
			d = min(d, d2)
		}
		return out, d
	}
	// Eight times the findings: a linear report takes about eight times as
	// long, the quadratic one this guards against sixty-four times (it took
	// seconds here). The bound sits between the two, with room for a
	// shared machine that stalls one measurement for tens of milliseconds,
	// and a pair only fails after three attempts.
	const small, large = 2000, 16000
	slow := func(t1, t2 time.Duration) bool { return t2 > 24*t1+20*time.Millisecond }
	n1, t1 := best(small)
	n2, t2 := best(large)
	for attempt := 1; attempt < 3 && slow(t1, t2); attempt++ {
		_, t1 = best(small)
		_, t2 = best(large)
	}
	t.Logf("%v for %d findings, %v for %d (×%.1f)", t1, small, t2, large, float64(t2)/float64(t1))
	if perFinding := n1 / small; perFinding > 600 {
		t.Errorf("%d bytes of report per finding on a long line, want a window of a few hundred", perFinding)
	}
	if float64(n2) > 8.4*float64(n1) {
		t.Errorf("output: %d bytes for %d findings, %d for %d", n1, small, n2, large)
	}
	if slow(t1, t2) {
		t.Errorf("time: %v for %d findings, %v for %d: not linear", t1, small, t2, large)
	}
}
