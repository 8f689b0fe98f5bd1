package reply

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"sync"
	"time"

	"github.com/crisis-comms/crisis/internal/atomicfile"
	"github.com/crisis-comms/crisis/internal/incident"
	"github.com/crisis-comms/crisis/internal/lint"
	"github.com/crisis-comms/crisis/internal/readfile"
)

// StateFile is the file in an incident directory that keeps which
// messages are answered.
const StateFile = "replies.json"

// Done and Open are the states of a message.
const (
	Done = "done"
	Open = "open"
)

// State is which incoming messages of an incident are answered, by id.
type State struct {
	Version int              `json:"version"`
	Replies map[string]Entry `json:"replies"`
	path    string
}

// Entry is the state of one message.
type Entry struct {
	State string `json:"state"`
	// File is the reply, relative to the incident directory; empty for a
	// message closed without a reply (spam, an insult that was hidden).
	File string `json:"file,omitempty"`
	Time string `json:"time"`
	Note string `json:"note,omitempty"`
}

// LoadState reads the state of the incident in dir; a missing file is an
// empty state.
func LoadState(dir string) (*State, error) {
	path := filepath.Join(dir, StateFile)
	st := &State{Version: 1, Replies: map[string]Entry{}, path: path}
	data, err := readfile.Read(path, readfile.Recovery)
	if errors.Is(err, fs.ErrNotExist) {
		return st, nil
	}
	if err != nil {
		return nil, err
	}
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.DisallowUnknownFields()
	if err := dec.Decode(st); err != nil {
		return nil, fmt.Errorf("%s: %v: the file keeps which messages are answered; fix or remove it", path, err)
	}
	if st.Replies == nil {
		st.Replies = map[string]Entry{}
	}
	return st, nil
}

// IsDone reports whether message id is answered or closed.
func (s *State) IsDone(id string) bool { return s.Replies[id].State == Done }

// Mark records the state of message id and writes the state file.
func (s *State) Mark(id, state, file, note string, now time.Time) error {
	s.Replies[id] = Entry{State: state, File: file, Time: now.Format(time.RFC3339), Note: note}
	data, err := json.MarshalIndent(s, "", "  ")
	if err != nil {
		return err
	}
	return atomicfile.Write(s.path, append(data, '\n'), 0o644, true)
}

// Sent returns the replies written so far, for the copy-paste check.
func (s *State) Sent(dir string) []Sent {
	ids := make([]string, 0, len(s.Replies))
	for id := range s.Replies {
		ids = append(ids, id)
	}
	sort.Strings(ids)
	var out []Sent
	for _, id := range ids {
		e := s.Replies[id]
		if e.File == "" {
			continue
		}
		data, err := readfile.Read(filepath.Join(dir, e.File), readfile.Message)
		if err != nil {
			continue
		}
		d, err := lint.Parse(e.File, data, true)
		if err != nil {
			continue
		}
		out = append(out, Sent{ReplyTo: id, Text: d.BodyText()})
		d.Release()
	}
	return out
}

var unsafeName = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`[^A-Za-z0-9._-]+`) })

// FileName is the name of the reply file to message id.
func FileName(id string) string {
	return "reply-" + strings.Trim(unsafeName().ReplaceAllString(id, "-"), "-.") + ".md"
}

// Render returns a reply as a message file: front matter with channel
// reply, the language, the incident and reply_to, then the text.
func Render(text, lang, replyTo string, f *incident.Facts) []byte {
	var b strings.Builder
	b.WriteString("---\nchannel: reply\n")
	fmt.Fprintf(&b, "lang: %s\n", lang)
	if f != nil && f.Incident != "" {
		fmt.Fprintf(&b, "incident: %s\n", quote(f.Incident))
	}
	fmt.Fprintf(&b, "reply_to: %s\n---\n", quote(replyTo))
	b.WriteString(strings.TrimSpace(text))
	b.WriteString("\n")
	return []byte(b.String())
}

// quote writes s as a YAML double-quoted string.
func quote(s string) string {
	q, _ := json.Marshal(s)
	return string(q)
}
