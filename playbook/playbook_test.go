package playbook

import (
	"strings"
	"testing"
	"time"
)

func TestBuiltinsValidate(t *testing.T) {
	for _, name := range BuiltinNames() {
		pb, err := Load(name)
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		for _, id := range []string{"helpful", "authentic", "community", "anchor"} {
			if pb.Principle(id) == nil {
				t.Errorf("%s: principle %s missing", name, id)
			}
		}
		for _, id := range []string{"anchor.next-update", "anchor.contact"} {
			if pb.Rule(id) == nil {
				t.Errorf("%s: rule %s missing", name, id)
			}
		}
		for _, id := range []string{"sms", "email", "x", "linkedin", "facebook", "instagram", "whatsapp", "landing", "hotline", "letter"} {
			if pb.Channel(id) == nil {
				t.Errorf("%s: channel %s missing", name, id)
			}
		}
		for _, id := range []string{"it-outage", "payment-outage", "telecom-outage", "supply-chain-delay", "product-recall",
			"data-breach", "closure", "travel-disruption", "strike", "severe-weather"} {
			if pb.Scenario(id) == nil {
				t.Errorf("%s: scenario %s missing", name, id)
			}
		}
		tones := map[string]bool{}
		for _, r := range pb.Rules {
			tones[r.Tone] = true
		}
		if !tones["promotional"] || !tones["whiny"] {
			t.Errorf("%s: rules must cover the tones promotional and whiny, have %v", name, tones)
		}
	}
}

func TestParseErrors(t *testing.T) {
	head := "playbook: 1\nid: x\nprinciples:\n  - {id: p, title: P}\nlexicon:\n  g: {en: [word]}\n"
	rule := func(body string) string {
		return head + "rules:\n  - id: p.r\n    principle: p\n    tone: whiny\n    severity: warning\n    message: m\n" + body +
			"    examples: {bad: {en: [a]}, good: {en: [b]}}\n"
	}
	tests := []struct{ name, yaml, want string }{
		{"version missing", "id: x\n", "t.yaml:1:1: missing `playbook: 1`"},
		{"version wrong", "playbook: 2\nid: x\n", "t.yaml:1:11: schema version 2 is not supported"},
		{"not a mapping", "- a\n", "t.yaml:1:1: a playbook is a mapping"},
		{"no id", "playbook: 1\n", "t.yaml:1:1: missing `id:`"},
		{"two kinds", rule("    terms: [g]\n    pattern: x\n"), "t.yaml:8:5: rule p.r must have exactly one of"},
		{"no kind", rule(""), "rule p.r must have exactly one of terms, pattern, sentence, metric, require (it has 0)"},
		{"bad tone", strings.Replace(rule("    terms: [g]\n"), "tone: whiny", "tone: sad", 1), "t.yaml:10:11: rule p.r: tone \"sad\" is not one of"},
		{"bad severity", strings.Replace(rule("    terms: [g]\n"), "severity: warning", "severity: fatal", 1), "t.yaml:11:15: rule p.r: severity \"fatal\""},
		{"bad metric", rule("    metric: {name: loudness, max: 1}\n"), "t.yaml:13:20: rule p.r: metric \"loudness\""},
		{"bad element", rule("    require: {element: fax}\n"), "t.yaml:13:24: rule p.r: element \"fax\""},
		{"bad term", strings.Replace(head, "[word]", "[\"wo*rd\"]", 1), "t.yaml:6:12: lexicon group g (en): term \"wo*rd\" has * inside a word"},
		{"channel requires unknown rule", head + "channels:\n  - {id: sms, title: SMS, require: [anchor.nope]}\n", "t.yaml:8:37: channel sms requires unknown rule \"anchor.nope\""},
		{"scenario unknown channel", head + "scenarios:\n  - {id: s, title: S, facts: [], channels: [fax]}\n", "t.yaml:8:45: scenario s uses unknown channel \"fax\""},
		{"scenario unknown fact", head + "scenarios:\n  - {id: s, title: S, facts: [what], channels: []}\n", "t.yaml:8:31: scenario s asks for unknown fact \"what\""},
		{"bad cadence", head + "cadence: soon\n", "t.yaml:7:10: cadence \"soon\" is not a duration"},
		{"no examples", head + "rules:\n  - id: p.r\n    principle: p\n    tone: whiny\n    severity: warning\n    message: m\n    terms: [g]\n",
			"t.yaml:8:5: rule p.r needs examples"},
		{"extends missing", "playbook: 1\nid: x\nextends: builtin:fr\n", "extends builtin:fr: no built-in playbook \"builtin:fr\""},
		{"deep nesting", "playbook: 1\nid: x\nlexicon: " + strings.Repeat("[", 100) + strings.Repeat("]", 100) + "\n", "nested deeper than 64 levels"},
		{"binary", "playbook: 1\x00", "t.yaml:1:12: binary data"},
		{"invalid utf-8", "playbook: 1\nid: \xff\n", "t.yaml:2:5: invalid UTF-8"},
		{"duplicate key", "playbook: 1\nid: x\nid: y\n", "t.yaml:3:1: key \"id\" is already defined at line 2"},
		{"model unknown group", head + "model:\n  features:\n    - {id: f, title: F, all: [nope]}\n  heads: []\n", "t.yaml:8:3: model feature f: unknown lexicon group \"nope\""},
		{"model feature without kind", head + "model:\n  features:\n    - {id: f, title: F}\n  heads: []\n", "model: feature f must have exactly one of all, rule, tone"},
		{"model unknown actor", head + "model:\n  actors: [g, nope]\n  features: []\n  heads: []\n", "t.yaml:8:15: model: unknown lexicon group \"nope\""},
		{"model subject not an actor", head + "model:\n  features:\n    - {id: f, title: F, all: [g], subject: g}\n  heads: []\n",
			"model: feature f: subject \"g\" needs all: within a sentence and must be one of the model's actors"},
		{"model subject in the message", head + "model:\n  actors: [g]\n  features:\n    - {id: f, title: F, all: [g], within: message, subject: g}\n  heads: []\n",
			"model: feature f: subject \"g\" needs all: within a sentence"},
		{"model share of a rule", head + "model:\n  features:\n    - {id: f, title: F, tone: whiny, share: true}\n  heads: []\n",
			"model: feature f: share counts sentences, so it needs all: within a sentence"},
		{"model severity of groups", head + "model:\n  features:\n    - {id: f, title: F, all: [g], severity: info}\n  heads: []\n",
			"model: feature f: severity \"info\" needs rule: or tone:"},
		{"model unknown severity", head + "model:\n  features:\n    - {id: f, title: F, tone: whiny, severity: hint}\n  heads: []\n",
			"model: feature f: severity \"hint\" needs rule: or tone: and is one of error, warning, info"},
		{"model unknown weight", head + "model:\n  features:\n    - {id: f, title: F, all: [g]}\n  heads:\n    - {id: p.h, principle: p, tone: whiny, severity: warning, message: m, threshold: 0.5, bias: 0, weights: {x: 1}, examples: {bad: {en: [a]}, good: {en: [b]}}}\n",
			"model head p.h weighs unknown feature \"x\""},
		{"bad strength", rule("    terms: [g]\n    strength: mild\n"), "rule p.r: strength \"mild\" is not one of strong, weak"},
		{"weighing unknown group", head + "weighing:\n  tones: [whiny]\n  min: 1\n  message: m\n  signals:\n    - {id: s, title: S, groups: [nope]}\n",
			"weighing signal s: unknown lexicon group \"nope\""},
		{"weighing unknown tone", head + "weighing:\n  tones: [sad]\n  min: 1\n  message: m\n  signals:\n    - {id: s, title: S, groups: [g]}\n",
			"weighing: tone \"sad\" is not one of promotional, whiny"},
		{"weighing min above signals", head + "weighing:\n  tones: [whiny]\n  min: 2\n  message: m\n  signals:\n    - {id: s, title: S, groups: [g]}\n",
			"weighing: min must be between 1 and the number of signals (1)"},
		{"weighing min_weak above min", head + "weighing:\n  tones: [whiny]\n  min: 1\n  min_weak: 2\n  message: m\n  signals:\n    - {id: s, title: S, groups: [g]}\n",
			"weighing: min_weak cannot be negative or above min (1)"},
		{"weighing signal of a rule that requires nothing", rule("    terms: [g]\n") + "weighing:\n  tones: [whiny]\n  min: 1\n  message: m\n  signals:\n    - {id: s, title: S, rule: p.r}\n",
			"weighing: signal s: rule \"p.r\" is not a require rule of this playbook"},
		{"weighing signal with groups and rule", head + "weighing:\n  tones: [whiny]\n  min: 1\n  message: m\n  signals:\n    - {id: s, title: S, groups: [g], rule: p.r}\n",
			"weighing: signal s must have exactly one of groups, rule"},
		{"weighing without message", head + "weighing:\n  tones: [whiny]\n  min: 1\n  signals:\n    - {id: s, title: S, groups: [g]}\n",
			"weighing: a message is needed"},
		{"model threshold", head + "model:\n  features: []\n  heads:\n    - {id: p.h, principle: p, tone: whiny, severity: warning, message: m, threshold: 1.5, bias: 0, weights: {}, examples: {bad: {en: [a]}, good: {en: [b]}}}\n",
			"model head p.h: threshold 1.5 must lie between 0 and 1"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			_, err := Parse("t.yaml", []byte(tc.yaml))
			if err == nil {
				t.Fatalf("no error, want %q", tc.want)
			}
			if !strings.Contains(err.Error(), tc.want) {
				t.Errorf("error %q\nwant it to contain %q", err, tc.want)
			}
		})
	}
}

func TestExtendsOverride(t *testing.T) {
	src := `playbook: 1
id: team
extends: builtin:en
cadence: 1h
lexicon:
  team-sales: {en: [megadeal]}
rules:
  - id: anchor.contact
    disabled: true
  - id: team.megadeal
    principle: helpful
    tone: promotional
    severity: error
    message: No megadeals in a crisis.
    terms: [team-sales]
    examples: {bad: {en: ["Grab a megadeal."]}, good: {en: ["We are sorry."]}}
`
	pb, err := Parse("team.yaml", []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	base, _ := Load("builtin:en")
	if pb.ID != "team" || pb.Cadence != "1h" {
		t.Errorf("id/cadence not overridden: %s %s", pb.ID, pb.Cadence)
	}
	if r := pb.Rule("anchor.contact"); r == nil || !r.Disabled || r.Kind() != "require" {
		t.Errorf("disabled override should keep the base rule, switched off: %+v", r)
	}
	if pb.Rule("team.megadeal") == nil || len(pb.Rules) != len(base.Rules)+1 {
		t.Errorf("rules: got %d, want %d", len(pb.Rules), len(base.Rules)+1)
	}
	if len(pb.Channels) != len(base.Channels) || len(pb.Scenarios) != len(base.Scenarios) {
		t.Error("channels and scenarios must be inherited")
	}
	if d, _ := time.ParseDuration(pb.Cadence); d != time.Hour {
		t.Error("cadence")
	}
}

func TestExtendsCycle(t *testing.T) {
	dir := t.TempDir()
	write := func(name, body string) {
		if err := writeFile(dir+"/"+name, body); err != nil {
			t.Fatal(err)
		}
	}
	write("a.yaml", "playbook: 1\nid: a\nextends: b.yaml\n")
	write("b.yaml", "playbook: 1\nid: b\nextends: a.yaml\n")
	_, err := Load(dir + "/a.yaml")
	if err == nil || !strings.Contains(err.Error(), "cycle") {
		t.Fatalf("want a cycle error, got %v", err)
	}
}

func FuzzParse(f *testing.F) {
	f.Add([]byte("playbook: 1\nid: x\n"))
	de, _ := BuiltinSource("builtin:de")
	f.Add(de)
	f.Add([]byte("a: &a [*a]\n"))
	f.Add([]byte("playbook: 1\nid: x\nextends: builtin:en\nrules: [{id: a}]\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		pb, err := Parse("fuzz.yaml", data)
		if err == nil && pb == nil {
			t.Fatal("nil playbook without error")
		}
		if err != nil && err.Error() == "" {
			t.Fatal("empty error")
		}
	})
}
