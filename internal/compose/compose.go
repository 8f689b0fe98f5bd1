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
	"runtime"
	"slices"
	"strings"
	"syscall"
	"time"

	"go.yaml.in/yaml/v3"

	"github.com/crisis-comms/crisis/internal/atomicfile"
	"github.com/crisis-comms/crisis/internal/incident"
	"github.com/crisis-comms/crisis/internal/inflight"
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
// the playbook's, normalised ("DE", "de-AT" are "de"), so that templates,
// front matter and the linter all see the playbook's form.
func Lang(pb *playbook.Playbook, facts *incident.Facts) string {
	if facts.Lang != "" {
		return lint.NormalizeLang(facts.Lang)
	}
	return lint.NormalizeLang(pb.Lang)
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
		out[m.Channel] = engine.LintText(m.Text, lint.Context{Lang: m.Lang, Channel: m.Channel, Stage: stage, Fold: true})
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
// update directory. The update appears whole or not at all: its files are
// written into a hidden temporary directory next to the target, which is
// then renamed into place.
//
// When dir is an incident directory, a new update directory named by now
// is claimed in it (incident.ClaimUpdateDir), so that earlier updates are
// never touched and simultaneous writers each get their own. When dir is
// itself an update directory (IsUpdateDir), the update goes there: without
// force nothing is written if any of its files exists; with force the whole
// directory is replaced by the new update, never mixed with the old one.
func WriteUpdate(dir string, facts *incident.Facts, msgs []Message, now time.Time, force bool) (string, error) {
	files, err := updateFiles(facts, msgs, now)
	if err != nil {
		return "", err
	}
	if IsUpdateDir(dir) {
		return dir, writeInto(dir, files, force)
	}
	return writeNew(dir, files, now)
}

// file is one file of an update.
type file struct {
	name string
	data []byte
}

func updateFiles(facts *incident.Facts, msgs []Message, now time.Time) ([]file, error) {
	f := *facts
	if f.Time == "" {
		f.Time = now.Format(time.RFC3339)
	}
	factsYAML, err := marshalFacts(&f)
	if err != nil {
		return nil, err
	}
	files := []file{{incident.FactsFile, factsYAML}}
	seen := map[string]bool{incident.FactsFile: true}
	for _, m := range msgs {
		if seen[m.FileName] {
			return nil, fmt.Errorf("two messages for %s", m.FileName)
		}
		seen[m.FileName] = true
		files = append(files, file{m.FileName, []byte(m.Text)})
	}
	return files, nil
}

// writeNew writes a new update into the incident directory inc.
func writeNew(inc string, files []file, now time.Time) (string, error) {
	if err := makeDir(inc); err != nil {
		return "", err
	}
	tmp, err := stage(inc, files)
	if err != nil {
		return "", err
	}
	defer inflight.Done(tmp) // gone after the rename
	var target string
	err = inflight.Commit(func() error {
		var err error
		if target, err = incident.ClaimUpdateDir(inc, now); err != nil {
			return err
		}
		if err := replaceEmpty(tmp, target); err != nil {
			os.Remove(target)
			return err
		}
		return nil
	})
	if err != nil {
		return "", err
	}
	return target, nil
}

// writeInto writes the update into the named update directory target.
func writeInto(target string, files []file, force bool) error {
	parent := filepath.Dir(filepath.Clean(target))
	if err := makeDir(parent); err != nil {
		return err
	}
	claimed := false
	switch err := os.Mkdir(target, 0o755); {
	case err == nil:
		claimed = true
	case !errors.Is(err, fs.ErrExist):
		return err
	default:
		if fi, err := os.Lstat(target); err != nil {
			return err
		} else if !fi.IsDir() {
			return fmt.Errorf("%s: exists and is not a directory", target)
		}
	}
	if !claimed && !force {
		var taken []string
		for _, f := range files {
			p := filepath.Join(target, f.name)
			if _, err := os.Lstat(p); err == nil {
				taken = append(taken, p)
			} else if !errors.Is(err, fs.ErrNotExist) {
				return err
			}
		}
		if len(taken) > 0 {
			return fmt.Errorf("%s: %w; nothing was written (use --force to replace the update, or write to the incident directory for a new one)",
				strings.Join(taken, ", "), atomicfile.ErrExists)
		}
	}
	tmp, err := stage(parent, files)
	if err != nil {
		if claimed {
			os.Remove(target)
		}
		return err
	}
	defer inflight.Done(tmp)
	if claimed || !force {
		// An empty directory (just claimed, or made by hand) is replaced
		// by the rename; one with other files is not, and then the
		// update's files are added one by one, facts.yaml last: readers
		// take a directory for an update only once it has its facts.
		err := inflight.Commit(func() error { return replaceEmpty(tmp, target) })
		switch {
		case err == nil:
			return nil
		case force && errors.Is(err, atomicfile.ErrExists):
			// Another forced write got there first: replace it.
			return swap(parent, tmp, target)
		case claimed:
			return err
		}
		return addFiles(target, files)
	}
	return swap(parent, tmp, target)
}

// stagePrefix starts the name of every temporary entry an update write
// makes in an incident directory; readers skip it as hidden.
const stagePrefix = ".crisis-tmp-"

// staleAfter is the age at which a temporary directory left by a killed
// writer is removed by the next write.
const staleAfter = time.Hour

// stage writes files into a new hidden directory in dir and returns it.
func stage(dir string, files []file) (string, error) {
	removeStale(dir)
	tmp, err := os.MkdirTemp(dir, stagePrefix+"*")
	if err != nil {
		return "", err
	}
	if err := inflight.Add(tmp); err != nil {
		return "", err
	}
	for _, f := range files {
		if err := writeFile(filepath.Join(tmp, f.name), f.data); err != nil {
			inflight.Done(tmp)
			return "", err
		}
	}
	if err := os.Chmod(tmp, 0o755); err != nil {
		inflight.Done(tmp)
		return "", err
	}
	return tmp, syncDir(tmp)
}

// writeFile writes one staged file; tests replace it to fail like a full
// disk.
var writeFile = writeSynced

func writeSynced(p string, data []byte) error {
	return atomicfile.WriteSynced(p, data, 0o644, true)
}

// syncDir makes a rename or a new entry in dir durable; file systems that
// cannot sync a directory are not an error.
func syncDir(dir string) error {
	d, err := os.Open(dir)
	if err != nil {
		return err
	}
	d.Sync()
	return d.Close()
}

// replaceEmpty renames the staged directory onto target, which must be
// absent or an empty directory. The system call replaces an empty one on
// POSIX systems (os.Rename refuses any existing directory); elsewhere the
// empty directory is removed first.
func replaceEmpty(tmp, target string) error {
	var err error
	if e := syscall.Rename(tmp, target); e != nil {
		err = &os.LinkError{Op: "rename", Old: tmp, New: target, Err: e}
	}
	if err != nil && runtime.GOOS == "windows" {
		if os.Remove(target) == nil {
			err = os.Rename(tmp, target)
		}
	}
	if err != nil {
		if isNotEmpty(err) {
			return fmt.Errorf("%s: %w (another update was written there at the same moment)", target, atomicfile.ErrExists)
		}
		return err
	}
	return syncDir(filepath.Dir(target))
}

func isNotEmpty(err error) bool {
	var le *os.LinkError
	return errors.As(err, &le) && (errors.Is(le.Err, syscall.ENOTEMPTY) || errors.Is(le.Err, syscall.EEXIST) || errors.Is(le.Err, fs.ErrExist))
}

// addFiles writes files into an existing directory, each atomically and
// never over an existing one, facts.yaml last. When one cannot be written
// (another writer got there first), those already written are removed
// again, so that the directory does not end up holding a mix.
func addFiles(target string, files []file) error {
	var written []string
	for _, f := range append(files[1:len(files):len(files)], files[0]) {
		p := filepath.Join(target, f.name)
		if err := atomicfile.Write(p, f.data, 0o644, false); err != nil {
			for _, w := range written {
				os.Remove(w)
			}
			return err
		}
		written = append(written, p)
	}
	return nil
}

// maxSwaps bounds the retries of swap against writers that keep putting
// their own update in place at the same moment.
const maxSwaps = 100

// swap replaces the update directory target by the staged one: both are
// exchanged in one step where the system can (Linux); elsewhere the old
// directory is renamed aside, the new one renamed in, the old one removed.
// Readers see the old update, at most briefly none, then the new one —
// never a mix.
// When another writer's update lands in between, it is moved aside too and
// the swap is tried again.
func swap(parent, tmp, target string) error {
	var aside []string
	defer func() {
		for _, a := range aside {
			os.RemoveAll(a)
		}
	}()
	for range maxSwaps {
		done := false
		err := inflight.Commit(func() error {
			// One step where the system can: the update is never missing,
			// not even to a kill; the old one is then in tmp.
			if atomicfile.Exchange(tmp, target) == nil {
				aside = append(aside, tmp)
				done = true
				return syncDir(parent)
			}
			old := filepath.Join(parent, fmt.Sprintf("%s%d-old", stagePrefix, time.Now().UnixNano()))
			switch err := os.Rename(target, old); {
			case err == nil:
				aside = append(aside, old)
			case !errors.Is(err, fs.ErrNotExist):
				return err
			}
			err := os.Rename(tmp, target)
			if err == nil {
				done = true
				return syncDir(parent)
			}
			if !isNotEmpty(err) {
				return err
			}
			return nil
		})
		if err != nil || done {
			return err
		}
	}
	return fmt.Errorf("%s: other writers kept replacing it; try again", target)
}

// removeStale removes temporary directories that writers killed midway
// left in dir; a young one may belong to a writer still at work.
func removeStale(dir string) {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return
	}
	for _, e := range entries {
		if !strings.HasPrefix(e.Name(), stagePrefix) {
			continue
		}
		if fi, err := e.Info(); err == nil && time.Since(fi.ModTime()) > staleAfter {
			os.RemoveAll(filepath.Join(dir, e.Name()))
		}
	}
}

// makeDir creates the incident directory dir (and its parents); a failure
// says what is in the way.
func makeDir(dir string) error {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		var pe *fs.PathError
		if errors.As(err, &pe) {
			return fmt.Errorf("%s: cannot create the directory: %w", dir, pe.Err)
		}
		return err
	}
	return nil
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
