// Package inflight tracks the temporary directories of writes under way,
// so that a process ended by a signal leaves none behind and never stops
// in the middle of putting a finished one in place.
package inflight

import (
	"errors"
	"os"
	"sync"
)

// ErrAborted is returned to a write that tries to start or finish after
// Abort.
var ErrAborted = errors.New("interrupted")

var (
	mu      sync.Mutex
	dirs    = map[string]bool{}
	aborted bool
)

// Add records a temporary directory that a write has just made.
func Add(dir string) error {
	mu.Lock()
	defer mu.Unlock()
	if aborted {
		os.RemoveAll(dir)
		return ErrAborted
	}
	dirs[dir] = true
	return nil
}

// Done removes a temporary directory (if it is still there) and forgets it.
func Done(dir string) {
	mu.Lock()
	defer mu.Unlock()
	delete(dirs, dir)
	os.RemoveAll(dir)
}

// Commit runs the step that puts a finished write in place (renames), so
// that Abort waits for it instead of cutting it in half.
func Commit(step func() error) error {
	mu.Lock()
	defer mu.Unlock()
	if aborted {
		return ErrAborted
	}
	return step()
}

// Abort removes every temporary directory of the writes under way and
// keeps them from finishing. It returns once no commit is running; the
// caller then ends the process.
func Abort() {
	mu.Lock()
	defer mu.Unlock()
	aborted = true
	for d := range dirs {
		os.RemoveAll(d)
	}
	clear(dirs)
}
