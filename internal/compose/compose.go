// Package compose turns one update's facts into channel messages and writes
// them, with the facts, into a new update directory. It is shared by
// `crisis draft` and `crisis render`, so both produce the same files.
package compose

import (
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"time"

	"go.yaml.in/yaml/v3"

	"github.com/crisis-comms/crisis/internal/atomicfile"
	"github.com/crisis-comms/crisis/internal/incident"
	"github.com/crisis-comms/crisis/internal/lint"
	"github.com/crisis-comms/crisis/playbook"
	"github.com/crisis-comms/crisis/templates"
)

// Message is one channel's message of an update.
type Message struct {
	Channel  string
	Lang     string
	FileName string // "sms.txt", "email.md", …: the name lint reads the channel from
	Subject  string // email only
	Body     string // the message text without subject and front matter
	Text     string // the file content: YAML front matter, then Body
}

// frontMatter is the header of a message file. Field order is the order in
// the file, so that every update reads the same.
type frontMatter struct {
	Channel    string `yaml:"channel"`
	Lang       string `yaml:"lang,omitempty"`
	Stage      string `yaml:"stage,omitempty"`
	Incident   string `yaml:"incident,omitempty"`
	NextUpdate string `yaml:"next_update,omitempty"`
	Subject    string `yaml:"subject,omitempty"`
}

// subjectPrefixes start the first line of a rendered email, per language.
var subjectPrefixes = []string{"Subject:", "Betreff:"}

// FileName returns the file name of a channel's message. Short-form
// channels, whose text is sent as is, are plain text; the rest are Markdown.
func FileName(channel string) string {
	switch channel {
	case "sms", "x", "whatsapp", "hotline":
		return channel + ".txt"
	}
	return channel + ".md"
}

// Lang returns the language an update is written in: the facts' lang, else
// the playbook's.
func Lang(pb *playbook.Playbook, facts *incident.Facts) string {
	if facts.Lang != "" {
		return facts.Lang
	}
	return pb.Lang
}

// Render renders each channel with the built-in template of the update's
// language (see Lang). now is the template clock ("in 30 minutes", dates).
func Render(pb *playbook.Playbook, facts *incident.Facts, channels []string, now time.Time) ([]Message, error) {
	lang := Lang(pb, facts)
	data := facts.Map()
	data["lang"] = lang
	data["details"] = Details(pb, facts)
	var msgs []Message
	for _, ch := range channels {
		out, err := templates.RenderBuiltin(lang, ch, data, templates.Options{Now: now, Lang: lang})
		if err != nil {
			return nil, fmt.Errorf("render %s: %w", ch, err)
		}
		msgs = append(msgs, NewMessage(facts, lang, ch, out))
	}
	return msgs, nil
}

// Details are the facts of the update that have no field of their own in
// incident.Facts — the scenario's identifying facts such as product, batch,
// area or route — with their titles from the playbook, in the scenario's
// order and then by id, so that every fact the draft asked for reaches the
// messages.
func Details(pb *playbook.Playbook, facts *incident.Facts) []templates.Detail {
	var ids []string
	if sc := pb.Scenario(facts.Scenario); sc != nil {
		for _, id := range sc.Facts {
			if _, ok := facts.Extra[id]; ok {
				ids = append(ids, id)
			}
		}
	}
	var rest []string
	for id := range facts.Extra {
		if !slices.Contains(ids, id) {
			rest = append(rest, id)
		}
	}
	slices.Sort(rest)
	var out []templates.Detail
	for _, id := range append(ids, rest...) {
		v := strings.TrimSpace(facts.Extra[id])
		if v == "" {
			continue
		}
		title := id
		if fd := pb.Fact(id); fd != nil && fd.Title != "" {
			title = fd.Title
		}
		out = append(out, templates.Detail{ID: id, Title: title, Value: v})
	}
	return out
}

// NewMessage builds a channel message from rendered text: the template
// output, or what a writer edited it into. For email the first line may be
// the subject ("Subject: …" or "Betreff: …") followed by a blank line.
func NewMessage(facts *incident.Facts, lang, channel, rendered string) Message {
	m := Message{Channel: channel, Lang: lang, FileName: FileName(channel)}
	body := strings.ReplaceAll(rendered, "\r\n", "\n")
	if channel == "email" {
		m.Subject, body = splitSubject(body)
	}
	m.Body = strings.TrimSpace(body) + "\n"
	fm := frontMatter{
		Channel: channel, Lang: lang, Stage: facts.Stage, Incident: facts.Incident,
		NextUpdate: facts.NextUpdate, Subject: m.Subject,
	}
	var buf bytes.Buffer
	buf.WriteString("---\n")
	enc := yaml.NewEncoder(&buf)
	enc.SetIndent(2)
	_ = enc.Encode(fm) // a struct of strings always encodes
	_ = enc.Close()
	buf.WriteString("---\n")
	buf.WriteString(m.Body)
	m.Text = buf.String()
	return m
}

// Rendered returns the message in the form NewMessage reads: for email the
// subject line first, so that a writer can edit subject and body together.
func (m Message) Rendered() string {
	if m.Channel == "email" && m.Subject != "" {
		prefix := subjectPrefixes[0]
		if m.Lang == "de" {
			prefix = subjectPrefixes[1]
		}
		return prefix + " " + m.Subject + "\n\n" + m.Body
	}
	return m.Body
}

func splitSubject(s string) (subject, body string) {
	first, rest, _ := strings.Cut(s, "\n")
	for _, p := range subjectPrefixes {
		if v, ok := strings.CutPrefix(strings.TrimSpace(first), p); ok {
			return strings.TrimSpace(v), rest
		}
	}
	return "", s
}

// Lint lints every message as the file it becomes, so that line and column
// of a finding match `crisis lint` on the written file. The result is keyed
// by channel.
func Lint(engine *lint.Engine, msgs []Message, stage string) map[string][]lint.Finding {
	out := make(map[string][]lint.Finding, len(msgs))
	for _, m := range msgs {
		out[m.Channel] = engine.LintText(m.Text, lint.Context{Lang: m.Lang, Channel: m.Channel, Stage: stage})
	}
	return out
}

// IsUpdateDir reports whether dir is an update directory rather than an
// incident directory: its name is an update time such as 2026-11-23T0930
// (with an optional -2, -3 … suffix). A facts.yaml alone does not make an
// update directory: `crisis new` puts the starting facts at the top of an
// incident directory, and the updates go below it.
func IsUpdateDir(dir string) bool {
	name := filepath.Base(filepath.Clean(dir))
	if i := strings.LastIndexByte(name, '-'); i >= len(incident.DirLayout) {
		name = name[:i]
	}
	_, err := time.Parse(incident.DirLayout, name)
	return err == nil
}

// WriteUpdate writes the facts and messages of one update and returns the
// update directory. When dir is an incident directory, a new update
// directory named by now is created in it (incident.NewUpdateDir), so that
// earlier updates are never touched. When dir is itself an update
// directory (IsUpdateDir), the files go there; without force every target
// is checked first and nothing is written if any exists, so that an update
// is never half replaced.
func WriteUpdate(dir string, facts *incident.Facts, msgs []Message, now time.Time, force bool) (string, error) {
	target := dir
	if !IsUpdateDir(dir) {
		target = incident.NewUpdateDir(dir, now)
		force = false
	}
	f := *facts
	if f.Time == "" {
		f.Time = now.Format(time.RFC3339)
	}
	factsYAML, err := marshalFacts(&f)
	if err != nil {
		return "", err
	}
	files := []struct {
		name string
		data []byte
	}{{incident.FactsFile, factsYAML}}
	seen := map[string]bool{incident.FactsFile: true}
	for _, m := range msgs {
		if seen[m.FileName] {
			return "", fmt.Errorf("two messages for %s", m.FileName)
		}
		seen[m.FileName] = true
		files = append(files, struct {
			name string
			data []byte
		}{m.FileName, []byte(m.Text)})
	}
	if !force {
		var taken []string
		for _, file := range files {
			p := filepath.Join(target, file.name)
			if _, err := os.Lstat(p); err == nil {
				taken = append(taken, p)
			} else if !errors.Is(err, fs.ErrNotExist) {
				return "", err
			}
		}
		if len(taken) > 0 {
			return "", fmt.Errorf("%s: %w; nothing was written (use --force to replace, or write to the incident directory for a new update)",
				strings.Join(taken, ", "), atomicfile.ErrExists)
		}
	}
	if err := os.MkdirAll(target, 0o755); err != nil {
		return "", err
	}
	for _, file := range files {
		if err := atomicfile.Write(filepath.Join(target, file.name), file.data, 0o644, force); err != nil {
			return "", err
		}
	}
	return target, nil
}

func marshalFacts(f *incident.Facts) ([]byte, error) {
	var buf bytes.Buffer
	enc := yaml.NewEncoder(&buf)
	enc.SetIndent(2)
	if err := enc.Encode(f); err != nil {
		return nil, fmt.Errorf("encode facts: %w", err)
	}
	if err := enc.Close(); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}
