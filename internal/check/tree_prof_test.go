package check

import (
	"os"
	"testing"
)

func BenchmarkGenTree(b *testing.B) {
	dir := os.Getenv("CRISIS_BENCH_TREE")
	if dir == "" {
		b.Skip("set CRISIS_BENCH_TREE")
	}
	r, _ := New(Options{Jobs: 1})
	for b.Loop() {
		r.Run([]string{dir})
	}
}
