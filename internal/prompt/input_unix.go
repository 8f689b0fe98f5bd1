//go:build linux || darwin || freebsd || netbsd || openbsd || dragonfly

package prompt

import "golang.org/x/sys/unix"

// ownKeyboard: the forms read the terminal through a keyboard, in raw mode
// set by rawMode.
const ownKeyboard = true

// keepNewlines turns the terminal's output processing back on after
// term.MakeRaw turned it off: bubbletea, reading input it was handed rather
// than the terminal, draws as if a newline still returned the carriage.
func keepNewlines(fd uintptr) error {
	t, err := unix.IoctlGetTermios(int(fd), ioctlGetTermios)
	if err != nil {
		return err
	}
	t.Oflag |= unix.OPOST | unix.ONLCR
	return unix.IoctlSetTermios(int(fd), ioctlSetTermios, t)
}
