// Package readfile reads the files crisis is given — playbooks, configs,
// facts, answers, corpora, templates, recovery files, incoming messages —
// with a size cap and a type check, so that /dev/zero, a named pipe or a
// runaway file is a clear error instead of exhausted memory or a hang.
package readfile

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"strconv"
	"strings"
)

// Kind is a kind of input file: what it is called in errors and how large
// it may be.
type Kind struct {
	Name  string // "playbook", "facts file", …
	Limit int64  // default cap in bytes
}

// The kinds of file crisis reads, with their default caps. Each is far
// above what a real file of its kind holds; CRISIS_MAX_FILE_SIZE raises
// (or lowers) all of them at once.
var (
	Playbook = Kind{"playbook", 8 << 20}
	Config   = Kind{"config file", 1 << 20}
	Facts    = Kind{"facts file", 4 << 20}
	Answers  = Kind{"answers file", 16 << 20}
	Corpus   = Kind{"corpus", 64 << 20}
	Template = Kind{"template", 1 << 20}
	Recovery = Kind{"recovery file", 16 << 20}
	Message  = Kind{"message file", 16 << 20}
	Incoming = Kind{"file of incoming messages", 512 << 20}
	Report   = Kind{"report", 64 << 20}
	Kit      = Kind{"kit file", 1 << 20}
	Contacts = Kind{"contact register", 64 << 20}
)

// EnvMaxSize names the environment variable that overrides every cap:
// a number of bytes with an optional KB, MB or GB suffix (powers of 1024).
const EnvMaxSize = "CRISIS_MAX_FILE_SIZE"

// Error is a file that was not read: a missing or unreadable file keeps
// its cause (errors.Is(err, fs.ErrNotExist) works), a special file or an
// oversized one says so.
type Error struct {
	Path string
	Kind Kind
	Msg  string
	Err  error
}

func (e *Error) Error() string { return e.Path + ": " + e.Msg }

// Unwrap returns the system error behind a failed open or read.
func (e *Error) Unwrap() error { return e.Err }

// ErrTooLarge and ErrNotRegular classify the refusals of Read.
var (
	ErrTooLarge   = errors.New("file too large")
	ErrNotRegular = errors.New("not a regular file")
)

// Limit returns the cap for k: CRISIS_MAX_FILE_SIZE when it is set and
// valid, else k's default.
func Limit(k Kind) int64 {
	if v := os.Getenv(EnvMaxSize); v != "" {
		if n, err := ParseSize(v); err == nil {
			return n
		}
	}
	return k.Limit
}

// CheckEnv reports a CRISIS_MAX_FILE_SIZE that is set but not a size, so
// that a typo is an error rather than a silently ignored setting.
func CheckEnv() error {
	if v := os.Getenv(EnvMaxSize); v != "" {
		if _, err := ParseSize(v); err != nil {
			return fmt.Errorf("%s=%q: %w", EnvMaxSize, v, err)
		}
	}
	return nil
}

// ParseSize reads "5000", "64KB", "16MB", "1GB" (powers of 1024; "KiB",
// "MiB" and "GiB" too). It refuses zero, negative and absurd sizes.
func ParseSize(s string) (int64, error) {
	t := strings.ToUpper(strings.TrimSpace(s))
	mult := int64(1)
	for _, u := range []struct {
		suffix string
		mult   int64
	}{{"KIB", 1 << 10}, {"MIB", 1 << 20}, {"GIB", 1 << 30}, {"KB", 1 << 10}, {"MB", 1 << 20}, {"GB", 1 << 30}, {"K", 1 << 10}, {"M", 1 << 20}, {"G", 1 << 30}, {"B", 1}} {
		if v, ok := strings.CutSuffix(t, u.suffix); ok {
			t, mult = strings.TrimSpace(v), u.mult
			break
		}
	}
	n, err := strconv.ParseInt(t, 10, 64)
	if err != nil || n <= 0 || n > (64<<30)/mult {
		return 0, errors.New("not a size: give bytes, or a number with KB, MB or GB, up to 64 GB")
	}
	return n * mult, nil
}

// Read reads a whole file of kind k. The file must be a regular file
// (symbolic links are followed) no larger than Limit(k); a named pipe or a
// device is refused without blocking on it.
func Read(path string, k Kind) ([]byte, error) {
	f, err := openNonBlocking(path)
	if err != nil {
		return nil, &Error{Path: path, Kind: k, Msg: describe(err), Err: err}
	}
	defer f.Close()
	fi, err := f.Stat()
	if err != nil {
		return nil, &Error{Path: path, Kind: k, Msg: describe(err), Err: err}
	}
	if !fi.Mode().IsRegular() {
		return nil, &Error{Path: path, Kind: k, Err: ErrNotRegular,
			Msg: fmt.Sprintf("%s, not a regular file: give the path of the %s", fileType(fi.Mode()), k.Name)}
	}
	limit := Limit(k)
	if fi.Size() > limit {
		return nil, tooLarge(path, k, fi.Size(), limit)
	}
	if err := setBlocking(f); err != nil {
		return nil, &Error{Path: path, Kind: k, Msg: describe(err), Err: err}
	}
	data, err := readLimited(f, fi.Size(), limit)
	if err != nil {
		return nil, &Error{Path: path, Kind: k, Msg: describe(err), Err: err}
	}
	if int64(len(data)) > limit {
		// The file grew while it was read.
		return nil, tooLarge(path, k, int64(len(data)), limit)
	}
	return data, nil
}

// ReadFrom reads standard input (or another stream) as a file of kind k,
// named name in errors, stopping after Limit(k) bytes.
func ReadFrom(r io.Reader, name string, k Kind) ([]byte, error) {
	limit := Limit(k)
	data, err := readLimited(r, 0, limit)
	if err != nil {
		return nil, &Error{Path: name, Kind: k, Msg: describe(err), Err: err}
	}
	if int64(len(data)) > limit {
		return nil, &Error{Path: name, Kind: k, Err: ErrTooLarge,
			Msg: fmt.Sprintf("more than %s; the %s is not read past that (%s raises the cap)", Size(limit), k.Name, EnvMaxSize)}
	}
	return data, nil
}

func readLimited(r io.Reader, size, limit int64) ([]byte, error) {
	buf := make([]byte, 0, min(size, limit)+1)
	for int64(len(buf)) <= limit {
		if len(buf) == cap(buf) {
			buf = append(buf, 0)[:len(buf)]
		}
		n, err := r.Read(buf[len(buf):min(int64(cap(buf)), limit+1)])
		buf = buf[:len(buf)+n]
		if err == io.EOF {
			return buf, nil
		}
		if err != nil {
			return nil, err
		}
	}
	return buf, nil
}

func tooLarge(path string, k Kind, size, limit int64) error {
	return &Error{Path: path, Kind: k, Err: ErrTooLarge,
		Msg: fmt.Sprintf("%s; a %s larger than %s is not read (%s raises the cap)", Size(size), k.Name, Size(limit), EnvMaxSize)}
}

// Size formats a byte count for people: "512 bytes", "64 KB", "1.5 MB".
func Size(n int64) string {
	switch {
	case n < 1<<10:
		return fmt.Sprintf("%d bytes", n)
	case n < 1<<20:
		return trimZero(float64(n)/(1<<10)) + " KB"
	case n < 1<<30:
		return trimZero(float64(n)/(1<<20)) + " MB"
	}
	return trimZero(float64(n)/(1<<30)) + " GB"
}

func trimZero(f float64) string {
	return strings.TrimSuffix(strconv.FormatFloat(f, 'f', 1, 64), ".0")
}

func fileType(m fs.FileMode) string {
	switch {
	case m.IsDir():
		return "a directory"
	case m&fs.ModeNamedPipe != 0:
		return "a named pipe"
	case m&fs.ModeSocket != 0:
		return "a socket"
	case m&fs.ModeCharDevice != 0:
		return "a character device"
	case m&fs.ModeDevice != 0:
		return "a device"
	}
	return "a special file"
}

// describe turns a system error into words without repeating the path,
// which Error puts first.
func describe(err error) string {
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return "no such file"
	case errors.Is(err, fs.ErrPermission):
		return "permission denied"
	}
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Op + ": " + pe.Err.Error()
	}
	return err.Error()
}
