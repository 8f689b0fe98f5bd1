package yamlfile

import (
	"fmt"
	"strings"
	"testing"
	"time"
)

type doc struct {
	Name  string            `yaml:"name"`
	Items []item            `yaml:"items"`
	Extra map[string]string `yaml:",inline"`
}

type item struct {
	ID    string `yaml:"id"`
	Count int    `yaml:"count"`
}

func TestDecode(t *testing.T) {
	tests := []struct{ name, in, want string }{
		{"unknown field", "name: a\nitems:\n  - id: x\n    cuont: 1\n", "f.yaml:4:5: unknown field \"cuont\" (did you mean \"count\"?)"},
		{"wrong type", "items:\n  - id: x\n    count: many\n", "f.yaml:3:12: wrong type: expected a number, found a text (\"many\")"},
		{"duplicate key", "name: a\nname: b\n", "f.yaml:2:1: key \"name\" is already defined at line 1"},
		{"syntax", "items: [\n", "f.yaml:1:1: invalid YAML: did not find expected node content"},
		{"empty", "", "f.yaml:1:1: empty document"},
		{"bom ok, nul refused", "\xef\xbb\xbfname: a\x00", "binary data"},
		{"invalid utf-8", "name: \xc3\x28\n", "f.yaml:1:7: invalid UTF-8"},
		{"deep", strings.Repeat("[", 80) + strings.Repeat("]", 80), "nested deeper than 64 levels"},
		{"alias bomb", "a: &a [x,x,x,x,x,x,x,x,x,x]\nb: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a,*a]\nc: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b,*b]\nd: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c,*c]\ne: &e [*d,*d,*d,*d,*d,*d,*d,*d,*d,*d]\nf: [*e,*e,*e]\n", "alias bomb"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			var d doc
			err := Decode("f.yaml", []byte(tc.in), &d)
			if err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Fatalf("error %v, want %q", err, tc.want)
			}
		})
	}
	var d doc
	if err := Decode("f.yaml", []byte("name: a\nscenario_fact: b\nitems: [{id: x, count: 2}]\n"), &d); err != nil {
		t.Fatal(err)
	}
	if d.Extra["scenario_fact"] != "b" || d.Items[0].Count != 2 {
		t.Fatalf("decoded %+v", d)
	}
}

// TestAliasExpandedSize refuses one large anchored scalar aliased many
// times — far below the node limit, but minutes and gigabytes to use — and
// accepts ordinary reuse of an anchor.
func TestAliasExpandedSize(t *testing.T) {
	big := strings.Repeat("Rabatt ", 150_000) // about 1 MB
	var b strings.Builder
	b.WriteString("name: &n \"" + big + "\"\n")
	for i := range 100 {
		fmt.Fprintf(&b, "k%d: *n\n", i)
	}
	var d doc
	start := time.Now()
	err := Decode("f.yaml", []byte(b.String()), &d)
	if err == nil || !strings.Contains(err.Error(), "bytes of text through aliases (alias bomb?)") {
		t.Fatalf("error %v, want an alias-size refusal", err)
	}
	if el := time.Since(start); el > 5*time.Second {
		t.Errorf("refusal took %v", el)
	}

	ok := "name: &n ACME\na: *n\nb: *n\nc: *n\n"
	if err := Decode("f.yaml", []byte(ok), &d); err != nil || d.Extra["c"] != "ACME" {
		t.Fatalf("ordinary aliases: %v, %+v", err, d)
	}
}
