package page

import (
	"bytes"
	"flag"
	"image/png"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/makiuchi-d/gozxing"
	"github.com/makiuchi-d/gozxing/qrcode"

	"github.com/crisis-comms/crisis/internal/incident"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata")

const exampleDir = "../../examples/incidents/zahlungsausfall"

// exampleNow pins "last checked" and the letter date for golden output.
var exampleNow = time.Date(2026, 11, 27, 15, 0, 0, 0, time.FixedZone("", 3600))

func loadExample(t *testing.T) *incident.Incident {
	t.Helper()
	in, err := incident.Load(exampleDir)
	if err != nil {
		t.Fatal(err)
	}
	return in
}

func buildExample(t *testing.T) string {
	t.Helper()
	out := t.TempDir()
	if err := Build(loadExample(t), out, Options{Now: exampleNow}); err != nil {
		t.Fatal(err)
	}
	return out
}

func read(t *testing.T, path string) string {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

func TestPageGolden(t *testing.T) {
	out := buildExample(t)
	for _, name := range []string{IndexFile, LetterFile} {
		t.Run(name, func(t *testing.T) {
			got := read(t, filepath.Join(out, name))
			golden := filepath.Join("testdata", "zahlungsausfall."+name)
			if *update {
				if err := os.WriteFile(golden, []byte(got), 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			want := read(t, golden)
			if got != want {
				t.Errorf("%s differs from %s; if the change is intended, run: go test ./internal/page -update\n%s",
					name, golden, firstDiff(want, got))
			}
		})
	}
}

// firstDiff shows the first differing line, which is all a reader needs to
// judge a golden-file failure.
func firstDiff(want, got string) string {
	w, g := strings.Split(want, "\n"), strings.Split(got, "\n")
	for i := 0; i < len(w) || i < len(g); i++ {
		var wl, gl string
		if i < len(w) {
			wl = w[i]
		}
		if i < len(g) {
			gl = g[i]
		}
		if wl != gl {
			return "line " + strconv.Itoa(i+1) + ":\n  want: " + wl + "\n  got:  " + gl
		}
	}
	return ""
}

func TestPageContent(t *testing.T) {
	out := buildExample(t)
	index := read(t, filepath.Join(out, IndexFile))
	letter := read(t, filepath.Join(out, LetterFile))

	for _, want := range []string{
		`<html lang="de">`,
		`<a class="skip" href="#main">Zum Inhalt springen</a>`,
		`<header class="site">`, `<nav `, `<main id="main"`, `<footer class="site">`,
		`Aktueller Stand: Nachbereitung`,
		`<a href="tel:08000000000">0800 000 00 00</a>`,
		`<a href="mailto:hilfe@nordbank-musterstadt.example">`,
		`Seite zuletzt geprüft`, `<time datetime="2026-11-27T15:00:00+01:00">Freitag, 27. November 2026, 15:00 Uhr</time>`,
		`<time datetime="2026-11-23T09:30:00+01:00">Montag, 23. November 2026, 09:30 Uhr</time>`,
		`@media print`,
		`So machen wir es wieder gut`, `Damit es nicht wieder passiert`, `Hintergrund`,
	} {
		if !strings.Contains(index, want) {
			t.Errorf("index.html lacks %q", want)
		}
	}
	// Newest first.
	var order []string
	for _, m := range regexp.MustCompile(`data-update="([^"]+)"`).FindAllStringSubmatch(index, -1) {
		order = append(order, m[1])
	}
	wantOrder := []string{"2026-11-27T12:00:00+01:00", "2026-11-23T14:00:00+01:00", "2026-11-23T11:00:00+01:00", "2026-11-23T09:30:00+01:00"}
	if strings.Join(order, " ") != strings.Join(wantOrder, " ") {
		t.Errorf("timeline order = %v, want %v", order, wantOrder)
	}
	// What was limited or unknown in the acute phase is not current any more.
	current := index[:strings.Index(index, `id="timeline"`)]
	for _, stale := range []string{`id="impact"`, `id="unknown"`, "Halten Sie nach Möglichkeit"} {
		if strings.Contains(current, stale) {
			t.Errorf("resolved incident still shows acute-phase %q above the timeline", stale)
		}
	}
	if strings.Contains(index, "<script") || strings.Contains(index, "https://fonts") || strings.Contains(index, `src="http`) {
		t.Error("index.html must be self-contained and script-free")
	}
	for _, want := range []string{
		`@page { size: A4;`, `<img src="qr.png"`, `Mit der Handykamera scannen`,
		`So machen wir es wieder gut`, `Was wir getan haben`, `Damit es nicht wieder passiert`,
		`0800 000 00 00`, `https://www.nordbank-musterstadt.example/stoerung`,
		`Jana Musterfrau, Vorstand`,
	} {
		if !strings.Contains(letter, want) {
			t.Errorf("letter.html lacks %q", want)
		}
	}
}

func TestPageEnglish(t *testing.T) {
	out := t.TempDir()
	if err := Build(loadExample(t), out, Options{Now: exampleNow, Lang: "en"}); err != nil {
		t.Fatal(err)
	}
	index := read(t, filepath.Join(out, IndexFile))
	letter := read(t, filepath.Join(out, LetterFile))
	for _, want := range []string{`<html lang="en">`, "Skip to content", "Current status: Follow-up", "What happened", "Page last checked", "Friday, 27 November 2026, 15:00"} {
		if !strings.Contains(index, want) {
			t.Errorf("index.html lacks %q", want)
		}
	}
	for _, want := range []string{`<html lang="en">`, "How we are putting it right", "Kind regards", "Scan with your phone camera"} {
		if !strings.Contains(letter, want) {
			t.Errorf("letter.html lacks %q", want)
		}
	}
}

func TestPageOpenIncidentShowsNextUpdate(t *testing.T) {
	in := loadExample(t)
	in.Updates = in.Updates[:2] // as of 11:00 on the day
	out := t.TempDir()
	if err := Build(in, out, Options{Now: time.Date(2026, 11, 23, 11, 5, 0, 0, time.FixedZone("", 3600))}); err != nil {
		t.Fatal(err)
	}
	index := read(t, filepath.Join(out, IndexFile))
	for _, want := range []string{
		"Aktueller Stand: Aktualisierung",
		`<dd data-next-update><time datetime="2026-11-23T14:00:00+01:00">Montag, 23. November 2026, 14:00 Uhr</time></dd>`,
		`id="impact"`, `id="unknown"`, `id="help"`,
	} {
		if !strings.Contains(index, want) {
			t.Errorf("index.html lacks %q", want)
		}
	}
}

const hostile = `<script>alert(1)</script> <img src=x onerror=alert(1)> [x](javascript:alert(1))`

// hostileIncident has the hostile string in every text field of every update.
func hostileIncident() *incident.Incident {
	f := func() *incident.Facts {
		return &incident.Facts{
			Incident: hostile, Scenario: hostile, Stage: "update", Lang: hostile, Org: hostile,
			Headline: hostile, What: hostile, Impact: hostile, Affected: hostile, Actions: hostile,
			Who: hostile, Unknown: hostile, Help: hostile, Empathy: hostile, Background: hostile,
			Prevention: hostile, Remedy: hostile, NextUpdate: hostile, Hotline: hostile, Email: hostile,
			Signature:   hostile,
			LandingPage: `https://example.com/"><script>alert(1)</script>`,
		}
	}
	t0 := time.Date(2026, 11, 23, 9, 30, 0, 0, time.UTC)
	return &incident.Incident{Dir: "hostile", Updates: []incident.Update{
		{Dir: "hostile/a", Time: t0, Facts: f()},
		{Dir: "hostile/b", Time: t0.Add(time.Hour), Facts: f()},
	}}
}

func TestPageEscapesHostileFacts(t *testing.T) {
	out := t.TempDir()
	if err := Build(hostileIncident(), out, Options{Now: exampleNow, Letter: true}); err != nil {
		t.Fatal(err)
	}
	imgTag := regexp.MustCompile(`(?i)<img\b[^>]*>`)
	for _, name := range []string{IndexFile, LetterFile} {
		page := read(t, filepath.Join(out, name))
		if strings.Contains(strings.ToLower(page), "<script") {
			t.Errorf("%s contains a live <script>", name)
		}
		for _, tag := range imgTag.FindAllString(page, -1) {
			if tag != `<img src="qr.png" width="304" height="304" alt="QR code with the address of the information page: https://example.com/&#34;&gt;&lt;script&gt;alert(1)&lt;/script&gt;">` {
				t.Errorf("%s contains an unexpected image tag %s", name, tag)
			}
		}
		if regexp.MustCompile(`(?i)<[^>]*\bonerror\s*=`).MatchString(page) {
			t.Errorf("%s has an onerror attribute", name)
		}
		if strings.Contains(strings.ToLower(page), `href="javascript:`) {
			t.Errorf("%s has a javascript: link", name)
		}
		if !strings.Contains(page, "&lt;script&gt;alert(1)&lt;/script&gt;") {
			t.Errorf("%s does not show the hostile text escaped", name)
		}
	}
}

func TestQRRoundTrip(t *testing.T) {
	for _, addr := range []string{
		"https://www.nordbank-musterstadt.example/stoerung",
		"https://example.com/status?incident=zahlungsausfall-2026-11&lang=de#aktuell",
	} {
		data, err := QRPNG(addr)
		if err != nil {
			t.Fatal(err)
		}
		if got := decodeQR(t, data); got != addr {
			t.Errorf("QR decodes to %q, want %q", got, addr)
		}
	}
	// The built site's code points to the landing page.
	out := buildExample(t)
	data, err := os.ReadFile(filepath.Join(out, QRFile))
	if err != nil {
		t.Fatal(err)
	}
	if got, want := decodeQR(t, data), "https://www.nordbank-musterstadt.example/stoerung"; got != want {
		t.Errorf("qr.png decodes to %q, want %q", got, want)
	}
}

func decodeQR(t *testing.T, data []byte) string {
	t.Helper()
	img, err := png.Decode(bytes.NewReader(data))
	if err != nil {
		t.Fatal(err)
	}
	// Quiet zone: four white modules on every side.
	b := img.Bounds()
	q := qrQuietZone * qrModulePixels
	for y := b.Min.Y; y < b.Max.Y; y++ {
		for x := b.Min.X; x < b.Max.X; x++ {
			if x >= q && x < b.Max.X-q && y >= q && y < b.Max.Y-q {
				continue
			}
			if r, _, _, _ := img.At(x, y).RGBA(); r != 0xffff {
				t.Fatalf("quiet zone pixel (%d,%d) is not white", x, y)
			}
		}
	}
	bmp, err := gozxing.NewBinaryBitmapFromImage(img)
	if err != nil {
		t.Fatal(err)
	}
	res, err := qrcode.NewQRCodeReader().Decode(bmp, nil)
	if err != nil {
		t.Fatalf("decode QR: %v", err)
	}
	return res.GetText()
}

func TestBuildNeedsLandingPage(t *testing.T) {
	in := loadExample(t)
	for _, u := range in.Updates {
		u.Facts.LandingPage = ""
	}
	out := t.TempDir()
	err := Build(in, out, Options{Now: exampleNow})
	if err == nil || !strings.Contains(err.Error(), "landing_page:") {
		t.Fatalf("err = %v, want a hint to set landing_page:", err)
	}
	if entries, _ := os.ReadDir(out); len(entries) != 0 {
		t.Errorf("a failed build wrote %d files", len(entries))
	}

	in.Latest().Facts.LandingPage = "javascript:alert(1)"
	if err := Build(in, out, Options{Now: exampleNow}); err == nil || !strings.Contains(err.Error(), "not a web address") {
		t.Errorf("err = %v, want a complaint about the address", err)
	}
}

func TestBuildOutDir(t *testing.T) {
	in := loadExample(t)
	file := filepath.Join(t.TempDir(), "site")
	if err := os.WriteFile(file, []byte("keep"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := Build(in, file, Options{Now: exampleNow}); err == nil || !strings.Contains(err.Error(), "is a file") {
		t.Errorf("err = %v, want a refusal of a file as --out", err)
	}
	if read(t, file) != "keep" {
		t.Error("the file given as --out was changed")
	}

	// A rebuild replaces the site's own files and leaves others alone.
	dir := filepath.Join(t.TempDir(), "new", "site")
	if err := Build(in, dir, Options{Now: exampleNow}); err != nil {
		t.Fatal(err)
	}
	other := filepath.Join(dir, "robots.txt")
	if err := os.WriteFile(other, []byte("User-agent: *\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, IndexFile), []byte("old"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := Build(in, dir, Options{Now: exampleNow.Add(time.Hour)}); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(read(t, filepath.Join(dir, IndexFile)), "16:00 Uhr") {
		t.Error("rebuild did not refresh index.html")
	}
	if read(t, other) != "User-agent: *\n" {
		t.Error("rebuild touched a file that is not its own")
	}
	entries, _ := os.ReadDir(dir)
	if len(entries) != 4 {
		t.Errorf("site holds %d entries, want 3 own files and robots.txt (no temporary leftovers)", len(entries))
	}
}

func TestTelURL(t *testing.T) {
	for in, want := range map[string]string{
		"0800 000 00 00":        "tel:08000000000",
		"+49 (0)800 123-45 67":  "tel:+498001234567",
		"  +49 800 1":           "tel:+498001",
		"call 1+2":              "tel:12",
		`"><script>`:            "",
		"":                      "",
		"javascript:alert(1)":   "tel:1",
		"(040) 12 34 56":        "tel:040123456",
		"+1 (555) 010-0199 x12": "tel:+1555010019912",
	} {
		if got := string(telURL(in)); got != want {
			t.Errorf("telURL(%q) = %q, want %q", in, got, want)
		}
	}
}

// The letter speaks of what was changed, so it is written once an update
// is resolved or a follow-up, or when asked for; and the page shows the
// update's landing message as the writer edited it.
func TestLetterWhenClosedAndLandingMessage(t *testing.T) {
	dir := t.TempDir()
	upd := filepath.Join(dir, "2026-11-23T0930")
	if err := os.MkdirAll(upd, 0o755); err != nil {
		t.Fatal(err)
	}
	landing := "---\nchannel: landing\nlang: de\n---\n# Kartenzahlung gestört\n\nVon Hand ergänzt: **Bargeld** gibt es am Schalter.\n\n<script>alert(1)</script>\n"
	if err := os.WriteFile(filepath.Join(upd, LandingFile), []byte(landing), 0o644); err != nil {
		t.Fatal(err)
	}
	t0 := time.Date(2026, 11, 23, 9, 30, 0, 0, time.FixedZone("", 3600))
	in := &incident.Incident{Dir: dir, Updates: []incident.Update{{Dir: upd, Time: t0, Facts: &incident.Facts{
		Incident: "karten", Stage: "initial", Lang: "de", Headline: "Kartenzahlung gestört", What: "Aus den Fakten.",
		LandingPage: "https://nordbank.example/stoerung"}}}}

	out := t.TempDir()
	if err := Build(in, out, Options{Now: t0}); err != nil {
		t.Fatal(err)
	}
	if WritesLetter(in, Options{}) {
		t.Error("WritesLetter for an open incident")
	}
	for _, name := range []string{LetterFile, QRFile} {
		if _, err := os.Stat(filepath.Join(out, name)); err == nil {
			t.Errorf("%s written for an incident at its first message", name)
		}
	}
	index := read(t, filepath.Join(out, IndexFile))
	if !strings.Contains(index, "Von Hand ergänzt: <strong>Bargeld</strong>") || strings.Contains(index, "Aus den Fakten.</p>\n</section>") {
		t.Errorf("index.html does not show the landing message:\n%s", index)
	}
	if strings.Contains(strings.ToLower(index), "<script>alert") {
		t.Error("the landing message's script reached the page")
	}

	in.Updates[0].Facts.Stage = "resolved"
	if err := Build(in, out, Options{Now: t0}); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(filepath.Join(out, LetterFile)); err != nil {
		t.Errorf("no letter for a resolved incident: %v", err)
	}
}

// TestBuildSwapKeepsTree checks the swap: subdirectories and links of the
// site survive a rebuild, and no working directory is left next to it.
func TestBuildSwapKeepsTree(t *testing.T) {
	in := loadExample(t)
	root := t.TempDir()
	dir := filepath.Join(root, "site")
	if err := os.MkdirAll(filepath.Join(dir, "img"), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "img", "logo.svg"), []byte("<svg/>"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink("img/logo.svg", filepath.Join(dir, "logo.svg")); err != nil {
		t.Fatal(err)
	}
	for range 2 {
		if err := Build(in, dir, Options{Now: exampleNow}); err != nil {
			t.Fatal(err)
		}
	}
	if read(t, filepath.Join(dir, "logo.svg")) != "<svg/>" {
		t.Error("the link or the file behind it was lost")
	}
	if entries, _ := os.ReadDir(root); len(entries) != 1 {
		t.Errorf("next to the site: %v, want the site alone", entries)
	}
}

// TestBuildRestoresSiteSetAside covers a build killed between the two
// renames of a swap: the site is missing and its old copy lies aside. The
// next build puts it back first, so the files kept around the site survive;
// an old copy of another site (a name that continues this one's) is left
// alone, and stale ones are not removed while their site is missing.
func TestBuildRestoresSiteSetAside(t *testing.T) {
	in := loadExample(t)
	root := t.TempDir()
	dir := filepath.Join(root, "site")
	aside := asideName(dir, 100)
	older := asideName(dir, 99)
	stranger := asideName(filepath.Join(root, "site-2"), 101)
	for _, d := range []string{aside, older, stranger} {
		if err := os.MkdirAll(d, 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(d, "robots.txt"), []byte(filepath.Base(d)), 0o644); err != nil {
			t.Fatal(err)
		}
		long := time.Now().Add(-2 * staleAfter)
		if err := os.Chtimes(d, long, long); err != nil {
			t.Fatal(err)
		}
	}
	if got, ok := asideOf(filepath.Base(stranger)); !ok || got != "site-2" {
		t.Fatalf("asideOf(%s) = %q, %v", filepath.Base(stranger), got, ok)
	}
	if err := Build(in, dir, Options{Now: exampleNow}); err != nil {
		t.Fatal(err)
	}
	if got := read(t, filepath.Join(dir, "robots.txt")); got != filepath.Base(aside) {
		t.Errorf("robots.txt = %q, want the newest copy set aside (%s)", got, filepath.Base(aside))
	}
	if _, err := os.Stat(filepath.Join(dir, "index.html")); err != nil {
		t.Errorf("the build did not land: %v", err)
	}
	if _, err := os.Stat(stranger); err != nil {
		t.Errorf("the set-aside copy of another, missing site was removed: %v", err)
	}
	if _, err := os.Stat(older); !os.IsNotExist(err) {
		t.Errorf("a stale copy of a site that is back is left: %v", err)
	}
}
