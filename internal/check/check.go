// Package check runs the linter over paths: it walks directories, applies
// .crisis.yaml settings, picks channel and language per file, lints files
// in parallel, adds channel limits and cross-channel congruence, and
// returns results in input order.
package check

import (
	"cmp"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"unicode"
	"unicode/utf8"

	"github.com/crisis-comms/crisis/internal/channel"
	"github.com/crisis-comms/crisis/internal/config"
	"github.com/crisis-comms/crisis/internal/lint"
	"github.com/crisis-comms/crisis/internal/report"
	"github.com/crisis-comms/crisis/playbook"
)

// GenericChannel is the channel of a message file whose channel nothing
// names, when the playbook defines it: its anchors (next update, contact)
// are checked like any channel's.
const GenericChannel = "generic"

// Options steer a run.
type Options struct {
	// Playbook overrides every .crisis.yaml (--playbook).
	Playbook string
	// Stdin is read for the path "-".
	Stdin io.Reader
	// Jobs is the number of files linted at once; 0 = all cores.
	Jobs int
	// NoStats leaves File.Stats empty, for output formats that do not
	// show them (text, github): counting SMS segments and the X length of
	// every file is a good part of the work on a large tree.
	NoStats bool
	// Config is a .crisis.yaml used for every file instead of the nearest
	// one (--config).
	Config string
	// Exts are the extensions of message files searched in directories
	// (--ext); default MessageExts.
	Exts []string
	// StdinName is the path standard input is linted as: its
	// .crisis.yaml, overrides, channel and format apply (--stdin-filename).
	StdinName string
	// ForceExclude applies the ignore patterns of .crisis.yaml to files
	// named on the command line and to StdinName too (--force-exclude).
	ForceExclude bool
}

// MessageExts are the extensions of message files searched in directories
// by default; everything else in a directory is not a message.
var MessageExts = []string{".txt", ".md", ".markdown"}

// Runner lints files; it caches configs and compiled playbooks.
type Runner struct {
	opts    Options
	exts    map[string]bool // message file extensions, lower case
	configs *config.Finder
	mu      sync.Mutex
	engines map[string]*engineEntry
	// channels caches ChannelFromName per playbook and base name: a tree
	// repeats a few names (sms.txt, email.md) and each costs dozens of
	// glob matches.
	channels sync.Map // channelKey → string
}

type channelKey struct {
	pb   *playbook.Playbook
	base string
}

type engineEntry struct {
	once sync.Once
	e    *lint.Engine
	err  error
}

// New returns a runner. A --playbook that does not load is an error here,
// before any file is read.
func New(opts Options) (*Runner, error) {
	r := &Runner{opts: opts, configs: config.NewFinder(), engines: map[string]*engineEntry{}, exts: map[string]bool{}}
	exts := opts.Exts
	if len(exts) == 0 {
		exts = MessageExts
	}
	for _, e := range exts {
		e = strings.ToLower(strings.TrimSpace(e))
		if e == "" || e == "." || strings.ContainsAny(e, `/\*?[`) {
			return nil, fmt.Errorf("--ext %q: give extensions such as .txt or md", e)
		}
		if !strings.HasPrefix(e, ".") {
			e = "." + e
		}
		r.exts[e] = true
	}
	if opts.Config != "" {
		c, err := config.Load(opts.Config)
		if err != nil {
			if errors.Is(err, fs.ErrNotExist) {
				return nil, fmt.Errorf("--config %s: no such file", opts.Config)
			}
			return nil, err
		}
		r.configs = config.NewFixedFinder(c)
	}
	if opts.Playbook != "" {
		if _, err := r.Engine(opts.Playbook); err != nil {
			return nil, err
		}
	}
	return r, nil
}

// Engine returns the compiled playbook for ref, loading it once.
func (r *Runner) Engine(ref string) (*lint.Engine, error) {
	r.mu.Lock()
	ent, ok := r.engines[ref]
	if !ok {
		ent = &engineEntry{}
		r.engines[ref] = ent
	}
	r.mu.Unlock()
	ent.once.Do(func() {
		pb, err := playbook.Load(ref)
		if err != nil {
			ent.err = err
			return
		}
		ent.e, ent.err = lint.New(pb)
	})
	return ent.e, ent.err
}

type job struct {
	path    string
	stdin   bool
	named   bool  // stdin linted as path (--stdin-filename)
	regular bool  // known to be a regular file from the directory listing or stat
	err     error // a problem found while collecting (missing path)
	// cfg is the file's .crisis.yaml (or its lookup error) when the
	// directory walk found it already.
	cfg      *config.Config
	cfgErr   error
	cfgKnown bool
	// channel and lang, when set, win over front matter and config.
	channel, lang string
}

// Playbooks returns the playbooks loaded, sorted by language and source:
// after a run, the playbooks its files were linted with. Call it when no
// run is under way.
func (r *Runner) Playbooks() []*playbook.Playbook {
	r.mu.Lock()
	ents := make([]*engineEntry, 0, len(r.engines))
	for _, ent := range r.engines {
		ents = append(ents, ent)
	}
	r.mu.Unlock()
	var out []*playbook.Playbook
	for _, ent := range ents {
		if e := ent.e; e != nil {
			out = append(out, e.Playbook())
		}
	}
	slices.SortFunc(out, func(a, b *playbook.Playbook) int {
		return cmp.Or(cmp.Compare(a.Lang, b.Lang), cmp.Compare(a.Source, b.Source))
	})
	return out
}

// Run lints every path (files, directories, "-" for stdin) and returns one
// result per message file, in the order given (directories sorted).
func (r *Runner) Run(paths []string) []report.File {
	var files []report.File
	r.Stream(paths, func(f *report.File) { files = append(files, *f) })
	return files
}

// Stream is Run that hands each result to emit as soon as it and all
// before it are done, in the same order, on the calling goroutine; emit
// may print while later files are still being linted. The runner keeps
// no result once emitted.
func (r *Runner) Stream(paths []string, emit func(*report.File)) {
	if len(paths) == 0 {
		paths = []string{"."}
	}
	var jobs []job
	for _, p := range paths {
		if js := r.collect(p); jobs == nil {
			jobs = js
		} else {
			jobs = append(jobs, js...)
		}
	}
	out := make([]report.File, len(jobs))
	docs := make([]*lint.Document, len(jobs))
	facts := make([][]channel.Fact, len(jobs))
	infos := make([]fileInfo, len(jobs))
	n := r.opts.Jobs
	if n <= 0 {
		n = runtime.GOMAXPROCS(0)
	}
	// An update directory's messages are compared when its last file is
	// linted, by the worker that lints it. Messages elsewhere whose front
	// matter names their incident and update time are compared with the
	// other messages of that update anywhere in the run, once every file
	// is linted; other files are not compared, and their documents are
	// let go at once, so a large tree does not stay in memory.
	dirOf := make([]int32, len(jobs)) // job → index into dirs, -1 = none
	var dirs []dirSet
	byDir := map[string]int32{}
	for i, j := range jobs {
		dirOf[i] = -1
		if j.err != nil || j.stdin {
			continue
		}
		dir := filepath.Dir(j.path)
		k, ok := byDir[dir]
		if !ok {
			k = int32(len(dirs))
			byDir[dir] = k
			dirs = append(dirs, dirSet{dir: dir})
		}
		dirs[k].idx = append(dirs[k].idx, i)
		dirOf[i] = k
	}
	for k := range dirs {
		dirs[k].pending.Store(int32(len(dirs[k].idx)))
	}
	keyed := make([]bool, len(jobs)) // held for the updates named by front matter
	var remaining atomic.Int64
	remaining.Store(int64(len(jobs)))
	// A result is final once its update has been compared; the worker
	// that makes results final marks them and wakes the emitter.
	final := make([]atomic.Bool, len(jobs))
	var mu sync.Mutex
	ready := sync.NewCond(&mu)
	done := func(idx ...int) {
		mu.Lock()
		for _, i := range idx {
			final[i].Store(true)
		}
		mu.Unlock()
		ready.Signal()
	}
	release := func(idx []int) {
		for _, x := range idx {
			if docs[x] != nil {
				docs[x].Release()
			}
			docs[x], facts[x] = nil, nil
		}
	}
	// Workers take the next file by an atomic counter: handing each file
	// over a channel costs a goroutine switch per file.
	var wg sync.WaitGroup
	var next atomic.Int64
	for w := 0; w < n; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			var buf []byte
			for {
				i := int(next.Add(1) - 1)
				if i >= len(jobs) {
					return
				}
				out[i], docs[i], infos[i], buf = r.lintOne(jobs[i], buf)
				if k := dirOf[i]; k < 0 {
					release([]int{i})
					done(i)
				} else if ds := &dirs[k]; ds.update().isSet {
					if docs[i] != nil {
						facts[i] = extractFacts(docs[i])
					}
					if ds.pending.Add(-1) == 0 {
						congruentSet(out, docs, facts, infos, ds.idx, ds.update())
						release(ds.idx)
						done(ds.idx...)
					}
				} else if _, ok := keyOf(docs[i], infos[i].zone); ok {
					facts[i] = extractFacts(docs[i])
					keyed[i] = true
				} else {
					release([]int{i})
					done(i)
				}
				if remaining.Add(-1) == 0 {
					// Every file is linted: compare the updates named by
					// front matter, side by side.
					var held []int
					for x, k := range keyed {
						if k {
							held = append(held, x)
						}
					}
					groups := groupByKey(docs, infos, held)
					var nextGroup atomic.Int64
					var gw sync.WaitGroup
					for range n {
						gw.Add(1)
						go func() {
							defer gw.Done()
							for {
								g := int(nextGroup.Add(1) - 1)
								if g >= len(groups) {
									return
								}
								congruentSet(out, docs, facts, infos, groups[g], nil)
								release(groups[g])
								done(groups[g]...)
							}
						}()
					}
					gw.Wait()
				}
			}
		}()
	}
	// Emit in order while the workers go on.
	for i := range out {
		if !final[i].Load() {
			mu.Lock()
			for !final[i].Load() {
				ready.Wait()
			}
			mu.Unlock()
		}
		emit(&out[i])
		out[i] = report.File{}
	}
	wg.Wait()
}

// collect expands one argument into files to lint.
func (r *Runner) collect(p string) []job {
	if p == "-" {
		if name := r.opts.StdinName; name != "" {
			if r.opts.ForceExclude && r.ignored(name) {
				return nil
			}
			return []job{{path: name, stdin: true, named: true}}
		}
		return []job{{path: "-", stdin: true}}
	}
	fi, err := os.Stat(p)
	if err != nil {
		return []job{{path: p, err: describe(err)}}
	}
	if !fi.IsDir() {
		if r.opts.ForceExclude && r.ignored(p) {
			return nil
		}
		return []job{{path: p, regular: fi.Mode().IsRegular()}}
	}
	if r.opts.ForceExclude && r.ignored(p) {
		return nil
	}
	// The root's entries in order, as filepath.WalkDir visits them; its
	// subdirectories are walked side by side (reading directories is
	// mostly waiting for the system) and their files joined in order.
	entries, err := os.ReadDir(p)
	if err != nil {
		return []job{{path: p, err: describe(err)}}
	}
	parts := make([][]job, len(entries))
	var dc, root dirConfig
	root.cfg, root.err = r.configs.For(filepath.Join(p, "x"))
	var wg sync.WaitGroup
	sem := make(chan struct{}, max(2, runtime.GOMAXPROCS(0)))
	for i, d := range entries {
		f := filepath.Join(p, d.Name())
		if !d.IsDir() {
			r.visit(f, d, &parts[i], &dc)
			continue
		}
		if strings.HasPrefix(d.Name(), ".") {
			continue
		}
		wg.Add(1)
		sem <- struct{}{}
		go func() {
			defer func() { <-sem; wg.Done() }()
			r.walk(f, root, &parts[i])
		}()
	}
	wg.Wait()
	n := 0
	for _, part := range parts {
		n += len(part)
	}
	out := make([]job, 0, n)
	for _, part := range parts {
		out = append(out, part...)
	}
	return out
}

// ignored reports whether the .crisis.yaml of p ignores it; a config that
// does not load is reported when the file is linted.
func (r *Runner) ignored(p string) bool {
	cfg, err := r.configs.For(p)
	return err == nil && cfg != nil && cfg.Ignored(p)
}

// walk adds the message files below the directory dir to out, in the
// order of filepath.WalkDir, unless dir is ignored; parent holds the
// .crisis.yaml settings of dir's parent directory. Hidden directories are
// not entered.
func (r *Runner) walk(dir string, parent dirConfig, out *[]job) {
	entries, err := os.ReadDir(dir)
	// The directory's settings: its own .crisis.yaml when the listing has
	// one (or when it cannot be read), else its parent's, which spares
	// the Finder a system call per directory.
	dc := parent
	if err != nil || hasConfigFile(entries) {
		dc.cfg, dc.err = r.configs.For(filepath.Join(dir, "x"))
	}
	if dc.cfg != nil && dc.cfg.Ignored(dir) {
		return
	}
	if err != nil {
		*out = append(*out, job{path: dir, err: describe(err)})
		return
	}
	x := filepath.Join(dir, "x")
	dc.prefix, dc.ok = x[:len(x)-1], true
	for _, d := range entries {
		name := d.Name()
		f := filepath.Join(dir, name)
		if !d.IsDir() {
			r.visit(f, d, out, &dc)
		} else if !strings.HasPrefix(name, ".") {
			r.walk(f, dc, out)
		}
	}
}

// hasConfigFile reports whether a directory listing has a .crisis.yaml.
func hasConfigFile(entries []fs.DirEntry) bool {
	for _, d := range entries {
		if d.Name() == config.FileName {
			return true
		}
	}
	return false
}

// dirConfig remembers the .crisis.yaml of the directory a walk is in: the
// files of one directory share it, and looking it up per file costs path
// cleaning and a locked map.
type dirConfig struct {
	prefix string // the files' path up to their base name
	cfg    *config.Config
	err    error
	ok     bool
}

// visit adds the file f to out when it is a message: not hidden, a message
// extension, not ignored.
func (r *Runner) visit(f string, d fs.DirEntry, out *[]job, dc *dirConfig) {
	name := d.Name()
	if strings.HasPrefix(name, ".") || !r.exts[strings.ToLower(filepath.Ext(name))] {
		return
	}
	// Paths with the same text before the base name are in one directory.
	if prefix := f[:len(f)-len(name)]; !dc.ok || prefix != dc.prefix {
		dc.cfg, dc.err = r.configs.For(f)
		dc.prefix, dc.ok = prefix, true
	}
	if dc.cfg != nil && dc.cfg.Ignored(f) {
		return
	}
	*out = append(*out, job{path: f, regular: d.Type().IsRegular(), cfg: dc.cfg, cfgErr: dc.err, cfgKnown: true})
}

func describe(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		switch {
		case errors.Is(err, fs.ErrNotExist):
			return errors.New("no such file or directory")
		case errors.Is(err, fs.ErrPermission):
			return errors.New("permission denied: cannot read it")
		}
		return pe.Err
	}
	return err
}

// lintOne reads, parses and lints one file. buf is the worker's read
// buffer, returned for the next file (the document copies what it keeps).
func (r *Runner) lintOne(j job, buf []byte) (report.File, *lint.Document, fileInfo, []byte) {
	res := report.File{Path: j.path, Findings: []lint.Finding{}}
	if j.err != nil {
		res.Err = j.err
		return res, nil, fileInfo{}, buf
	}
	data, err := r.read(j, buf)
	if err != nil {
		res.Err = err
		return res, nil, fileInfo{}, buf
	}
	if cap(data) <= 1<<20 {
		buf = data[:0]
	}
	res2, d, pb, zone := r.lintData(j, data, res)
	info := fileInfo{zone: zone}
	if pb != nil {
		info.region = pb.Region
	}
	return res2, d, info, buf
}

// lintData parses and lints the contents of one file, and returns the
// playbook it was judged by (its region reads phone numbers in congruence)
// and the zone of its local times (.crisis.yaml's timezone, else the
// playbook's).
func (r *Runner) lintData(j job, data []byte, res report.File) (report.File, *lint.Document, *playbook.Playbook, string) {
	ext := strings.ToLower(filepath.Ext(j.path))
	markdown := (j.stdin && !j.named) || ext == ".md" || ext == ".markdown"
	d, err := lint.Parse(j.path, data, markdown)
	if err != nil {
		res.Err = stripPath(err, j.path)
		return res, nil, nil, ""
	}
	res.Source = d.Raw

	var set config.Settings
	if !j.stdin || j.named {
		cfg, err := j.cfg, j.cfgErr
		if !j.cfgKnown {
			cfg, err = r.configs.For(j.path)
		}
		if err != nil {
			res.Err = err
			return res, nil, nil, ""
		}
		if cfg != nil {
			set = cfg.Settings(j.path)
		}
	}
	ref := firstOf(r.opts.Playbook, d.Front.Playbook, set.Playbook)
	lang := lint.NormalizeLang(firstOf(j.lang, d.Front.Lang, set.Lang))
	auto := ref == ""
	if auto {
		// No playbook configured: the built-in of the message's language.
		if lang == "" {
			lang = lint.DetectLanguage(d, "")
		}
		ref = playbook.BuiltinPrefix + lang
		if !playbook.IsBuiltin(ref) {
			ref = playbook.BuiltinPrefix + "en"
		}
	}
	e, err := r.Engine(ref)
	if err != nil {
		res.Err = err
		return res, nil, nil, ""
	}
	if lang != "" && !e.Judges(lang) {
		// Judging a message by the rules of no language finds nothing:
		// that must not pass for a clean message.
		res.Err = unknownLang(firstOf(d.Front.Lang, set.Lang), d.Front.Lang != "", set.Source, ref, auto, e)
		return res, nil, nil, ""
	}
	pb := e.Playbook()
	ch := firstOf(j.channel, d.Front.Channel, set.Channel)
	if ch == "" {
		ch = r.channelFromName(pb, j.path)
	}
	if ch == "" && pb.Channel(GenericChannel) != nil {
		ch = GenericChannel
	}
	ctx := lint.Context{Lang: lang, Channel: ch, Stage: d.Front.Stage, Disabled: set.Disabled, Severity: set.Severity, Fold: true}
	findings, judged := e.LintLang(d, ctx)
	res.Channel, res.Lang = ch, judged
	if len(findings) > 0 {
		res.Findings = findings // LintLang's own slice; an empty one stays [] for JSON
	}
	body := d.BodyText()
	subject := d.Front.Subject
	if ch == "email" && subject == "" {
		subject, body = splitSubject(body)
	}
	body = channel.Sendable(body)
	if !r.opts.NoStats {
		res.Stats = stats(d)
	}
	if c := pb.Channel(ch); c != nil {
		lim := channel.Defaults(ch)
		mergeLimits(&lim, c.Limits)
		var extra []lint.Finding
		bodyOff := len(d.Raw) - len(body)
		for _, v := range channel.CheckLang(ch, lim, body, subject, judged) {
			f := lint.Finding{Rule: v.Rule, Principle: "channels", Tone: "form", Severity: "warning", Message: v.Message}
			switch {
			case v.Offset >= 0:
				f.Offset, f.End = bodyOff+v.Offset, bodyOff+v.End
			case v.Rule == channel.RuleSubjectLength && d.Front.Subject != "":
				f.Offset, f.End = frontMatterValue(d.Raw[:d.Body], "subject")
			default:
				f.Offset, f.End = bodyOff, bodyOff+len(firstLine(body))
			}
			extra = append(extra, d.Locate(f))
		}
		extra = d.Suppress(extra)
		if ctx.Disabled != nil {
			kept := extra[:0]
			for _, f := range extra {
				if !ctx.Disabled[f.Rule] {
					kept = append(kept, f)
				}
			}
			extra = kept
		}
		if len(extra) > 0 {
			res.Findings = append(res.Findings, extra...)
			lint.SortFindings(res.Findings)
		}
	}
	return res, d, pb, firstOf(set.Timezone, pb.Timezone)
}

func (r *Runner) read(j job, buf []byte) ([]byte, error) {
	if j.stdin {
		if r.opts.Stdin == nil {
			return nil, errors.New("no standard input")
		}
		return io.ReadAll(io.LimitReader(r.opts.Stdin, lint.MaxFileSize+1))
	}
	if !j.regular {
		// A symbolic link or a special file: Stat does not block on a
		// named pipe, as opening it would.
		fi, err := os.Stat(j.path)
		if err != nil {
			return nil, describe(err)
		}
		if !fi.Mode().IsRegular() {
			return nil, errors.New("not a regular file")
		}
	}
	data, err := readRegular(j.path, buf, lint.MaxFileSize)
	if err != nil {
		return nil, describe(err)
	}
	if len(data) > lint.MaxFileSize {
		size := int64(len(data))
		if fi, err := os.Stat(j.path); err == nil {
			size = fi.Size()
		}
		return nil, tooLarge(size)
	}
	return data, nil
}

// unknownLang describes a lang setting that the playbook has no rules for,
// and where it was set.
func unknownLang(lang string, front bool, cfgPath, ref string, auto bool, e *lint.Engine) error {
	where := "front matter"
	if !front && cfgPath != "" {
		where = cfgPath
	}
	if auto {
		return fmt.Errorf("lang %q (%s): no built-in playbook for this language; the languages are %s",
			lang, where, strings.Join(playbook.Languages, ", "))
	}
	return fmt.Errorf("lang %q (%s) is not a language of playbook %s; it has %s",
		lang, where, ref, strings.Join(e.Langs(), ", "))
}

func tooLarge(size int64) error { return errors.New(lint.TooLarge(size)) }

// stripPath keeps errors from naming the file twice: printers add the path.
func stripPath(err error, p string) error {
	var ie *lint.InputError
	if errors.As(err, &ie) {
		if ie.Line > 0 {
			return fmt.Errorf("%d:%d: %s", ie.Line, ie.Column, ie.Msg)
		}
		return errors.New(ie.Msg)
	}
	return err
}

func firstOf(vals ...string) string {
	for _, v := range vals {
		if v != "" {
			return v
		}
	}
	return ""
}

func (r *Runner) channelFromName(pb *playbook.Playbook, p string) string {
	key := channelKey{pb, path.Base(filepath.ToSlash(p))}
	if ch, ok := r.channels.Load(key); ok {
		return ch.(string)
	}
	ch := ChannelFromName(pb, p)
	r.channels.Store(key, ch)
	return ch
}

// ChannelFromName derives a channel from a file name: the playbook's file
// globs first, then the conventions sms.txt and update.sms.md.
func ChannelFromName(pb *playbook.Playbook, p string) string {
	base := path.Base(filepath.ToSlash(p))
	for _, c := range pb.Channels {
		for _, g := range c.Files {
			if ok, _ := path.Match(g, base); ok {
				return c.ID
			}
		}
	}
	parts := strings.Split(strings.ToLower(base), ".")
	if len(parts) >= 2 {
		if pb.Channel(parts[0]) != nil {
			return parts[0]
		}
		if c := parts[len(parts)-2]; pb.Channel(c) != nil {
			return c
		}
	}
	return ""
}

func mergeLimits(dst *channel.Limits, l playbook.Limits) {
	if l.SMSSegments > 0 {
		dst.SMSSegments = l.SMSSegments
	}
	if l.XWeighted > 0 {
		dst.XWeighted = l.XWeighted
	}
	if l.MaxChars > 0 {
		dst.MaxChars = l.MaxChars
	}
	if l.SubjectChars > 0 {
		dst.SubjectChars = l.SubjectChars
	}
}

// splitSubject takes a leading "Subject:"/"Betreff:" line off an e-mail.
func splitSubject(body string) (subject, rest string) {
	line := firstLine(body)
	for _, p := range []string{"Subject:", "Betreff:"} {
		if strings.HasPrefix(line, p) {
			rest = strings.TrimPrefix(body[len(line):], "\n")
			return strings.TrimSpace(strings.TrimPrefix(strings.TrimRight(line, "\r"), p)), strings.TrimLeft(rest, "\r\n")
		}
	}
	return "", body
}

// frontMatterValue returns the byte span of key's value in the front
// matter fm (a top-level "key: value" line), quotes included, so that a
// finding about the subject points at the subject; 0, 0 when it is not
// there on one line.
func frontMatterValue(fm, key string) (start, end int) {
	for off := 0; off < len(fm); {
		line := fm[off:]
		if i := strings.IndexByte(line, '\n'); i >= 0 {
			line = line[:i]
		}
		if rest, ok := strings.CutPrefix(line, key+":"); ok {
			v := strings.TrimRight(strings.TrimLeft(rest, " \t"), " \t\r")
			if v != "" {
				start = off + len(line) - len(strings.TrimLeft(rest, " \t"))
				return start, start + len(v)
			}
		}
		off += len(line) + 1
	}
	return 0, 0
}

func firstLine(s string) string {
	if i := strings.IndexByte(s, '\n'); i >= 0 {
		return s[:i]
	}
	return s
}

// stats measures a message. SMS segments and the X length are given for
// every message (the JSON contract shows both), so a writer can see at a
// glance whether a text would also fit as an SMS or a post.
func stats(d *lint.Document) report.Stats {
	body := channel.Sendable(d.BodyText())
	sms, x := channel.SMS(body), channel.X(body)
	words, chars := countText(body)
	return report.Stats{Words: words, Characters: chars, SMS: &sms, X: &x}
}

// countText counts the words of s, as runs of non-space characters (like
// len(strings.Fields) without building the slice), and its code points
// (like utf8.RuneCountInString), in one pass. ASCII is counted without
// branches on the word boundaries, which a CPU cannot predict.
func countText(s string) (words, runes int) {
	prev := uint8(1) // 1 after a space and at the start
	for i := 0; i < len(s); {
		if c := s[i]; c < utf8.RuneSelf {
			sp := asciiSpace[c]
			words += int(prev &^ sp)
			prev = sp
			i++
			runes++
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		var sp uint8
		if unicode.IsSpace(r) {
			sp = 1
		}
		words += int(prev &^ sp)
		prev = sp
		i += size
		runes++
	}
	return words, runes
}

// asciiSpace is unicode.IsSpace for ASCII, as 1 or 0.
var asciiSpace = [utf8.RuneSelf]uint8{'\t': 1, '\n': 1, '\v': 1, '\f': 1, '\r': 1, ' ': 1}

// dirSet is a directory of the run: its message files (indexes into the
// run's jobs), how many of them are still being linted, and whether it is
// one update, which the first of its files to be linted finds out.
type dirSet struct {
	dir     string
	idx     []int
	pending atomic.Int32
	once    sync.Once
	u       *updateSet
}

func (ds *dirSet) update() *updateSet {
	ds.once.Do(func() { ds.u = readUpdateSet(ds.dir) })
	return ds.u
}

// Text is a message to lint that is not, or not yet, a file.
type Text struct {
	// Path is the file the text is or will be, which need not exist: the
	// .crisis.yaml above it, its overrides, the channel by file name and
	// Markdown for .md apply, as `crisis lint PATH` would apply them. An
	// empty Path lints the text like standard input.
	Path string
	Data []byte
	// Channel and Lang, when set, win over front matter, .crisis.yaml and
	// file name.
	Channel, Lang string
}

// LintText lints a text as the file it is or will be, and returns the
// playbook it was judged by (nil when it could not be linted). Cross-channel
// congruence is not checked: it compares the files of a directory.
func (r *Runner) LintText(t Text) (report.File, *playbook.Playbook) {
	j := job{path: t.Path, channel: t.Channel, lang: t.Lang}
	if t.Path == "" {
		j.path, j.stdin = "-", true
	}
	res := report.File{Path: j.path, Findings: []lint.Finding{}}
	if len(t.Data) > lint.MaxFileSize {
		res.Err = tooLarge(int64(len(t.Data)))
		return res, nil
	}
	res, d, pb, _ := r.lintData(j, t.Data, res)
	if d != nil {
		d.Release()
	}
	return res, pb
}
