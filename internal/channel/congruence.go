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

// Disagreement is a pair of files that both state a fact of one role and
// kind but share no value of it.
type Disagreement struct {
	Role Role
	Kind string
	// A and B are the first fact of Role and Kind in each file; A's file
	// comes first in the input.
	A, B FileFact
}

// String describes the disagreement for a reader.
func (d Disagreement) String() string {
	return fmt.Sprintf("%s differs: %s says %q, %s says %q", d.Role, d.A.Path, d.A.Raw, d.B.Path, d.B.Raw)
}

// Congruence compares every pair of files, in input order, and returns one
// Disagreement per pair, role and kind when both files state facts of that
// role and kind and no value of one matches a value of the other (see the
// package documentation for what matches); facts without a role are not
// compared. In a set of more than maxPlainSet files, a file is compared
// with the first maxReferences files only and gets at most maxReported
// disagreements per role and kind, so that a directory of thousands of
// files costs time and output in proportion to them.
func Congruence(files []FileFacts) []Disagreement {
	if len(files) < 2 {
		return nil
	}
	// The slot (role and kind) of every fact, file after file, and the
	// first fact of each slot in each file (-1 for none), found once: pairs
	// of files compare them slot by slot. A directory's few files fit the
	// arrays on the stack.
	total := 0
	for _, f := range files {
		total += len(f.Facts)
	}
	var slotBuf [128]int8
	slotOf := slotBuf[:0]
	if total > len(slotBuf) {
		slotOf = make([]int8, 0, total)
	}
	var firstBuf [8][numSlots]int32
	first := firstBuf[:0]
	if len(files) > len(firstBuf) {
		first = make([][numSlots]int32, 0, len(files))
	}
	for _, f := range files {
		var fi [numSlots]int32
		for k := range fi {
			fi[k] = -1
		}
		for n, ft := range f.Facts {
			k := slotIndex(ft.Role, ft.Kind)
			slotOf = append(slotOf, int8(k))
			if k >= 0 && fi[k] < 0 {
				fi[k] = int32(n)
			}
		}
		first = append(first, fi)
	}
	// The disagreeing pairs and slots are collected first, so that the
	// result is allocated once.
	type found struct{ i, j, k, fa, fb int32 }
	var foundBuf [16]found
	pairs := foundBuf[:0]
	// In a set of more than maxPlainSet files, reported[j][k] counts the
	// disagreements found for file j and slot k, and the files compared
	// with others are the first maxReferences.
	references, perFile := len(files), len(files)
	var reported [][numSlots]int
	if len(files) > maxPlainSet {
		references, perFile = maxReferences, maxReported
		reported = make([][numSlots]int, len(files))
	}
	from := 0 // where the slots of files[i] start
	for i := range min(len(files), references) {
		a := files[i].Facts
		ka := slotOf[from : from+len(a)]
		from += len(a)
		fromJ := from
		for j := i + 1; j < len(files); j++ {
			b := files[j].Facts
			kb := slotOf[fromJ : fromJ+len(b)]
			fromJ += len(b)
			for k := range numSlots {
				fa, fb := first[i][k], first[j][k]
				if fa < 0 || fb < 0 || (reported != nil && reported[j][k] >= perFile) || overlapSlot(k, a[fa:], ka[fa:], b[fb:], kb[fb:]) {
					continue
				}
				if reported != nil {
					reported[j][k]++
				}
				pairs = append(pairs, found{int32(i), int32(j), int32(k), fa, fb})
			}
		}
	}
	if len(pairs) == 0 {
		return nil
	}
	out := make([]Disagreement, len(pairs))
	for n, p := range pairs {
		out[n] = Disagreement{
			Role: slots[p.k].role,
			Kind: slots[p.k].kind,
			A:    FileFact{Path: files[p.i].Path, Fact: files[p.i].Facts[p.fa]},
			B:    FileFact{Path: files[p.j].Path, Fact: files[p.j].Facts[p.fb]},
		}
	}
	return out
}

// slots are the roles and kinds Congruence compares, in report order: a
// role of times has a slot for the time of day and one for the date.
var slots = [...]struct {
	role Role
	kind string
}{
	{RoleNextUpdate, FactTime}, {RoleNextUpdate, FactDate}, {RoleStart, FactTime}, {RoleStart, FactDate},
	{RoleEnd, FactTime}, {RoleEnd, FactDate}, {RoleHotline, FactPhone}, {RoleEmail, FactEmail},
	{RoleURL, FactURL}, {RoleRefund, FactAmount}, {RoleFee, FactAmount},
}

const numSlots = len(slots)

// slotIndex returns the index into slots of a fact's role and kind, -1
// when it has no role or a kind the role does not take.
func slotIndex(r Role, kind string) int {
	for k, s := range slots {
		if s.role == r && s.kind == kind {
			return k
		}
	}
	return -1
}

// maxReferences and maxReported bound the comparisons and disagreements
// of a file in a set of more than maxPlainSet files (an update has one
// file per channel, ten at most in the built-in playbooks).
const (
	maxPlainSet   = 16
	maxReferences = 32
	maxReported   = 3
)

// maxCompared is how many facts of one slot in each file are compared: a
// message states a handful, and comparing every pair of thousands would
// take time that grows with the square of the message.
const maxCompared = 64

// overlapSlot reports whether a fact of slot k in a shares a value with
// one of that slot in b; ka and kb are the slot indexes of a and b. Only
// the first maxCompared facts of the slot in each are compared.
func overlapSlot(k int, a []Fact, ka []int8, b []Fact, kb []int8) bool {
	kind := slots[k].kind
	nx := 0
	for x := range a {
		if int(ka[x]) != k {
			continue
		}
		if nx++; nx > maxCompared {
			break
		}
		ny := 0
		for y := range b {
			if int(kb[y]) != k {
				continue
			}
			if ny++; ny > maxCompared {
				break
			}
			if sameValue(kind, a[x].Value, b[y].Value) {
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
	for k := 0; k < len(u); k++ {
		if u[k] == '?' || u[k] == '#' {
			u = u[:k]
			break
		}
	}
	for len(u) > 0 && u[len(u)-1] == '/' {
		u = u[:len(u)-1]
	}
	if k := strings.IndexByte(u, '/'); k >= 0 {
		return u[:k], u[k:]
	}
	return u, ""
}
