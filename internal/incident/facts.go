// Package incident models one incident on disk: a directory with one
// subdirectory per update, each holding that update's facts.yaml and its
// channel messages.
package incident

import (
	"fmt"
	"github.com/crisis-comms/crisis/internal/readfile"
	"sort"
	"time"

	"github.com/crisis-comms/crisis/internal/yamlfile"
)

// Stages of an incident, in the order they usually happen.
const (
	StageInitial  = "initial"
	StageUpdate   = "update"
	StageResolved = "resolved"
	StageFollowup = "followup"
)

// Stages lists the valid stages in order.
var Stages = []string{StageInitial, StageUpdate, StageResolved, StageFollowup}

// Facts is one update of one incident: what is known, what is done, and how
// people get help. Scenario-specific facts (a product name, a batch number)
// go to Extra.
type Facts struct {
	Incident string `yaml:"incident" json:"incident"`
	Playbook string `yaml:"playbook,omitempty" json:"playbook,omitempty"`
	Scenario string `yaml:"scenario,omitempty" json:"scenario,omitempty"`
	Stage    string `yaml:"stage" json:"stage"`
	Lang     string `yaml:"lang,omitempty" json:"lang,omitempty"`
	Org      string `yaml:"org,omitempty" json:"org,omitempty"`
	// Time is when this update is issued; defaults to the update directory's name.
	Time     string `yaml:"time,omitempty" json:"time,omitempty"`
	Headline string `yaml:"headline,omitempty" json:"headline,omitempty"`

	What       string `yaml:"what,omitempty" json:"what,omitempty"`             // what happened, confirmed facts
	Impact     string `yaml:"impact,omitempty" json:"impact,omitempty"`         // what is reduced, for whom
	Affected   string `yaml:"affected,omitempty" json:"affected,omitempty"`     // who is affected
	Actions    string `yaml:"actions,omitempty" json:"actions,omitempty"`       // what is being done
	Who        string `yaml:"who,omitempty" json:"who,omitempty"`               // who is working on it
	Unknown    string `yaml:"unknown,omitempty" json:"unknown,omitempty"`       // what is not yet known
	Help       string `yaml:"help,omitempty" json:"help,omitempty"`             // what people can do now
	Empathy    string `yaml:"empathy,omitempty" json:"empathy,omitempty"`       // acknowledging how it affects people
	Background string `yaml:"background,omitempty" json:"background,omitempty"` // background in plain words
	Prevention string `yaml:"prevention,omitempty" json:"prevention,omitempty"` // how recurrence is prevented
	Remedy     string `yaml:"remedy,omitempty" json:"remedy,omitempty"`         // how damage is made good (follow-up)

	NextUpdate  string `yaml:"next_update,omitempty" json:"next_update,omitempty"` // RFC 3339
	LandingPage string `yaml:"landing_page,omitempty" json:"landing_page,omitempty"`
	Hotline     string `yaml:"hotline,omitempty" json:"hotline,omitempty"`
	Email       string `yaml:"email,omitempty" json:"email,omitempty"`
	Signature   string `yaml:"signature,omitempty" json:"signature,omitempty"`

	Channels []string `yaml:"channels,omitempty" json:"channels,omitempty"`

	Extra map[string]string `yaml:",inline" json:"extra,omitempty"`
}

// LoadFacts reads and checks a facts file.
func LoadFacts(path string) (*Facts, error) {
	data, err := readfile.Read(path, readfile.Facts)
	if err != nil {
		return nil, err
	}
	return ParseFacts(path, data)
}

// ParseFacts decodes facts strictly and checks stage and times.
func ParseFacts(name string, data []byte) (*Facts, error) {
	var f Facts
	if err := yamlfile.Decode(name, data, &f); err != nil {
		return nil, err
	}
	if err := f.Validate(); err != nil {
		return nil, &yamlfile.Error{File: name, Msg: err.Error()}
	}
	return &f, nil
}

// Validate checks the fields whose form matters to other tools.
func (f *Facts) Validate() error {
	if f.Stage != "" && !validStage(f.Stage) {
		return fmt.Errorf("stage %q is not one of initial, update, resolved, followup", f.Stage)
	}
	for name, v := range map[string]string{"time": f.Time, "next_update": f.NextUpdate} {
		if v == "" {
			continue
		}
		if _, err := time.Parse(time.RFC3339, v); err != nil {
			return fmt.Errorf("%s %q is not an RFC 3339 time such as 2026-11-23T15:00:00+01:00", name, v)
		}
	}
	return nil
}

func validStage(s string) bool {
	for _, v := range Stages {
		if v == s {
			return true
		}
	}
	return false
}

// Map returns the facts as a template-friendly map: every named field under
// its YAML key, plus the extra facts. Empty fields are present as "".
func (f *Facts) Map() map[string]any {
	m := map[string]any{
		"incident": f.Incident, "playbook": f.Playbook, "scenario": f.Scenario,
		"stage": f.Stage, "lang": f.Lang, "org": f.Org, "time": f.Time, "headline": f.Headline,
		"what": f.What, "impact": f.Impact, "affected": f.Affected, "actions": f.Actions,
		"who": f.Who, "unknown": f.Unknown, "help": f.Help, "empathy": f.Empathy,
		"background": f.Background, "prevention": f.Prevention, "remedy": f.Remedy,
		"next_update": f.NextUpdate, "landing_page": f.LandingPage, "hotline": f.Hotline,
		"email": f.Email, "signature": f.Signature,
	}
	ch := append([]string(nil), f.Channels...)
	m["channels"] = ch
	keys := make([]string, 0, len(f.Extra))
	for k := range f.Extra {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		if _, taken := m[k]; !taken {
			m[k] = f.Extra[k]
		}
	}
	return m
}
