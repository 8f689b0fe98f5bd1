//go:build !linux

package page

import "errors"

// exchange is not available here; the caller swaps by two renames.
func exchange(a, b string) error { return errors.ErrUnsupported }
