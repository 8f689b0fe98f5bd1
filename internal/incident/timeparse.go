package incident

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"sync"
	"time"
)

// fileLayouts are the ways people write a time in a facts file: RFC 3339,
// the YAML timestamp with a space (as PyYAML writes it), and local times
// without a zone, with or without seconds.
var (
	zonedLayouts = []string{time.RFC3339Nano, "2006-01-02 15:04:05.999999999Z07:00", "2006-01-02 15:04:05Z07:00",
		"2006-01-02 15:04:05 Z07:00", "2006-01-02T15:04Z07:00", "2006-01-02 15:04Z07:00"}
	localLayouts = []string{"2006-01-02 15:04:05", "2006-01-02 15:04", "2006-01-02T15:04:05", "2006-01-02T15:04"}
	// germanDate is 23.11.2026 15:00, 23.11.2026, 15:00 Uhr.
	germanDate = sync.OnceValue(func() *regexp.Regexp {
		return regexp.MustCompile(`^(\d{1,2})\.(\d{1,2})\.(\d{4}),?\s+(\d{1,2})[:.](\d{2})(?:\s*Uhr)?$`)
	})
)

// ParseTime reads a time as people write it in files and forms: RFC 3339
// (2026-11-23T15:00:00+01:00), a YAML timestamp with a space
// (2026-11-23 15:00:00+01:00), a local date and time (2026-11-23 15:00,
// 23.11.2026 15:00 Uhr) in loc.
func ParseTime(s string, loc *time.Location) (time.Time, error) {
	s = strings.TrimSpace(s)
	for _, l := range zonedLayouts {
		if t, err := time.Parse(l, s); err == nil {
			return t, nil
		}
	}
	for _, l := range localLayouts {
		if t, err := time.ParseInLocation(l, s, loc); err == nil {
			return t, nil
		}
	}
	if m := germanDate().FindStringSubmatch(s); m != nil {
		n := make([]int, 6)
		for i := 1; i < 6; i++ {
			n[i], _ = strconv.Atoi(m[i])
		}
		t := time.Date(n[3], time.Month(n[2]), n[1], n[4], n[5], 0, 0, loc)
		if t.Day() == n[1] && int(t.Month()) == n[2] && t.Hour() == n[4] && t.Minute() == n[5] {
			return t, nil
		}
	}
	return time.Time{}, fmt.Errorf("%q is not a time: write 2026-11-23 15:00 (local time), 23.11.2026 15:00 or 2026-11-23T15:00:00+01:00", s)
}

// FormatTime writes a time back the way people type it: local date and
// time, in the form ParseTime reads — 23.11.2026 15:00 in German,
// 2026-11-23 15:00 otherwise — with the zone offset only when t is not in
// loc's offset at that moment.
func FormatTime(t time.Time, loc *time.Location, lang string) string {
	local := t.In(loc)
	_, off := local.Zone()
	_, toff := t.Zone()
	if off != toff {
		return t.Format("2006-01-02 15:04Z07:00")
	}
	if lang == "de" {
		return local.Format("2.1.2006 15:04")
	}
	return local.Format("2006-01-02 15:04")
}

// Location returns the time zone named by an IANA name such as
// Europe/Berlin, or loc when name is empty.
func Location(name string, loc *time.Location) (*time.Location, error) {
	if name == "" {
		return loc, nil
	}
	l, err := time.LoadLocation(name)
	if err != nil {
		return nil, fmt.Errorf("timezone %q is not a time zone: use a name such as Europe/Berlin or UTC", name)
	}
	return l, nil
}
