// Package kit reads a crisis kit: the directory a team prepares before
// anything happens — kit.yaml (organisation, playbooks, roles, processors,
// drills), contacts.csv (the contact register with consent per channel) and
// holding/SCENARIO.yaml (a prepared holding statement per scenario).
//
// The contact register holds personal data. This package reads it into
// counts only; no name, address or number ever leaves Load.
package kit

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strings"
	"time"

	"go.yaml.in/yaml/v3"

	"github.com/crisis-comms/crisis/internal/readfile"
	"github.com/crisis-comms/crisis/internal/yamlfile"
)

// File names inside a kit directory.
const (
	KitFile      = "kit.yaml"
	ContactsFile = "contacts.csv"
	HoldingDir   = "holding"
	DrillsDir    = "drills"
)

// Defaults for the policy fields of kit.yaml.
const (
	DefaultConsentMaxAgeDays = 730 // consents older than two years are re-confirmed
	DefaultMinConsentShare   = 0.5 // a channel a scenario relies on reaches at least half
	DefaultCadence           = 60 * time.Minute
	DrillMaxAge              = 365 * 24 * time.Hour
	FirstDrillGrace          = 90 * 24 * time.Hour
)

// Kit is kit.yaml.
type Kit struct {
	Version     int         `yaml:"kit"`
	Org         string      `yaml:"org"`
	Playbooks   []string    `yaml:"playbooks,omitempty"`
	Languages   []string    `yaml:"languages,omitempty"`
	Scenarios   []string    `yaml:"scenarios,omitempty"`
	LandingPage string      `yaml:"landing_page,omitempty"`
	Hotline     Hotline     `yaml:"hotline,omitempty"`
	Cadence     string      `yaml:"cadence,omitempty"`
	Roles       []Role      `yaml:"roles,omitempty"`
	Processors  []Processor `yaml:"processors,omitempty"`
	Consent     Consent     `yaml:"consent,omitempty"`
	Created     string      `yaml:"created,omitempty"`
	LastDrill   string      `yaml:"last_drill,omitempty"`

	// Dir is the kit directory; File the path of kit.yaml.
	Dir  string `yaml:"-"`
	File string `yaml:"-"`
	root *yaml.Node
}

// Hotline is the number people call, and when someone answers.
type Hotline struct {
	Number string `yaml:"number,omitempty"`
	Hours  string `yaml:"hours,omitempty"`
}

// Role is one job in the crisis team.
type Role struct {
	ID         string `yaml:"id"`
	Title      string `yaml:"title,omitempty"`
	Person     string `yaml:"person,omitempty"`
	Deputy     string `yaml:"deputy,omitempty"`
	OutOfHours string `yaml:"out_of_hours,omitempty"`
}

// Processor is a service that sends messages on the team's behalf and so
// processes contact data.
type Processor struct {
	Name         string   `yaml:"name"`
	Channels     []string `yaml:"channels,omitempty"`
	DPA          bool     `yaml:"dpa"`
	DPASince     string   `yaml:"dpa_since,omitempty"`
	DataRequests string   `yaml:"data_requests,omitempty"`
}

// Consent is the kit's consent policy.
type Consent struct {
	MaxAgeDays int     `yaml:"max_age_days,omitempty"`
	MinShare   float64 `yaml:"min_share,omitempty"`
}

// Role ids the audit looks for.
const (
	RoleDraft   = "draft"
	RoleApprove = "approve"
)

// DirectChannels reach one person each and so need that person's consent;
// broadcast channels (x, landing, facebook, …) do not.
var DirectChannels = []string{"sms", "email", "whatsapp"}

// Load reads dir/kit.yaml strictly.
func Load(dir string) (*Kit, error) {
	file := filepath.Join(dir, KitFile)
	data, err := readfile.Read(file, readfile.Kit)
	if err != nil {
		return nil, err
	}
	k, err := Parse(file, data)
	if err != nil {
		return nil, err
	}
	k.Dir = dir
	return k, nil
}

// Parse decodes and checks kit.yaml.
func Parse(file string, data []byte) (*Kit, error) {
	root, err := yamlfile.Parse(file, data)
	if err != nil {
		return nil, err
	}
	if root == nil {
		return nil, &yamlfile.Error{File: file, Msg: "empty file: a kit.yaml needs at least kit: 1 and org:"}
	}
	var k Kit
	if err := yamlfile.DecodeNode(file, root, &k); err != nil {
		return nil, err
	}
	k.File, k.root = file, root
	if err := k.validate(); err != nil {
		return nil, err
	}
	return &k, nil
}

func (k *Kit) errAt(msg string, path ...any) error {
	n := lookup(k.root, path...)
	e := &yamlfile.Error{File: k.File, Msg: msg}
	if n != nil {
		e.Line, e.Column = n.Line, n.Column
	}
	return e
}

func (k *Kit) validate() error {
	if k.Version != 1 {
		return k.errAt(fmt.Sprintf("kit: %d is not a version this crisis reads; write kit: 1", k.Version), "kit")
	}
	if strings.TrimSpace(k.Org) == "" {
		return k.errAt("org is empty: name the organisation", "org")
	}
	if k.Cadence != "" {
		if d, err := time.ParseDuration(k.Cadence); err != nil || d <= 0 {
			return k.errAt(fmt.Sprintf("cadence %q is not a duration such as 60m or 2h", k.Cadence), "cadence")
		}
	}
	for _, f := range []struct {
		v    string
		name string
		path []any
	}{{k.Created, "created", []any{"created"}}, {k.LastDrill, "last_drill", []any{"last_drill"}}} {
		if f.v == "" {
			continue
		}
		if _, err := ParseDate(f.v); err != nil {
			return k.errAt(fmt.Sprintf("%s %q is not a date such as 2026-03-14", f.name, f.v), f.path...)
		}
	}
	for i, p := range k.Processors {
		if p.DPASince == "" {
			continue
		}
		if _, err := ParseDate(p.DPASince); err != nil {
			return k.errAt(fmt.Sprintf("dpa_since %q is not a date such as 2026-03-14", p.DPASince), "processors", i, "dpa_since")
		}
	}
	seen := map[string]bool{}
	for i, r := range k.Roles {
		if r.ID == "" {
			return k.errAt("a role needs an id (draft, approve, …)", "roles", i)
		}
		if seen[r.ID] {
			return k.errAt(fmt.Sprintf("role %q is listed twice", r.ID), "roles", i, "id")
		}
		seen[r.ID] = true
	}
	if k.Consent.MinShare < 0 || k.Consent.MinShare > 1 {
		return k.errAt("consent.min_share is a share between 0 and 1, such as 0.5", "consent", "min_share")
	}
	if k.Consent.MaxAgeDays < 0 {
		return k.errAt("consent.max_age_days must not be negative", "consent", "max_age_days")
	}
	return nil
}

// CadenceDuration returns the promised time between updates.
func (k *Kit) CadenceDuration() time.Duration {
	if d, err := time.ParseDuration(k.Cadence); err == nil && d > 0 {
		return d
	}
	return DefaultCadence
}

// ConsentMaxAge returns how old a consent may be.
func (k *Kit) ConsentMaxAge() time.Duration {
	days := k.Consent.MaxAgeDays
	if days == 0 {
		days = DefaultConsentMaxAgeDays
	}
	return time.Duration(days) * 24 * time.Hour
}

// MinConsentShare returns the share of contacts a direct channel must reach.
func (k *Kit) MinConsentShare() float64 {
	if k.Consent.MinShare == 0 {
		return DefaultMinConsentShare
	}
	return k.Consent.MinShare
}

// HoldingPath returns where the holding statement of scenario in lang lives:
// holding/SCENARIO.yaml for the kit's first language, holding/SCENARIO.LANG.yaml
// for the others.
func (k *Kit) HoldingPath(scenario, lang string) string {
	name := scenario + ".yaml"
	if len(k.Languages) > 0 && lang != k.Languages[0] {
		name = scenario + "." + lang + ".yaml"
	}
	return filepath.Join(k.Dir, HoldingDir, name)
}

// PlaybookFor returns the playbook reference of lang: the kit's playbook
// whose built-in language matches, else builtin:LANG.
func (k *Kit) PlaybookFor(lang string, langOf func(ref string) string) string {
	for _, p := range k.Playbooks {
		if langOf(p) == lang {
			return p
		}
	}
	return "builtin:" + lang
}

// ParseDate reads a date (2026-03-14) or an RFC 3339 time.
func ParseDate(s string) (time.Time, error) {
	s = strings.TrimSpace(s)
	if t, err := time.Parse("2006-01-02", s); err == nil {
		return t, nil
	}
	return time.Parse(time.RFC3339, s)
}

// lookup finds the node at path (mapping keys as strings, sequence indexes as
// ints) below the document root; nil when it is not there.
func lookup(root *yaml.Node, path ...any) *yaml.Node {
	n := root
	if n != nil && n.Kind == yaml.DocumentNode && len(n.Content) > 0 {
		n = n.Content[0]
	}
	for _, p := range path {
		if n == nil {
			return nil
		}
		switch p := p.(type) {
		case string:
			var next *yaml.Node
			if n.Kind == yaml.MappingNode {
				for i := 0; i+1 < len(n.Content); i += 2 {
					if n.Content[i].Value == p {
						next = n.Content[i+1]
					}
				}
			}
			n = next
		case int:
			if n.Kind != yaml.SequenceNode || p >= len(n.Content) {
				return nil
			}
			n = n.Content[p]
		}
	}
	return n
}

// Drill is one drill record, written by crisis drill into drills/.
type Drill struct {
	Version  int         `yaml:"drill"`
	Scenario string      `yaml:"scenario"`
	Lang     string      `yaml:"lang"`
	Mode     string      `yaml:"mode"` // interactive or no-input
	Started  string      `yaml:"started"`
	Steps    []DrillStep `yaml:"steps"`
	File     string      `yaml:"-"`
}

// DrillStep is one inject of a drill and how fast the team answered it.
type DrillStep struct {
	ID       string   `yaml:"id"`
	Title    string   `yaml:"title"`
	Elapsed  string   `yaml:"elapsed"`
	Target   string   `yaml:"target"`
	Met      bool     `yaml:"met"`
	Channels []string `yaml:"channels,omitempty"`
	Update   string   `yaml:"update,omitempty"`
	Findings int      `yaml:"findings"`
}

// Missed returns the ids of the steps that missed their target.
func (d *Drill) Missed() []string {
	var out []string
	for _, s := range d.Steps {
		if !s.Met {
			out = append(out, s.ID)
		}
	}
	return out
}

// Drills reads the drill records in dir/drills, oldest first. A record that
// does not parse is an error: it is the team's evidence of practice.
func Drills(dir string) ([]*Drill, error) {
	entries, err := os.ReadDir(filepath.Join(dir, DrillsDir))
	if errors.Is(err, os.ErrNotExist) {
		return nil, nil
	}
	if err != nil {
		return nil, err
	}
	var out []*Drill
	for _, e := range entries {
		if e.IsDir() || !strings.HasSuffix(e.Name(), ".yaml") || strings.HasPrefix(e.Name(), ".") {
			continue
		}
		file := filepath.Join(dir, DrillsDir, e.Name())
		data, err := readfile.Read(file, readfile.Kit)
		if err != nil {
			return nil, err
		}
		var d Drill
		if err := yamlfile.Decode(file, data, &d); err != nil {
			return nil, err
		}
		if _, err := time.Parse(time.RFC3339, d.Started); err != nil {
			return nil, &yamlfile.Error{File: file, Msg: fmt.Sprintf("started %q is not an RFC 3339 time", d.Started)}
		}
		d.File = file
		out = append(out, &d)
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].Started < out[j].Started })
	return out, nil
}

// LatestDrill returns the date of the latest drill: kit.yaml's last_drill or
// the newest record, whichever is later; zero when there was none.
func (k *Kit) LatestDrill(records []*Drill) time.Time {
	var last time.Time
	if t, err := ParseDate(k.LastDrill); err == nil {
		last = t
	}
	for _, d := range records {
		if t, err := time.Parse(time.RFC3339, d.Started); err == nil && t.After(last) {
			last = t
		}
	}
	return last
}

// hasLang reports whether the kit covers lang.
func (k *Kit) hasLang(lang string) bool { return slices.Contains(k.Languages, lang) }
