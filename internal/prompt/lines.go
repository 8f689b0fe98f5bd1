package prompt

import (
	"bufio"
	"errors"
	"io"
	"unicode"
	"unicode/utf8"
)

// MaxAnswer is the longest answer taken, in bytes: far above any fact or
// message, and low enough that a runaway pipe cannot fill the memory.
const MaxAnswer = 1 << 20

// errTooLong is a line longer than MaxAnswer; the rest of it is skipped, so
// that it cannot become the next answer.
var errTooLong = errors.New("line too long")

// lineReader reads answers, one line each. A line may end in \n or \r\n,
// and the last one needs no line end.
type lineReader struct {
	r *bufio.Reader
}

func newLineReader(r io.Reader) *lineReader {
	return &lineReader{r: bufio.NewReader(r)}
}

// readLine returns the next line without its line end. It returns io.EOF
// only when no line is left, and errTooLong, after reading past the line,
// for a line over MaxAnswer bytes.
func (l *lineReader) readLine() (string, error) {
	var line []byte
	var err error
	read, tooLong := false, false
	for more := true; more; {
		var chunk []byte
		chunk, err = l.r.ReadSlice('\n')
		more = errors.Is(err, bufio.ErrBufferFull)
		read = read || len(chunk) > 0
		switch {
		case tooLong:
		case len(line)+len(chunk) > MaxAnswer+len("\r\n"):
			tooLong, line = true, nil
		default:
			line = append(line, chunk...)
		}
	}
	switch {
	case errors.Is(err, io.EOF) && !read:
		return "", io.EOF
	case err != nil && !errors.Is(err, io.EOF):
		return "", err
	}
	if tooLong {
		return "", errTooLong
	}
	n := len(line)
	if n > 0 && line[n-1] == '\n' {
		n--
		if n > 0 && line[n-1] == '\r' {
			n--
		}
	}
	if n > MaxAnswer {
		return "", errTooLong
	}
	return string(line[:n]), nil
}

// textError is an answer no message should carry.
type textError struct {
	key string // "bad-utf8" (at is a byte offset) or "control" (at is a character)
	r   rune
	at  int // 1-based
}

// checkText refuses invalid UTF-8 and control characters, which would end
// up in messages that lint rejects or that terminals and pages show raw.
// A line break is fine where the answer may have several lines.
func checkText(s string, multiline bool) *textError {
	n := 0
	for i, r := range s {
		n++
		switch {
		case r == utf8.RuneError && !validAt(s, i):
			return &textError{key: "bad-utf8", at: i + 1}
		case r == '\n' && multiline:
		case unicode.IsControl(r):
			return &textError{key: "control", r: r, at: n}
		}
	}
	return nil
}

// validAt reports whether the U+FFFD at s[i] was written as such rather
// than decoded from an invalid byte.
func validAt(s string, i int) bool {
	_, size := utf8.DecodeRuneInString(s[i:])
	return size == 3
}

func (e *textError) message(lang string) string {
	if e.key == "bad-utf8" {
		return wordf(lang, e.key, e.at)
	}
	return wordf(lang, e.key, e.r, e.at)
}
