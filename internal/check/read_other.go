//go:build !unix

package check

import (
	"io"
	"os"
)

// readRegular reads a regular file into buf, which it may grow, stopping
// after limit+1 bytes.
func readRegular(path string, buf []byte, limit int) ([]byte, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	b := buf[:0]
	rd := io.LimitReader(f, int64(limit)+1)
	for {
		if len(b) == cap(b) {
			b = append(b, 0)[:len(b)]
		}
		n, err := rd.Read(b[len(b):cap(b)])
		b = b[:len(b)+n]
		if err == io.EOF {
			return b, nil
		}
		if err != nil {
			return nil, err
		}
	}
}
