package report

import (
	"fmt"
	"io"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/crisis-comms/crisis/internal/channel"
	"github.com/crisis-comms/crisis/internal/lint"
)

// benchFiles builds a run over n small message files as a large tree
// produces it: most files are clean and only carry their statistics, three
// in ten have one to six findings on multi-byte source lines (one of them
// an e-mail paragraph of some 600 characters), and a few could not be
// linted.
func benchFiles(n int) []File {
	lines := []string{
		"Störung im Netz: Wir bitten um Entschuldigung für die Unannehmlichkeiten.",
		"Jetzt\t20 % Rabatt auf alle Tarife – nur heute!",
		"🚨 Outage update 🚨 受付 closed. Huge DISCOUNT for everyone!",
		"Nächstes Update: 14:30 Uhr. Mehr unter https://status.example.com/störung",
		"Unsere Technikerinnen und Techniker arbeiten mit Hochdruck an der Behebung der Störung; " +
			"betroffen sind Telefonie und Internet in Köln, Düsseldorf und Bonn. Wir melden uns spätestens um 16 Uhr wieder.",
		"We are the best provider in town — „Wir & Sie“ <Kundenservice>.",
		// An e-mail paragraph on one line.
		strings.Repeat("Seit heute Morgen können Kundinnen und Kunden in Teilen Nordrhein-Westfalens "+
			"nicht telefonieren; wir wissen, wie ärgerlich das ist, und arbeiten daran. ", 4),
	}
	rules := []lint.Finding{
		{Rule: "anchor.next-update", Principle: "anchor", Tone: "missing", Severity: "error",
			Message:    "No next update: say when people will hear from you again.",
			Suggestion: "Add a line such as „Nächstes Update: 14:30 Uhr“."},
		{Rule: "authentic.inconvenience", Principle: "authentic", Tone: "whiny", Severity: "info",
			Message: "“Inconvenience” plays the harm down."},
		{Rule: "helpful.sales-pitch", Principle: "helpful", Tone: "promotional", Severity: "warning",
			Message:    "Sales talk: \"20 %\" discounts read as profit from the outage.",
			Suggestion: "Drop the offer; say what you do to help."},
		{Rule: "community.self-praise", Principle: "community", Tone: "spin", Severity: "warning",
			Message: "Self-praise in a crisis, 100% of readers notice."},
	}
	files := make([]File, n)
	for i := range files {
		k := i % len(lines)
		src := strings.Join(append(append([]string{}, lines[k:]...), lines[:k]...), "\n") + "\n"
		f := File{
			Path:   fmt.Sprintf("messages/region-%02d/update-%05d.txt", i%37, i),
			Lang:   "de",
			Source: src,
			Stats:  Stats{Words: 40 + i%50, Characters: 280 + i%300},
		}
		switch i % 3 {
		case 0:
			f.Channel = "sms"
			f.Stats.SMS = &channel.SMSStats{Encoding: "UCS-2", Segments: 1 + i%4, Units: 300}
		case 1:
			f.Channel = "x"
			f.Stats.X = &channel.XStats{WeightedLength: 200 + i%100}
		}
		switch {
		case i%97 == 5:
			f.Err = &lint.InputError{Path: f.Path, Line: 2, Column: 3, Msg: "invalid UTF-8: save the file as UTF-8"}
		case i%10 < 3:
			for j := range 1 + i%6 {
				x := rules[(i+j)%len(rules)]
				line := 1 + (i+j)%len(lines)
				text := strings.Split(src, "\n")[line-1]
				runes := utf8.RuneCountInString(text)
				col := 1 + (j*7)%max(runes-10, 1)
				x.Line, x.Column, x.EndLine, x.EndColumn = line, col, line, col+8
				x.Match = string([]rune(text)[col-1 : min(col+7, runes)])
				f.Findings = append(f.Findings, x)
			}
		}
		files[i] = f
	}
	return files
}

func benchmarkFormat(b *testing.B, format string) {
	files := benchFiles(20000)
	opts := Options{ToolVersion: "1.2.3"}
	var n int64
	if err := Write(countWriter{&n}, format, files, opts); err != nil {
		b.Fatal(err)
	}
	b.SetBytes(n)
	b.ReportAllocs()
	for b.Loop() {
		if err := Write(io.Discard, format, files, opts); err != nil {
			b.Fatal(err)
		}
	}
}

type countWriter struct{ n *int64 }

func (w countWriter) Write(p []byte) (int, error) {
	*w.n += int64(len(p))
	return len(p), nil
}

// The benchmarks print a run over 20 000 files (about 20 000 findings, 200 files that could not be linted).
func BenchmarkJSON(b *testing.B)   { benchmarkFormat(b, "json") }
func BenchmarkText(b *testing.B)   { benchmarkFormat(b, "text") }
func BenchmarkSARIF(b *testing.B)  { benchmarkFormat(b, "sarif") }
func BenchmarkGitHub(b *testing.B) { benchmarkFormat(b, "github") }
