package yamlfile

import (
	"strings"
	"testing"
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
