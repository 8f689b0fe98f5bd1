package playbook

import (
	"bytes"
	"encoding/json"
	"flag"
	"os"
	"strings"
	"testing"
)

var update = flag.Bool("update", false, "regenerate the compiled built-in playbooks (builtin/*.json, builtin/*/*.json)")

// TestCompiledBuiltins keeps builtin/LANG.json identical to the validated
// YAML source, and each part's builtin/PART/LANG.json identical to its
// YAML. Run `go test ./playbook -run TestCompiledBuiltins -update` after
// editing a built-in playbook or one of its parts.
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
		compare(t, "builtin/"+strings.TrimPrefix(name, BuiltinPrefix)+".json", base)
		for _, path := range builtinParts(name) {
			pdata, err := builtinFS.ReadFile(path)
			if err != nil {
				t.Fatal(err)
			}
			part, err := parseOne(partName(path), pdata)
			if err != nil {
				t.Fatalf("%s: %v", path, err)
			}
			compare(t, strings.TrimSuffix(path, ".yaml")+".json", part)
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
func compare(t *testing.T, file string, pb *Playbook) {
	t.Helper()
	pb.Source = ""
	want, err := json.Marshal(pb)
	if err != nil {
		t.Fatal(err)
	}
	if *update {
		if err := os.WriteFile(file, append(want, '\n'), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	got, err := os.ReadFile(file)
	if err != nil {
		t.Fatalf("%s: %v (run go test ./playbook -run TestCompiledBuiltins -update)", file, err)
	}
	if !bytes.Equal(bytes.TrimSpace(got), want) {
		t.Errorf("%s is out of date with the YAML: run go test ./playbook -run TestCompiledBuiltins -update", file)
	}
}
