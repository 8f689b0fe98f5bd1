package check

import (
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync/atomic"
	"testing"

	"github.com/crisis-comms/crisis/internal/channel"
)

// writeFiles writes files (relative path → content) below a new temporary
// directory and returns it.
func writeFiles(t *testing.T, files map[string]string) string {
	t.Helper()
	dir := t.TempDir()
	for rel, body := range files {
		p := filepath.Join(dir, rel)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

// congruenceFindings lints paths and returns the congruence findings as
// "file severity:line:col rule message", paths relative to dir.
func congruenceFindings(t *testing.T, dir string, paths ...string) []string {
	t.Helper()
	return congruenceFindingsWith(t, Options{Jobs: 2}, dir, paths...)
}

func congruenceFindingsWith(t *testing.T, opts Options, dir string, paths ...string) []string {
	t.Helper()
	r, err := New(opts)
	if err != nil {
		t.Fatal(err)
	}
	if len(paths) == 0 {
		paths = []string{dir}
	}
	var got []string
	for _, f := range r.Run(paths) {
		if f.Err != nil {
			t.Fatalf("%s: %v", f.Path, f.Err)
		}
		for _, x := range f.Findings {
			if x.Rule == RuleCongruence || x.Rule == RuleNextUpdate {
				rel, _ := filepath.Rel(dir, f.Path)
				msg := strings.ReplaceAll(x.Message, dir+string(filepath.Separator), "")
				got = append(got, fmt.Sprintf("%s %s:%d:%d %s %s", filepath.ToSlash(rel), x.Severity, x.Line, x.Column, x.Rule, msg))
			}
		}
	}
	return got
}

// TestCongruenceByRole: in one update every role is compared with the same
// role only; a difference names both files with line:col, as an error for
// next update, hotline, e-mail and link and a warning for start, end and
// amounts; times of different roles are never compared.
func TestCongruenceByRole(t *testing.T) {
	dir := writeFiles(t, map[string]string{
		"2026-11-23T0930/sms.txt": "Portal seit 7:40 Uhr gestört, voraussichtlich bis 14 Uhr. Nächstes Update 11 Uhr. " +
			"Hotline 0800 123 4567, hilfe@example.de, portal.example.de/stoerung. Gebühren erstatten wir: 5 €.\n",
		"2026-11-23T0930/email.md": "Betreff: Portal gestört\n\nGuten Tag,\n\ndas Portal ist seit 8:10 Uhr gestört. Es ist bis auf Weiteres nicht erreichbar.\n" +
			"Wir melden uns um 11 Uhr wieder. Hotline 0800 123 4568, service@example.de,\nportal.example.de/hilfe. Erstattung: 7,50 €.\n",
		"2026-11-23T0930/x.txt": "Portal wieder seit 13:15 Uhr gestört. Nächstes Update 11 Uhr: portal.example.de/stoerung\n",
	})
	got := congruenceFindings(t, dir)
	want := []string{
		`2026-11-23T0930/sms.txt warning:1:13 channels.congruence Beginn hier „7:40 Uhr“, aber „8:10 Uhr“ in 2026-11-23T0930/email.md:5:21: alle Nachrichten eines Updates müssen denselben Beginn nennen`,
		`2026-11-23T0930/sms.txt warning:1:51 channels.congruence Ende hier „14 Uhr“, aber „bis auf Weiteres“ in 2026-11-23T0930/email.md:5:46: alle Nachrichten eines Updates müssen dasselbe (voraussichtliche) Ende nennen`,
		`2026-11-23T0930/sms.txt error:1:91 channels.congruence Hotline hier „0800 123 4567“, aber „0800 123 4568“ in 2026-11-23T0930/email.md:6:42: alle Nachrichten eines Updates müssen dieselbe Hotline nennen`,
		`2026-11-23T0930/sms.txt error:1:106 channels.congruence E-Mail-Adresse hier „hilfe@example.de“, aber „service@example.de“ in 2026-11-23T0930/email.md:6:57: alle Nachrichten eines Updates müssen dieselbe E-Mail-Adresse nennen`,
		`2026-11-23T0930/sms.txt error:1:124 channels.congruence Link hier „portal.example.de/stoerung“, aber „portal.example.de/hilfe“ in 2026-11-23T0930/email.md:7:1: alle Nachrichten eines Updates müssen denselben Link nennen`,
		`2026-11-23T0930/sms.txt warning:1:176 channels.congruence Erstattung hier „5 €“, aber „7,50 €“ in 2026-11-23T0930/email.md:7:38: alle Nachrichten eines Updates müssen dieselbe Erstattung nennen`,
		// "wieder seit 13:15" may be up again or down again: no start.
		`2026-11-23T0930/x.txt error:1:63 channels.congruence Link hier „portal.example.de/stoerung“, aber „portal.example.de/hilfe“ in 2026-11-23T0930/email.md:7:1: alle Nachrichten eines Updates müssen denselben Link nennen`,
	}
	if !slices.Equal(got, want) {
		t.Errorf("findings:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

// TestCongruenceWithFacts: where an update has a facts.yaml, each message
// is held to it, role by role, and a difference names facts.yaml:line:col
// of the fact; the messages are not held against each other for a role
// facts.yaml states, so the one wrong message is the one reported.
func TestCongruenceWithFacts(t *testing.T) {
	fm := "---\nchannel: %s\nlang: en\nnext_update: %s\n---\n"
	dir := writeFiles(t, map[string]string{
		"upd/facts.yaml": "incident: portal\nstage: initial\nwhat: The portal has been down since 7:40 am.\n" +
			"eta: expected back by 2 pm\nnext_update: 2026-11-23 11:00\nhotline: 020 7946 0000\nlanding_page: portal.example.com/status\n",
		"upd/a-sms.txt": fmt.Sprintf(fm, "sms", "2026-11-23 11:00") + "Portal down since 7:40 am, expected back by 2 pm. Next update 11 am. Call 020 7946 0000 or see portal.example.com/status\n",
		"upd/b-x.txt":   fmt.Sprintf(fm, "x", "2026-11-23 12:00") + "Portal down since 8:10 am, expected back by 3 pm. Next update 12 pm. Call +44 20 7946 0999 or see portal.example.com/help\n",
		"upd/c-mail.md": fmt.Sprintf(fm, "email", "2026-11-23 11:00") + "Subject: Portal down\n\nThe portal is down. We will update you at 11:30 am. Call 020 7946 0000.\n",
	})
	got := congruenceFindings(t, dir)
	want := []string{
		`upd/b-x.txt error:4:14 channels.next-update Next update "2026-11-23 12:00" here, but "2026-11-23 11:00" in upd/facts.yaml:5:14: every message of the update must give the same next update as facts.yaml`,
		`upd/b-x.txt warning:6:19 channels.congruence Start "8:10 am" here, but "7:40 am" in upd/facts.yaml:3:38: every message of the update must give the same start as facts.yaml`,
		`upd/b-x.txt warning:6:45 channels.congruence End "3 pm" here, but "2 pm" in upd/facts.yaml:4:23: every message of the update must give the same (expected) end as facts.yaml`,
		`upd/b-x.txt error:6:75 channels.congruence Hotline "+44 20 7946 0999" here, but "020 7946 0000" in upd/facts.yaml:6:10: every message of the update must give the same hotline as facts.yaml`,
		`upd/b-x.txt error:6:99 channels.congruence Link "portal.example.com/help" here, but "portal.example.com/status" in upd/facts.yaml:7:15: every message of the update must give the same link as facts.yaml`,
		`upd/c-mail.md error:8:43 channels.next-update the text names "11:30 am", but next_update in the front matter is 2026-11-23 11:00 (11:00): the text and the promise must agree`,
	}
	if !slices.Equal(got, want) {
		t.Errorf("findings:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

// TestUpdateSetAcrossFolders: messages whose front matter names the same
// incident and update time are one update wherever they lie in the run;
// messages of another update, or without such front matter, are not
// compared with them, even in the same folder.
func TestUpdateSetAcrossFolders(t *testing.T) {
	fm := func(ch, at string) string {
		return "---\nchannel: " + ch + "\nlang: de\nincident: portal\ntime: " + at + "\n---\n"
	}
	dir := writeFiles(t, map[string]string{
		"sms/portal.txt":    fm("sms", "2026-11-23T09:30:00+01:00") + "Portal gestört. Nächstes Update 11 Uhr. Hotline 0800 123 4567\n",
		"social/portal.txt": fm("x", "2026-11-23T09:30:00+01:00") + "Portal gestört. Nächstes Update 12 Uhr. Hotline 0800 123 4567\n",
		"social/later.txt":  fm("x", "2026-11-23T12:00:00+01:00") + "Portal gestört. Nächstes Update 15 Uhr. Hotline 0800 123 4567\n",
		"social/notiz.txt":  "Nächstes Update 17 Uhr. Hotline 0800 999 9999\n",
	})
	got := congruenceFindings(t, dir)
	want := []string{
		`social/portal.txt error:7:33 channels.next-update Nächstes Update hier „12 Uhr“, aber „11 Uhr“ in sms/portal.txt:7:33: alle Nachrichten eines Updates müssen denselben Zeitpunkt für das nächste Update nennen`,
	}
	if !slices.Equal(got, want) {
		t.Errorf("findings:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	// Named one by one, with an unrelated file between them: the same.
	got = congruenceFindings(t, dir, filepath.Join(dir, "social", "portal.txt"), filepath.Join(dir, "social", "notiz.txt"), filepath.Join(dir, "sms", "portal.txt"))
	want[0] = strings.Replace(want[0], "social/portal.txt error:7:33 channels.next-update Nächstes Update hier „12 Uhr“, aber „11 Uhr“ in sms/portal.txt:7:33",
		"sms/portal.txt error:7:33 channels.next-update Nächstes Update hier „11 Uhr“, aber „12 Uhr“ in social/portal.txt:7:33", 1)
	if !slices.Equal(got, want) {
		t.Errorf("named one by one:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

// TestCongruenceTimezone: the zone in .crisis.yaml decides which clock a
// promised time is read on (10:00 UTC is 11 Uhr in Berlin) and which local
// times name one update (09:30 in Berlin is 09:30+01:00).
func TestCongruenceTimezone(t *testing.T) {
	for _, tc := range []struct {
		zone, want string
	}{
		{"Europe/Berlin", `b/email.md error:5:32 channels.next-update Nächstes Update hier „12 Uhr“, aber „11 Uhr“ in a/x.txt:5:32: `},
		{"UTC", `upd/sms.txt error:1:33 channels.next-update Nächstes Update hier „11 Uhr“, aber „2026-11-23T10:00:00Z“ in upd/facts.yaml:2:14: `},
	} {
		dir := writeFiles(t, map[string]string{
			".crisis.yaml":   "timezone: " + tc.zone + "\n",
			"upd/facts.yaml": "incident: portal\nnext_update: 2026-11-23T10:00:00Z\n",
			"upd/sms.txt":    "Portal gestört. Nächstes Update 11 Uhr: portal.example.de\n",
			"a/x.txt":        "---\nincident: kasse\ntime: 2026-11-23 09:30\n---\nKasse gestört. Nächstes Update 11 Uhr.\n",
			"b/email.md":     "---\nincident: kasse\ntime: 2026-11-23T09:30:00+01:00\n---\nKasse gestört. Nächstes Update 12 Uhr.\n",
		})
		// --config: a .crisis.yaml found by walking up is shown by its
		// path relative to the working directory, which the config
		// package reads once per process, and other tests change it.
		got := congruenceFindingsWith(t, Options{Jobs: 2, Config: filepath.Join(dir, ".crisis.yaml")}, dir)
		if len(got) != 1 || !strings.HasPrefix(got[0], tc.want) {
			t.Errorf("timezone %s:\n%s\nwant one finding: %s…", tc.zone, strings.Join(got, "\n"), tc.want)
		}
	}
}

// TestCongruenceWorkLinear counts the pairs of files congruence compares
// (not time): none among unrelated files, whether they share one folder
// or lie in folders of ten, and in proportion to the files for updates of
// ten messages each — update directories, or front matter naming the
// update across folders — and for one huge update (a file is compared
// with the first 32 of a large set). Every pair of a folder's files was
// compared before: 1 600 files gave 458 752 findings.
func TestCongruenceWorkLinear(t *testing.T) {
	var pairs atomic.Int64 // the workers compare updates side by side
	compare = func(ff []channel.FileFacts) []channel.Disagreement {
		n := int64(len(ff))
		pairs.Add(n * min(n, 32))
		return channel.Congruence(ff)
	}
	t.Cleanup(func() { compare = channel.Congruence })
	body := func(i int) string {
		return fmt.Sprintf("Seit %d:%02d Uhr gestört. Nächstes Update %d Uhr. Hotline 0800 %07d, Infos: s%d.example.de/x\n", i%24, i%60, i%24, i, i)
	}
	front := func(i int, key string) string {
		return "---\nchannel: sms\nlang: de\nincident: portal\ntime: " + key + "\n---\n" + body(i)
	}
	layouts := []struct {
		name     string
		path     func(i int) string
		text     func(i int) string
		facts    bool // a facts.yaml in every folder
		wantZero bool
	}{
		{"unrelated, one folder", func(i int) string { return fmt.Sprintf("all/m%05d.txt", i) }, body, false, true},
		{"unrelated, folders of ten", func(i int) string { return fmt.Sprintf("d%04d/m%05d.txt", i/10, i) }, body, false, true},
		{"update directories of ten", func(i int) string { return fmt.Sprintf("d%04d/m%05d.txt", i/10, i) }, body, true, false},
		{"front matter, one folder", func(i int) string { return fmt.Sprintf("all/m%05d.txt", i) },
			func(i int) string { return front(i, fmt.Sprintf("2026-11-23T%02d:%02d:00+01:00", i/10/60%24, i/10%60)) }, false, false},
		{"front matter across folders", func(i int) string { return fmt.Sprintf("d%d/m%05d.txt", i%10, i) },
			func(i int) string { return front(i, fmt.Sprintf("2026-11-23T%02d:%02d:00+01:00", i/10/60%24, i/10%60)) }, false, false},
		{"one huge update", func(i int) string { return fmt.Sprintf("all/m%05d.txt", i) },
			func(i int) string { return front(i, "2026-11-23T09:30:00+01:00") }, false, false},
	}
	for _, l := range layouts {
		work := func(n int) int64 {
			files := map[string]string{}
			for i := range n {
				files[l.path(i)] = l.text(i)
				if l.facts {
					files[filepath.Join(filepath.Dir(l.path(i)), "facts.yaml")] = "incident: portal\n"
				}
			}
			dir := writeFiles(t, files)
			pairs.Store(0)
			r, err := New(Options{Jobs: 2, NoStats: true})
			if err != nil {
				t.Fatal(err)
			}
			r.Run([]string{dir})
			return pairs.Load()
		}
		w1, w2 := work(300), work(600)
		t.Logf("%s: %d, %d pairs", l.name, w1, w2)
		switch {
		case l.wantZero && (w1 != 0 || w2 != 0):
			t.Errorf("%s: %d and %d pairs compared, want none", l.name, w1, w2)
		case !l.wantZero && (w1 == 0 || w2 > 2*w1+2*32*32):
			t.Errorf("%s: %d pairs for 300 files, %d for 600: want some, growing linearly", l.name, w1, w2)
		}
	}
}
