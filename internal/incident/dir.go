package incident

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"time"
)

// DirLayout is the name format of an update directory (minute precision, no
// colons so that it is a valid file name everywhere).
const DirLayout = "2006-01-02T1504"

// FactsFile is the name of an update's facts file.
const FactsFile = "facts.yaml"

// Update is one update directory with its facts.
type Update struct {
	Dir   string    // path of the update directory
	Time  time.Time // from facts.time, else from the directory name
	Facts *Facts
}

// Incident is an incident directory read from disk, updates oldest first.
type Incident struct {
	Dir     string
	Updates []Update
}

// Latest returns the newest update, or nil when there is none.
func (in *Incident) Latest() *Update {
	if len(in.Updates) == 0 {
		return nil
	}
	return &in.Updates[len(in.Updates)-1]
}

// UpdateDirName is the directory name for an update issued at t.
func UpdateDirName(t time.Time) string { return t.Format(DirLayout) }

// maxUpdatesPerName bounds the -2, -3, … suffixes tried for one minute, so
// that a directory that refuses every name is an error, not a loop.
const maxUpdatesPerName = 1000

// ClaimUpdateDir creates a fresh, empty update directory under dir for
// time t and returns its path. When the name is taken it tries -2, -3, …:
// the name is claimed by the mkdir itself, so that two writers at the same
// moment each get their own update and nothing of an earlier one is ever
// overwritten. Any other failure (dir is a file, the name is too long, no
// permission) is returned as it is.
func ClaimUpdateDir(dir string, t time.Time) (string, error) {
	base := filepath.Join(dir, UpdateDirName(t))
	p := base
	for i := 2; i <= maxUpdatesPerName+1; i++ {
		err := os.Mkdir(p, 0o755)
		if err == nil {
			return p, nil
		}
		if !errors.Is(err, fs.ErrExist) {
			return "", err
		}
		p = fmt.Sprintf("%s-%d", base, i)
	}
	return "", fmt.Errorf("%s: %d updates in the same minute; use another directory", base, maxUpdatesPerName)
}

// IsHidden reports whether a directory entry is hidden: temporary files and
// directories of an update being written start with a dot, and readers
// skip them.
func IsHidden(name string) bool { return strings.HasPrefix(name, ".") }

// Load reads every update directory (a subdirectory holding facts.yaml)
// of an incident directory; times written without an offset are in the
// machine's zone unless the facts name one.
func Load(dir string) (*Incident, error) { return LoadIn(dir, time.Local) }

// LoadIn is Load with loc as the zone of times written without an offset
// (a .crisis.yaml's timezone:); a facts file's own timezone: wins.
func LoadIn(dir string, loc *time.Location) (*Incident, error) {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return nil, err
	}
	in := &Incident{Dir: dir}
	for _, e := range entries {
		// A symbolic link is no update directory: it could lead out of
		// the incident.
		if !e.IsDir() || IsHidden(e.Name()) {
			continue
		}
		p := filepath.Join(dir, e.Name(), FactsFile)
		fi, err := os.Lstat(p)
		if err != nil {
			continue
		}
		if fi.Mode()&fs.ModeSymlink != 0 {
			if err := linkInside(dir, p); err != nil {
				return nil, err
			}
		}
		f, err := LoadFactsIn(p, loc)
		if err != nil {
			return nil, err
		}
		u := Update{Dir: filepath.Join(dir, e.Name()), Facts: f}
		if f.Time != "" {
			u.Time, _ = time.Parse(time.RFC3339, f.Time) // validated by LoadFacts
		} else if t, err := time.ParseInLocation(DirLayout, trimSuffix(e.Name()), dirZone(f, loc)); err == nil {
			u.Time = t
		} else {
			return nil, fmt.Errorf("%s: no time: set `time:` in facts.yaml or name the directory like 2026-11-23T0930", p)
		}
		in.Updates = append(in.Updates, u)
	}
	if len(in.Updates) == 0 {
		return nil, fmt.Errorf("%s: no updates found: an incident directory holds one subdirectory per update, each with a facts.yaml", dir)
	}
	sort.SliceStable(in.Updates, func(i, j int) bool { return in.Updates[i].Time.Before(in.Updates[j].Time) })
	return in, nil
}

// linkInside checks that the symbolic link p resolves to a place inside
// dir: an update's facts may link to a file of the incident, but not to one
// outside, whose content would then be published.
func linkInside(dir, p string) error {
	root, err := filepath.EvalSymlinks(dir)
	if err != nil {
		return err
	}
	target, err := filepath.EvalSymlinks(p)
	if err != nil {
		return fmt.Errorf("%s: %w", p, err)
	}
	if rel, err := filepath.Rel(root, target); err != nil || rel == ".." || strings.HasPrefix(rel, ".."+string(filepath.Separator)) {
		return fmt.Errorf("%s: a symbolic link that leads out of the incident directory (to %s); copy the file in instead", p, target)
	}
	return nil
}

// trimSuffix drops a -N collision suffix from an update directory name.
func trimSuffix(name string) string {
	if len(name) > len(DirLayout) {
		return name[:len(DirLayout)]
	}
	return name
}

// dirZone is the zone an update directory's name is read in: the facts'
// own timezone:, else loc.
func dirZone(f *Facts, loc *time.Location) *time.Location {
	if f.Timezone != "" {
		if l, err := time.LoadLocation(f.Timezone); err == nil {
			return l
		}
	}
	return loc
}
