package check

import (
	"io"
	"os"
	"testing"

	"github.com/crisis-comms/crisis/internal/report"
)

func BenchmarkZZTree(b *testing.B) {
	dir := os.Getenv("TREE")
	if dir == "" {
		b.Skip()
	}
	r, _ := New(Options{Jobs: 1})
	for b.Loop() {
		files := r.Run([]string{dir})
		report.Write(io.Discard, "json", files, report.Options{})
	}
}
