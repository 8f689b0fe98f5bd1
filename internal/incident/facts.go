// Package incident models one incident on disk: a directory with one
// subdirectory per update, each holding that update's facts.yaml and its
// channel messages.
package incident

import (
	"fmt"
	"sort"
	"time"

	"github.com/crisis-comms/crisis/internal/readfile"
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
// go to Extra; templates show them as the update's details.
type Facts struct {
	Incident string `yaml:"incident" json:"incident"`
	Playbook string `yaml:"playbook,omitempty" json:"playbook,omitempty"`
	Scenario string `yaml:"scenario,omitempty" json:"scenario,omitempty"`
	Stage    string `yaml:"stage" json:"stage"`
	Lang     string `yaml:"lang,omitempty" json:"lang,omitempty"`
	Org      string `yaml:"org,omitempty" json:"org,omitempty"`
	// Time is when this update is issued; defaults to the update directory's name.
	Time string `yaml:"time,omitempty" json:"time,omitempty"`
	// Timezone is the IANA zone of times written without an offset
	// (2026-11-23 15:00); empty means the machine's.
	Timezone string `yaml:"timezone,omitempty" json:"timezone,omitempty"`
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

	Short        string `yaml:"short,omitempty" json:"short,omitempty"`                 // the news in one sentence, for SMS and X
	Safety       string `yaml:"safety,omitempty" json:"safety,omitempty"`               // what to do or avoid to stay safe
	Alternatives string `yaml:"alternatives,omitempty" json:"alternatives,omitempty"`   // what works instead
	ETA          string `yaml:"eta,omitempty" json:"eta,omitempty"`                     // when it is expected to end
	Rights       string `yaml:"rights,omitempty" json:"rights,omitempty"`               // refunds, passenger and consumer rights
	HotlineHours string `yaml:"hotline_hours,omitempty" json:"hotline_hours,omitempty"` // when the hotline answers

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

// ParseFacts decodes facts strictly and checks stage and times. Times may
// be written as people write them (see ParseTime); they are returned in
// RFC 3339. Errors name the file and the line:col of the value. Times
// without an offset are in the facts' timezone, else the machine's.
func ParseFacts(name string, data []byte) (*Facts, error) {
	return ParseFactsIn(name, data, time.Local)
}

// LoadFactsIn is LoadFacts with loc as the zone of times without an
// offset when the facts name no timezone (a playbook's timezone:).
func LoadFactsIn(path string, loc *time.Location) (*Facts, error) {
	data, err := readfile.Read(path, readfile.Facts)
	if err != nil {
		return nil, err
	}
	return ParseFactsIn(path, data, loc)
}

// ParseFactsIn is ParseFacts with loc as the default zone.
func ParseFactsIn(name string, data []byte, defaultLoc *time.Location) (*Facts, error) {
	var f Facts
	if err := yamlfile.Decode(name, data, &f); err != nil {
		return nil, err
	}
	at := func(key string, err error) error {
		e := &yamlfile.Error{File: name, Msg: err.Error()}
		if doc, perr := yamlfile.Parse(name, data); perr == nil {
			e.Line, e.Column = yamlfile.ValuePos(doc, key)
		}
		return e
	}
	loc, err := Location(f.Timezone, defaultLoc)
	if err != nil {
		return nil, at("timezone", err)
	}
	for _, t := range []struct {
		key string
		v   *string
	}{{"time", &f.Time}, {"next_update", &f.NextUpdate}} {
		if *t.v == "" {
			continue
		}
		tm, err := ParseTime(*t.v, loc)
		if err != nil {
			return nil, at(t.key, fmt.Errorf("%s: %w", t.key, err))
		}
		*t.v = tm.Format(time.RFC3339)
	}
	if err := f.Validate(); err != nil {
		return nil, at("stage", err)
	}
	return &f, nil
}

// KeyPos returns the line and column of key's value in the facts file at
// path, 0, 0 when it cannot tell.
func KeyPos(path, key string) (line, col int) {
	data, err := readfile.Read(path, readfile.Facts)
	if err != nil {
		return 0, 0
	}
	doc, err := yamlfile.Parse(path, data)
	if err != nil {
		return 0, 0
	}
	return yamlfile.ValuePos(doc, key)
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
		"short": f.Short, "safety": f.Safety, "alternatives": f.Alternatives, "eta": f.ETA,
		"rights": f.Rights, "hotline_hours": f.HotlineHours,
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
