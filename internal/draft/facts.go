package draft

import (
	"errors"
	"fmt"
	"net/mail"
	"net/url"
	"regexp"
	"strconv"
	"strings"
	"sync"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/crisis-comms/crisis/internal/incident"
)

// Normalize checks an answer for a fact of the given kind (text, line,
// time, url, phone, email) and returns it in the form the templates expect:
// times in RFC 3339 resolved against now, bare domains as https:// URLs.
// An empty answer is an error only when required. Messages are in lang.
func Normalize(kind, value string, required bool, now time.Time, lang string) (string, error) {
	v, err := cleanText(value, lang)
	if err != nil {
		return "", err
	}
	v = strings.TrimSpace(v)
	if v == "" {
		if required {
			return "", errors.New(msg(lang, "required"))
		}
		return "", nil
	}
	switch kind {
	case "line":
		if strings.Contains(v, "\n") {
			return "", errors.New(msg(lang, "one-line"))
		}
		v = strings.ReplaceAll(v, "\t", " ")
	case "time":
		return normTime(v, now, lang)
	case "url":
		return normURL(v, lang)
	case "phone":
		return normPhone(v, lang)
	case "email":
		if a, err := mail.ParseAddress(v); err != nil || a.Address != v {
			return "", fmt.Errorf(msg(lang, "bad-email"), v)
		}
	}
	return v, nil
}

// cleanText checks that typed or pasted text is text: valid UTF-8 without
// NUL, control characters or the invisible direction overrides that make
// a message read differently from how it is stored. Line ends are
// harmless and become \n (a pasted CRLF); tabs stay.
func cleanText(v, lang string) (string, error) {
	if !utf8.ValidString(v) {
		return "", errors.New(msg(lang, "not-utf8"))
	}
	v = strings.ReplaceAll(v, "\r\n", "\n")
	v = strings.ReplaceAll(v, "\r", "\n")
	for i, r := range v {
		if r == '\n' || r == '\t' {
			continue
		}
		if unicode.IsControl(r) || isBidiControl(r) {
			return "", fmt.Errorf(msg(lang, "control-char"), r, utf8.RuneCountInString(v[:i])+1)
		}
	}
	return v, nil
}

// isBidiControl reports the embedding, override and isolate controls
// (U+202A–U+202E, U+2066–U+2069).
func isBidiControl(r rune) bool {
	return (r >= 0x202A && r <= 0x202E) || (r >= 0x2066 && r <= 0x2069)
}

var (
	// clockRE is a time of day: 15:00, 15.00, 15 Uhr, 3 pm, 3:30 p.m.
	clockRE = sync.OnceValue(func() *regexp.Regexp {
		return regexp.MustCompile(`^(\d{1,2})(?:[:.](\d{2}))?\s*(uhr|h|am|pm|a\.m\.|p\.m\.)?$`)
	})
	// dayWords shift the day: "morgen 9:00", "tomorrow 9 am".
	dayWords = map[string]int{"heute": 0, "today": 0, "morgen": 1, "tomorrow": 1, "übermorgen": 2}
	// fillers may stand between day and time: "morgen um 9", "today at 3 pm".
	fillers = map[string]bool{"um": true, "at": true, "ab": true}
)

func normTime(v string, now time.Time, lang string) (string, error) {
	if t, err := incident.ParseTime(v, now.Location()); err == nil {
		if t.Before(now) {
			return "", fmt.Errorf(msg(lang, "past-time"), v)
		}
		return t.Format(time.RFC3339), nil
	}
	bad := fmt.Errorf(msg(lang, "bad-time"), v)
	words := strings.Fields(strings.ToLower(v))
	days, explicitDay := 0, false
	if len(words) > 0 {
		if d, ok := dayWords[words[0]]; ok {
			days, explicitDay = d, true
			words = words[1:]
		}
	}
	if len(words) > 0 && fillers[words[0]] {
		words = words[1:]
	}
	m := clockRE().FindStringSubmatch(strings.Join(words, " "))
	// A bare number is only a time when a day word says so ("morgen 9");
	// alone it could be anything.
	if m == nil || (m[2] == "" && m[3] == "" && !explicitDay) {
		return "", bad
	}
	h, _ := strconv.Atoi(m[1])
	mins := 0
	if m[2] != "" {
		mins, _ = strconv.Atoi(m[2])
	}
	switch m[3] {
	case "am", "a.m.", "pm", "p.m.":
		if h < 1 || h > 12 {
			return "", bad
		}
		h %= 12
		if m[3][0] == 'p' {
			h += 12
		}
	}
	if h > 23 || mins > 59 {
		return "", bad
	}
	y, mo, d := now.Date()
	t := time.Date(y, mo, d+days, h, mins, 0, 0, now.Location())
	if t.Before(now) {
		if explicitDay {
			return "", fmt.Errorf(msg(lang, "past-time"), v)
		}
		// The next update is never in the past: "9:00" said at 16:00
		// means tomorrow morning.
		t = t.AddDate(0, 0, 1)
	}
	return t.Format(time.RFC3339), nil
}

func normURL(v, lang string) (string, error) {
	bad := fmt.Errorf(msg(lang, "bad-url"), v)
	if strings.ContainsAny(v, " \t\r\n") {
		return "", bad
	}
	if !strings.Contains(v, "://") {
		v = "https://" + v
	}
	u, err := url.Parse(v)
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || !strings.Contains(u.Hostname(), ".") {
		return "", bad
	}
	return u.String(), nil
}

var phoneRE = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`^\+?[0-9 ()/\-]+$`) })

func normPhone(v, lang string) (string, error) {
	digits := 0
	for _, r := range v {
		if r >= '0' && r <= '9' {
			digits++
		}
	}
	if !phoneRE().MatchString(v) || digits < 3 || digits > 20 {
		return "", fmt.Errorf(msg(lang, "bad-phone"), v)
	}
	return strings.Join(strings.Fields(v), " "), nil
}
