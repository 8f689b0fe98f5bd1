package main

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

const exampleIncident = "../../examples/incidents/zahlungsausfall"

// openIncident copies the first two updates of the example: an incident
// still in its acute phase, next update announced for 14:00.
func openIncident(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	for _, u := range []string{"2026-11-23T0930", "2026-11-23T1100"} {
		data, err := os.ReadFile(filepath.Join(exampleIncident, u, "facts.yaml"))
		if err != nil {
			t.Fatal(err)
		}
		if err := os.MkdirAll(filepath.Join(dir, u), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(dir, u, "facts.yaml"), data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

func runCLI(t *testing.T, args ...string) (code int, stdout, stderr string) {
	t.Helper()
	var out, errw bytes.Buffer
	code = run(args, strings.NewReader(""), &out, &errw)
	return code, out.String(), errw.String()
}

func TestStatusCommand(t *testing.T) {
	open := openIncident(t)
	broken := t.TempDir()
	if err := os.MkdirAll(filepath.Join(broken, "2026-11-23T0930"), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(broken, "2026-11-23T0930", "facts.yaml"), []byte("stage: initial\nwhat: ok\nchannels: {sms: 1}\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		name       string
		args       []string
		wantCode   int
		wantOut    []string
		wantErr    []string
		wantNoOut  bool
		notWantOut []string
	}{
		{"on time", []string{"status", open, "--now", "2026-11-23T13:00:00+01:00"}, 0,
			[]string{"Zuletzt:   Mo 23.11.2026 11:00 +01:00, Update", "Nächstes:  Mo 23.11.2026 14:00 +01:00 (angekündigt in next_update)", "pünktlich, nächstes Update fällig in 1 Std."}, nil, false, []string{"überfällig", "overdue", "latest"}},
		{"overdue", []string{"status", open, "--now", "2026-11-23T15:05:00+01:00"}, 1,
			[]string{"überfällig seit 1 Std. 5 Min."}, nil, false, nil},
		{"overdue in UTC", []string{"status", open, "--now", "2026-11-23T13:01:00Z"}, 1,
			[]string{"überfällig seit 1 Min."}, nil, false, nil},
		{"resolved", []string{"status", exampleIncident, "--now", "2026-12-24T12:00:00+01:00"}, 0,
			[]string{"keins fällig: das letzte Update ist Nachbereitung", "Stand:     abgeschlossen"}, nil, false, []string{"überfällig"}},
		{"missing dir", []string{"status", filepath.Join(open, "nope")}, 2,
			nil, []string{"no such incident directory"}, true, nil},
		{"broken facts", []string{"status", broken}, 2,
			nil, []string{"facts.yaml:3:", "expected a list"}, true, nil},
		{"bad now", []string{"status", open, "--now", "morgen"}, 2, nil, []string{"RFC 3339"}, true, nil},
		{"bad format", []string{"status", open, "--format", "xml"}, 2, nil, []string{"--format"}, true, nil},
		{"bad cadence", []string{"status", open, "--cadence", "0s"}, 2, nil, []string{"--cadence"}, true, nil},
		{"no arg", []string{"status"}, 2, nil, []string{"accepts 1 arg"}, true, nil},
	} {
		t.Run(tc.name, func(t *testing.T) {
			code, out, errw := runCLI(t, tc.args...)
			if code != tc.wantCode {
				t.Errorf("exit %d, want %d\nstdout:\n%s\nstderr:\n%s", code, tc.wantCode, out, errw)
			}
			for _, w := range tc.wantOut {
				if !strings.Contains(out, w) {
					t.Errorf("stdout lacks %q:\n%s", w, out)
				}
			}
			for _, w := range tc.notWantOut {
				if strings.Contains(out, w) {
					t.Errorf("stdout has %q:\n%s", w, out)
				}
			}
			for _, w := range tc.wantErr {
				if !strings.Contains(errw, w) {
					t.Errorf("stderr lacks %q:\n%s", w, errw)
				}
			}
			if tc.wantNoOut && out != "" {
				t.Errorf("stdout should be empty on error, got:\n%s", out)
			}
		})
	}
}

func TestStatusCadenceFromEnv(t *testing.T) {
	dir := openIncident(t)
	// Without next_update the cadence decides.
	p := filepath.Join(dir, "2026-11-23T1100", "facts.yaml")
	data, _ := os.ReadFile(p)
	data = []byte(strings.Replace(string(data), "next_update: 2026-11-23T14:00:00+01:00\n", "", 1))
	if err := os.WriteFile(p, data, 0o644); err != nil {
		t.Fatal(err)
	}
	t.Setenv("CRISIS_NOW", "2026-11-23T11:40:00+01:00")
	if code, out, _ := runCLI(t, "status", dir); code != 1 || !strings.Contains(out, "überfällig seit 10 Min.") || !strings.Contains(out, "30 Min. Takt") {
		t.Errorf("default cadence: exit %d\n%s", code, out)
	}
	if code, out, _ := runCLI(t, "status", dir, "--cadence", "1h"); code != 0 || !strings.Contains(out, "fällig in 20 Min.") {
		t.Errorf("--cadence 1h: exit %d\n%s", code, out)
	}
}

func TestStatusJSON(t *testing.T) {
	dir := openIncident(t)
	code, out, _ := runCLI(t, "status", dir, "--now", "2026-11-23T14:30:00+01:00", "--format", "json")
	if code != 1 {
		t.Errorf("exit %d, want 1", code)
	}
	keys := []string{`"incident"`, `"dir"`, `"updates"`, `"latest"`, `"now"`, `"state"`, `"next_update"`, `"due_from"`, `"overdue"`, `"overdue_seconds"`}
	last := -1
	for _, k := range keys {
		i := strings.Index(out, "\n  "+k+":")
		if i < 0 || i < last {
			t.Fatalf("key %s missing or out of order:\n%s", k, out)
		}
		last = i
	}
	var got struct {
		State          string  `json:"state"`
		NextUpdate     *string `json:"next_update"`
		OverdueSeconds int     `json:"overdue_seconds"`
		Latest         struct {
			Stage string `json:"stage"`
		} `json:"latest"`
	}
	if err := json.Unmarshal([]byte(out), &got); err != nil {
		t.Fatal(err)
	}
	if got.State != "overdue" || got.NextUpdate == nil || *got.NextUpdate != "2026-11-23T14:00:00+01:00" || got.OverdueSeconds != 1800 || got.Latest.Stage != "update" {
		t.Errorf("json = %+v\n%s", got, out)
	}

	code, out, _ = runCLI(t, "status", exampleIncident, "--now", "2026-11-28T09:00:00+01:00", "--format", "json")
	if code != 0 || !strings.Contains(out, `"state": "closed"`) || !strings.Contains(out, `"next_update": null`) {
		t.Errorf("closed: exit %d\n%s", code, out)
	}
}

func TestPageBuildCommand(t *testing.T) {
	t.Setenv("CRISIS_NOW", "2026-11-27T15:00:00+01:00")
	site := filepath.Join(t.TempDir(), "site")
	code, out, errw := runCLI(t, "page", "build", exampleIncident, "--out", site)
	if code != 0 {
		t.Fatalf("exit %d\n%s", code, errw)
	}
	for _, name := range []string{"index.html", "letter.html", "qr.png"} {
		if !strings.Contains(out, filepath.Join(site, name)) {
			t.Errorf("stdout does not list %s:\n%s", name, out)
		}
		if _, err := os.Stat(filepath.Join(site, name)); err != nil {
			t.Error(err)
		}
	}
	index, _ := os.ReadFile(filepath.Join(site, "index.html"))
	if !strings.Contains(string(index), "Freitag, 27. November 2026, 15:00 Uhr") {
		t.Error("CRISIS_NOW did not pin the last-checked time")
	}

	// Errors are input errors (exit 2) that say what to do.
	noLanding := openIncident(t)
	for _, u := range []string{"2026-11-23T0930", "2026-11-23T1100"} {
		p := filepath.Join(noLanding, u, "facts.yaml")
		data, _ := os.ReadFile(p)
		data = []byte(strings.Replace(string(data), "landing_page: https://www.nordbank-musterstadt.example/stoerung\n", "", 1))
		if err := os.WriteFile(p, data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	file := filepath.Join(t.TempDir(), "file")
	if err := os.WriteFile(file, nil, 0o644); err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		name    string
		args    []string
		wantErr string
	}{
		{"no --out", []string{"page", "build", exampleIncident}, `required flag(s) "out" not set`},
		{"no landing page", []string{"page", "build", noLanding, "--out", t.TempDir()}, "set `landing_page:` in facts.yaml"},
		{"out is a file", []string{"page", "build", exampleIncident, "--out", file}, "is a file"},
		{"missing incident", []string{"page", "build", filepath.Join(file, "x"), "--out", t.TempDir()}, "crisis: "},
	} {
		t.Run(tc.name, func(t *testing.T) {
			code, _, errw := runCLI(t, tc.args...)
			if code != 2 || !strings.Contains(errw, tc.wantErr) {
				t.Errorf("exit %d, stderr:\n%s\nwant exit 2 and %q", code, errw, tc.wantErr)
			}
		})
	}
}

func TestPageHelp(t *testing.T) {
	code, out, _ := runCLI(t, "page", "build", "--help")
	if code != 0 || !strings.Contains(out, "crisis page build incidents/zahlungsausfall --out site/") {
		t.Errorf("exit %d\n%s", code, out)
	}
	code, out, _ = runCLI(t, "status", "--help")
	if code != 0 || !strings.Contains(out, "--cadence duration") || !strings.Contains(out, "Exit codes") {
		t.Errorf("exit %d\n%s", code, out)
	}
}
