//go:build unix

package page

import (
	"bytes"
	"context"
	"fmt"
	"image"
	"image/png"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"syscall"
	"testing"
	"time"
)

// browserNames are the executables tried, in order. Debian's package
// chromium installs "chromium"; other systems use the other names.
var browserNames = []string{"chromium", "chromium-browser", "google-chrome", "google-chrome-stable"}

// findBrowser returns a headless-capable Chromium, or skips the test. In CI
// (CI=true) a missing browser is a failure: the browser test must run there.
func findBrowser(t *testing.T) string {
	t.Helper()
	for _, name := range browserNames {
		if p, err := exec.LookPath(name); err == nil {
			return p
		}
	}
	msg := fmt.Sprintf("no browser found (looked for %s): install Debian's chromium package to run the real-browser test",
		strings.Join(browserNames, ", "))
	if os.Getenv("CI") == "true" {
		t.Fatal(msg)
	}
	t.Skip(msg)
	return ""
}

// runBrowser runs one headless Chromium command and returns its stdout. The
// browser runs in its own process group so that a timeout kills its helpers
// too, and with a fresh profile so that no state leaks between runs.
func runBrowser(t *testing.T, bin string, args ...string) []byte {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 90*time.Second)
	defer cancel()
	base := []string{
		"--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
		"--disable-background-networking", "--disable-component-update", "--disable-sync",
		"--user-data-dir=" + t.TempDir(),
	}
	cmd := exec.CommandContext(ctx, bin, append(base, args...)...)
	cmd.SysProcAttr = &syscall.SysProcAttr{Setpgid: true}
	cmd.Cancel = func() error { return syscall.Kill(-cmd.Process.Pid, syscall.SIGKILL) }
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	if err := cmd.Run(); err != nil {
		t.Fatalf("%s %s: %v\n%s", filepath.Base(bin), strings.Join(args, " "), err, tail(stderr.String(), 2000))
	}
	return stdout.Bytes()
}

func tail(s string, n int) string {
	if len(s) > n {
		return "…" + s[len(s)-n:]
	}
	return s
}

// artifactsDir keeps screenshots for people to look at when CRISIS_ARTIFACTS
// names a directory, else they go away with the test.
func artifactsDir(t *testing.T) string {
	t.Helper()
	if d := os.Getenv("CRISIS_ARTIFACTS"); d != "" {
		if err := os.MkdirAll(d, 0o755); err != nil {
			t.Fatal(err)
		}
		return d
	}
	return t.TempDir()
}

// probePage frames the real page at the size under test and measures, in
// the real layout, whether the timeline and the contact are visible and
// whether the page fits the width without sideways scrolling. It leaves its
// findings as attributes that --dump-dom prints. The frame is needed because
// headless Chromium keeps its window at least 500 px wide; the published page
// itself stays free of scripts.
const probePage = `<!DOCTYPE html>
<html><body style="margin:0">
<iframe id="page" src="index.html" style="border:0;width:%dpx;height:%dpx"></iframe>
<script>
var frame = document.getElementById("page");
frame.addEventListener("load", function () {
  var w = frame.contentWindow, d = w.document;
  function shown(el) {
    if (!el) return false;
    var r = el.getBoundingClientRect(), cs = w.getComputedStyle(el);
    return r.width > 0 && r.height > 0 && cs.display !== "none" && cs.visibility !== "hidden" && parseFloat(cs.opacity) > 0;
  }
  var entries = d.querySelectorAll("[data-update]"), seen = 0;
  for (var i = 0; i < entries.length; i++) if (shown(entries[i])) seen++;
  var tel = d.querySelector('#contact a[href^="tel:"]');
  var p = document.createElement("div");
  p.id = "probe";
  p.setAttribute("data-timeline", shown(d.querySelector("[data-section=timeline]")));
  p.setAttribute("data-contact", shown(d.querySelector("[data-section=contact]")));
  p.setAttribute("data-tel", shown(tel) && tel.getBoundingClientRect().height >= 24);
  p.setAttribute("data-updates", entries.length + "/" + seen);
  p.setAttribute("data-overflow", d.documentElement.scrollWidth > d.documentElement.clientWidth);
  p.setAttribute("data-width", w.innerWidth);
  p.setAttribute("data-dom", d.body.innerText.length);
  document.body.appendChild(p);
  var copy = document.createElement("pre");
  copy.id = "page-text";
  copy.textContent = d.documentElement.outerHTML;
  document.body.appendChild(copy);
});
</script>
</body></html>
`

func TestBrowserLandingPage(t *testing.T) {
	bin := findBrowser(t)
	site := buildExample(t)
	shots := artifactsDir(t)

	for _, size := range []struct {
		name string
		w, h int
	}{{"phone", 390, 844}, {"desktop", 1280, 800}} {
		t.Run(size.name, func(t *testing.T) {
			window := fmt.Sprintf("--window-size=%d,%d", size.w, size.h)

			probe := filepath.Join(site, fmt.Sprintf("probe-%s.html", size.name))
			if err := os.WriteFile(probe, []byte(fmt.Sprintf(probePage, size.w, size.h)), 0o644); err != nil {
				t.Fatal(err)
			}
			// File pages may read each other only with this flag; the probe
			// needs it to look into the framed page.
			dom := string(runBrowser(t, bin, window, "--allow-file-access-from-files", "--dump-dom", "file://"+probe))
			m := regexp.MustCompile(`<div id="probe"([^>]*)>`).FindStringSubmatch(dom)
			if m == nil {
				t.Fatalf("probe did not run; DOM:\n%s", tail(dom, 2000))
			}
			attr := func(name string) string {
				a := regexp.MustCompile(`data-` + name + `="([^"]*)"`).FindStringSubmatch(m[1])
				if a == nil {
					return ""
				}
				return a[1]
			}
			t.Logf("%s probe:%s", size.name, m[1])
			for name, want := range map[string]string{
				"timeline": "true", "contact": "true", "tel": "true", "updates": "4/4", "overflow": "false",
				"width": fmt.Sprint(size.w),
			} {
				if got := attr(name); got != want {
					t.Errorf("%s: probe %s = %q, want %q", size.name, name, got, want)
				}
			}
			for _, want := range []string{"0800 000 00 00", "hilfe@nordbank-musterstadt.example", "2026-11-23T09:30:00+01:00", "Alle Meldungen"} {
				if !strings.Contains(dom, want) {
					t.Errorf("rendered DOM lacks %q", want)
				}
			}

			shot := filepath.Join(shots, fmt.Sprintf("index-%dx%d.png", size.w, size.h))
			runBrowser(t, bin, window, "--hide-scrollbars", "--screenshot="+shot, "file://"+filepath.Join(site, IndexFile))
			checkScreenshot(t, shot, size.w, size.h)
		})
	}
}

// checkScreenshot makes sure the browser painted something: a PNG of the
// window's size that is not a single colour.
func checkScreenshot(t *testing.T, path string, w, h int) {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatalf("no screenshot: %v", err)
	}
	defer f.Close()
	img, err := png.Decode(f)
	if err != nil {
		t.Fatalf("screenshot %s: %v", path, err)
	}
	if got := img.Bounds().Size(); got != (image.Point{w, h}) {
		t.Errorf("screenshot is %v, want %dx%d", got, w, h)
	}
	colours := map[[4]uint32]bool{}
	b := img.Bounds()
	for y := b.Min.Y; y < b.Max.Y; y += 3 {
		for x := b.Min.X; x < b.Max.X; x += 3 {
			r, g, bl, a := img.At(x, y).RGBA()
			colours[[4]uint32{r, g, bl, a}] = true
		}
	}
	if len(colours) < 8 {
		t.Errorf("screenshot %s has only %d colours: the page did not render", path, len(colours))
	}
}

// TestBrowserLetterPrintsOnOnePage prints the example letter to PDF as a
// person would and checks that it is one A4 page.
func TestBrowserLetterPrintsOnOnePage(t *testing.T) {
	bin := findBrowser(t)
	site := buildExample(t)
	pdf := filepath.Join(artifactsDir(t), "letter.pdf")
	runBrowser(t, bin, "--no-pdf-header-footer", "--print-to-pdf="+pdf, "file://"+filepath.Join(site, LetterFile))
	data, err := os.ReadFile(pdf)
	if err != nil {
		t.Fatal(err)
	}
	if pages := len(regexp.MustCompile(`/Type\s*/Page\b`).FindAll(data, -1)); pages != 1 {
		t.Errorf("letter prints on %d pages, want 1", pages)
	}
	// A4 is 595.3 x 841.9 pt; Chromium rounds to its own units.
	box := regexp.MustCompile(`/MediaBox\s*\[\s*0 0 ([\d.]+) ([\d.]+)\s*\]`).FindSubmatch(data)
	if box == nil {
		t.Fatal("no /MediaBox in the PDF")
	}
	var w, h float64
	fmt.Sscan(string(box[1]), &w)
	fmt.Sscan(string(box[2]), &h)
	if w < 590 || w > 600 || h < 838 || h > 846 {
		t.Errorf("page size %.1f x %.1f pt, want A4 (595 x 842)", w, h)
	}
}
