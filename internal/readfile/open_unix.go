//go:build unix

package readfile

import (
	"os"
	"syscall"
)

// openNonBlocking opens path without waiting for a writer: opening a named
// pipe for reading blocks until one appears, and the type check comes
// after the open (on the descriptor, so that no rename in between can
// swap the file).
func openNonBlocking(path string) (*os.File, error) {
	return os.OpenFile(path, os.O_RDONLY|syscall.O_NONBLOCK, 0)
}

// setBlocking undoes O_NONBLOCK for the read itself; for a regular file it
// changes nothing, but a file must not be read half on the strength of it.
func setBlocking(f *os.File) error {
	return syscall.SetNonblock(int(f.Fd()), false)
}
