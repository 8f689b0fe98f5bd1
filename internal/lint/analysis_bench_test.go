package lint

import (
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// analysisDocs parses texts once and readies their voice views, so that
// the benchmarks below time analyse alone.
func analysisDocs(b *testing.B, texts []string, markdown []bool) ([]*Document, int64) {
	var docs []*Document
	var size int64
	for i, t := range texts {
		d, err := Parse("m", []byte(t), markdown[i])
		if err != nil {
			continue
		}
		d.prepareVoice("")
		docs = append(docs, d)
		size += int64(len(t))
	}
	return docs, size
}

// benchAnalyse runs analyse over docs as a check run does: in the
// language DetectLanguage finds, with the engine of that language.
func benchAnalyse(b *testing.B, docs []*Document, size int64) {
	engines := map[string]*Engine{"de": builtinEngine(b, "builtin:de"), "en": builtinEngine(b, "builtin:en")}
	langs := make([]string, len(docs))
	for i, d := range docs {
		langs[i] = DetectLanguage(d, "de")
	}
	b.SetBytes(size)
	b.ReportAllocs()
	for b.Loop() {
		for i, d := range docs {
			e := engines[langs[i]]
			e.release(e.analyse(d, Context{Lang: langs[i]}))
		}
	}
}

// BenchmarkAnalyseMessages times analyse (tokenizing, language detection,
// lexicon matching) over the messages of the project corpus.
func BenchmarkAnalyseMessages(b *testing.B) {
	entries, err := LoadCorpus("testdata/corpus.yaml")
	if err != nil {
		b.Fatal(err)
	}
	var texts []string
	var md []bool
	for _, c := range entries {
		texts = append(texts, c.Text)
		md = append(md, c.Channel == "email" || c.Channel == "landing")
	}
	docs, size := analysisDocs(b, texts, md)
	benchAnalyse(b, docs, size)
}

// BenchmarkAnalyseTree times analyse over the first 1000 message files of
// the tree named by $CRISIS_BENCH_TREE; it is skipped without one.
func BenchmarkAnalyseTree(b *testing.B) {
	dir := os.Getenv("CRISIS_BENCH_TREE")
	if dir == "" {
		b.Skip("CRISIS_BENCH_TREE not set")
	}
	var texts []string
	var md []bool
	filepath.WalkDir(dir, func(path string, de fs.DirEntry, err error) error {
		if err != nil || de.IsDir() || len(texts) >= 1000 {
			return nil
		}
		if ext := filepath.Ext(path); ext != ".md" && ext != ".txt" {
			return nil
		}
		data, err := os.ReadFile(path)
		if err == nil {
			texts = append(texts, string(data))
			md = append(md, strings.HasSuffix(path, ".md"))
		}
		return nil
	})
	docs, size := analysisDocs(b, texts, md)
	benchAnalyse(b, docs, size)
}
