package templates

import (
	"fmt"
	"time"
)

var (
	germanWeekdays = [...]string{"Sonntag", "Montag", "Dienstag", "Mittwoch", "Donnerstag", "Freitag", "Samstag"}
	germanMonths   = [...]string{"Januar", "Februar", "März", "April", "Mai", "Juni", "Juli", "August", "September", "Oktober", "November", "Dezember"}
)

// formatClock writes a time of day the way people read it in a message:
// "15:00 Uhr" in German, "3:00 pm" in English.
func formatClock(t time.Time, lang string) string {
	if lang == "de" {
		return fmt.Sprintf("%d:%02d Uhr", t.Hour(), t.Minute())
	}
	h := t.Hour() % 12
	if h == 0 {
		h = 12
	}
	suffix := "am"
	if t.Hour() >= 12 {
		suffix = "pm"
	}
	return fmt.Sprintf("%d:%02d %s", h, t.Minute(), suffix)
}

// formatDay writes a date with its weekday, "Montag, 23. November" or
// "Monday, 23 November", adding the year only when it is not now's year.
func formatDay(t, now time.Time, lang string) string {
	var s string
	if lang == "de" {
		s = fmt.Sprintf("%s, %d. %s", germanWeekdays[t.Weekday()], t.Day(), germanMonths[t.Month()-1])
	} else {
		s = fmt.Sprintf("%s, %d %s", t.Weekday(), t.Day(), t.Month())
	}
	if t.Year() != now.In(t.Location()).Year() {
		s += fmt.Sprintf(" %d", t.Year())
	}
	return s
}

// formatAt writes a time absolutely, with its weekday, so that a message
// read the next day still says the right day: "Dienstag, 24.11., 12:00
// Uhr" or "Tuesday 24 Nov, 12:00 pm", with the year only when it is not
// now's year.
func formatAt(t, now time.Time, lang string) string {
	year := t.Year() != now.In(t.Location()).Year()
	if lang == "de" {
		date := fmt.Sprintf("%d.%d.", t.Day(), int(t.Month()))
		if year {
			date += fmt.Sprint(t.Year())
		}
		return fmt.Sprintf("%s, %s, %s", germanWeekdays[t.Weekday()], date, formatClock(t, lang))
	}
	date := fmt.Sprintf("%d %s", t.Day(), t.Month().String()[:3])
	if year {
		date += fmt.Sprintf(" %d", t.Year())
	}
	return fmt.Sprintf("%s %s, %s", t.Weekday(), date, formatClock(t, lang))
}

// formatWhen writes a time relative to now, "heute um 15:00 Uhr",
// "tomorrow at 9:00 am", "am Montag, 23. November, um 15:00 Uhr". Days are
// counted in t's own time zone, the zone the writer gave the time in.
func formatWhen(t, now time.Time, lang string) string {
	clock := formatClock(t, lang)
	days := dayDiff(now.In(t.Location()), t)
	if lang == "de" {
		switch days {
		case 0:
			return "heute um " + clock
		case 1:
			return "morgen um " + clock
		case -1:
			return "gestern um " + clock
		}
		return "am " + formatDay(t, now, lang) + ", um " + clock
	}
	switch days {
	case 0:
		return "today at " + clock
	case 1:
		return "tomorrow at " + clock
	case -1:
		return "yesterday at " + clock
	}
	return "on " + formatDay(t, now, lang) + ", at " + clock
}

// dayDiff counts calendar days from a to b, ignoring the time of day and
// daylight-saving shifts.
func dayDiff(a, b time.Time) int {
	ay, am, ad := a.Date()
	by, bm, bd := b.Date()
	da := time.Date(ay, am, ad, 0, 0, 0, 0, time.UTC)
	db := time.Date(by, bm, bd, 0, 0, 0, 0, time.UTC)
	return int(db.Sub(da).Hours() / 24)
}
