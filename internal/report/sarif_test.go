package report

import (
	"bytes"
	"encoding/json"
	"os"
	"strings"
	"testing"

	"github.com/santhosh-tekuri/jsonschema/v6"

	"github.com/crisis-comms/crisis/playbook"
)

// sarifValidator compiles the official OASIS SARIF 2.1.0 schema kept in
// testdata, with format checks on, so that a malformed URI fails too.
func sarifValidator(t *testing.T) *jsonschema.Schema {
	t.Helper()
	f, err := os.Open("testdata/sarif-schema-2.1.0.json")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	doc, err := jsonschema.UnmarshalJSON(f)
	if err != nil {
		t.Fatal(err)
	}
	m := doc.(map[string]any)
	const oasisID = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
	if m["id"] != oasisID || !strings.HasPrefix(m["title"].(string), "Static Analysis Results Format (SARIF) Version 2.1.0") {
		t.Fatalf("testdata/sarif-schema-2.1.0.json is not the OASIS schema: id %v, title %v", m["id"], m["title"])
	}
	c := jsonschema.NewCompiler()
	c.AssertFormat()
	if err := c.AddResource(oasisID, doc); err != nil {
		t.Fatal(err)
	}
	s, err := c.Compile(oasisID)
	if err != nil {
		t.Fatal(err)
	}
	return s
}

func validate(s *jsonschema.Schema, data []byte) error {
	v, err := jsonschema.UnmarshalJSON(bytes.NewReader(data))
	if err != nil {
		return err
	}
	return s.Validate(v)
}

func TestSARIFValidates(t *testing.T) {
	s := sarifValidator(t)
	for name, tc := range map[string]struct {
		files []File
		opts  Options
	}{
		"fixture":            {fixture(t), Options{Playbooks: []*playbook.Playbook{fixturePlaybook()}, ToolVersion: "1.2.3"}},
		"fixture-nobook":     {fixture(t), Options{}},
		"no files":           {nil, Options{}},
		"clean file":         {[]File{{Path: "a.txt", Source: "Hallo"}}, Options{}},
		"absolute and colon": {[]File{{Path: "/srv/news/a b.txt"}, {Path: "c:d.txt"}}, Options{}},
	} {
		t.Run(name, func(t *testing.T) {
			out := render(t, "sarif", tc.files, tc.opts)
			if err := validate(s, out); err != nil {
				t.Fatalf("output does not validate against SARIF 2.1.0:\n%v\n%s", err, out)
			}
		})
	}
}

// TestSARIFSchemaRejects proves the validation above has teeth: documents
// with mistakes a printer could make must fail.
func TestSARIFSchemaRejects(t *testing.T) {
	s := sarifValidator(t)
	good := render(t, "sarif", fixture(t), Options{Playbooks: []*playbook.Playbook{fixturePlaybook()}})
	for name, breakIt := range map[string]func(run map[string]any){
		"level info": func(run map[string]any) {
			run["results"].([]any)[0].(map[string]any)["level"] = "info"
		},
		"line 0": func(run map[string]any) {
			res := run["results"].([]any)[0].(map[string]any)
			region := res["locations"].([]any)[0].(map[string]any)["physicalLocation"].(map[string]any)["region"].(map[string]any)
			region["startLine"] = 0
		},
		"column kind": func(run map[string]any) { run["columnKind"] = "codePoints" },
		"no executionSuccessful": func(run map[string]any) {
			delete(run["invocations"].([]any)[0].(map[string]any), "executionSuccessful")
		},
		"informationUri not a URI": func(run map[string]any) {
			run["tool"].(map[string]any)["driver"].(map[string]any)["informationUri"] = "crisis"
		},
		"unknown property": func(run map[string]any) { run["findings"] = []any{} },
	} {
		t.Run(name, func(t *testing.T) {
			var doc map[string]any
			if err := json.Unmarshal(good, &doc); err != nil {
				t.Fatal(err)
			}
			breakIt(doc["runs"].([]any)[0].(map[string]any))
			bad, err := json.Marshal(doc)
			if err != nil {
				t.Fatal(err)
			}
			if err := validate(s, bad); err == nil {
				t.Fatal("broken document validates: the schema check would not catch this")
			}
		})
	}
}
