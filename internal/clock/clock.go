// Package clock is the single source of "now" for every command, so that
// tests and scripts can pin time with CRISIS_NOW (RFC 3339).
package clock

import (
	"fmt"
	"os"
	"time"
)

// Env is the environment variable that overrides the current time.
const Env = "CRISIS_NOW"

// Now returns CRISIS_NOW when set, else the wall clock.
func Now() (time.Time, error) {
	if v := os.Getenv(Env); v != "" {
		t, err := time.Parse(time.RFC3339, v)
		if err != nil {
			return time.Time{}, fmt.Errorf("%s=%q is not an RFC 3339 time (e.g. 2026-11-23T09:30:00+01:00)", Env, v)
		}
		return t, nil
	}
	return time.Now(), nil
}

// Parse reads a --now style flag value: RFC 3339, or empty for Now().
func Parse(v string) (time.Time, error) {
	if v == "" {
		return Now()
	}
	t, err := time.Parse(time.RFC3339, v)
	if err != nil {
		return time.Time{}, fmt.Errorf("--now %q is not an RFC 3339 time (e.g. 2026-11-23T09:30:00+01:00)", v)
	}
	return t, nil
}
