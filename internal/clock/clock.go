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
		if err := plausible(t); err != nil {
			return time.Time{}, fmt.Errorf("%s=%q: %w", Env, v, err)
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
	if err := plausible(t); err != nil {
		return time.Time{}, fmt.Errorf("--now %q: %w", v, err)
	}
	return t, nil
}

// plausible refuses a clock outside the years 1970 to 2999: durations
// between such a time and an update overflow, and no crisis is handled
// there.
func plausible(t time.Time) error {
	if y := t.Year(); y < 1970 || y > 2999 {
		return fmt.Errorf("year %d: give a time between 1970 and 2999", y)
	}
	return nil
}
