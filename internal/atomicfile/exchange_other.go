//go:build !linux

package atomicfile

import "errors"

// Exchange is not available here; the caller swaps by two renames.
func Exchange(a, b string) error { return errors.ErrUnsupported }
