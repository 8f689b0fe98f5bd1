package atomicfile

import (
	"io/fs"
	"os"
	"path/filepath"
)

// Pending is a file being written in the background of its final name: a
// temporary file in the same directory that Commit renames into place,
// replacing what is there, and Abort removes. Readers of the final name
// see the old file or the whole new one, never a half-written report.
type Pending struct {
	*os.File
	path string
	perm fs.FileMode
}

// Create starts writing path.
func Create(path string, perm fs.FileMode) (*Pending, error) {
	dir := filepath.Dir(path)
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return nil, err
	}
	tmp, err := os.CreateTemp(dir, "."+filepath.Base(path)+".tmp-*")
	if err != nil {
		return nil, err
	}
	return &Pending{File: tmp, path: path, perm: perm}, nil
}

// Commit flushes the file to disk and renames it to its final name.
func (p *Pending) Commit() error {
	name := p.File.Name()
	err := p.File.Sync()
	if cerr := p.File.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = os.Chmod(name, p.perm)
	}
	if err == nil {
		err = os.Rename(name, p.path)
	}
	if err != nil {
		os.Remove(name)
	}
	return err
}

// Abort drops the file; the final name is left as it was.
func (p *Pending) Abort() {
	p.File.Close()
	os.Remove(p.File.Name())
}
