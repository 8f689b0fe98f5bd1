package clock

import (
	"strings"
	"testing"
	"time"
)

func TestNow(t *testing.T) {
	t.Setenv(Env, "2026-11-23T09:30:00+01:00")
	got, err := Now()
	if err != nil || !got.Equal(time.Date(2026, 11, 23, 8, 30, 0, 0, time.UTC)) {
		t.Fatalf("Now() = %v, %v", got, err)
	}
	if p, err := Parse("2026-11-24T00:00:00Z"); err != nil || p.Day() != 24 {
		t.Fatalf("Parse: %v %v", p, err)
	}
	if p, err := Parse(""); err != nil || !p.Equal(got) {
		t.Fatalf("Parse(\"\") must fall back to CRISIS_NOW: %v %v", p, err)
	}
	t.Setenv(Env, "tomorrow")
	if _, err := Now(); err == nil || !strings.Contains(err.Error(), "RFC 3339") {
		t.Fatalf("bad CRISIS_NOW: %v", err)
	}
	if _, err := Parse("15:00"); err == nil {
		t.Fatal("Parse must refuse a bare time")
	}
}
