package incident

import (
	"strings"
	"testing"
	"time"
)

func TestParseFactsTimesAsPeopleWriteThem(t *testing.T) {
	tests := []struct {
		yaml string
		want string // next_update in RFC 3339, or the error
	}{
		{"next_update: 2026-11-23T15:00:00+01:00\n", "2026-11-23T15:00:00+01:00"},
		{"next_update: 2026-11-23 15:00:00+01:00\n", "2026-11-23T15:00:00+01:00"},
		{"next_update: 2026-11-23 15:00:00.5+01:00\n", "2026-11-23T15:00:00+01:00"},
		{"next_update: \"2026-11-23 15:00\"\ntimezone: Europe/Berlin\n", "2026-11-23T15:00:00+01:00"},
		{"next_update: 2026-07-01 09:30\ntimezone: Europe/Berlin\n", "2026-07-01T09:30:00+02:00"},
		{"next_update: 23.11.2026 15:00 Uhr\ntimezone: Europe/Berlin\n", "2026-11-23T15:00:00+01:00"},
		{"next_update: 2026-11-23 15:00\ntimezone: UTC\n", "2026-11-23T15:00:00Z"},
		{"stage: initial\nnext_update: soon\n", "facts.yaml:2:14: next_update: \"soon\" is not a time"},
		{"next_update: 31.02.2026 15:00\n", "facts.yaml:1:14: next_update: \"31.02.2026 15:00\" is not a time"},
		{"timezone: Mars/Olympus\nnext_update: 2026-11-23 15:00\n", "facts.yaml:1:11: timezone \"Mars/Olympus\" is not a time zone"},
		{"stage: final\n", "facts.yaml:1:8: stage \"final\" is not one of"},
	}
	for _, tt := range tests {
		f, err := ParseFacts("facts.yaml", []byte(tt.yaml))
		var got string
		if err != nil {
			got = err.Error()
		} else {
			got = f.NextUpdate
		}
		if !strings.HasPrefix(got, tt.want) {
			t.Errorf("%q: got %q, want %q", tt.yaml, got, tt.want)
		}
	}
}

func TestFormatTimeReadsBack(t *testing.T) {
	berlin, err := time.LoadLocation("Europe/Berlin")
	if err != nil {
		t.Skip("no time zone data:", err)
	}
	for _, lang := range []string{"de", "en"} {
		for _, s := range []string{"2026-11-23T15:00:00+01:00", "2026-07-01T09:30:00+02:00", "2026-11-23T15:00:00Z"} {
			want, _ := time.Parse(time.RFC3339, s)
			shown := FormatTime(want, berlin, lang)
			if strings.Contains(shown, "T") {
				t.Errorf("%s shown as %q", s, shown)
			}
			back, err := ParseTime(shown, berlin)
			if err != nil || !back.Equal(want) {
				t.Errorf("%s shown as %q reads back as %v, %v", s, shown, back, err)
			}
		}
	}
}

// FuzzParseTime: any input is a time or an error, never a panic; a time
// written back the way people type it reads back as the same moment.
func FuzzParseTime(f *testing.F) {
	for _, s := range []string{"2026-11-23T15:00:00+01:00", "2026-11-23 15:00:00+01:00", "2026-11-23 15:00", "23.11.2026, 15:00 Uhr", "31.02.2026 15:00", "2026-11-23T15:00", "", "15:00"} {
		f.Add(s)
	}
	berlin := time.FixedZone("CET", 3600)
	f.Fuzz(func(t *testing.T, s string) {
		tm, err := ParseTime(s, berlin)
		if err != nil {
			return
		}
		// FormatTime shows minutes, as people write them.
		want := tm.Add(-time.Duration(tm.Second())*time.Second - time.Duration(tm.Nanosecond()))
		for _, lang := range []string{"de", "en"} {
			shown := FormatTime(tm, berlin, lang)
			back, err := ParseTime(shown, berlin)
			if err != nil || !back.Equal(want) {
				t.Fatalf("%q → %v shown as %q reads back as %v, %v", s, tm, shown, back, err)
			}
		}
	})
}
