// Package report prints lint results in the formats people and CI read:
// text for terminals, json (the documented contract), sarif 2.1.0 for code
// scanning, and github workflow commands for pull-request annotations.
package report

import (
	"bufio"
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
	// Playbooks are the playbooks the run resolved; SARIF lists and
	// describes all of their rules. Set them with Stream.SetPlaybooks
	// when they are known only after linting.
	Playbooks []*playbook.Playbook
	// ToolVersion is reported in SARIF and picks the rule pages' release.
	ToolVersion string
	// Quiet leaves out the text report's summary line, so that a clean
	// run prints nothing.
	Quiet bool
	// StepSummary receives, for the github format, a Markdown table of
	// every finding: the job summary ($GITHUB_STEP_SUMMARY), which shows
	// what the annotation limit hides.
	StepSummary io.Writer
}

// Formats lists the supported output formats.
var Formats = []string{"text", "json", "sarif", "github"}

// Write prints files in the given format.
func Write(w io.Writer, format string, files []File, opts Options) error {
	st, err := NewStream(w, format, opts)
	if err != nil {
		return err
	}
	for i := range files {
		st.Add(&files[i])
	}
	return st.Close()
}

// Stream writes a report file by file as the results come in, so that a
// long run prints while it lints and need not keep every file's text:
// text, github and json are written as they go, and Close adds what
// follows the last file (the summary). SARIF names its rules before the
// results, so its stream keeps the files and writes them at Close.
type Stream struct {
	format  string
	summary Summary
	text    textPrinter
	github  githubPrinter
	json    jsonWriter
	files   []File // sarif only
	opts    Options
	w       io.Writer
}

// NewStream starts a report in format (text, json, sarif or github).
func NewStream(w io.Writer, format string, opts Options) (*Stream, error) {
	st := &Stream{format: format, opts: opts, w: w}
	switch format {
	case "text":
		st.text = textPrinter{w: bufio.NewWriterSize(w, 64<<10), color: opts.Color, at: &lineCursor{}}
	case "github":
		st.github = githubPrinter{w: bufio.NewWriterSize(w, 64<<10), rows: opts.StepSummary != nil}
	case "json":
		st.json = jsonWriter{w: w, buf: make([]byte, 0, jsonBufSize+jsonBufSize/4)}
		st.json.raw("{\n  \"version\": 1,\n  \"files\": [")
	case "sarif":
	default:
		return nil, fmt.Errorf("unknown format %q: use text, json, sarif or github", format)
	}
	return st, nil
}

// Add writes one file's results; files come in report order.
func (st *Stream) Add(f *File) {
	n := st.summary.Files
	st.summary.Add(f)
	switch st.format {
	case "text":
		st.text.file(f)
	case "github":
		st.github.file(f)
	case "json":
		if n > 0 {
			st.json.raw(",")
		}
		st.json.file(f)
	case "sarif":
		st.files = append(st.files, *f)
	}
}

// SetPlaybooks sets Options.Playbooks; call it before Close.
func (st *Stream) SetPlaybooks(pbs []*playbook.Playbook) { st.opts.Playbooks = pbs }

// Close ends the report and returns the first write error.
func (st *Stream) Close() error {
	switch st.format {
	case "text":
		if !st.opts.Quiet {
			st.text.summary(st.summary)
		}
		return st.text.w.Flush()
	case "github":
		return st.github.close(st.opts.StepSummary)
	case "json":
		return st.json.close(st.summary)
	}
	return writeSARIF(st.w, st.files, st.opts)
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
	var s Summary
	for i := range files {
		s.Add(&files[i])
	}
	return s
}

// Add counts one more file and its findings.
func (s *Summary) Add(f *File) {
	s.Files++
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
