package channel

import (
	"fmt"
	"strings"
)

// FileFacts are the facts of one message file.
type FileFacts struct {
	Path  string
	Facts []Fact
}

// FileFact is a fact together with the file it is in.
type FileFact struct {
	Path string
	Fact
}

// Disagreement is a pair of files that both state a kind of fact but share
// no value of it.
type Disagreement struct {
	Kind string
	// A and B are the first fact of Kind in each file; A's file comes first
	// in the input.
	A, B FileFact
}

// String describes the disagreement for a reader.
func (d Disagreement) String() string {
	return fmt.Sprintf("%s differs: %s says %q, %s says %q", d.Kind, d.A.Path, d.A.Raw, d.B.Path, d.B.Raw)
}

// Congruence compares every pair of files, in input order, and returns one
// Disagreement per pair and kind when both files state facts of that kind
// and no value of one matches a value of the other (see the package
// documentation for what matches).
func Congruence(files []FileFacts) []Disagreement {
	// Each file's facts by kind, grouped once: pairs of files compare
	// them kind by kind.
	byKind := make([][][]Fact, len(files))
	for i, f := range files {
		byKind[i] = groupByKind(f.Facts)
	}
	var out []Disagreement
	for i := range files {
		for j := i + 1; j < len(files); j++ {
			for k, kind := range FactKinds {
				a, b := byKind[i][k], byKind[j][k]
				if len(a) == 0 || len(b) == 0 || overlap(kind, a, b) {
					continue
				}
				out = append(out, Disagreement{
					Kind: kind,
					A:    FileFact{Path: files[i].Path, Fact: a[0]},
					B:    FileFact{Path: files[j].Path, Fact: b[0]},
				})
			}
		}
	}
	return out
}

// groupByKind returns facts split by kind, in the order of FactKinds,
// each group in input order; the groups share one array.
func groupByKind(facts []Fact) [][]Fact {
	groups := make([][]Fact, len(FactKinds))
	if len(facts) == 0 {
		return groups
	}
	kinds := make([]int8, len(facts))
	for i, f := range facts {
		kinds[i] = int8(kindIndex(f.Kind))
	}
	sorted := make([]Fact, 0, len(facts))
	for k := range FactKinds {
		from := len(sorted)
		for i, f := range facts {
			if int(kinds[i]) == k {
				sorted = append(sorted, f)
			}
		}
		if len(sorted) > from {
			groups[k] = sorted[from:len(sorted):len(sorted)]
		}
	}
	return groups
}

func kindIndex(kind string) int {
	for k, name := range FactKinds {
		if name == kind {
			return k
		}
	}
	return -1
}

func overlap(kind string, a, b []Fact) bool {
	for _, x := range a {
		for _, y := range b {
			if sameValue(kind, x.Value, y.Value) {
				return true
			}
		}
	}
	return false
}

// sameValue compares two normalised values of kind with the tolerance
// described in the package documentation.
func sameValue(kind, a, b string) bool {
	if a == b {
		return true
	}
	switch kind {
	case FactDate:
		// "11-23" (no year) matches "2026-11-23".
		if len(a) != len(b) {
			return strings.HasSuffix(a, "-"+b) || strings.HasSuffix(b, "-"+a)
		}
	case FactURL:
		return sameURL(a, b)
	}
	return false
}

// sameURL reports whether two normalised links point to the same host and
// one path lies within the other: "acme.de" and "acme.de/status" agree,
// "acme.de/status" and "acme.de/hilfe" do not.
func sameURL(a, b string) bool {
	ha, pa := splitURL(a)
	hb, pb := splitURL(b)
	if ha != hb {
		return false
	}
	if len(pa) > len(pb) {
		pa, pb = pb, pa
	}
	return pb == pa || strings.HasPrefix(pb, pa+"/")
}

// splitURL returns host and path without query and fragment.
func splitURL(u string) (host, path string) {
	if k := strings.IndexAny(u, "?#"); k >= 0 {
		u = u[:k]
	}
	u = strings.TrimRight(u, "/")
	if k := strings.IndexByte(u, '/'); k >= 0 {
		return u[:k], u[k:]
	}
	return u, ""
}
