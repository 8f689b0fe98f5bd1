package report

import (
	"encoding/json"
	"io"

	"github.com/crisis-comms/crisis/internal/lint"
)

// jsonReport is the `--format json` contract (DESIGN §5). Field order is
// the struct order, so it stays stable for people who diff the output.
type jsonReport struct {
	Version int        `json:"version"`
	Files   []jsonFile `json:"files"`
	Summary Summary    `json:"summary"`
}

// jsonFile is File with the error as text. A file that could not be linted
// has no stats, because nothing was measured, but still has an empty
// findings list so that consumers can iterate without a nil check.
type jsonFile struct {
	Path     string         `json:"path"`
	Channel  string         `json:"channel,omitempty"`
	Lang     string         `json:"lang,omitempty"`
	Error    string         `json:"error,omitempty"`
	Stats    *Stats         `json:"stats,omitempty"`
	Findings []lint.Finding `json:"findings"`
}

func writeJSON(w io.Writer, files []File) error {
	r := jsonReport{Version: 1, Files: make([]jsonFile, 0, len(files)), Summary: Summarize(files)}
	for _, f := range files {
		jf := jsonFile{Path: f.Path, Channel: f.Channel, Lang: f.Lang, Findings: f.Findings}
		if jf.Findings == nil {
			jf.Findings = []lint.Finding{}
		}
		if f.Err != nil {
			jf.Error = f.Err.Error()
		} else {
			jf.Stats = &f.Stats
		}
		r.Files = append(r.Files, jf)
	}
	enc := json.NewEncoder(w)
	// Messages quote people ("Wir & Sie", "<Name>"); HTML escaping would
	// only make them harder to read.
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	return enc.Encode(r)
}
