package page

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"time"

	"github.com/crisis-comms/crisis/internal/atomicfile"
	"github.com/crisis-comms/crisis/internal/inflight"
)

// tmpPrefix starts the names of the hidden directories a build works in,
// next to the site directory.
const tmpPrefix = ".crisis-site-"

// staleAfter is the age at which a build's leftover working directory (the
// build was killed) is removed by the next build.
const staleAfter = time.Hour

// writeSite makes outDir hold files plus whatever else it held before: the
// new site is assembled in a hidden sibling directory (the other entries
// hard-linked, or copied where links are not possible), then swapped with
// the old one in one step, or, where the system cannot, renamed into place
// after the old one is renamed aside.
func writeSite(outDir string, files map[string][]byte) error {
	outDir, err := filepath.Abs(outDir)
	if err != nil {
		return err
	}
	parent := filepath.Dir(outDir)
	if err := os.MkdirAll(parent, 0o755); err != nil {
		return err
	}
	if err := restoreAside(outDir); err != nil {
		return err
	}
	removeStale(parent)
	tmp, err := os.MkdirTemp(parent, tmpPrefix+"*")
	if err != nil {
		return err
	}
	if err := inflight.Add(tmp); err != nil {
		return err
	}
	defer inflight.Done(tmp) // gone after the swap
	perm := fs.FileMode(0o755)
	if fi, err := os.Stat(outDir); err == nil {
		perm = fi.Mode().Perm()
		if err := linkTree(outDir, tmp, files); err != nil {
			return err
		}
	} else if !errors.Is(err, fs.ErrNotExist) {
		return err
	}
	for name, data := range files {
		if err := writeSynced(filepath.Join(tmp, name), data); err != nil {
			return err
		}
	}
	if err := os.Chmod(tmp, perm); err != nil {
		return err
	}
	old := asideName(outDir, time.Now().UnixNano())
	err = inflight.Commit(func() error {
		// Where the system can swap two directories in one step, no reader
		// and no kill ever finds the site missing; the old site is then in
		// tmp, which Done removes.
		if atomicfile.Exchange(tmp, outDir) == nil {
			return nil
		}
		if err := os.Rename(outDir, old); err != nil && !errors.Is(err, fs.ErrNotExist) {
			return err
		}
		if err := os.Rename(tmp, outDir); err != nil {
			// Put the old site back rather than leave none.
			if rerr := os.Rename(old, outDir); rerr != nil && !errors.Is(rerr, fs.ErrNotExist) {
				return fmt.Errorf("%w; the previous site is in %s", err, old)
			}
			return err
		}
		return nil
	})
	if err == nil {
		os.RemoveAll(old)
	}
	return err
}

// asideName is where the two-rename swap puts the old site of outDir for
// the moment between the renames; restoreAside finds it by this name.
func asideName(outDir string, nanos int64) string {
	return filepath.Join(filepath.Dir(outDir), fmt.Sprintf("%sold-%s-%d", tmpPrefix, filepath.Base(outDir), nanos))
}

// restoreAside puts back the site of a build that was killed between the
// two renames of its swap (outDir missing, the old site aside), so that the
// files kept around the site — robots.txt, a verification file — are not
// lost by the next build.
func restoreAside(outDir string) error {
	if _, err := os.Lstat(outDir); !errors.Is(err, fs.ErrNotExist) {
		return nil
	}
	prefix := tmpPrefix + "old-" + filepath.Base(outDir) + "-"
	entries, err := os.ReadDir(filepath.Dir(outDir))
	if err != nil {
		return nil
	}
	newest, newestNanos := "", int64(-1)
	for _, e := range entries {
		rest, ok := strings.CutPrefix(e.Name(), prefix)
		if !ok || !e.IsDir() {
			continue
		}
		n, err := strconv.ParseInt(rest, 10, 64)
		if err != nil {
			continue // another site whose name continues this one's
		}
		if n > newestNanos {
			newest, newestNanos = e.Name(), n
		}
	}
	if newest == "" {
		return nil
	}
	if err := os.Rename(filepath.Join(filepath.Dir(outDir), newest), outDir); err != nil {
		return fmt.Errorf("restoring the previous site from %s: %w", newest, err)
	}
	return nil
}

// asideOf tells the site name of an old site put aside by asideName.
func asideOf(name string) (string, bool) {
	rest, ok := strings.CutPrefix(name, tmpPrefix+"old-")
	if !ok {
		return "", false
	}
	i := strings.LastIndexByte(rest, '-')
	if i <= 0 {
		return "", false
	}
	if _, err := strconv.ParseInt(rest[i+1:], 10, 64); err != nil {
		return "", false
	}
	return rest[:i], true
}

// linkTree recreates the entries of src in dst by hard links (copies where
// a link fails), leaving out the names in skip, which the build replaces.
func linkTree(src, dst string, skip map[string][]byte) error {
	entries, err := os.ReadDir(src)
	if err != nil {
		return err
	}
	for _, e := range entries {
		if _, ok := skip[e.Name()]; ok || strings.HasPrefix(e.Name(), tmpPrefix) {
			continue
		}
		from, to := filepath.Join(src, e.Name()), filepath.Join(dst, e.Name())
		fi, err := e.Info()
		if err != nil {
			return err
		}
		switch {
		case fi.Mode()&fs.ModeSymlink != 0:
			target, err := os.Readlink(from)
			if err != nil {
				return err
			}
			if err := os.Symlink(target, to); err != nil {
				return err
			}
		case fi.IsDir():
			if err := os.Mkdir(to, fi.Mode().Perm()); err != nil {
				return err
			}
			if err := linkTree(from, to, nil); err != nil {
				return err
			}
		case fi.Mode().IsRegular():
			if os.Link(from, to) != nil {
				if err := copyFile(from, to, fi.Mode().Perm()); err != nil {
					return err
				}
			}
		}
	}
	return nil
}

func copyFile(from, to string, perm fs.FileMode) error {
	in, err := os.Open(from)
	if err != nil {
		return err
	}
	defer in.Close()
	out, err := os.OpenFile(to, os.O_WRONLY|os.O_CREATE|os.O_EXCL, perm)
	if err != nil {
		return err
	}
	if _, err := io.Copy(out, in); err != nil {
		out.Close()
		return err
	}
	return out.Close()
}

func writeSynced(p string, data []byte) error {
	return atomicfile.WriteSynced(p, data, 0o644, false)
}

// removeStale removes working directories of builds that were killed; a
// young one may belong to a build still running.
func removeStale(dir string) {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return
	}
	for _, e := range entries {
		if !strings.HasPrefix(e.Name(), tmpPrefix) {
			continue
		}
		if site, ok := asideOf(e.Name()); ok {
			if _, err := os.Lstat(filepath.Join(dir, site)); err != nil {
				continue // the only copy of a site whose swap was cut short
			}
		}
		if fi, err := e.Info(); err == nil && time.Since(fi.ModTime()) > staleAfter {
			os.RemoveAll(filepath.Join(dir, e.Name()))
		}
	}
}
