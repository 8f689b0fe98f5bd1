package draft

import (
	"strings"
	"testing"
)

func TestNormalize(t *testing.T) {
	tests := []struct {
		kind, in string
		required bool
		want     string // "" with wantErr
		wantErr  bool
	}{
		{"text", "  Seit 9 Uhr.  ", false, "Seit 9 Uhr.", false},
		{"text", "", true, "", true},
		{"text", "", false, "", false},
		{"line", "zwei\nZeilen", false, "", true},
		{"time", "2026-11-23T15:00:00+01:00", true, "2026-11-23T15:00:00+01:00", false},
		{"time", "15:00", true, "2026-11-23T15:00:00+01:00", false},
		{"time", "15:00 Uhr", true, "2026-11-23T15:00:00+01:00", false},
		{"time", "15 Uhr", true, "2026-11-23T15:00:00+01:00", false},
		{"time", "3 pm", true, "2026-11-23T15:00:00+01:00", false},
		{"time", "12 am", true, "2026-11-24T00:00:00+01:00", false},
		{"time", "8:00", true, "2026-11-24T08:00:00+01:00", false}, // passed today: tomorrow
		{"time", "morgen 9:00", true, "2026-11-24T09:00:00+01:00", false},
		{"time", "tomorrow at 9 am", true, "2026-11-24T09:00:00+01:00", false},
		{"time", "morgen um 9", true, "2026-11-24T09:00:00+01:00", false},
		{"time", "heute 8:00", true, "", true},
		{"time", "2026-11-23 17:30", true, "2026-11-23T17:30:00+01:00", false},
		{"time", "15", true, "", true},
		{"time", "23.11.2026 15:00", true, "2026-11-23T15:00:00+01:00", false},
		{"time", "23.11.2026, 15:00 Uhr", true, "2026-11-23T15:00:00+01:00", false},
		{"time", "2026-11-23 15:00:00+01:00", true, "2026-11-23T15:00:00+01:00", false},
		{"time", "2026-11-23 08:00", true, "", true}, // before now
		{"time", "1999-01-01T00:00:00Z", true, "", true},
		{"time", "25:00", true, "", true},
		{"time", "13 pm", true, "", true},
		{"time", "bald", true, "", true},
		{"url", "example.com/status", false, "https://example.com/status", false},
		{"url", "http://example.com", false, "http://example.com", false},
		{"url", "ftp://example.com", false, "", true},
		{"url", "localhost", false, "", true},
		{"url", "example .com", false, "", true},
		{"phone", "+49 (0)30 123-456", false, "+49 (0)30 123-456", false},
		{"phone", "0800  000 00 00", false, "0800 000 00 00", false},
		{"phone", "call us", false, "", true},
		{"email", "hilfe@example.de", false, "hilfe@example.de", false},
		{"email", "Hilfe <hilfe@example.de>", false, "", true},
		{"email", "hilfe", false, "", true},
		{"text", "erste Zeile\r\nzweite\rdritte", false, "erste Zeile\nzweite\ndritte", false},
		{"text", "mit\tTab", false, "mit\tTab", false},
		{"line", "mit\tTab", false, "mit Tab", false},
		{"line", "pasted\r\n", false, "pasted", false},
		{"text", "NUL\x00", false, "", true},
		{"text", "bell\a", false, "", true},
		{"text", "escape \x1b[31mred", false, "", true},
		{"text", "C1 \u0085", false, "", true},
		{"text", "\u202Eevil", false, "", true},
		{"line", "bad \xff byte", false, "", true},
		{"phone", "0800\x00", false, "", true},
		{"text", "Emoji 👩‍👩‍👧 stays", false, "Emoji 👩‍👩‍👧 stays", false},
	}
	for _, tt := range tests {
		got, err := Normalize(tt.kind, tt.in, tt.required, now, "de")
		if (err != nil) != tt.wantErr || got != tt.want {
			t.Errorf("Normalize(%s, %q) = %q, %v; want %q, error %v", tt.kind, tt.in, got, err, tt.want, tt.wantErr)
		}
	}
}

func TestNormalizeSaysWhereTheControlCharacterIs(t *testing.T) {
	_, err := Normalize("text", "Stör\x07ung", false, now, "de")
	if err == nil || !strings.Contains(err.Error(), "U+0007") || !strings.Contains(err.Error(), "Zeichen 5") {
		t.Errorf("err = %v, want the character and its position in German", err)
	}
}
