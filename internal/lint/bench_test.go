package lint

import (
	"fmt"
	"strings"
	"testing"

	"github.com/crisis-comms/crisis/playbook"
)

// benchText is a realistic German landing-page update of about 2 KB.
const benchText = `---
channel: landing
lang: de
stage: update
---
# Störung der Kartenzahlung – Stand 11:00 Uhr

Seit heute 9:40 Uhr können Sie in unseren Filialen nicht mit Karte bezahlen. Bargeld nehmen alle Kassen an,
und an den Geldautomaten in den Filialen erhalten Sie weiterhin Bargeld.

**Was wir wissen:** Ursache ist ein Fehler in einem Rechenzentrum unseres Zahlungsdienstleisters. Ihre Daten
sind nach allem, was wir wissen, nicht betroffen. Abbuchungen erfolgen nicht doppelt.

**Was wir tun:** Unser IT-Team arbeitet gemeinsam mit dem Dienstleister an der Behebung. Wir haben zusätzliche
Kassen geöffnet, damit Sie nicht lange warten müssen.

**Was Sie tun können:** Bitte bezahlen Sie bar oder über die App. Wenn Sie gerade kein Bargeld dabei haben,
legen wir Ihre Einkäufe bis heute Abend zurück.

**Was wir noch nicht wissen:** Wann das System wieder läuft, können wir noch nicht sagen.

Nächstes Update um 13:00 Uhr hier auf dieser Seite. Fragen beantwortet unsere Hotline unter 0800 123 4567
(kostenlos, täglich 8–20 Uhr) oder per E-Mail an hilfe@example.de.

Danke für Ihre Geduld!
`

func builtinEngine(b testing.TB, name string) *Engine {
	b.Helper()
	pb, err := playbook.Load(name)
	if err != nil {
		b.Fatal(err)
	}
	e, err := New(pb)
	if err != nil {
		b.Fatal(err)
	}
	return e
}

// BenchmarkRelint is the live re-lint of a 2 KB draft (target ≤ 5 ms).
func BenchmarkRelint(b *testing.B) {
	e := builtinEngine(b, "builtin:de")
	b.SetBytes(int64(len(benchText)))
	b.ReportAllocs()
	for b.Loop() {
		e.LintText(benchText, Context{Lang: "de", Channel: "landing"})
	}
}

// BenchmarkThroughput lints a 1 MB Markdown file (target ≥ 20 MB/s per core).
func BenchmarkThroughput(b *testing.B) {
	e := builtinEngine(b, "builtin:de")
	body := strings.Repeat(benchText[strings.Index(benchText, "# "):]+"\n", (1<<20)/len(benchText))
	data := []byte("---\nchannel: landing\nlang: de\n---\n" + body)
	b.SetBytes(int64(len(data)))
	for b.Loop() {
		d, err := Parse("big.md", data, true)
		if err != nil {
			b.Fatal(err)
		}
		e.Lint(d, Context{Lang: "de", Channel: "landing"})
	}
}

// BenchmarkLexiconScale compares the built-in lexicon with one ten times
// larger (target: ×10 terms costs ≤ 1.5× time). Compare the ns/op of the
// x1 and x10 sub-benchmarks.
func BenchmarkLexiconScale(b *testing.B) {
	for _, scale := range []int{1, 10} {
		b.Run(fmt.Sprintf("x%d", scale), func(b *testing.B) {
			pb, err := playbook.Load("builtin:de")
			if err != nil {
				b.Fatal(err)
			}
			pb = ScaleLexicon(pb, scale)
			e, err := New(pb)
			if err != nil {
				b.Fatal(err)
			}
			b.ReportMetric(float64(TermCount(pb)), "terms")
			b.SetBytes(int64(len(benchText)))
			for b.Loop() {
				e.LintText(benchText, Context{Lang: "de", Channel: "landing"})
			}
		})
	}
}

func TestScaleLexicon(t *testing.T) {
	pb, err := playbook.Load("builtin:de")
	if err != nil {
		t.Fatal(err)
	}
	n1 := TermCount(pb)
	n10 := TermCount(ScaleLexicon(pb, 10))
	if n10 < 10*n1-1 || n10 > 10*n1+1 {
		t.Fatalf("scaled lexicon has %d terms, want 10 × %d", n10, n1)
	}
	// Scaling must not change what the built-in rules find.
	e1, _ := New(pb)
	e10, _ := New(ScaleLexicon(pb, 10))
	a := rules(e1.LintText(benchText+"\nNur heute 20 % Rabatt!", Context{Lang: "de", Channel: "landing"}))
	b := rules(e10.LintText(benchText+"\nNur heute 20 % Rabatt!", Context{Lang: "de", Channel: "landing"}))
	if a != b {
		t.Fatalf("scaled lexicon changes findings:\n%s\n%s", a, b)
	}
}

// BenchmarkMessages parses and lints each message of the project corpus
// (302 short messages, German and English, all channels) as its own file:
// the per-file work of a large tree, without reading files.
func BenchmarkMessages(b *testing.B) {
	entries, err := LoadCorpus("testdata/corpus.yaml")
	if err != nil {
		b.Fatal(err)
	}
	engines := map[string]*Engine{"de": builtinEngine(b, "builtin:de"), "en": builtinEngine(b, "builtin:en")}
	var size int64
	data := make([][]byte, len(entries))
	for i, c := range entries {
		data[i] = []byte(c.Text)
		size += int64(len(c.Text))
	}
	b.SetBytes(size)
	b.ReportAllocs()
	for b.Loop() {
		for i, c := range entries {
			d, err := Parse("m.txt", data[i], c.Channel == "email" || c.Channel == "landing")
			if err != nil {
				b.Fatal(err)
			}
			lang := DetectLanguage(d, "")
			engines[lang].LintLang(d, Context{Channel: c.Channel})
		}
	}
}

// BenchmarkNew is the start-up cost of a lint: loading and compiling one
// built-in playbook.
func BenchmarkNew(b *testing.B) {
	for b.Loop() {
		builtinEngine(b, playbook.BuiltinPrefix+"de")
	}
}
