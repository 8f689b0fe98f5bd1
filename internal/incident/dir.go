package incident

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
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

// NewUpdateDir returns the path of a fresh update directory under dir for
// time t. When that name is taken it appends -2, -3, … so that nothing of an
// earlier update is ever overwritten.
func NewUpdateDir(dir string, t time.Time) string {
	base := filepath.Join(dir, UpdateDirName(t))
	p := base
	for i := 2; ; i++ {
		if _, err := os.Lstat(p); errors.Is(err, fs.ErrNotExist) {
			return p
		}
		p = fmt.Sprintf("%s-%d", base, i)
	}
}

// Load reads every update directory (a subdirectory holding facts.yaml)
// of an incident directory.
func Load(dir string) (*Incident, error) {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return nil, err
	}
	in := &Incident{Dir: dir}
	for _, e := range entries {
		if !e.IsDir() {
			continue
		}
		p := filepath.Join(dir, e.Name(), FactsFile)
		if _, err := os.Stat(p); err != nil {
			continue
		}
		f, err := LoadFacts(p)
		if err != nil {
			return nil, err
		}
		u := Update{Dir: filepath.Join(dir, e.Name()), Facts: f}
		if f.Time != "" {
			u.Time, _ = time.Parse(time.RFC3339, f.Time) // validated by LoadFacts
		} else if t, err := time.ParseInLocation(DirLayout, trimSuffix(e.Name()), time.Local); err == nil {
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

// trimSuffix drops a -N collision suffix from an update directory name.
func trimSuffix(name string) string {
	if len(name) > len(DirLayout) {
		return name[:len(DirLayout)]
	}
	return name
}
