// Package config reads .crisis.yaml, the per-repository settings of the
// linter: which playbook, which language, per-glob overrides and files to
// ignore. The nearest .crisis.yaml above a file applies to it.
package config

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"sync"
	"time"

	"github.com/crisis-comms/crisis/internal/readfile"
	"github.com/crisis-comms/crisis/internal/yamlfile"
)

// FileName is the name of the config file.
const FileName = ".crisis.yaml"

// Config is one .crisis.yaml.
type Config struct {
	// Playbook is the playbook to use: builtin:de, builtin:en or a path
	// relative to the config file.
	Playbook string `yaml:"playbook,omitempty"`
	// Playbooks are further playbooks the team keeps (listed by `crisis
	// playbook list`).
	Playbooks []string `yaml:"playbooks,omitempty"`
	Lang      string   `yaml:"lang,omitempty"`
	Channel   string   `yaml:"channel,omitempty"`
	// Timezone is the IANA zone (Europe/Berlin) of times written without
	// an offset in the files below (messages, facts.yaml, the draft form):
	// it wins over the playbook's timezone:, and a facts.yaml's own
	// timezone: wins over it.
	Timezone  string     `yaml:"timezone,omitempty"`
	Ignore    []string   `yaml:"ignore,omitempty"`
	Overrides []Override `yaml:"overrides,omitempty"`

	// Dir is the directory holding the config file; Path the file itself.
	Dir  string `yaml:"-"`
	Path string `yaml:"-"`

	// absDirOnce makes Dir absolute once; configs are shared by the
	// goroutines that walk and lint files.
	absDirOnce func() (string, error)
}

// langRe matches a language code such as de, en or pt-BR.
var langRe = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$`) })

// cwd is the working directory, read once: filepath.Abs asks the kernel
// on every call, which costs more than linting a short message.
var cwd = sync.OnceValues(os.Getwd)

// absPath is filepath.Abs with the working directory cached.
func absPath(p string) (string, error) {
	if filepath.IsAbs(p) {
		return filepath.Clean(p), nil
	}
	wd, err := cwd()
	if err != nil {
		return "", err
	}
	return filepath.Join(wd, p), nil
}

// Override applies settings to the files matching Files (globs relative to
// the config's directory; ** matches any number of directories).
type Override struct {
	Files   []string          `yaml:"files"`
	Channel string            `yaml:"channel,omitempty"`
	Lang    string            `yaml:"lang,omitempty"`
	Rules   map[string]string `yaml:"rules,omitempty"` // rule id → off | error | warning | info
}

// Settings are what applies to one file after all overrides.
type Settings struct {
	Playbook string
	Lang     string
	Timezone string
	Source   string // the config file they come from
	Channel  string
	Disabled map[string]bool
	Severity map[string]string
}

// Load reads and checks one config file.
func Load(p string) (*Config, error) {
	data, err := readfile.Read(p, readfile.Config)
	if err != nil {
		return nil, err
	}
	var c Config
	doc, err := yamlfile.Parse(p, data)
	if err != nil {
		return nil, err
	}
	if doc != nil {
		if err := yamlfile.DecodeNode(p, doc, &c); err != nil {
			return nil, err
		}
	}
	c.Path = p
	c.Dir = filepath.Dir(p)
	c.absDirOnce = sync.OnceValues(func() (string, error) { return absPath(c.Dir) })
	if c.Lang != "" && !langRe().MatchString(c.Lang) {
		return nil, fmt.Errorf("%s: lang %q is not a language code such as de or en", p, c.Lang)
	}
	if c.Timezone != "" {
		if _, err := time.LoadLocation(c.Timezone); err != nil || c.Timezone == "Local" {
			line, col := yamlfile.ValuePos(doc, "timezone")
			return nil, &yamlfile.Error{File: p, Line: line, Column: col,
				Msg: fmt.Sprintf("timezone %q is not a time zone: use an IANA name such as Europe/Berlin or UTC", c.Timezone)}
		}
	}
	for _, o := range c.Overrides {
		if o.Lang != "" && !langRe().MatchString(o.Lang) {
			return nil, fmt.Errorf("%s: override lang %q is not a language code such as de or en", p, o.Lang)
		}
		if len(o.Files) == 0 {
			return nil, fmt.Errorf("%s: every override needs files: [globs]", p)
		}
		for id, v := range o.Rules {
			if !slices.Contains([]string{"off", "error", "warning", "info"}, v) {
				return nil, fmt.Errorf("%s: rule %s: %q is not one of off, error, warning, info", p, id, v)
			}
		}
		for _, g := range o.Files {
			if _, err := path.Match(g, ""); err != nil {
				return nil, fmt.Errorf("%s: bad glob %q: %v", p, g, err)
			}
		}
	}
	for _, g := range c.Ignore {
		if _, err := path.Match(g, ""); err != nil {
			return nil, fmt.Errorf("%s: bad ignore glob %q: %v", p, g, err)
		}
	}
	return &c, nil
}

// PlaybookRef returns the configured playbook as a loadable reference.
func (c *Config) PlaybookRef() string { return c.resolve(c.Playbook) }

// PlaybookRefs returns every playbook the config names.
func (c *Config) PlaybookRefs() []string {
	var out []string
	if c.Playbook != "" {
		out = append(out, c.PlaybookRef())
	}
	for _, p := range c.Playbooks {
		out = append(out, c.resolve(p))
	}
	return out
}

func (c *Config) resolve(ref string) string {
	if ref == "" || strings.HasPrefix(ref, "builtin:") || filepath.IsAbs(ref) {
		return ref
	}
	return filepath.Join(c.Dir, ref)
}

// Ignored reports whether file (a path) is ignored by the config.
func (c *Config) Ignored(file string) bool {
	rel, ok := c.rel(file)
	if !ok {
		return false
	}
	for _, g := range c.Ignore {
		if Match(g, rel) {
			return true
		}
	}
	return false
}

// absDir is Dir made absolute.
func (c *Config) absDir() (string, error) {
	if c.absDirOnce == nil {
		return absPath(c.Dir)
	}
	return c.absDirOnce()
}

func (c *Config) rel(file string) (string, bool) {
	abs, err := absPath(file)
	if err != nil {
		return "", false
	}
	dir, err := c.absDir()
	if err != nil {
		return "", false
	}
	rel, err := filepath.Rel(dir, abs)
	if err != nil || strings.HasPrefix(rel, "..") {
		return "", false
	}
	return filepath.ToSlash(rel), true
}

// Settings resolves what applies to file.
func (c *Config) Settings(file string) Settings {
	s := Settings{Playbook: c.PlaybookRef(), Lang: c.Lang, Timezone: c.Timezone, Channel: c.Channel, Source: c.Path}
	rel, ok := c.rel(file)
	if !ok {
		return s
	}
	for _, o := range c.Overrides {
		matched := false
		for _, g := range o.Files {
			if Match(g, rel) {
				matched = true
				break
			}
		}
		if !matched {
			continue
		}
		if o.Channel != "" {
			s.Channel = o.Channel
		}
		if o.Lang != "" {
			s.Lang = o.Lang
		}
		for id, v := range o.Rules {
			if v == "off" {
				if s.Disabled == nil {
					s.Disabled = map[string]bool{}
				}
				s.Disabled[id] = true
				continue
			}
			if s.Severity == nil {
				s.Severity = map[string]string{}
			}
			s.Severity[id] = v
		}
	}
	return s
}

// Match matches a slash-separated relative path against a glob where **
// spans directories and a glob without a slash matches the base name
// anywhere.
func Match(glob, rel string) bool {
	if !strings.Contains(glob, "/") {
		ok, _ := path.Match(glob, path.Base(rel))
		return ok
	}
	return matchParts(strings.Split(glob, "/"), strings.Split(rel, "/"))
}

func matchParts(g, p []string) bool {
	for len(g) > 0 {
		if g[0] == "**" {
			for i := 0; i <= len(p); i++ {
				if matchParts(g[1:], p[i:]) {
					return true
				}
			}
			return false
		}
		if len(p) == 0 {
			return false
		}
		if ok, _ := path.Match(g[0], p[0]); !ok {
			return false
		}
		g, p = g[1:], p[1:]
	}
	return len(p) == 0
}

// Finder finds the nearest config above a path, caching per directory.
type Finder struct {
	mu    sync.Mutex
	cache map[string]*Config
	errs  map[string]error
	fixed *Config // --config: this one for every file
}

// NewFinder returns an empty finder.
func NewFinder() *Finder {
	return &Finder{cache: map[string]*Config{}, errs: map[string]error{}}
}

// NewFixedFinder returns a finder that gives c for every file, as for
// crisis lint --config FILE.
func NewFixedFinder(c *Config) *Finder {
	return &Finder{fixed: c}
}

// For returns the config that applies to file, or nil when there is none.
func (f *Finder) For(file string) (*Config, error) {
	if f.fixed != nil {
		return f.fixed, nil
	}
	abs, err := absPath(file)
	if err != nil {
		return nil, err
	}
	return f.dir(filepath.Dir(abs))
}

func (f *Finder) dir(dir string) (*Config, error) {
	f.mu.Lock()
	if c, ok := f.cache[dir]; ok {
		err := f.errs[dir]
		f.mu.Unlock()
		return c, err
	}
	f.mu.Unlock()
	var c *Config
	var err error
	p := filepath.Join(dir, FileName)
	if _, serr := os.Stat(p); serr == nil {
		c, err = Load(relPath(p))
	} else if !errors.Is(serr, fs.ErrNotExist) {
		err = serr
	} else if parent := filepath.Dir(dir); parent != dir {
		c, err = f.dir(parent)
	}
	f.mu.Lock()
	f.cache[dir], f.errs[dir] = c, err
	f.mu.Unlock()
	return c, err
}

// relPath shortens an absolute path relative to the working directory for
// messages, when that is possible.
func relPath(p string) string {
	wd, err := cwd()
	if err != nil {
		return p
	}
	if r, err := filepath.Rel(wd, p); err == nil && !strings.HasPrefix(r, "..") {
		return r
	}
	return p
}
