package main

import (
	"reflect"
	"slices"
	"strings"
	"testing"

	"github.com/crisis-comms/crisis/internal/report"
)

func TestParseFormats(t *testing.T) {
	for _, tc := range []struct {
		formats []string
		output  string
		want    []lintReport
		err     string
	}{
		{formats: []string{"text"}, want: []lintReport{{"text", ""}}},
		{formats: []string{"json"}, output: "r.json", want: []lintReport{{"json", "r.json"}}},
		{formats: []string{"github", "sarif=crisis.sarif"}, want: []lintReport{{"github", ""}, {"sarif", "crisis.sarif"}}},
		{formats: []string{"sarif=a=b.sarif"}, want: []lintReport{{"sarif", "a=b.sarif"}}},
		{formats: []string{"sarif=out.sarif", "json=out.json"}, want: []lintReport{{"sarif", "out.sarif"}, {"json", "out.json"}}},
		{formats: []string{"text", "json"}, err: "only one report can go to standard output"},
		{formats: []string{"json=x", "sarif=x"}, err: "two reports go to x"},
		{formats: []string{"json"}, output: "x", want: []lintReport{{"json", "x"}}},
		{formats: []string{"json", "sarif=x"}, output: "x", err: "two reports go to x"},
		{formats: []string{"sarif=x"}, output: "y", err: "every --format names its file already"},
		{formats: []string{"xml"}, err: `--format "xml": use text, json, sarif or github`},
		{formats: []string{"SARIF"}, err: "use text, json, sarif or github"},
		{formats: []string{"sarif="}, err: "name the file after ="},
		{formats: []string{"=x"}, err: "use text, json, sarif or github"},
	} {
		got, err := parseFormats(tc.formats, tc.output)
		switch {
		case tc.err != "" && (err == nil || !strings.Contains(err.Error(), tc.err)):
			t.Errorf("%v, --output %q: error %v, want %q", tc.formats, tc.output, err, tc.err)
		case tc.err == "" && (err != nil || !reflect.DeepEqual(got, tc.want)):
			t.Errorf("%v, --output %q: %v, %v; want %v", tc.formats, tc.output, got, err, tc.want)
		}
	}
}

func TestUseColor(t *testing.T) {
	for _, tc := range []struct {
		mode, noColor string
		want          bool
	}{
		{"always", "1", true},
		{"always", "", true},
		{"never", "", false},
		{"auto", "1", false},
		{"auto", "", false}, // a buffer is not a terminal
	} {
		t.Setenv("NO_COLOR", tc.noColor)
		if got := useColor(tc.mode, &strings.Builder{}); got != tc.want {
			t.Errorf("--color %s with NO_COLOR=%q: %v, want %v", tc.mode, tc.noColor, got, tc.want)
		}
	}
}

// FuzzParseFormats: whatever the --format values, parseFormats returns
// reports of known formats, at most one for standard output, no file
// twice — or an error.
func FuzzParseFormats(f *testing.F) {
	f.Add("github", "sarif=crisis.sarif", "")
	f.Add("json", "text", "out.txt")
	f.Add("sarif=", "=x", "")
	f.Add("text=a=b", "json=a=b", "o")
	f.Fuzz(func(t *testing.T, a, b, output string) {
		reps, err := parseFormats([]string{a, b}, output)
		if err != nil {
			return
		}
		stdout, files := 0, map[string]bool{}
		for _, r := range reps {
			if !slices.Contains(report.Formats, r.format) {
				t.Fatalf("unknown format %q accepted", r.format)
			}
			if r.file == "" {
				stdout++
				continue
			}
			if files[r.file] {
				t.Fatalf("%s written twice", r.file)
			}
			files[r.file] = true
		}
		if stdout > 1 || len(reps) != 2 {
			t.Fatalf("%d reports for standard output of %d", stdout, len(reps))
		}
	})
}
