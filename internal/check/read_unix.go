//go:build unix

package check

import (
	"errors"
	"io/fs"
	"syscall"
)

// readRegular reads a file known to be a regular one (from the directory
// listing) into buf, which it may grow, with plain system calls: opening
// through package os costs five more calls per file (non-blocking mode
// for the poller, which regular files refuse, and a stat), and a tree of
// short messages is mostly such calls. It stops after limit+1 bytes.
func readRegular(path string, buf []byte, limit int) ([]byte, error) {
	var fd int
	var err error
	for {
		fd, err = syscall.Open(path, syscall.O_RDONLY|syscall.O_CLOEXEC, 0)
		if !errors.Is(err, syscall.EINTR) {
			break
		}
	}
	if err != nil {
		return nil, &fs.PathError{Op: "open", Path: path, Err: err}
	}
	defer syscall.Close(fd)
	buf = buf[:cap(buf)]
	n := 0
	for n <= limit {
		if n == len(buf) {
			buf = append(buf, make([]byte, len(buf)+512)...)
			buf = buf[:cap(buf)]
		}
		m, err := syscall.Read(fd, buf[n:min(len(buf), limit+1)])
		if errors.Is(err, syscall.EINTR) {
			continue
		}
		if err != nil {
			return nil, &fs.PathError{Op: "read", Path: path, Err: err}
		}
		if m == 0 {
			break
		}
		n += m
	}
	return buf[:n], nil
}
