package templates

import (
	"testing"
	"time"
)

func TestTimeDayWhen(t *testing.T) {
	cet := time.FixedZone("CET", 3600)
	now := time.Date(2026, 11, 23, 9, 30, 0, 0, cet) // a Monday
	tests := []struct {
		at         string
		lang       string
		time, day  string
		when       string
		nameOfTest string
	}{
		{"2026-11-23T15:00:00+01:00", "de", "15:00 Uhr", "Montag, 23. November", "heute um 15:00 Uhr", "afternoon today"},
		{"2026-11-23T15:00:00+01:00", "en", "3:00 pm", "Monday, 23 November", "today at 3:00 pm", "afternoon today"},
		{"2026-11-24T00:00:00+01:00", "de", "0:00 Uhr", "Dienstag, 24. November", "morgen um 0:00 Uhr", "midnight"},
		{"2026-11-24T00:00:00+01:00", "en", "12:00 am", "Tuesday, 24 November", "tomorrow at 12:00 am", "midnight"},
		{"2026-11-23T12:00:00+01:00", "de", "12:00 Uhr", "Montag, 23. November", "heute um 12:00 Uhr", "noon"},
		{"2026-11-23T12:00:00+01:00", "en", "12:00 pm", "Monday, 23 November", "today at 12:00 pm", "noon"},
		{"2026-11-23T12:45:00+01:00", "en", "12:45 pm", "Monday, 23 November", "today at 12:45 pm", "after noon"},
		{"2026-11-24T00:30:00+01:00", "en", "12:30 am", "Tuesday, 24 November", "tomorrow at 12:30 am", "after midnight"},
		{"2026-11-24T08:05:00+01:00", "de", "8:05 Uhr", "Dienstag, 24. November", "morgen um 8:05 Uhr", "tomorrow"},
		{"2026-11-22T18:00:00+01:00", "de", "18:00 Uhr", "Sonntag, 22. November", "gestern um 18:00 Uhr", "yesterday"},
		{"2026-11-26T09:00:00+01:00", "de", "9:00 Uhr", "Donnerstag, 26. November", "am Donnerstag, 26. November, um 9:00 Uhr", "other weekday"},
		{"2026-11-26T09:00:00+01:00", "en", "9:00 am", "Thursday, 26 November", "on Thursday, 26 November, at 9:00 am", "other weekday"},
		{"2026-11-28T11:00:00+01:00", "de", "11:00 Uhr", "Samstag, 28. November", "am Samstag, 28. November, um 11:00 Uhr", "Saturday"},
		{"2027-03-01T10:00:00+01:00", "de", "10:00 Uhr", "Montag, 1. März 2027", "am Montag, 1. März 2027, um 10:00 Uhr", "next year, umlaut"},
		{"2027-01-05T10:00:00+01:00", "en", "10:00 am", "Tuesday, 5 January 2027", "on Tuesday, 5 January 2027, at 10:00 am", "next year"},
		{"2026-11-23T23:30:00Z", "de", "23:30 Uhr", "Montag, 23. November", "heute um 23:30 Uhr", "other zone: the writer's day"},
		{"2026-11-24T01:00:00+01:00", "de", "1:00 Uhr", "Dienstag, 24. November", "morgen um 1:00 Uhr", "just after midnight"},
	}
	for _, tc := range tests {
		t.Run(tc.lang+" "+tc.nameOfTest, func(t *testing.T) {
			data := map[string]any{"at": tc.at}
			for fn, want := range map[string]string{"time": tc.time, "day": tc.day, "when": tc.when} {
				got, err := Render("t", "{{ "+fn+" .at }}", data, Options{Now: now, Lang: tc.lang})
				if err != nil {
					t.Fatal(err)
				}
				if got != want {
					t.Errorf("%s %s = %q, want %q", fn, tc.at, got, want)
				}
			}
		})
	}
}

func TestGermanNames(t *testing.T) {
	want := []string{"Januar", "Februar", "März", "April", "Mai", "Juni", "Juli", "August", "September", "Oktober", "November", "Dezember"}
	now := time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)
	for m := time.January; m <= time.December; m++ {
		d := time.Date(2026, m, 10, 12, 0, 0, 0, time.UTC)
		got := formatDay(d, now, "de")
		if got[len(got)-len(want[m-1]):] != want[m-1] {
			t.Errorf("%s: %q", m, got)
		}
	}
	days := map[time.Weekday]string{time.Monday: "Montag", time.Tuesday: "Dienstag", time.Wednesday: "Mittwoch",
		time.Thursday: "Donnerstag", time.Friday: "Freitag", time.Saturday: "Samstag", time.Sunday: "Sonntag"}
	for i := 0; i < 7; i++ {
		d := time.Date(2026, 11, 23+i, 12, 0, 0, 0, time.UTC)
		if got := formatDay(d, now, "de"); got[:len(days[d.Weekday()])+1] != days[d.Weekday()]+"," {
			t.Errorf("%s: %q", d.Weekday(), got)
		}
	}
}

func TestAtIsAbsolute(t *testing.T) {
	cet := time.FixedZone("CET", 3600)
	now := time.Date(2026, 11, 23, 9, 30, 0, 0, cet) // a Monday
	tests := []struct{ at, lang, want string }{
		{"2026-11-23T15:00:00+01:00", "de", "Montag, 23.11., 15:00 Uhr"},
		{"2026-11-24T09:00:00+01:00", "de", "Dienstag, 24.11., 9:00 Uhr"},
		{"2026-11-24T09:00:00+01:00", "en", "Tuesday 24 Nov, 9:00 am"},
		{"2027-01-05T10:00:00+01:00", "de", "Dienstag, 5.1.2027, 10:00 Uhr"},
		{"2027-01-05T10:00:00+01:00", "en", "Tuesday 5 Jan 2027, 10:00 am"},
	}
	for _, tc := range tests {
		got, err := Render("t", "{{ at .t }}", map[string]any{"t": tc.at}, Options{Now: now, Lang: tc.lang})
		if err != nil || got != tc.want {
			t.Errorf("at %s (%s) = %q, %v; want %q", tc.at, tc.lang, got, err, tc.want)
		}
	}
}
