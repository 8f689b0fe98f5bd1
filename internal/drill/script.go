package drill

import (
	"embed"
	"fmt"

	"github.com/crisis-comms/crisis/internal/yamlfile"
)

//go:embed scripts
var scripts embed.FS

// Script is what a facilitator reveals during a drill, in one language.
type Script struct {
	First  Inject            `yaml:"first"`
	Update Inject            `yaml:"update"`
	Twists map[string]Inject `yaml:"twists"` // by scenario id; "default" for the rest
}

// Inject is one piece of news revealed to the team, and the facts it
// changes for the no-input run.
type Inject struct {
	Title string            `yaml:"title"`
	Text  string            `yaml:"text"`
	Facts map[string]string `yaml:"facts,omitempty"` // appended to the fact of the same id
}

// LoadScript reads the built-in drill script of lang.
func LoadScript(lang string) (*Script, error) {
	name := "scripts/" + lang + ".yaml"
	data, err := scripts.ReadFile(name)
	if err != nil {
		return nil, fmt.Errorf("no drill script in %q; there are scripts in de and en", lang)
	}
	var s Script
	if err := yamlfile.Decode(name, data, &s); err != nil {
		return nil, err
	}
	return &s, nil
}

// Twist returns the twist for scenario.
func (s *Script) Twist(scenario string) Inject {
	if t, ok := s.Twists[scenario]; ok {
		return t
	}
	return s.Twists["default"]
}
