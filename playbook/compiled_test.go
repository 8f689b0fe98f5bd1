package playbook

import (
	"bytes"
	"encoding/gob"
	"encoding/json"
	"flag"
	"os"
	"strings"
	"testing"
)

var update = flag.Bool("update", false, "regenerate the compiled built-in playbooks (builtin/*.gob, builtin/*/*.gob)")

// TestCompiledBuiltins keeps builtin/LANG.gob decoding to the validated
// YAML source, and each part's builtin/PART/LANG.gob to its YAML. Run
// `go test ./playbook -run TestCompiledBuiltins -update` after editing a
// built-in playbook or one of its parts.
func TestCompiledBuiltins(t *testing.T) {
	for _, name := range BuiltinNames() {
		data, err := BuiltinSource(name)
		if err != nil {
			t.Fatal(err)
		}
		base, err := parseOne(name, data)
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		if base, err = finish(base, name, 0, []string{name}); err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		compare(t, compiledPath("builtin/"+strings.TrimPrefix(name, BuiltinPrefix)+".yaml"), base)
		for _, path := range builtinParts(name) {
			pdata, err := builtinFS.ReadFile(path)
			if err != nil {
				t.Fatal(err)
			}
			part, err := parseOne(partName(path), pdata)
			if err != nil {
				t.Fatalf("%s: %v", path, err)
			}
			compare(t, compiledPath(path), part)
		}
		if *update {
			continue
		}
		// The compiled form loads to the same merged, validated playbook.
		pb, err := LoadSource(name)
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		pb.Source = ""
		want, _ := json.Marshal(pb)
		c, ok := loadCompiled(name)
		if !ok {
			t.Fatalf("%s: compiled form does not load", name)
		}
		c.Source = ""
		c.resolveListen()
		again, _ := json.Marshal(c)
		if !bytes.Equal(again, want) {
			t.Errorf("%s: compiled form does not load to the YAML playbook with its parts", name)
		}
	}
}

// compare checks (or with -update writes) the compiled form of pb at file.
// Gob writes maps in no fixed order, so the file is compared by what it
// decodes to (as sorted JSON), and rewritten only when that differs: an
// unchanged playbook keeps its file byte for byte.
func compare(t *testing.T, file string, pb *Playbook) {
	t.Helper()
	pb.Source = ""
	want, err := json.Marshal(pb)
	if err != nil {
		t.Fatal(err)
	}
	got, err := os.ReadFile(file)
	if err == nil {
		var c Playbook
		if err = decodeGob(bytes.NewReader(got), &c); err == nil {
			var again []byte
			if again, err = json.Marshal(&c); err == nil && bytes.Equal(again, want) {
				return
			}
		}
	}
	if *update {
		var buf bytes.Buffer
		if err := gob.NewEncoder(&buf).Encode(pb); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(file, buf.Bytes(), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	if err != nil {
		t.Fatalf("%s: %v (run go test ./playbook -run TestCompiledBuiltins -update)", file, err)
	}
	t.Errorf("%s is out of date with the YAML: run go test ./playbook -run TestCompiledBuiltins -update", file)
}
