package page

import (
	"html"
	"regexp"
	"strings"
	"testing"
)

var hrefRE = regexp.MustCompile(`(?i)\b(href|src)\s*=\s*"([^"]*)"`)

// TestMarkdownHostile feeds the renderer what an attacker (or a careless
// copy and paste) might put into a facts field.
func TestMarkdownHostile(t *testing.T) {
	for _, tc := range []struct {
		name, in string
		mustNot  []string // case-insensitive substrings that must not appear
		must     []string // substrings that must appear
	}{
		{"script block", "<script>alert(1)</script>", []string{"<script"}, []string{"&lt;script&gt;alert(1)&lt;/script&gt;"}},
		{"inline html", "Hallo <b onclick=\"alert(1)\">fett</b>", []string{"<b ", "<b>"}, []string{"&lt;b onclick="}},
		{"img onerror", `<img src=x onerror=alert(1)>`, []string{"<img"}, []string{"&lt;img src=x onerror=alert(1)&gt;"}},
		{"iframe", "<iframe src=\"https://evil.example\"></iframe>", []string{"<iframe"}, []string{"&lt;iframe"}},
		{"html comment", "<!-- x --><style>body{display:none}</style>", []string{"<style", "<!--"}, nil},
		{"javascript link", "[klick](javascript:alert(1))", []string{"<a", "javascript:"}, []string{"klick"}},
		{"mixed case scheme", "[klick](JaVaScRiPt:alert(1))", []string{"<a"}, []string{"klick"}},
		{"entity scheme", "[klick](&#106;avascript:alert(1))", []string{"<a"}, []string{"klick"}},
		{"percent scheme", "[klick](javascript%3Aalert(1))", []string{"<a"}, []string{"klick"}},
		{"whitespace in scheme", "[klick](<java\tscript:alert(1)>)", []string{"<a"}, []string{"klick"}},
		{"vbscript", "[klick](vbscript:msgbox(1))", []string{"<a"}, []string{"klick"}},
		{"data link", "[klick](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)", []string{"<a", "data:"}, []string{"klick"}},
		{"data image", "![Lageplan](data:image/png;base64,iVBORw0KGgo=)", []string{"<img", "data:"}, []string{"Lageplan"}},
		{"remote image", "![Logo](https://tracker.example/pixel.gif)", []string{"<img", "tracker"}, []string{"Logo"}},
		{"file link", "[passwd](file:///etc/passwd)", []string{"<a", "file:"}, []string{"passwd"}},
		{"relative link", "[hier](../../secret)", []string{"<a"}, []string{"hier"}},
		{"protocol-relative", "[hier](//evil.example/)", []string{"<a"}, []string{"hier"}},
		{"javascript autolink", "<javascript:alert(1)>", []string{"<a", "href"}, []string{"javascript:alert(1)"}},
		{"reference link", "[klick][x]\n\n[x]: javascript:alert(1)", []string{"<a"}, []string{"klick"}},
		{"link title quote", `[ok](https://example.com "a\" onmouseover=\"alert(1)")`, []string{`" onmouseover`}, []string{`href="https://example.com"`}},
		{"heading", "# Groß\n\nText", []string{"<h1", "<h"}, []string{"<strong>Groß</strong>"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got := string(Markdown(tc.in))
			low := strings.ToLower(got)
			for _, bad := range tc.mustNot {
				if strings.Contains(low, strings.ToLower(bad)) {
					t.Errorf("output contains %q:\n%s", bad, got)
				}
			}
			for _, want := range tc.must {
				if !strings.Contains(got, want) {
					t.Errorf("output lacks %q:\n%s", want, got)
				}
			}
			checkTargets(t, got)
		})
	}
}

// checkTargets fails on any link or image target that does not use one of
// the allowed schemes once HTML entities are decoded.
func checkTargets(t *testing.T, out string) {
	t.Helper()
	for _, m := range hrefRE.FindAllStringSubmatch(out, -1) {
		if m[1] != "href" {
			t.Errorf("unexpected %s attribute in %s", m[1], out)
			continue
		}
		target := strings.ToLower(html.UnescapeString(m[2]))
		ok := false
		for _, p := range []string{"http://", "https://", "mailto:", "tel:"} {
			ok = ok || strings.HasPrefix(target, p)
		}
		if !ok {
			t.Errorf("link target %q is not http, https, mailto or tel", m[2])
		}
	}
}

func TestMarkdownKeepsSafeMarkup(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"**wichtig**", "<p><strong>wichtig</strong></p>\n"},
		{"- eins\n- zwei", "<ul>\n<li>eins</li>\n<li>zwei</li>\n</ul>\n"},
		{"[Seite](https://example.com/a?b=1&c=2)", `<p><a href="https://example.com/a?b=1&amp;c=2">Seite</a></p>` + "\n"},
		{"[Mail](mailto:hilfe@example.com)", `<p><a href="mailto:hilfe@example.com">Mail</a></p>` + "\n"},
		{"[Anrufen](tel:+498000000000)", `<p><a href="tel:+498000000000">Anrufen</a></p>` + "\n"},
		{"<https://example.com>", `<p><a href="https://example.com">https://example.com</a></p>` + "\n"},
		{"Mehr unter www.example.com.", `<p>Mehr unter <a href="http://www.example.com">www.example.com</a>.</p>` + "\n"},
		{"<hilfe@example.com>", `<p><a href="mailto:hilfe@example.com">hilfe@example.com</a></p>` + "\n"},
		{"A & B < C", "<p>A &amp; B &lt; C</p>\n"},
		{"", ""},
		{"  \n ", ""},
	} {
		if got := string(Markdown(tc.in)); got != tc.want {
			t.Errorf("Markdown(%q) =\n%q\nwant\n%q", tc.in, got, tc.want)
		}
	}
}
