//go:build !(linux || darwin || freebsd || netbsd || openbsd || dragonfly)

package prompt

// ownKeyboard: the forms hand the console to bubbletea, which reads it
// with a reader of its own on Windows.
const ownKeyboard = false

// keepNewlines is not needed without ownKeyboard.
func keepNewlines(uintptr) error { return nil }
