package check

import (
	"os"
	"path/filepath"
	"slices"
	"strings"

	"github.com/crisis-comms/crisis/internal/channel"
	"github.com/crisis-comms/crisis/internal/lint"
	"github.com/crisis-comms/crisis/internal/readfile"
	"github.com/crisis-comms/crisis/internal/report"
	"github.com/crisis-comms/crisis/playbook"
)

// MaxUpdateFiles bounds the messages LintInDir compares: an update has a
// message per channel, and a folder with more is an archive, which an
// editor should not read on every keystroke.
const MaxUpdateFiles = 64

// LintInDir is LintText for a message among the other messages of its
// directory, as `crisis lint DIR` judges it: besides its own findings, a
// fact (next update, hotline, link, amount …) that disagrees with one in
// a message before it in the directory is reported, as
// channels.congruence. The other messages are read from disk unless open
// returns their text (an editor's unsaved buffers). Ignored, hidden and
// unreadable files are left out, as a directory run leaves them out; a
// directory of more than MaxUpdateFiles messages is not compared, and, as
// in a directory run, only the messages of one update are (see congruence).
func (r *Runner) LintInDir(t Text, open func(path string) ([]byte, bool)) (report.File, *playbook.Playbook) {
	if t.Path == "" {
		return r.LintText(t)
	}
	t.Path = filepath.Clean(t.Path)
	j := job{path: t.Path, channel: t.Channel, lang: t.Lang}
	res := report.File{Path: j.path, Findings: []lint.Finding{}}
	if len(t.Data) > lint.MaxFileSize {
		res.Err = tooLarge(int64(len(t.Data)))
		return res, nil
	}
	res, d, pb, zone := r.lintData(j, t.Data, res)
	if d == nil {
		return res, pb
	}
	paths := r.siblings(t.Path)
	if len(paths) < 2 || len(paths) > MaxUpdateFiles {
		d.Release()
		return res, pb
	}
	out := make([]report.File, len(paths))
	docs := make([]*lint.Document, len(paths))
	facts := make([][]channel.Fact, len(paths))
	self := -1
	for i, p := range paths {
		out[i].Path = p
		if p == t.Path {
			self, out[i], docs[i] = i, res, d
		} else {
			docs[i] = parseSibling(p, open)
		}
		if docs[i] != nil {
			facts[i] = extractFacts(docs[i])
		}
	}
	idx := make([]int, len(paths))
	infos := make([]fileInfo, len(paths))
	for i := range idx {
		idx[i] = i
		// The folder's messages share the playbook and .crisis.yaml, as a
		// rule.
		infos[i].zone = zone
		if pb != nil {
			infos[i].region = pb.Region
		}
	}
	congruence(out, docs, facts, infos, idx, readUpdateSet(filepath.Dir(t.Path)))
	for _, x := range docs {
		if x != nil {
			x.Release()
		}
	}
	return out[self], pb
}

// siblings lists the message files of p's directory that a directory run
// lints, in its order, with p among them even when it is not saved yet.
func (r *Runner) siblings(p string) []string {
	dir := filepath.Dir(p)
	entries, err := os.ReadDir(dir)
	if err != nil {
		return []string{p}
	}
	cfg, err := r.configs.For(p)
	if err != nil {
		cfg = nil
	}
	var out []string
	for _, e := range entries {
		name := e.Name()
		f := filepath.Join(dir, name)
		if e.IsDir() || strings.HasPrefix(name, ".") || !r.exts[strings.ToLower(filepath.Ext(name))] ||
			(cfg != nil && cfg.Ignored(f)) {
			continue
		}
		out = append(out, f)
	}
	if i, found := slices.BinarySearch(out, p); !found {
		out = slices.Insert(out, i, p)
	}
	return out
}

// parseSibling reads and parses another message of the directory; nil when
// it cannot be read or parsed, as a directory run skips it.
func parseSibling(p string, open func(string) ([]byte, bool)) *lint.Document {
	data, ok := []byte(nil), false
	if open != nil {
		data, ok = open(p)
	}
	if !ok {
		var err error
		if data, err = readfile.Read(p, readfile.Message); err != nil {
			return nil
		}
	}
	ext := strings.ToLower(filepath.Ext(p))
	d, err := lint.Parse(p, data, ext == ".md" || ext == ".markdown")
	if err != nil {
		return nil
	}
	return d
}
