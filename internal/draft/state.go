package draft

import (
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"

	"github.com/crisis-comms/crisis/internal/atomicfile"
	"github.com/crisis-comms/crisis/internal/readfile"
)

// StateFile is the name of the recovery file inside an output directory.
const StateFile = ".crisis-draft.json"

// stateVersion changes when State changes incompatibly.
const stateVersion = 1

// Steps of the flow, in order; State.Step holds the one to continue at.
const (
	StepLang     = "lang"
	StepScenario = "scenario"
	StepStage    = "stage"
	StepFacts    = "facts"
	StepChannels = "channels"
	StepTarget   = "target"
	StepReview   = "review"
	StepWrite    = "write"
)

// State is everything answered so far. It is saved after every answer, so
// that an abort or a crash loses nothing and --resume continues where the
// person stopped.
type State struct {
	Version  int    `json:"version"`
	Step     string `json:"step"`
	Lang     string `json:"lang,omitempty"`
	Playbook string `json:"playbook,omitempty"`
	Scenario string `json:"scenario,omitempty"`
	Stage    string `json:"stage,omitempty"`
	// Facts are the answers by fact id, normalized (times in RFC 3339).
	Facts map[string]string `json:"facts,omitempty"`
	// FactIndex is the position of the next fact to ask in the scenario.
	FactIndex int      `json:"fact_index,omitempty"`
	Channels  []string `json:"channels,omitempty"`
	// Edited holds edited messages by channel, in the form the editor
	// shows (for email the subject line first).
	Edited map[string]string `json:"edited,omitempty"`
	// Incident is the incident id in facts.yaml and front matter; Out is
	// the incident directory (or update directory) the update goes to.
	Incident string `json:"incident,omitempty"`
	Out      string `json:"out,omitempty"`
	// Accepted are the channels whose message was accepted in the review.
	Accepted []string `json:"accepted,omitempty"`
	// Preset are the steps answered by flags, which a resumed draft does
	// not ask either.
	Preset []string `json:"preset,omitempty"`
}

// DefaultStatePath is where the recovery file lives when no output
// directory was named: $XDG_STATE_HOME/crisis/draft.json, else
// ~/.local/state/crisis/draft.json.
func DefaultStatePath() (string, error) {
	if d := os.Getenv("XDG_STATE_HOME"); d != "" && filepath.IsAbs(d) {
		return filepath.Join(d, "crisis", "draft.json"), nil
	}
	home, err := os.UserHomeDir()
	if err != nil {
		return "", fmt.Errorf("no place for the recovery file: %w (set XDG_STATE_HOME or use --out)", err)
	}
	return filepath.Join(home, ".local", "state", "crisis", "draft.json"), nil
}

// LoadState reads a recovery file. A missing file is fs.ErrNotExist.
func LoadState(path string) (*State, error) {
	data, err := readfile.Read(path, readfile.Recovery)
	if err != nil {
		return nil, err
	}
	var st State
	if err := json.Unmarshal(data, &st); err != nil {
		return nil, fmt.Errorf("%s: not a draft recovery file: %w", path, err)
	}
	if st.Version != stateVersion {
		return nil, fmt.Errorf("%s: recovery file version %d; this build reads version %d", path, st.Version, stateVersion)
	}
	// Empty maps are left out of the file; the flow writes into them.
	if st.Facts == nil {
		st.Facts = map[string]string{}
	}
	if st.Edited == nil {
		st.Edited = map[string]string{}
	}
	return &st, nil
}

// SaveState writes the recovery file atomically; it holds what people typed
// about an incident, so only its owner may read it.
func SaveState(path string, st *State) error {
	st.Version = stateVersion
	data, err := json.MarshalIndent(st, "", "  ")
	if err != nil {
		return err
	}
	return atomicfile.Write(path, append(data, '\n'), 0o600, true)
}

// RemoveState deletes the recovery file; a missing file is fine.
func RemoveState(path string) error {
	if err := os.Remove(path); err != nil && !errors.Is(err, fs.ErrNotExist) {
		return err
	}
	return nil
}
