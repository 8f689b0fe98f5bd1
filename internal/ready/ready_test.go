package ready

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/crisis-comms/crisis/internal/kit"
)

var now = time.Date(2026, 12, 6, 12, 0, 0, 0, time.UTC)

func starter(t *testing.T, lang string) string {
	t.Helper()
	dir := t.TempDir()
	if _, err := kit.WriteStarter(dir, lang, now); err != nil {
		t.Fatal(err)
	}
	return dir
}

func item(r *Report, id string) *Item {
	for i := range r.Items {
		if r.Items[i].ID == id {
			return &r.Items[i]
		}
	}
	return nil
}

func TestStarterKitPasses(t *testing.T) {
	for _, lang := range kit.StarterLangs {
		t.Run(lang, func(t *testing.T) {
			r, err := Audit(starter(t, lang), Options{Now: now})
			if err != nil {
				t.Fatal(err)
			}
			for _, it := range r.Items {
				if it.Status != OK {
					t.Errorf("%s: %s: %s", it.ID, it.Status, it.Message)
				}
			}
			if r.Score != 100 {
				t.Errorf("score = %d, want 100", r.Score)
			}
			for _, id := range []string{"holding.it-outage", "holding.severe-weather", "reach.sms", "reach.email", "roles.approve", "landing", "hotline", "drill"} {
				if item(r, id) == nil {
					t.Errorf("no item %s", id)
				}
			}
		})
	}
}

// TestBrokenKitNamesEveryProblem is the acceptance case: a stale
// drill, a missing holding statement and no SMS consent each fail by name.
func TestBrokenKitNamesEveryProblem(t *testing.T) {
	dir := starter(t, "de")
	if err := os.Remove(filepath.Join(dir, "holding", "data-breach.yaml")); err != nil {
		t.Fatal(err)
	}
	edit(t, filepath.Join(dir, "kit.yaml"), "# last_drill: 2026-03-14", "last_drill: 2025-06-01")
	data, err := os.ReadFile(filepath.Join(dir, "contacts.csv"))
	if err != nil {
		t.Fatal(err)
	}
	// Strike the SMS consent column: nobody agreed to SMS.
	var out []string
	for i, line := range strings.Split(strings.TrimSpace(string(data)), "\n") {
		f := strings.Split(line, ",")
		if i > 0 {
			f[7] = "no"
		}
		out = append(out, strings.Join(f, ","))
	}
	if err := os.WriteFile(filepath.Join(dir, "contacts.csv"), []byte(strings.Join(out, "\n")+"\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	r, err := Audit(dir, Options{Now: now})
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]string{
		"holding.data-breach": Error,
		"reach.sms":           Error,
		"drill":               Warning,
	}
	for id, status := range want {
		it := item(r, id)
		if it == nil {
			t.Errorf("no item %s", id)
			continue
		}
		if it.Status != status {
			t.Errorf("%s = %s (%s), want %s", id, it.Status, it.Message, status)
		}
		if it.Fix == "" {
			t.Errorf("%s has no fix", id)
		}
	}
	if !strings.Contains(item(r, "reach.sms").Message, "sms") || !strings.Contains(item(r, "holding.data-breach").Message, "data-breach") ||
		!strings.Contains(item(r, "drill").Message, "2025-06-01") {
		t.Errorf("messages do not name channel, scenario and date: %+v", r.Items)
	}
	if !r.AtOrAbove(Error) || r.Score >= 100 {
		t.Errorf("worst %s score %d", r.Worst(), r.Score)
	}
}

func TestRolesAndProcessors(t *testing.T) {
	dir := starter(t, "en")
	kf := filepath.Join(dir, "kit.yaml")
	edit(t, kf, "    deputy: Tom Sample (Social media)\n", "")
	edit(t, kf, "    person: Dr Eve Test (Managing Director)", "    person: Jane Example (Communications)")
	edit(t, kf, "    dpa: true\n    dpa_since: \"2025-12-06\"\n    data_requests: privacy@riverside-water.example", "    dpa: false")
	r, err := Audit(dir, Options{Now: now})
	if err != nil {
		t.Fatal(err)
	}
	checks := map[string]string{
		"roles.draft":                  "no deputy",
		"roles.separation":             "same person drafts and approves",
		"processors.sample-mailer-inc": "no data-processing agreement, nowhere for people to ask",
	}
	for id, frag := range checks {
		it := item(r, id)
		if it == nil || it.Status != Error || !strings.Contains(it.Message, frag) {
			t.Errorf("%s = %+v, want error containing %q", id, it, frag)
		}
	}
}

func TestContactPointsAndLanguages(t *testing.T) {
	dir := starter(t, "de")
	edit(t, filepath.Join(dir, "holding", "it-outage.yaml"), "hotline: 0800 555 01 23", "hotline: 0800 999 99 99")
	edit(t, filepath.Join(dir, "kit.yaml"), "  hours: täglich 7–22 Uhr, bei Unwetter rund um die Uhr\n", "")
	c := filepath.Join(dir, "contacts.csv")
	data, _ := os.ReadFile(c)
	if err := os.WriteFile(c, append(data, []byte("X1,Zoe Z,z@mail.example,+49 30 1,tr,privat,yes,no,no,2026-11-01\n")...), 0o644); err != nil {
		t.Fatal(err)
	}
	r, err := Audit(dir, Options{Now: now})
	if err != nil {
		t.Fatal(err)
	}
	if it := item(r, "hotline"); it == nil || it.Status != Warning || !strings.Contains(it.Message, "it-outage") {
		t.Errorf("hotline = %+v", it)
	}
	if it := item(r, "hotline.hours"); it == nil || it.Status != Warning {
		t.Errorf("hotline.hours = %+v", it)
	}
	if it := item(r, "reach.languages"); it == nil || it.Status != Warning || !strings.Contains(it.Message, "tr (1)") {
		t.Errorf("reach.languages = %+v", it)
	}
}

// TestNoPersonalData: whatever the format, the report never shows a name,
// address or number from the contact register.
func TestNoPersonalData(t *testing.T) {
	dir := starter(t, "de")
	data, err := os.ReadFile(filepath.Join(dir, "contacts.csv"))
	if err != nil {
		t.Fatal(err)
	}
	var secrets []string
	for i, line := range strings.Split(strings.TrimSpace(string(data)), "\n") {
		if i == 0 {
			continue
		}
		f := strings.Split(line, ",")
		secrets = append(secrets, f[1], f[2], f[3], strings.SplitN(f[2], "@", 2)[0])
	}
	// A broken kit shows the most detail.
	edit(t, filepath.Join(dir, "kit.yaml"), "min_share: 0.5", "min_share: 0.99")
	r, err := Audit(dir, Options{Now: now})
	if err != nil {
		t.Fatal(err)
	}
	for _, format := range Formats {
		var b bytes.Buffer
		if err := Write(&b, format, r); err != nil {
			t.Fatal(err)
		}
		for _, s := range secrets {
			if strings.Contains(b.String(), s) {
				t.Errorf("%s report contains %q", format, s)
			}
		}
	}
}

func TestJSONContract(t *testing.T) {
	r, err := Audit(starter(t, "en"), Options{Now: now})
	if err != nil {
		t.Fatal(err)
	}
	var b bytes.Buffer
	if err := Write(&b, "json", r); err != nil {
		t.Fatal(err)
	}
	var got struct {
		Version int `json:"version"`
		Score   int `json:"score"`
		Items   []struct {
			ID, Status, Message string
		} `json:"items"`
	}
	if err := json.Unmarshal(b.Bytes(), &got); err != nil {
		t.Fatal(err)
	}
	if got.Version != 1 || got.Score != 100 || len(got.Items) != len(r.Items) || got.Items[0].ID == "" || got.Items[0].Status != OK {
		t.Errorf("json = %s", b.String())
	}
}

func TestDrillAge(t *testing.T) {
	dir := starter(t, "en")
	// The grace period for a first drill ends 90 days after the kit was made.
	r, err := Audit(dir, Options{Now: now.AddDate(0, 4, 0)})
	if err != nil {
		t.Fatal(err)
	}
	if it := item(r, "drill"); it.Status != Warning || !strings.Contains(it.Message, "never") {
		t.Errorf("drill after grace = %+v", it)
	}
	rec := "drill: 1\nscenario: it-outage\nlang: en\nmode: no-input\nstarted: \"2026-12-01T10:00:00Z\"\nsteps:\n  - {id: first-message, title: x, elapsed: 20m, target: 15m, met: false, findings: 0}\n"
	if err := os.MkdirAll(filepath.Join(dir, "drills"), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "drills", "2026-12-01T1000-it-outage.yaml"), []byte(rec), 0o644); err != nil {
		t.Fatal(err)
	}
	r, err = Audit(dir, Options{Now: now})
	if err != nil {
		t.Fatal(err)
	}
	if it := item(r, "drill"); it.Status != Warning || !strings.Contains(it.Message, "first-message") {
		t.Errorf("drill with missed target = %+v", it)
	}
}

func edit(t *testing.T, path, old, new string) {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(data), old) {
		t.Fatalf("%s does not contain %q", path, old)
	}
	if err := os.WriteFile(path, []byte(strings.Replace(string(data), old, new, 1)), 0o644); err != nil {
		t.Fatal(err)
	}
}
