package atomicfile

import "golang.org/x/sys/unix"

// Exchange swaps two directories in one step (renameat2 with
// RENAME_EXCHANGE). It fails where the file system does not support it, or
// when b does not exist; the caller then falls back to two renames.
func Exchange(a, b string) error {
	return unix.Renameat2(unix.AT_FDCWD, a, unix.AT_FDCWD, b, unix.RENAME_EXCHANGE)
}
