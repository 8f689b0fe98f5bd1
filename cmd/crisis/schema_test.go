package main

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/santhosh-tekuri/jsonschema/v6"
	"go.yaml.in/yaml/v3"

	"github.com/crisis-comms/crisis/internal/config"
	"github.com/crisis-comms/crisis/internal/incident"
	"github.com/crisis-comms/crisis/playbook"
)

const schemaBase = "https://raw.githubusercontent.com/crisis-comms/crisis/main/"

// compileSchema compiles the schema NAME as crisis schema prints it.
func compileSchema(t *testing.T, name string) *jsonschema.Schema {
	t.Helper()
	i := slices.IndexFunc(schemas, func(s schemaDoc) bool { return s.name == name })
	if i < 0 {
		t.Fatalf("no schema %s", name)
	}
	doc, err := jsonschema.UnmarshalJSON(bytes.NewReader(schemas[i].data))
	if err != nil {
		t.Fatalf("schema %s: %v", name, err)
	}
	c := jsonschema.NewCompiler()
	c.AssertFormat()
	id := schemaBase + schemas[i].path
	if err := c.AddResource(id, doc); err != nil {
		t.Fatal(err)
	}
	s, err := c.Compile(id)
	if err != nil {
		t.Fatalf("schema %s does not compile: %v", name, err)
	}
	return s
}

// yamlValue turns YAML into the values a JSON Schema validator sees, as
// the YAML language server does: numbers, booleans and null by their
// tags, every other scalar (times too) a string.
func yamlValue(t *testing.T, n *yaml.Node) any {
	t.Helper()
	switch n.Kind {
	case yaml.DocumentNode:
		if len(n.Content) == 0 {
			return nil
		}
		return yamlValue(t, n.Content[0])
	case yaml.AliasNode:
		return yamlValue(t, n.Alias)
	case yaml.SequenceNode:
		out := []any{}
		for _, c := range n.Content {
			out = append(out, yamlValue(t, c))
		}
		return out
	case yaml.MappingNode:
		out := map[string]any{}
		for i := 0; i+1 < len(n.Content); i += 2 {
			out[n.Content[i].Value] = yamlValue(t, n.Content[i+1])
		}
		return out
	}
	switch n.ShortTag() {
	case "!!int", "!!float":
		v, err := strconv.ParseFloat(strings.ReplaceAll(n.Value, "_", ""), 64)
		if err == nil {
			return json.Number(strconv.FormatFloat(v, 'f', -1, 64))
		}
	case "!!bool":
		return n.Value == "true"
	case "!!null":
		return nil
	}
	return n.Value
}

func validateYAML(t *testing.T, s *jsonschema.Schema, data []byte) error {
	t.Helper()
	var n yaml.Node
	if err := yaml.Unmarshal(data, &n); err != nil {
		t.Fatal(err)
	}
	return s.Validate(yamlValue(t, &n))
}

func TestSchemaCommand(t *testing.T) {
	var out, errb bytes.Buffer
	if code := run([]string{"schema"}, strings.NewReader(""), &out, &errb); code != 0 {
		t.Fatalf("exit %d: %s", code, errb.String())
	}
	for _, name := range []string{"playbook", "config", "facts", "lint-report", "listen-report"} {
		if !strings.Contains(out.String(), name) {
			t.Errorf("crisis schema does not list %s:\n%s", name, out.String())
		}
	}
	for _, s := range schemas {
		out.Reset()
		if code := run([]string{"schema", s.name}, strings.NewReader(""), &out, &errb); code != 0 {
			t.Fatalf("schema %s: exit %d", s.name, code)
		}
		onDisk, err := os.ReadFile(filepath.Join("../..", s.path))
		if err != nil || !bytes.Equal(onDisk, out.Bytes()) {
			t.Errorf("crisis schema %s does not print %s", s.name, s.path)
		}
		var doc struct {
			ID string `json:"$id"`
		}
		if err := json.Unmarshal(onDisk, &doc); err != nil || doc.ID != schemaBase+s.path {
			t.Errorf("%s: $id %q, want %q", s.path, doc.ID, schemaBase+s.path)
		}
		compileSchema(t, s.name)
	}
	if code := run([]string{"schema", "nope"}, strings.NewReader(""), &out, &errb); code != exitError || !strings.Contains(errb.String(), "no schema \"nope\"") {
		t.Errorf("unknown schema: exit %d, %s", code, errb.String())
	}
}

// TestSchemaPlaybook: the built-in playbooks and the playbooks in the
// repository validate; mistakes a person makes do not.
func TestSchemaPlaybook(t *testing.T) {
	s := compileSchema(t, "playbook")
	// The parts the built-ins are assembled from (listen and reply) are
	// playbook documents of their own, without the id the whole one has.
	parts, err := filepath.Glob("../../playbook/builtin/*/*.yaml")
	if err != nil || len(parts) == 0 {
		t.Fatalf("no built-in parts: %v", err)
	}
	for _, p := range parts {
		data, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		if err := validateYAML(t, s, append([]byte("id: part\n"), data...)); err != nil {
			t.Errorf("%s does not validate: %v", p, err)
		}
	}
	for _, name := range playbook.BuiltinNames() {
		data, err := playbook.BuiltinSource(name)
		if err != nil {
			t.Fatal(err)
		}
		if err := validateYAML(t, s, data); err != nil {
			t.Errorf("%s does not validate: %v", name, err)
		}
	}
	for _, p := range []string{"../../internal/draft/testdata/playbook.yaml", "../../internal/prompt/testdata/playbook.yaml"} {
		data, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		if err := validateYAML(t, s, data); err != nil {
			t.Errorf("%s does not validate: %v", p, err)
		}
	}
	const base = "playbook: 1\nid: acme\nextends: builtin:de\n"
	for text, valid := range map[string]bool{
		base: true,
		base + "rules:\n  - id: helpful.sales-pitch\n    disabled: true\n": true,
		base + "cadence: 1h30m\n": true,
		base + "rules:\n  - id: a\n    principle: helpful\n    tone: whiny\n    severity: warning\n    message: m\n    terms: [self]\n    examples: {bad: {de: [x]}, good: {de: [y]}}\n": true,
		base + "rules:\n  - id: a\n    principle: helpful\n    tone: whiny\n    severity: warning\n    message: m\n    examples: {bad: {de: [x]}, good: {de: [y]}}\n":                    false, // no kind
		base + "rules:\n  - id: a\n    principle: helpful\n    tone: whiny\n    severity: warning\n    message: m\n    terms: [a]\n    pattern: x\n    examples: {bad: {de: [x]}}\n":     false, // two kinds
		base + "rules:\n  - id: a\n    principle: helpful\n    tone: sad\n    severity: warning\n    message: m\n    terms: [a]\n    examples: {bad: {de: [x]}}\n":                       false,
		base + "colour: red\n":   false,
		base + "cadence: soon\n": false,
		"id: acme\n":             false,
		base + "channels:\n  - id: sms\n    limits: {sms_segments: -1}\n": false,
		base + "lexicon:\n  self: {deutsch: [wir]}\n":                     false,
	} {
		if err := validateYAML(t, s, []byte(text)); (err == nil) != valid {
			t.Errorf("valid=%v, got error %v for:\n%s", valid, err, text)
		}
	}
}

func TestSchemaConfig(t *testing.T) {
	s := compileSchema(t, "config")
	for text, valid := range map[string]bool{
		"":                    true,
		"# nothing set yet\n": true,
		"playbook: playbooks/acme.yaml\nplaybooks: [playbooks/recall.yaml]\nlang: de\nignore: [\"drafts/**\", \"README.md\"]\noverrides:\n  - files: [\"social/*.md\"]\n    channel: x\n    rules: { helpful.exclamations: off, community.customers: error }\n": true,
		"ignore: drafts/**\n":                              false,
		"overrides:\n  - channel: x\n":                     false,
		"overrides:\n  - files: [a]\n    rules: {r: no}\n": false,
		"lang: Deutsch\n":                                  false,
		"playbok: x\n":                                     false,
	} {
		if err := validateYAML(t, s, []byte(text)); (err == nil) != valid {
			t.Errorf("valid=%v, got error %v for:\n%s", valid, err, text)
		}
		// The schema and the loader agree.
		p := filepath.Join(t.TempDir(), ".crisis.yaml")
		if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
		if _, err := config.Load(p); (err == nil) != valid {
			t.Errorf("config.Load: valid=%v, got %v for:\n%s", valid, err, text)
		}
	}
}

// TestSchemaFacts: every facts file of the examples validates and names
// its schema for editors; broken facts do not validate.
func TestSchemaFacts(t *testing.T) {
	s := compileSchema(t, "facts")
	files, _ := filepath.Glob("../../examples/*/*/facts.yaml")
	more, _ := filepath.Glob("../../examples/incidents/*/*/facts.yaml")
	files = append(files, more...)
	if len(files) < 10 {
		t.Fatalf("found %d facts files in examples", len(files))
	}
	modeline := "# yaml-language-server: $schema=" + schemaBase + "internal/incident/schema/facts.json\n"
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		if err := validateYAML(t, s, data); err != nil {
			t.Errorf("%s does not validate: %v", f, err)
		}
		if !bytes.HasPrefix(data, []byte(modeline)) {
			t.Errorf("%s does not start with %q", f, modeline)
		}
	}
	for text, valid := range map[string]bool{
		"incident: kasse\nstage: initial\nnext_update: 2026-11-23T15:00:00+01:00\nbatch: 4711\n": true,
		"incident: kasse\nstage: later\n":                    false,
		"incident: kasse\nnext_update: um drei\n":            false,
		"incident: kasse\nchannels: sms\n":                   false,
		"incident: kasse\nproduct: {name: Akku, batch: 3}\n": false,
	} {
		err := validateYAML(t, s, []byte(text))
		if (err == nil) != valid {
			t.Errorf("valid=%v, got error %v for:\n%s", valid, err, text)
		}
		if _, lerr := incident.ParseFacts("facts.yaml", []byte(text)); (lerr == nil) != valid {
			t.Errorf("ParseFacts: valid=%v, got %v for:\n%s", valid, lerr, text)
		}
	}
}

// TestSchemaLintReport: the JSON report of real runs — clean, dirty, and
// with a file that cannot be linted — validates.
func TestSchemaLintReport(t *testing.T) {
	s := compileSchema(t, "lint-report")
	dir := sarifTree(t)
	if err := os.WriteFile(filepath.Join(dir, "dirty", "binary.txt"), []byte("a\x00b"), 0o644); err != nil {
		t.Fatal(err)
	}
	examples, err := filepath.Abs("../../examples")
	if err != nil {
		t.Fatal(err)
	}
	t.Chdir(dir)
	for _, args := range [][]string{{"clean"}, {"dirty"}, {"missing.txt"}, {examples}} {
		var out, errb bytes.Buffer
		run(append([]string{"lint", "--format", "json"}, args...), strings.NewReader(""), &out, &errb)
		if err := validateJSON(s, out.Bytes()); err != nil {
			t.Errorf("lint %v: report does not validate: %v\n%s", args, err, out.String())
		}
	}
	bad := `{"version": 1, "files": [{"path": "a.txt", "findings": []}], "summary": {"files": 1, "error": 0, "warning": 0, "info": 0}}`
	if validateJSON(s, []byte(bad)) == nil {
		t.Error("a file with neither stats nor error validates")
	}
}

// TestSchemaListenReport: the triage reports of real runs — the example
// incident's incoming messages with and without the incident, and plain
// text — validate, and a report with an unknown kind does not.
func TestSchemaListenReport(t *testing.T) {
	s := compileSchema(t, "listen-report")
	inc, err := filepath.Abs("../../examples/incidents/zahlungsausfall")
	if err != nil {
		t.Fatal(err)
	}
	for _, args := range [][]string{
		{filepath.Join(inc, "incoming.csv"), "--incident", inc},
		{filepath.Join(inc, "incoming.csv")},
		{"-"},
	} {
		var out, errb bytes.Buffer
		in := strings.NewReader("Wann geht das wieder?\nDanke für die schnelle Info!\n")
		if code := run(append([]string{"listen", "--format", "json"}, args...), in, &out, &errb); code != 0 {
			t.Fatalf("listen %v: exit %d: %s", args, code, errb.String())
		}
		if err := validateJSON(s, out.Bytes()); err != nil {
			t.Errorf("listen %v: report does not validate: %v", args, err)
		}
	}
	bad := `{"version": 1, "messages": [{"id": "1", "line": 1, "text": "x", "kinds": ["grumpy"], "urgent": false, "cues": []}], "summary": {"messages": 1, "urgent": 0, "kinds": {}, "questions": null, "rumours": null, "unanswered": null, "incident": false}}`
	if validateJSON(s, []byte(bad)) == nil {
		t.Error("a report with an unknown kind validates")
	}
}

// TestSchemaCoversModel: every field the Go model reads is in the schema
// and the schema names no field the model lacks, so that a new field
// cannot be forgotten in one of them.
func TestSchemaCoversModel(t *testing.T) {
	load := func(name string) map[string]any {
		i := slices.IndexFunc(schemas, func(s schemaDoc) bool { return s.name == name })
		var m map[string]any
		if err := json.Unmarshal(schemas[i].data, &m); err != nil {
			t.Fatal(err)
		}
		return m
	}
	pb, cfg, facts := load("playbook"), load("config"), load("facts")
	def := func(m map[string]any, name string) map[string]any {
		return m["$defs"].(map[string]any)[name].(map[string]any)
	}
	prop := func(m map[string]any, name string) map[string]any {
		return m["properties"].(map[string]any)[name].(map[string]any)
	}
	rule := def(pb, "rule")
	for _, tc := range []struct {
		typ    any
		schema map[string]any
	}{
		{playbook.Playbook{}, pb},
		{playbook.Principle{}, def(pb, "principle")},
		{playbook.Fact{}, def(pb, "fact")},
		{playbook.Rule{}, rule},
		{playbook.Sentence{}, prop(rule, "sentence")},
		{playbook.Metric{}, prop(rule, "metric")},
		{playbook.Require{}, prop(rule, "require")},
		{playbook.Examples{}, def(pb, "examples")},
		{playbook.Channel{}, def(pb, "channel")},
		{playbook.Limits{}, prop(def(pb, "channel"), "limits")},
		{playbook.Scenario{}, def(pb, "scenario")},
		{playbook.Model{}, def(pb, "model")},
		{playbook.Feature{}, def(pb, "feature")},
		{playbook.Head{}, def(pb, "head")},
		{config.Config{}, cfg},
		{config.Override{}, prop(cfg, "overrides")["items"].(map[string]any)},
		{incident.Facts{}, facts},
	} {
		var fields []string
		for f := range reflect.TypeOf(tc.typ).Fields() {
			name, _, _ := strings.Cut(f.Tag.Get("yaml"), ",")
			if f.IsExported() && name != "-" && name != "" {
				fields = append(fields, name)
			}
		}
		var props []string
		for k := range tc.schema["properties"].(map[string]any) {
			props = append(props, k)
		}
		slices.Sort(fields)
		slices.Sort(props)
		if !slices.Equal(fields, props) {
			t.Errorf("%T: the model reads %v, the schema describes %v", tc.typ, fields, props)
		}
	}
}
