package lint_test

import (
	"hash/crc32"
	"path/filepath"
	"strings"
	"testing"

	"github.com/crisis-comms/crisis/internal/lint"
)

// splitOf is the split the corpus headers fix for an organisation: the key
// is the org lower-cased, cut before the first " (" and trimmed; crc32
// (IEEE) of its UTF-8 bytes mod 10 gives 0-5 train, 6-7 dev, 8-9 test.
func splitOf(org string) string {
	key := strings.ToLower(org)
	if i := strings.Index(key, " ("); i >= 0 {
		key = key[:i]
	}
	switch n := crc32.ChecksumIEEE([]byte(strings.TrimSpace(key))) % 10; {
	case n <= 5:
		return "train"
	case n <= 7:
		return "dev"
	default:
		return "test"
	}
}

func TestSplitOf(t *testing.T) {
	// Expected splits worked out from crc32 (IEEE) of the key, mod 10.
	for _, tc := range []struct{ org, want string }{
		{"A", "dev"},               // 0xe8b7be43 = 3904355907
		{"Deutsche Bahn", "train"}, // 0x68e7ee49 = 1760030281
		{"Deutsche Bahn (CEO Richard Lutz)", "train"}, // cut before " ("
		{"  DEUTSCHE BAHN  (Sprecher)", "train"},      // lower-cased and trimmed
		{"Quibi (open letter)", "dev"},                // 0x7ad24eba = 2060603066
		{"ÖBB (Sprecher)", "test"},                    // 0x70181507 = 1880626439, UTF-8 key
		{"Zara", "train"},                             // 0x4b6f7449 = 1265595465: 5 is the last train value
	} {
		if got := splitOf(tc.org); got != tc.want {
			t.Errorf("splitOf(%q) = %s, want %s", tc.org, got, tc.want)
		}
	}
}

// TestRealCorpusSplits checks every real-statement file in testdata/real:
// each entry carries the split its organisation fixes, and an id is used
// once across all files. It reads no verdicts and scores nothing.
func TestRealCorpusSplits(t *testing.T) {
	paths, err := filepath.Glob("testdata/real/*.yaml")
	if err != nil {
		t.Fatal(err)
	}
	if len(paths) == 0 {
		t.Skip("no real-statement corpus in this checkout")
	}
	seen := map[string]string{}
	for _, path := range paths {
		c, err := lint.LoadAnyCorpus(path)
		if err != nil {
			t.Fatal(err)
		}
		if c.Real == nil {
			t.Errorf("%s: not a corpus of real statements", path)
			continue
		}
		for _, e := range c.Real {
			if want := splitOf(e.Org); e.Split != want {
				t.Errorf("%s: entry %s (org %q): split %q, want %q", path, e.ID, e.Org, e.Split, want)
			}
			if prev, ok := seen[e.ID]; ok {
				t.Errorf("%s: id %s is already used in %s", path, e.ID, prev)
			}
			seen[e.ID] = path
		}
	}
}
