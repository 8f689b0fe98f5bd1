package channel

import (
	"math/rand/v2"
	"reflect"
	"strings"
	"testing"
)

// This file keeps the plain Congruence, which groups each file's facts
// into copies by role and kind (it grouped them by kind alone until facts
// were compared by role), and splitURL as the references for
// congruence.go.

// slotsRef are the roles and kinds compared, in report order.
var slotsRef = []struct {
	role Role
	kind string
}{
	{RoleNextUpdate, FactTime}, {RoleNextUpdate, FactDate}, {RoleStart, FactTime}, {RoleStart, FactDate},
	{RoleEnd, FactTime}, {RoleEnd, FactDate}, {RoleHotline, FactPhone}, {RoleEmail, FactEmail},
	{RoleURL, FactURL}, {RoleRefund, FactAmount}, {RoleFee, FactAmount},
}

func congruenceRef(files []FileFacts) []Disagreement {
	// Each file's facts by slot, grouped once: pairs of files compare
	// them slot by slot.
	bySlot := make([][][]Fact, len(files))
	for i, f := range files {
		bySlot[i] = groupBySlotRef(f.Facts)
	}
	var out []Disagreement
	for i := range files {
		for j := i + 1; j < len(files); j++ {
			for k, s := range slotsRef {
				a, b := bySlot[i][k], bySlot[j][k]
				if len(a) == 0 || len(b) == 0 || overlapRef(s.kind, a, b) {
					continue
				}
				out = append(out, Disagreement{
					Role: s.role,
					Kind: s.kind,
					A:    FileFact{Path: files[i].Path, Fact: a[0]},
					B:    FileFact{Path: files[j].Path, Fact: b[0]},
				})
			}
		}
	}
	return out
}

// groupBySlotRef returns facts split by slot, in the order of slotsRef,
// each group in input order; the groups share one array.
func groupBySlotRef(facts []Fact) [][]Fact {
	groups := make([][]Fact, len(slotsRef))
	if len(facts) == 0 {
		return groups
	}
	kinds := make([]int8, len(facts))
	for i, f := range facts {
		kinds[i] = int8(slotIndexRef(f.Role, f.Kind))
	}
	sorted := make([]Fact, 0, len(facts))
	for k := range slotsRef {
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

func slotIndexRef(r Role, kind string) int {
	for k, s := range slotsRef {
		if s.role == r && s.kind == kind {
			return k
		}
	}
	return -1
}

func overlapRef(kind string, a, b []Fact) bool {
	for _, x := range a {
		for _, y := range b {
			if sameValue(kind, x.Value, y.Value) {
				return true
			}
		}
	}
	return false
}

func sameCongruence(t *testing.T, files []FileFacts) {
	t.Helper()
	got, want := Congruence(files), congruenceRef(files)
	if !reflect.DeepEqual(got, want) {
		t.Fatalf("Congruence(%+v)\n= %+v\nreference %+v", files, got, want)
	}
}

func TestSlots(t *testing.T) {
	if numSlots != len(slotsRef) {
		t.Fatalf("%d slots, the reference has %d", numSlots, len(slotsRef))
	}
	for k, s := range slotsRef {
		if slots[k] != s {
			t.Errorf("slot %d is %v, the reference %v", k, slots[k], s)
		}
	}
}

// TestCongruenceRefRandom compares Congruence with the reference on random
// sets of files whose facts come from small pools of roles, kinds and
// values, so that values often match, including kinds and roles that do
// not go together and facts without a role.
func TestCongruenceRefRandom(t *testing.T) {
	kinds := append([]string{"other"}, FactKinds...)
	values := []string{"14:00", "15:00", "11-23", "2026-11-23", "2026-11-24", "acme.de", "acme.de/status",
		"acme.de/hilfe", "acme.de/status/x?y", "acme.de/", "acme.de#f", "acme.de/status/", "acme.de?/x", "+498001234567", "EUR 20.00", "a@acme.de", ""}
	rng := rand.New(rand.NewPCG(3, 4))
	n := 20000
	if testing.Short() {
		n = 2000
	}
	for range n {
		files := make([]FileFacts, rng.IntN(12))
		for i := range files {
			files[i].Path = string(rune('a' + i))
			for range rng.IntN(9) * rng.IntN(9) {
				v := values[rng.IntN(len(values))]
				files[i].Facts = append(files[i].Facts, Fact{
					Kind: kinds[rng.IntN(len(kinds))], Value: v, Raw: "raw " + v, Offset: rng.IntN(100), End: rng.IntN(100),
					Role: Role(rng.IntN(int(numRoles) + 1)),
				})
			}
		}
		sameCongruence(t, files)
	}
}

// FuzzCongruenceRef splits a text into up to four messages at "|" and
// compares Congruence of their facts with the reference.
func FuzzCongruenceRef(f *testing.F) {
	f.Add("Update um 14:00 Uhr auf acme.de/status|Update at 2 pm on https://acme.de|Update 15:00 Uhr, 23.11.")
	f.Add(benchSMSDe + "|" + benchMailDe + "|" + benchSMSEn + "|" + benchMailEn)
	f.Fuzz(func(t *testing.T, text string) {
		parts := strings.SplitN(text, "|", 4)
		var files []FileFacts
		for i, p := range parts {
			files = append(files, FileFacts{Path: string(rune('a' + i)), Facts: AssignRoles(p, ExtractFacts(p), RoleNone)})
		}
		sameCongruence(t, files)
	})
}

func splitURLRef(u string) (host, path string) {
	if k := strings.IndexAny(u, "?#"); k >= 0 {
		u = u[:k]
	}
	u = strings.TrimRight(u, "/")
	if k := strings.IndexByte(u, '/'); k >= 0 {
		return u[:k], u[k:]
	}
	return u, ""
}

func sameSplitURL(t *testing.T, u string) {
	t.Helper()
	h, p := splitURL(u)
	rh, rp := splitURLRef(u)
	if h != rh || p != rp {
		t.Fatalf("splitURL(%q) = %q, %q, reference %q, %q", u, h, p, rh, rp)
	}
}

func TestSplitURLRef(t *testing.T) {
	for _, u := range []string{"", "/", "//", "?", "#", "acme.de", "acme.de/", "acme.de//", "acme.de/a/b/",
		"acme.de?x=/", "acme.de/a?b#c", "acme.de#/a", "acme.de/a//?", "/?/", "a/b/c//#"} {
		sameSplitURL(t, u)
	}
}

func FuzzSplitURLRef(f *testing.F) {
	f.Add("acme.de/a/b/?x=1#y")
	f.Fuzz(sameSplitURL)
}
