package lint

import (
	"math"
	"runtime"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/crisis-comms/crisis/playbook"
)

// TestPositionLongLine holds Position on long lines, where it counts from
// block marks, to the plain count from the line start.
func TestPositionLongLine(t *testing.T) {
	line := strings.Repeat("Grüße 🚨 aß ", 2000) // multi-byte runes across block boundaries
	for _, raw := range []string{
		line,
		"\uFEFF" + line + "\n" + line,
		"kurz\n" + line + "\nnoch\n",
		strings.Repeat("a", runeBlock) + "ü" + strings.Repeat("b", runeBlock),
	} {
		d, err := Parse("x.txt", []byte(raw), false)
		if err != nil {
			t.Fatal(err)
		}
		if d.runeMarks == nil {
			t.Fatal("no rune marks for a long line")
		}
		for off := 0; off <= len(raw); off += 1 + off%97 {
			for off < len(raw) && !utf8.RuneStart(raw[off]) {
				off++
			}
			line, col := d.Position(off)
			start := strings.LastIndexByte(raw[:off], '\n') + 1
			if start == 0 && strings.HasPrefix(raw, "\uFEFF") && off >= 3 {
				start = 3
			}
			wantLine := strings.Count(raw[:off], "\n") + 1
			wantCol := 1 + utf8.RuneCountInString(raw[start:off])
			if line != wantLine || col != wantCol {
				t.Fatalf("Position(%d) = %d:%d, want %d:%d", off, line, col, wantLine, wantCol)
			}
		}
		d.Release()
	}
}

// linearCases are the inputs that once took quadratic time or memory, as
// a function of a size n (roughly bytes).
var linearCases = []struct {
	name     string
	markdown bool
	playbook string // builtin:de unless set
	gen      func(n int) string
}{
	{"long line", false, "", func(n int) string {
		return strings.Repeat("Wir sind völlig überfordert. Jetzt 20 % Krisenrabatt! ", n/55)
	}},
	{"long sentence", false, "", func(n int) string {
		return strings.Repeat("wir sind völlig überfordert und wir haben rabatt und ", n/53)
	}},
	{"many links", true, "", func(n int) string { return strings.Repeat("[a](", n/4) }},
	{"many closed links", true, "", func(n int) string {
		return strings.Repeat("[Jetzt Rabatt](https://shop.example/x) ", n/38)
	}},
	{"many suppressions", true, "", func(n int) string {
		return strings.Repeat("<!-- crisis-ignore helpful.sales-pitch: quoting -->\nJetzt Rabatt!\n", n/66)
	}},
	{"many brackets", true, "", func(n int) string { return strings.Repeat("[", n) }},
	{"deep quotes", true, "", func(n int) string { return strings.Repeat(">", n) + " Wir sind überfordert.\n" }},
	{"deep lists", true, "", func(n int) string { return strings.Repeat("- ", n/2) + "x\n" }},
	{"pattern rule", false, hostilePattern, func(n int) string { return strings.Repeat("abcdefghij", n/10) }},
}

// hostilePattern has a rule whose pattern is costly per byte: it must run
// on bounded spans, so that the cost stays linear in the file.
const hostilePattern = `playbook: 1
id: hostile
extends: builtin:de
rules:
  - id: helpful.hostile
    principle: helpful
    tone: promotional
    severity: warning
    message: "x"
    pattern: '[\p{L}\p{N}]{1,100}x'
    examples:
      bad: { de: ["abcx"] }
      good: { de: ["abc"] }
`

// TestLinearTime lints each hostile input at two sizes: four times the
// size may take at most 8 times as long (quadratic work takes 16 times). Time is the process's CPU time, the
// best of five runs, so that other work on the machine does not count.
func TestLinearTime(t *testing.T) {
	if testing.Short() {
		t.Skip("timing")
	}
	engines := map[string]*Engine{}
	engine := func(src string) *Engine {
		if e := engines[src]; e != nil {
			return e
		}
		var pb *playbook.Playbook
		var err error
		if src == "" {
			pb, err = playbook.Load("builtin:de")
		} else {
			pb, err = playbook.Parse("hostile.yaml", []byte(src))
		}
		if err != nil {
			t.Fatal(err)
		}
		e, err := New(pb)
		if err != nil {
			t.Fatal(err)
		}
		engines[src] = e
		return e
	}
	for _, tc := range linearCases {
		t.Run(tc.name, func(t *testing.T) {
			e := engine(tc.playbook)
			run := func(n int) time.Duration {
				text := tc.gen(n)
				best := time.Duration(math.MaxInt64)
				for range 5 {
					runtime.GC()
					start := cpuTime()
					d, err := Parse("x", []byte(text), tc.markdown)
					if err != nil {
						t.Fatal(err)
					}
					e.Lint(d, Context{Lang: "de", Channel: "email"})
					best = min(best, cpuTime()-start)
				}
				return best
			}
			n := 200_000
			if tc.playbook != "" {
				n = 20_000
			}
			// Four times the input: linear work takes about 4× as long
			// (up to 5.5× measured, with n log n sorting, a larger heap
			// and the cache), quadratic work 16×. The bound of 8× sits
			// between them, wide enough for a machine busy with other
			// tests; a busy moment still gets two more chances.
			for attempt := 1; ; attempt++ {
				t1, t2 := run(n), run(4*n)
				t.Logf("%d bytes: %v, %d bytes: %v (×%.2f)", n, t1, 4*n, t2, float64(t2)/float64(t1))
				if t2 <= 8*t1+10*time.Millisecond { // the slack absorbs timer and GC noise on millisecond cases
					break
				}
				if attempt == 3 {
					t.Errorf("four times the input took %.1f times as long (%v, %v)", float64(t2)/float64(t1), t1, t2)
					break
				}
			}
		})
	}
}
