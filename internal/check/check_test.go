package check

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/crisis-comms/crisis/playbook"
)

func TestChannelFromName(t *testing.T) {
	pb, err := playbook.Load("builtin:de")
	if err != nil {
		t.Fatal(err)
	}
	for name, want := range map[string]string{
		"sms.txt": "sms", "upd/x.md": "x", "2026/update.email.md": "email", "landing.md": "landing",
		"notes.txt": "", "facts.txt": "",
	} {
		if got := ChannelFromName(pb, name); got != want {
			t.Errorf("%s: %q, want %q", name, got, want)
		}
	}
}

func TestRunCongruenceAndOrder(t *testing.T) {
	dir := t.TempDir()
	upd := filepath.Join(dir, "2026-11-23T0930")
	files := map[string]string{
		"sms.txt":  "Kasse gestört. Nächstes Update um 14:00 Uhr unter status.example.de.\n",
		"email.md": "Betreff: Störung\n\nDie Kasse ist gestört. Nächstes Update um 15:00 Uhr unter status.example.de.\n",
		"x.txt":    "Kasse gestört. Nächstes Update um 14:00 Uhr: status.example.de\n",
	}
	for name, body := range files {
		if err := os.MkdirAll(upd, 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(upd, name), []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	r, err := New(Options{Jobs: 2})
	if err != nil {
		t.Fatal(err)
	}
	res := r.Run([]string{dir, filepath.Join(dir, "missing.txt")})
	var paths []string
	for _, f := range res {
		paths = append(paths, filepath.Base(f.Path))
	}
	if got := strings.Join(paths, " "); got != "email.md sms.txt x.txt missing.txt" {
		t.Fatalf("order: %s", got)
	}
	if res[3].Err == nil {
		t.Error("missing path must be an error")
	}
	found := 0
	for _, f := range res {
		for _, x := range f.Findings {
			if x.Rule == "channels.next-update" {
				found++
				if !strings.Contains(x.Message, "15:00") || !strings.Contains(x.Message, "14:00") {
					t.Errorf("congruence message must name both values: %s", x.Message)
				}
			}
		}
	}
	if found == 0 {
		t.Error("14:00 in the SMS and 15:00 in the e-mail must be reported as channels.next-update")
	}
	if sms := res[1].Stats.SMS; sms == nil || sms.Encoding != "GSM-7" || sms.Segments != 1 {
		t.Errorf("sms stats: %+v", sms)
	}
}

// TestCongruenceAcrossArguments names the files of one directory in
// separate arguments, with another directory's file and a broken file in
// between: the directory's messages are still compared with each other,
// and with nothing else.
func TestCongruenceAcrossArguments(t *testing.T) {
	dir := t.TempDir()
	write := func(rel, body string) string {
		p := filepath.Join(dir, rel)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
		return p
	}
	// a and b are updates: each holds a facts.yaml.
	write("a/facts.yaml", "incident: kasse\nstage: initial\n")
	write("b/facts.yaml", "incident: kasse\nstage: update\n")
	a1 := write("a/sms.txt", "Kasse gestört. Nächstes Update um 14:00 Uhr unter status.example.de.\n")
	b1 := write("b/sms.txt", "Kasse gestört. Nächstes Update um 16:00 Uhr unter status.example.de.\n")
	bad := write("a/broken.txt", "Kasse\x00")
	a2 := write("a/x.txt", "Kasse gestört. Nächstes Update um 15:00 Uhr: status.example.de\n")
	r, err := New(Options{Jobs: 2})
	if err != nil {
		t.Fatal(err)
	}
	res := r.Run([]string{a1, b1, bad, a2})
	var got []string
	for _, f := range res {
		for _, x := range f.Findings {
			if x.Rule == "channels.next-update" {
				got = append(got, filepath.Base(filepath.Dir(f.Path))+"/"+filepath.Base(f.Path)+": "+x.Match)
			}
		}
	}
	if want := "a/x.txt: 15:00 Uhr"; strings.Join(got, "; ") != want {
		t.Fatalf("congruence findings %q, want %q", got, want)
	}
	if res[2].Err == nil {
		t.Error("a file with NUL bytes must be an error")
	}
}

func TestNoStats(t *testing.T) {
	dir := t.TempDir()
	p := filepath.Join(dir, "sms.txt")
	if err := os.WriteFile(p, []byte("Nur heute 20 % Rabatt!\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, no := range []bool{false, true} {
		r, err := New(Options{NoStats: no})
		if err != nil {
			t.Fatal(err)
		}
		res := r.Run([]string{p})
		if got := res[0].Stats.SMS != nil; got == no {
			t.Errorf("NoStats %v: SMS stats present %v", no, got)
		}
		if len(res[0].Findings) == 0 {
			t.Errorf("NoStats %v: findings must not depend on stats", no)
		}
	}
}

// TestLimitFindingsInTheMessageLanguage: a German message gets German limit
// findings, and a subject in the front matter is pointed at there.
func TestLimitFindingsInTheMessageLanguage(t *testing.T) {
	dir := t.TempDir()
	email := "---\nchannel: email\nlang: de\nsubject: \"Kartenzahlung gestört – Bargeld am Schalter weiterhin möglich, bitte Geduld\"\n---\nGuten Tag,\n\nKartenzahlung ist gestört. Nächstes Update um 14:00 Uhr unter https://status.example.de.\n"
	x := "---\nchannel: x\nlang: de\n---\n" + strings.Repeat("Kartenzahlung ist gestört. ", 12) + "\n"
	for name, body := range map[string]string{"email.md": email, "x.txt": x} {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	r, err := New(Options{Jobs: 1})
	if err != nil {
		t.Fatal(err)
	}
	got := map[string]string{}
	for _, f := range r.Run([]string{dir}) {
		for _, x := range f.Findings {
			if x.Principle == "channels" && x.Rule != "channels.congruence" {
				got[x.Rule] = fmt.Sprintf("%d:%d %s", x.Line, x.Column, x.Message)
			}
		}
	}
	if s := got["channels.subject-length"]; !strings.HasPrefix(s, "4:10 der Betreff hat 75 Zeichen") {
		t.Errorf("subject-length: %q, want it at 4:10 (the subject) and in German", s)
	}
	if s := got["channels.x-length"]; !strings.Contains(s, "X zählt 324 von 280") {
		t.Errorf("x-length: %q, want German and the count lint and the draft share", s)
	}
}

// TestCongruenceByUpdateAndRole: unrelated files in one folder are not
// compared; in an update the next update is compared by role — front
// matter, text and facts.yaml — and a difference is an error naming both
// files, while a start time that differs from another file's is no
// contradiction.
func TestCongruenceByUpdateAndRole(t *testing.T) {
	dir := t.TempDir()
	write := func(rel, body string) {
		p := filepath.Join(dir, rel)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	fm := func(ch, next string) string {
		return "---\nchannel: " + ch + "\nlang: de\nincident: portal\nnext_update: \"" + next + "\"\n---\n"
	}
	// Unrelated notes in one folder, each with other times and numbers.
	for i, body := range []string{"Seit 7:40 Uhr gestört. Infos: a.example.de/x", "Wieder seit 13:15 Uhr. Infos: b.example.de/y", "Um 9:00 Uhr Treffen."} {
		write(fmt.Sprintf("notes/n%d.txt", i), body+"\n")
	}
	// One update: the e-mail's next update was edited in the text only;
	// the X post promises another time in its front matter; the SMS names
	// a start time of its own, which is fine.
	write("upd/facts.yaml", "incident: portal\nstage: initial\nnext_update: 2026-11-23T09:00:00+01:00\n")
	write("upd/sms.txt", fm("sms", "2026-11-23T09:00:00+01:00")+"Portal seit 7:40 Uhr gestört. Nächstes Update 9:00 Uhr. Infos: portal.example.de/stoerung\n")
	write("upd/email.md", fm("email", "2026-11-23T09:00:00+01:00")+"Guten Tag,\n\ndas Portal ist wieder seit 13:15 Uhr gestört. Wir melden uns spätestens um 10:30 Uhr wieder. Infos: portal.example.de/stoerung\n")
	write("upd/x.txt", fm("x", "2026-11-23T11:00:00+01:00")+"Portal gestört. Nächstes Update 11:00 Uhr. Infos: portal.example.de/stoerung\n")
	r, err := New(Options{Jobs: 2})
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, f := range r.Run([]string{dir}) {
		for _, x := range f.Findings {
			if x.Rule == "channels.congruence" || x.Rule == "channels.next-update" {
				got = append(got, fmt.Sprintf("%s %s:%d:%d %s %s", filepath.Base(f.Path), x.Severity, x.Line, x.Column, x.Rule, x.Message))
			}
		}
	}
	joined := strings.Join(got, "\n")
	for _, want := range []string{
		`email.md error:9:76 channels.next-update der Text nennt „10:30 Uhr“, aber next_update in der Front Matter ist 2026-11-23T09:00:00+01:00 (09:00)`,
		`x.txt error:5:14 channels.next-update Nächstes Update hier „2026-11-23T11:00:00+01:00“, aber „2026-11-23T09:00:00+01:00“ in ` + filepath.Join(dir, "upd", "facts.yaml") + `:3:14: `,
	} {
		if !strings.Contains(joined, want) {
			t.Errorf("findings lack %q:\n%s", want, joined)
		}
	}
	if strings.Contains(joined, "n0.txt") || strings.Contains(joined, "n1.txt") || strings.Contains(joined, "13:15") {
		t.Errorf("unrelated files or start times compared:\n%s", joined)
	}
}

// TestUnrelatedFilesAreNoSet: many unrelated message files in one folder
// are linted one by one, not compared pair by pair (which grew as the
// square of their number: 1 600 files gave 458 752 findings).
func TestUnrelatedFilesAreNoSet(t *testing.T) {
	dir := t.TempDir()
	for i := range 1600 {
		body := fmt.Sprintf("Seit %d:%02d Uhr gestört. Hotline 0800 %07d, Infos: s%d.example.de/x\n", i%24, i%60, i, i)
		if err := os.WriteFile(filepath.Join(dir, fmt.Sprintf("m%04d.txt", i)), []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	r, err := New(Options{Jobs: 2})
	if err != nil {
		t.Fatal(err)
	}
	n := 0
	for _, f := range r.Run([]string{dir}) {
		for _, x := range f.Findings {
			if x.Rule == "channels.congruence" || x.Rule == "channels.next-update" {
				n++
			}
		}
	}
	if n != 0 {
		t.Errorf("%d congruence findings among unrelated files, want none", n)
	}
}

// TestCongruencePhoneRegion: phone numbers are compared as numbers of the
// playbook's region (builtin:en reads national numbers as British).
func TestCongruencePhoneRegion(t *testing.T) {
	for _, tc := range []struct {
		other string
		want  int
	}{{"+44 20 7946 0000", 0}, {"+44 20 7946 0999", 1}} {
		dir := filepath.Join(t.TempDir(), "2026-11-23T0930")
		if err := os.MkdirAll(dir, 0o755); err != nil {
			t.Fatal(err)
		}
		files := map[string]string{
			"sms.txt":  "---\nlang: en\n---\nPortal down. Call 020 7946 0000.\n",
			"email.md": "---\nlang: en\n---\nSubject: Portal down\n\nThe portal is down. Call us on " + tc.other + ".\n",
		}
		for name, body := range files {
			if err := os.WriteFile(filepath.Join(dir, name), []byte(body), 0o644); err != nil {
				t.Fatal(err)
			}
		}
		r, err := New(Options{Jobs: 1})
		if err != nil {
			t.Fatal(err)
		}
		n := 0
		for _, f := range r.Run([]string{dir}) {
			for _, x := range f.Findings {
				if x.Rule == "channels.congruence" {
					n++
				}
			}
		}
		if n != tc.want {
			t.Errorf("020 7946 0000 against %s: %d congruence findings, want %d", tc.other, n, tc.want)
		}
	}
}
