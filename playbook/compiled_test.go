package playbook

import (
	"bytes"
	"encoding/json"
	"flag"
	"os"
	"strings"
	"testing"
)

var update = flag.Bool("update", false, "regenerate the compiled built-in playbooks (builtin/*.json)")

// TestCompiledBuiltins keeps builtin/LANG.json identical to the validated
// YAML source. Run `go test ./playbook -run TestCompiledBuiltins -update`
// after editing a built-in playbook.
func TestCompiledBuiltins(t *testing.T) {
	for _, name := range BuiltinNames() {
		pb, err := LoadSource(name)
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		pb.Source = ""
		want, err := json.Marshal(pb)
		if err != nil {
			t.Fatal(err)
		}
		file := "builtin/" + strings.TrimPrefix(name, BuiltinPrefix) + ".json"
		if *update {
			if err := os.WriteFile(file, append(want, '\n'), 0o644); err != nil {
				t.Fatal(err)
			}
			continue
		}
		got, err := os.ReadFile(file)
		if err != nil {
			t.Fatalf("%s: %v (run go test ./playbook -run TestCompiledBuiltins -update)", file, err)
		}
		if !bytes.Equal(bytes.TrimSpace(got), want) {
			t.Errorf("%s is out of date with the YAML: run go test ./playbook -run TestCompiledBuiltins -update", file)
		}
		// And the compiled form loads to the same playbook.
		c, ok := loadCompiled(name)
		if !ok {
			t.Fatalf("%s: compiled form does not load", name)
		}
		c.Source = ""
		again, _ := json.Marshal(c)
		if !bytes.Equal(again, want) {
			t.Errorf("%s: compiled form does not round-trip", name)
		}
	}
}
