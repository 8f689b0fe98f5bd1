package channel

import (
	"fmt"
	"math"
	"testing"
	"time"
)

// TestCongruenceLinear compares two messages that each state thousands of
// different phone numbers and links: eight times as many take well under
// the 64 times a comparison of every pair would (it took seconds).
func TestCongruenceLinear(t *testing.T) {
	if testing.Short() {
		t.Skip("timing")
	}
	files := func(n int) []FileFacts {
		var a, b []Fact
		for i := range n {
			a = append(a, Fact{Kind: FactPhone, Value: fmt.Sprintf("+49800%07d", i), Role: RoleHotline}, Fact{Kind: FactURL, Value: fmt.Sprintf("x%d.example/a", i), Role: RoleURL})
			b = append(b, Fact{Kind: FactPhone, Value: fmt.Sprintf("+49900%07d", i), Role: RoleHotline}, Fact{Kind: FactURL, Value: fmt.Sprintf("y%d.example/b", i), Role: RoleURL})
		}
		return []FileFacts{{Path: "sms.txt", Facts: a}, {Path: "email.md", Facts: b}}
	}
	run := func(n int) time.Duration {
		ff := files(n)
		best := time.Duration(math.MaxInt64)
		for range 5 {
			start := time.Now()
			if d := Congruence(ff); len(d) != 2 {
				t.Fatalf("%d disagreements, want phone and url", len(d))
			}
			best = min(best, time.Since(start))
		}
		return best
	}
	// Eight times the facts: linear time is about eight times as long, a
	// quadratic comparison sixty-four times; the bound sits between them,
	// with room for a shared machine that stalls one measurement.
	for attempt := 1; ; attempt++ {
		t1, t2 := run(20_000), run(160_000)
		t.Logf("%v, %v (×%.2f)", t1, t2, float64(t2)/float64(t1))
		if t2 <= 24*t1+20*time.Millisecond {
			return
		}
		if attempt == 3 {
			t.Fatalf("eight times the facts took %.1f times as long", float64(t2)/float64(t1))
		}
	}
}

// TestCongruenceLargeSet: a directory of thousands of files that all
// disagree gives each file at most maxReported disagreements per kind, in
// time linear in the files (every pair gave millions of findings).
func TestCongruenceLargeSet(t *testing.T) {
	set := func(n int) []FileFacts {
		ff := make([]FileFacts, n)
		for i := range ff {
			ff[i] = FileFacts{Path: fmt.Sprint(i), Facts: []Fact{{Kind: FactPhone, Value: fmt.Sprintf("+49800%07d", i), Role: RoleHotline}}}
		}
		return ff
	}
	for _, n := range []int{maxPlainSet, 2000} {
		d := Congruence(set(n))
		want := n * (n - 1) / 2 // a small set: every pair
		if n > maxPlainSet {
			want = 0
			for j := 1; j < n; j++ {
				want += min(j, maxReported)
			}
		}
		if len(d) != want {
			t.Errorf("%d files: %d disagreements, want %d", n, len(d), want)
		}
	}
}
