//go:build !unix

package readfile

import (
	"errors"
	"io/fs"
	"os"
)

// openNonBlocking checks the type before opening, where there is no
// O_NONBLOCK: a special file is refused without being opened.
func openNonBlocking(path string) (*os.File, error) {
	fi, err := os.Stat(path)
	if err != nil {
		return nil, err
	}
	if !fi.Mode().IsRegular() && !fi.IsDir() {
		return nil, &fs.PathError{Op: "open", Path: path, Err: errors.New("not a regular file")}
	}
	return os.Open(path)
}

func setBlocking(*os.File) error { return nil }
