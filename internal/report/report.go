// Package report prints lint results in the formats people and CI read:
// text for terminals, json (the documented contract), sarif 2.1.0 for code
// scanning, and github workflow commands for pull-request annotations.
package report

import (
	"errors"
	"fmt"
	"io"
	"io/fs"

	"github.com/crisis-comms/crisis/internal/channel"
	"github.com/crisis-comms/crisis/internal/lint"
	"github.com/crisis-comms/crisis/playbook"
)

// Stats are the measurements of one message (JSON contract).
type Stats struct {
	Words      int               `json:"words"`
	Characters int               `json:"characters"`
	SMS        *channel.SMSStats `json:"sms,omitempty"`
	X          *channel.XStats   `json:"x,omitempty"`
}

// File is the result of linting one file.
type File struct {
	Path     string         `json:"path"`
	Channel  string         `json:"channel,omitempty"`
	Lang     string         `json:"lang,omitempty"`
	Stats    Stats          `json:"stats"`
	Findings []lint.Finding `json:"findings"`
	// Source is the file's text, for showing the offending line.
	Source string `json:"-"`
	// Err is set when the file could not be linted; it counts as an error.
	Err error `json:"-"`
}

// Options steer the printers.
type Options struct {
	Color bool // ANSI colours in text output
	// Playbook supplies the rule and principle descriptions of SARIF rules;
	// may be nil, then findings describe their rules.
	Playbook *playbook.Playbook
	// ToolVersion is reported in SARIF.
	ToolVersion string
}

// Formats lists the supported output formats.
var Formats = []string{"text", "json", "sarif", "github"}

// Write prints files in the given format.
func Write(w io.Writer, format string, files []File, opts Options) error {
	switch format {
	case "text":
		return writeText(w, files, opts)
	case "json":
		return writeJSON(w, files)
	case "sarif":
		return writeSARIF(w, files, opts)
	case "github":
		return writeGitHub(w, files)
	}
	return fmt.Errorf("unknown format %q: use text, json, sarif or github", format)
}

// Summary counts findings by severity. A file that could not be linted
// counts as one error, so that a run with unreadable input never looks clean.
type Summary struct {
	Files   int `json:"files"`
	Error   int `json:"error"`
	Warning int `json:"warning"`
	Info    int `json:"info"`
	// Failed is how many of the Error count are files that could not be
	// linted; it is not part of the JSON contract.
	Failed int `json:"-"`
}

// Summarize counts the findings of files and the files that failed.
func Summarize(files []File) Summary {
	s := Summary{Files: len(files)}
	for _, f := range files {
		if f.Err != nil {
			s.Error++
			s.Failed++
		}
		for _, x := range f.Findings {
			switch x.Severity {
			case "error":
				s.Error++
			case "warning":
				s.Warning++
			default:
				s.Info++
			}
		}
	}
	return s
}

// inputError splits a file's error into a position and a message without
// the path, so printers that name the file themselves do not repeat it.
// Errors without a position return line 0.
func inputError(f File) (line, col int, msg string) {
	var ie *lint.InputError
	if errors.As(f.Err, &ie) {
		return ie.Line, ie.Column, ie.Msg
	}
	// An unwrapped error from opening or reading the file names the path
	// again; wrapped errors keep their text because the wrapping is context.
	if pe, ok := f.Err.(*fs.PathError); ok && pe.Path == f.Path {
		return 0, 0, pe.Err.Error()
	}
	return 0, 0, f.Err.Error()
}
