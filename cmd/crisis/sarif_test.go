package main

import (
	"bytes"
	"encoding/json"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/santhosh-tekuri/jsonschema/v6"

	"github.com/crisis-comms/crisis/playbook"
)

// sarifDoc is the part of a SARIF log that GitHub code scanning reads.
type sarifDoc struct {
	Schema  string `json:"$schema"`
	Version string `json:"version"`
	Runs    []struct {
		Tool struct {
			Driver struct {
				Name            string `json:"name"`
				Version         string `json:"version"`
				SemanticVersion string `json:"semanticVersion"`
				Rules           []struct {
					ID               string         `json:"id"`
					Name             string         `json:"name"`
					ShortDescription *sarifTextDoc  `json:"shortDescription"`
					FullDescription  *sarifTextDoc  `json:"fullDescription"`
					Help             *sarifTextDoc  `json:"help"`
					HelpURI          string         `json:"helpUri"`
					Properties       map[string]any `json:"properties"`
				} `json:"rules"`
			} `json:"driver"`
		} `json:"tool"`
		Results []struct {
			RuleID              string            `json:"ruleId"`
			RuleIndex           int               `json:"ruleIndex"`
			Level               string            `json:"level"`
			Message             sarifTextDoc      `json:"message"`
			PartialFingerprints map[string]string `json:"partialFingerprints"`
			Locations           []struct {
				PhysicalLocation struct {
					ArtifactLocation struct {
						URI       string `json:"uri"`
						URIBaseID string `json:"uriBaseId"`
					} `json:"artifactLocation"`
					Region *struct {
						StartLine int `json:"startLine"`
					} `json:"region"`
				} `json:"physicalLocation"`
			} `json:"locations"`
		} `json:"results"`
	} `json:"runs"`
}

type sarifTextDoc struct {
	Text     string `json:"text"`
	Markdown string `json:"markdown"`
}

// checkGitHubSARIF asserts what GitHub code scanning requires of an
// upload (docs.github.com, "SARIF support for code scanning", and the
// GitHub rules of the SARIF Multitool, GH1001–GH1007 and GH2012) and
// returns the log.
func checkGitHubSARIF(t *testing.T, data []byte) *sarifDoc {
	t.Helper()
	var doc sarifDoc
	if err := json.Unmarshal(data, &doc); err != nil {
		t.Fatal(err)
	}
	if doc.Version != "2.1.0" || len(doc.Runs) != 1 {
		t.Fatalf("version %q with %d runs, want 2.1.0 with one run", doc.Version, len(doc.Runs))
	}
	run := doc.Runs[0]
	d := run.Tool.Driver
	if d.Name == "" {
		t.Error("tool.driver.name is empty")
	}
	// SARIF2005: a version that starts with a digit, so versions compare.
	if !regexp.MustCompile(`^\d`).MatchString(d.Version) || d.SemanticVersion == "" {
		t.Errorf("driver version %q, semanticVersion %q: want a numeric semantic version", d.Version, d.SemanticVersion)
	}
	if len(d.Rules) > 25000 || len(run.Results) > 25000 {
		t.Errorf("%d rules and %d results: GitHub takes at most 25 000 of each per run", len(d.Rules), len(run.Results))
	}
	ids := map[string]int{}
	for i, r := range d.Rules {
		if _, dup := ids[r.ID]; dup {
			t.Errorf("rule %s listed twice", r.ID)
		}
		ids[r.ID] = i
		// GH2012: fullDescription and help are required; code scanning
		// shows shortDescription as the alert's title and help under it.
		switch {
		case r.Name == "" || r.Name == r.ID:
			t.Errorf("rule %s: name %q, want a friendly name", r.ID, r.Name)
		case r.ShortDescription == nil || r.ShortDescription.Text == "" || len(r.ShortDescription.Text) > 1024:
			t.Errorf("rule %s: shortDescription missing or over 1024 bytes", r.ID)
		case r.FullDescription == nil || r.FullDescription.Text == "" || len(r.FullDescription.Text) > 1024:
			t.Errorf("rule %s: fullDescription missing or over 1024 bytes", r.ID)
		case r.Help == nil || r.Help.Text == "" || r.Help.Markdown == "":
			t.Errorf("rule %s: help needs text and markdown", r.ID)
		case !strings.HasPrefix(r.HelpURI, "https://"):
			t.Errorf("rule %s: helpUri %q", r.ID, r.HelpURI)
		}
		if tags, _ := r.Properties["tags"].([]any); len(tags) > 20 {
			t.Errorf("rule %s: %d tags, GitHub reads at most 20", r.ID, len(tags))
		}
	}
	for _, res := range run.Results {
		i, ok := ids[res.RuleID]
		switch {
		case !ok || i != res.RuleIndex:
			t.Errorf("result of %s: ruleIndex %d does not point to its rule", res.RuleID, res.RuleIndex)
		case res.Message.Text == "": // GH1007
			t.Errorf("result of %s has no message text", res.RuleID)
		case len(res.Locations) == 0 || len(res.Locations) > 1000: // GH1001
			t.Errorf("result of %s: %d locations", res.RuleID, len(res.Locations))
		case len(res.PartialFingerprints) == 0:
			t.Errorf("result of %s has no partialFingerprints", res.RuleID)
		}
		for _, loc := range res.Locations {
			pl := loc.PhysicalLocation
			// GH1005: relative URIs against %SRCROOT%, the checkout.
			if pl.ArtifactLocation.URI == "" || strings.Contains(pl.ArtifactLocation.URI, "://") || pl.ArtifactLocation.URIBaseID != "%SRCROOT%" {
				t.Errorf("result of %s: location %+v is not relative to the checkout", res.RuleID, pl.ArtifactLocation)
			}
			if pl.Region == nil || pl.Region.StartLine < 1 { // GH1003
				t.Errorf("result of %s: region without startLine", res.RuleID)
			}
		}
	}
	return &doc
}

func compileSARIFSchema(t *testing.T) *jsonschema.Schema {
	t.Helper()
	f, err := os.Open("../../internal/report/testdata/sarif-schema-2.1.0.json")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	doc, err := jsonschema.UnmarshalJSON(f)
	if err != nil {
		t.Fatal(err)
	}
	c := jsonschema.NewCompiler()
	c.AssertFormat()
	const id = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
	if err := c.AddResource(id, doc); err != nil {
		t.Fatal(err)
	}
	s, err := c.Compile(id)
	if err != nil {
		t.Fatal(err)
	}
	return s
}

func validateJSON(s *jsonschema.Schema, data []byte) error {
	v, err := jsonschema.UnmarshalJSON(bytes.NewReader(data))
	if err != nil {
		return err
	}
	return s.Validate(v)
}

// sarifTree writes a small repository of messages: German and English,
// clean and dirty.
func sarifTree(t *testing.T) string {
	dir := t.TempDir()
	for name, text := range map[string]string{
		"clean/de/sms.txt":   "---\nlang: de\n---\nStadtwerke: Die Kartenzahlung ist gestört, bar zahlen geht. Nächstes Update um 15:00 Uhr: stadtwerke.example.de/status\n",
		"dirty/de/sms.txt":   "---\nlang: de\n---\nNur heute 20 % Rabatt mit Code SORRY20! Wir sind völlig überfordert.\n",
		"dirty/en/x.md":      "---\nlang: en\n---\nShop now and save 20% with code SORRY20! We are completely overwhelmed.\n",
		"dirty/de/email.md":  "---\nlang: de\n---\nBetreff: Störung\n\nWir sind völlig überfordert. Nur heute 20 % Rabatt!\n",
		"dirty/de/notes.txt": "Nur heute 20 % Rabatt! Jetzt zuschlagen!\n",
	} {
		p := filepath.Join(dir, name)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

func lintSARIF(t *testing.T, dir string, args ...string) []byte {
	t.Helper()
	t.Chdir(dir)
	var out, errb bytes.Buffer
	code := run(append([]string{"lint", "--format", "sarif"}, args...), strings.NewReader(""), &out, &errb)
	if code > exitFindings {
		t.Fatalf("lint %v: exit %d: %s", args, code, errb.String())
	}
	return out.Bytes()
}

// TestSARIFCodeScanning: the SARIF of a clean and of a dirty run passes
// the OASIS schema and GitHub's rules, with the same rule list: every rule
// of the playbooks used.
func TestSARIFCodeScanning(t *testing.T) {
	dir := sarifTree(t)
	schema := compileSARIFSchema(t)
	clean := lintSARIF(t, dir, "clean/de")
	dirty := lintSARIF(t, dir, "dirty/de")
	for name, data := range map[string][]byte{"clean": clean, "dirty": dirty} {
		if err := validateJSON(schema, data); err != nil {
			t.Fatalf("%s run does not validate against SARIF 2.1.0: %v", name, err)
		}
	}
	c, d := checkGitHubSARIF(t, clean), checkGitHubSARIF(t, dirty)
	if len(c.Runs[0].Results) != 0 || len(d.Runs[0].Results) < 3 {
		t.Fatalf("clean run: %d results, dirty run: %d; the fixture is off", len(c.Runs[0].Results), len(d.Runs[0].Results))
	}
	ruleIDs := func(doc *sarifDoc) []string {
		var ids []string
		for _, r := range doc.Runs[0].Tool.Driver.Rules {
			ids = append(ids, r.ID)
		}
		return ids
	}
	if !slices.Equal(ruleIDs(c), ruleIDs(d)) {
		t.Errorf("clean and dirty runs list different rules:\n%v\n%v", ruleIDs(c), ruleIDs(d))
	}
	pb, err := playbook.Load("builtin:de")
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range pb.Rules {
		if !slices.Contains(ruleIDs(c), r.ID) {
			t.Errorf("rule %s of builtin:de is not listed", r.ID)
		}
	}
	// German messages: German rule descriptions.
	if h := c.Runs[0].Tool.Driver.Rules[0].Help.Markdown; !strings.Contains(h, "**Warum:**") {
		t.Errorf("help of a German run is not German:\n%s", h)
	}
	// Both languages: one rule per id, described in both.
	both := checkGitHubSARIF(t, lintSARIF(t, dir, "dirty"))
	if !slices.Equal(ruleIDs(both), ruleIDs(c)) {
		t.Errorf("German and English run lists other rules than the German one")
	}
	if h := both.Runs[0].Tool.Driver.Rules[0].Help.Markdown; !strings.Contains(h, "### Deutsch") || !strings.Contains(h, "### English") {
		t.Errorf("help of a German and English run lacks a language:\n%s", h)
	}
	// The same input gives the same bytes.
	if again := lintSARIF(t, dir, "dirty/de"); !bytes.Equal(again, dirty) {
		t.Error("two runs over the same files differ")
	}
}

// TestSARIFFingerprints: a finding keeps its fingerprint when lines are
// added above it, and two equal findings in a file get different ones.
func TestSARIFFingerprints(t *testing.T) {
	dir := t.TempDir()
	p := filepath.Join(dir, "sms.txt")
	body := "Wir sind völlig überfordert.\nNur heute 20 % Rabatt!\nNur heute 20 % Rabatt!\n"
	fingerprints := func() map[string]int {
		doc := checkGitHubSARIF(t, lintSARIF(t, dir, "sms.txt"))
		fps := map[string]int{}
		for _, r := range doc.Runs[0].Results {
			fps[r.PartialFingerprints["crisisFinding/v1"]]++
		}
		return fps
	}
	if err := os.WriteFile(p, []byte("---\nlang: de\n---\n"+body), 0o644); err != nil {
		t.Fatal(err)
	}
	before := fingerprints()
	for fp, n := range before {
		if n != 1 {
			t.Errorf("fingerprint %s given to %d findings", fp, n)
		}
	}
	if err := os.WriteFile(p, []byte("---\nlang: de\nchannel: sms\n---\n\nStadtwerke Musterstadt.\n\n"+body), 0o644); err != nil {
		t.Fatal(err)
	}
	after := fingerprints()
	kept := 0
	for fp := range before {
		if after[fp] > 0 {
			kept++
		}
	}
	if kept < 3 {
		t.Errorf("only %d of %d fingerprints survive lines added above:\nbefore %v\nafter %v", kept, len(before), before, after)
	}
}

// TestSARIFMultitool runs Microsoft's SARIF Multitool with the GitHub rule
// set over a clean and a dirty report (npm install -g
// @microsoft/sarif-multitool; .ci/run does and sets SARIF_MULTITOOL to
// the platform's binary). Any error or warning fails.
func TestSARIFMultitool(t *testing.T) {
	// The npm command runs the binary through a shell, which would split
	// the rule kinds at the ";"; the binary itself takes them as they are.
	tool, ruleKinds := os.Getenv("SARIF_MULTITOOL"), "Gh;Sarif"
	if tool == "" {
		var err error
		if tool, err = exec.LookPath("sarif-multitool"); err != nil {
			if os.Getenv("CI") == "true" {
				t.Fatal("sarif-multitool is not installed; .ci/run installs it from npm")
			}
			t.Skip("sarif-multitool not found (npm install -g @microsoft/sarif-multitool, or set SARIF_MULTITOOL)")
		}
		ruleKinds = "'Gh;Sarif'"
	}
	dir := sarifTree(t)
	var files []string
	for _, sub := range []string{"clean/de", "dirty"} {
		f := filepath.Join(dir, strings.ReplaceAll(sub, "/", "-")+".sarif")
		if err := os.WriteFile(f, lintSARIF(t, dir, sub), 0o644); err != nil {
			t.Fatal(err)
		}
		files = append(files, f)
	}
	out := filepath.Join(dir, "validation.sarif")
	cmd := exec.Command(tool, append([]string{"validate", "--rule-kind", ruleKinds, "--log", "ForceOverwrite", "-o", out}, files...)...)
	msg, err := cmd.CombinedOutput()
	var ee *exec.ExitError
	if err != nil && !errors.As(err, &ee) {
		t.Fatal(err)
	}
	data, rerr := os.ReadFile(out)
	if rerr != nil {
		t.Fatalf("no validation log: %v\n%s", rerr, msg)
	}
	var log struct {
		Runs []struct {
			Results []struct {
				RuleID  string `json:"ruleId"`
				Level   string `json:"level"`
				Message struct {
					Text      string   `json:"text"`
					ID        string   `json:"id"`
					Arguments []string `json:"arguments"`
				} `json:"message"`
			} `json:"results"`
		} `json:"runs"`
	}
	if err := json.Unmarshal(data, &log); err != nil {
		t.Fatal(err)
	}
	for _, r := range log.Runs {
		for _, res := range r.Results {
			if res.Level == "error" || res.Level == "warning" || res.Level == "" {
				t.Errorf("%s %s: %s %v", res.Level, res.RuleID, res.Message.Text+res.Message.ID, res.Message.Arguments)
			}
		}
	}
	if err != nil {
		t.Errorf("sarif-multitool failed: %v\n%s", err, msg)
	}
}
