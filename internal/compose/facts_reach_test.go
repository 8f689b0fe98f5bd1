package compose

import (
	"fmt"
	"strings"
	"testing"

	"go.yaml.in/yaml/v3"

	"github.com/crisis-comms/crisis/internal/incident"
	"github.com/crisis-comms/crisis/playbook"
	"github.com/crisis-comms/crisis/templates"
)

// markerFacts gives every fact of a scenario a value that can be found in
// the output: a word for text, a distinct number, address or time for the
// others. The time markers are the times as the templates write them.
func markerFacts(pb *playbook.Playbook, sc *playbook.Scenario, stage string) (*incident.Facts, map[string]string) {
	m := map[string]any{"incident": "marker", "scenario": sc.ID, "stage": stage, "lang": pb.Lang}
	want := map[string]string{}
	for i, id := range sc.Facts {
		kind := "text"
		if fd := pb.Fact(id); fd != nil && fd.Kind != "" {
			kind = fd.Kind
		}
		var v, find string
		switch kind {
		case "time":
			v = fmt.Sprintf("2026-11-24T%02d:17:00+01:00", 10+i%10)
			find = fmt.Sprintf("%d:17", 10+i%10)
		case "url":
			v = "https://marker-" + strings.ReplaceAll(id, "_", "-") + ".example/x"
			find = strings.TrimPrefix(v, "https://")
		case "phone":
			v = fmt.Sprintf("0800 %03d %02d", 100+i, i)
			find = v
		case "email":
			v = strings.ReplaceAll(id, "_", "-") + "@marker.example"
			find = v
		default:
			find = "Marker" + strings.ReplaceAll(id, "_", "")
			v = find + " gilt"
		}
		m[id] = v
		want[id] = find
	}
	data, _ := yaml.Marshal(m)
	var f incident.Facts
	if err := yaml.Unmarshal(data, &f); err != nil {
		panic(err)
	}
	return &f, want
}

// TestEveryAskedFactIsUsed walks every scenario of both built-in playbooks
// and fails when a fact the draft asks for reaches none of the scenario's
// messages or is missing from the landing page. The short version is for
// the short channels only.
func TestEveryAskedFactIsUsed(t *testing.T) {
	for _, ref := range []string{"builtin:de", "builtin:en"} {
		pb, err := playbook.Load(ref)
		if err != nil {
			t.Fatal(err)
		}
		all := templates.BuiltinChannels(pb.Lang)
		for _, sc := range pb.Scenarios {
			for _, stage := range []string{incident.StageInitial, incident.StageUpdate} {
				facts, want := markerFacts(pb, &sc, stage)
				msgs, err := Render(pb, facts, all, now)
				if err != nil {
					t.Fatalf("%s %s %s: %v", ref, sc.ID, stage, err)
				}
				var anywhere strings.Builder
				landing := ""
				inScenario := map[string]bool{}
				for _, c := range sc.Channels {
					inScenario[c] = true
				}
				for _, msg := range msgs {
					if msg.Channel == "landing" {
						landing = msg.Text
					}
					if inScenario[msg.Channel] || msg.Channel == "landing" {
						anywhere.WriteString(msg.Text)
					}
				}
				for _, id := range sc.Facts {
					if !strings.Contains(anywhere.String(), want[id]) {
						t.Errorf("%s %s %s: fact %s (%q) reaches none of the messages %v", ref, sc.ID, stage, id, want[id], sc.Channels)
					}
					if id != "short" && id != "org" && !strings.Contains(landing, want[id]) {
						t.Errorf("%s %s %s: fact %s (%q) is not on the landing page", ref, sc.ID, stage, id, want[id])
					}
				}
			}
		}
	}
}
