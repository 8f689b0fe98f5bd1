package lsp

import (
	"io"
	"net/url"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"unicode/utf16"
	"unicode/utf8"

	"github.com/crisis-comms/crisis/internal/check"
	"github.com/crisis-comms/crisis/internal/lint"
	"github.com/crisis-comms/crisis/internal/lsp/lsptest"
)

// session starts a server on pipes and a client that speaks to it.
func session(t *testing.T, opts Options) (*lsptest.Client, <-chan error) {
	t.Helper()
	inR, inW := io.Pipe()
	outR, outW := io.Pipe()
	done := make(chan error, 1)
	go func() {
		err := Serve(inR, outW, opts)
		outW.Close()
		done <- err
	}()
	t.Cleanup(func() { inW.Close(); inR.Close() })
	return lsptest.New(outR, inW), done
}

func initialize(t *testing.T, c *lsptest.Client, encodings ...string) map[string]any {
	t.Helper()
	var res map[string]any
	caps := map[string]any{"workspace": map[string]any{"didChangeWatchedFiles": map[string]any{"dynamicRegistration": true}}}
	if len(encodings) > 0 {
		caps["general"] = map[string]any{"positionEncodings": encodings}
	}
	if err := c.Call("initialize", map[string]any{"processId": nil, "rootUri": nil, "capabilities": caps}, &res); err != nil {
		t.Fatal(err)
	}
	if err := c.Notify("initialized", map[string]any{}); err != nil {
		t.Fatal(err)
	}
	return res
}

func fileURI(p string) string { return (&url.URL{Scheme: "file", Path: filepath.ToSlash(p)}).String() }

func open(t *testing.T, c *lsptest.Client, uri, lang, text string) {
	t.Helper()
	err := c.Notify("textDocument/didOpen", map[string]any{"textDocument": map[string]any{"uri": uri, "languageId": lang, "version": 1, "text": text}})
	if err != nil {
		t.Fatal(err)
	}
}

func change(t *testing.T, c *lsptest.Client, uri string, version int, text string) {
	t.Helper()
	err := c.Notify("textDocument/didChange", map[string]any{
		"textDocument":   map[string]any{"uri": uri, "version": version},
		"contentChanges": []any{map[string]any{"text": text}},
	})
	if err != nil {
		t.Fatal(err)
	}
}

func write(t *testing.T, p, text string) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
}

// column converts a finding's 1-based code-point column on its line to
// an LSP character in enc, independently of the server's conversion.
func column(text string, line, col int, enc string) int {
	l := strings.Split(text, "\n")[line-1]
	prefix := []rune(l)[:col-1]
	switch enc {
	case "utf-32":
		return len(prefix)
	case "utf-8":
		return len(string(prefix))
	}
	return len(utf16.Encode(prefix))
}

// TestEditorSession drives the server as an editor does: diagnostics on
// open and change equal crisis lint's findings for the file (with the
// folder's .crisis.yaml), hover explains the rule, the quick fixes edit
// the text so that the finding goes away, and shutdown and exit end it.
func TestEditorSession(t *testing.T) {
	for _, enc := range []string{"utf-16", "utf-32", "utf-8"} {
		t.Run(enc, func(t *testing.T) {
			dir := t.TempDir()
			write(t, filepath.Join(dir, ".crisis.yaml"), "lang: de\noverrides:\n  - files: [\"social/*.md\"]\n    rules: { community.customers: error }\n")
			p := filepath.Join(dir, "social", "post.md")
			text := "---\nchannel: facebook\n---\n🙂 Unsere Kunden können ab 14 Uhr wieder bezahlen.\n\n👍🏽 Nur heute 20 % Rabatt auf alles – jetzt zugreifen!\n"
			write(t, p, text)
			uri := fileURI(p)

			c, done := session(t, Options{Version: "test"})
			res := initialize(t, c, enc, "utf-16")
			caps := res["capabilities"].(map[string]any)
			if caps["positionEncoding"] != enc {
				t.Fatalf("positionEncoding %v, want %s", caps["positionEncoding"], enc)
			}
			if _, err := c.Wait(func(m lsptest.Message) bool { return m.Method == "client/registerCapability" }); err != nil {
				t.Fatalf("no file watch registered: %v", err)
			}

			open(t, c, uri, "markdown", text)
			diags, err := c.Diagnostics(uri, 1)
			if err != nil {
				t.Fatal(err)
			}
			r, _ := check.New(check.Options{})
			want := r.Run([]string{p})[0]
			if want.Err != nil || len(want.Findings) < 2 {
				t.Fatalf("crisis lint: %v %+v", want.Err, want.Findings)
			}
			if len(diags.Diagnostics) != len(want.Findings) {
				t.Fatalf("%d diagnostics, crisis lint reports %d findings:\n%+v\n%+v", len(diags.Diagnostics), len(want.Findings), diags.Diagnostics, want.Findings)
			}
			var customers lsptest.Range
			for i, f := range want.Findings {
				g := diags.Diagnostics[i]
				wantRange := lsptest.Range{
					Start: lsptest.Position{Line: f.Line - 1, Character: column(text, f.Line, f.Column, enc)},
					End:   lsptest.Position{Line: f.EndLine - 1, Character: column(text, f.EndLine, f.EndColumn, enc)},
				}
				if g.Code != f.Rule || g.Range != wantRange || g.Source != "crisis" || !strings.HasPrefix(g.Message, f.Message) {
					t.Errorf("diagnostic %d: %+v\nwant %s at %+v: %s", i, g, f.Rule, wantRange, f.Message)
				}
				if f.Rule == "community.customers" {
					customers = g.Range
					if g.Severity != severityError {
						t.Errorf("community.customers severity %d: the override makes it an error", g.Severity)
					}
				}
			}
			if customers == (lsptest.Range{}) {
				t.Fatal("community.customers must be among the findings")
			}
			var promo lsptest.Range
			for i, f := range want.Findings {
				if f.Tone == "promotional" {
					promo = diags.Diagnostics[i].Range
				}
			}
			if promo == (lsptest.Range{}) {
				t.Fatal("the discount must be among the findings")
			}

			// Hover: rule, principle and why, in the file's language.
			var h struct {
				Contents struct{ Kind, Value string }
			}
			if err := c.Call("textDocument/hover", map[string]any{"textDocument": map[string]any{"uri": uri}, "position": customers.Start}, &h); err != nil {
				t.Fatal(err)
			}
			for _, s := range []string{"`community.customers`", "**Grundsatz**: ", "**Warum**: "} {
				if !strings.Contains(h.Contents.Value, s) || h.Contents.Kind != "markdown" {
					t.Errorf("hover lacks %q:\n%s", s, h.Contents.Value)
				}
			}
			// A promotional rule says how it is weighed against the whole
			// statement; a rule of a tone that is not weighed says nothing.
			if strings.Contains(h.Contents.Value, "**Abwägung**") {
				t.Errorf("community.customers is not weighed, yet its hover says so:\n%s", h.Contents.Value)
			}
			if err := c.Call("textDocument/hover", map[string]any{"textDocument": map[string]any{"uri": uri}, "position": promo.Start}, &h); err != nil {
				t.Fatal(err)
			}
			if !strings.Contains(h.Contents.Value, "**Abwägung**: eine ") {
				t.Errorf("the hover of a promotional finding does not say how it is weighed:\n%s", h.Contents.Value)
			}

			// Quick fixes: the replacement and the directive.
			var actions []CodeAction
			if err := c.Call("textDocument/codeAction", map[string]any{"textDocument": map[string]any{"uri": uri}, "range": customers,
				"context": map[string]any{"diagnostics": []any{}}}, &actions); err != nil {
				t.Fatal(err)
			}
			var replace, ignore *CodeAction
			for i, a := range actions {
				switch {
				case a.IsPreferred:
					replace = &actions[i]
				case strings.Contains(a.Title, "community.customers"):
					ignore = &actions[i]
				}
			}
			if replace == nil || ignore == nil {
				t.Fatalf("want a replacement and an ignore action, got %+v", actions)
			}
			fixed := apply(t, text, replace.Edit.Changes[uri], enc)
			if !strings.Contains(fixed, "🙂 Sie können ab 14 Uhr wieder bezahlen.") {
				t.Errorf("replacement gave:\n%s", fixed)
			}
			change(t, c, uri, 2, fixed)
			if d, err := c.Diagnostics(uri, 2); err != nil || has(d, "community.customers") || len(d.Diagnostics) != len(want.Findings)-1 {
				t.Errorf("after the replacement: %v %+v", err, d.Diagnostics)
			}
			ignored := apply(t, text, ignore.Edit.Changes[uri], enc)
			if !strings.Contains(ignored, "---\n<!-- crisis-ignore community.customers: -->\n🙂 Unsere Kunden") {
				t.Errorf("directive inserted as:\n%s", ignored)
			}
			change(t, c, uri, 3, ignored)
			if d, err := c.Diagnostics(uri, 3); err != nil || has(d, "community.customers") || !has(d, lint.RuleSuppressionReason) {
				t.Errorf("after the directive: %v %+v", err, d.Diagnostics)
			}

			if err := c.Call("shutdown", nil, nil); err != nil {
				t.Fatal(err)
			}
			if err := c.Notify("exit", nil); err != nil {
				t.Fatal(err)
			}
			if err := <-done; err != nil {
				t.Errorf("Serve after shutdown and exit: %v", err)
			}
		})
	}
}

func has(d lsptest.Diagnostics, rule string) bool {
	for _, x := range d.Diagnostics {
		if x.Code == rule {
			return true
		}
	}
	return false
}

// apply applies edits (non-overlapping, as the server sends them) the way
// an editor does, counting characters in enc.
func apply(t *testing.T, text string, edits []TextEdit, enc string) string {
	t.Helper()
	if len(edits) == 0 {
		t.Fatal("no edits")
	}
	off := func(p Position) int {
		ls := strings.SplitAfter(text, "\n")
		o := 0
		for i := 0; i < p.Line; i++ {
			o += len(ls[i])
		}
		for n := 0; n < p.Character; {
			r, size := utf8.DecodeRuneInString(text[o:])
			switch enc {
			case "utf-8":
				n += size
			case "utf-32":
				n++
			default:
				n += len(utf16.Encode([]rune{r}))
			}
			o += size
		}
		return o
	}
	for i := len(edits) - 1; i >= 0; i-- {
		e := edits[i]
		text = text[:off(e.Range.Start)] + e.NewText + text[off(e.Range.End):]
	}
	return text
}

// TestSettingsChange: a .crisis.yaml edited outside the editor applies at
// the next change of the document; a workspace/didChangeWatchedFiles
// notification lints the open documents again.
func TestSettingsChange(t *testing.T) {
	dir := t.TempDir()
	cfg := filepath.Join(dir, ".crisis.yaml")
	write(t, cfg, "lang: en\n")
	p := filepath.Join(dir, "post.md")
	text := "As you can imagine, we are completely overwhelmed.\n"
	uri := fileURI(p)
	c, _ := session(t, Options{})
	initialize(t, c)
	open(t, c, uri, "markdown", text)
	if d, err := c.Diagnostics(uri, 1); err != nil || !has(d, "authentic.self-pity") {
		t.Fatalf("before: %v %+v", err, d)
	}
	write(t, cfg, "lang: en\noverrides:\n  - files: [\"*.md\"]\n    rules: { authentic.self-pity: off }\n")
	change(t, c, uri, 2, text)
	if d, err := c.Diagnostics(uri, 2); err != nil || has(d, "authentic.self-pity") {
		t.Errorf("after switching the rule off: %v %+v", err, d)
	}
	write(t, cfg, "lang: en\nignore: [\"post.md\"]\n")
	if err := c.Notify("workspace/didChangeWatchedFiles", map[string]any{"changes": []any{map[string]any{"uri": fileURI(cfg), "type": 2}}}); err != nil {
		t.Fatal(err)
	}
	if _, err := c.Wait(func(m lsptest.Message) bool {
		return m.Method == "textDocument/publishDiagnostics" && strings.Contains(string(m.Params), `"version":2,"diagnostics":[]`)
	}); err != nil {
		t.Errorf("an ignored file has no diagnostics: %v", err)
	}
}

// TestUpdateCongruence: the messages of one update are compared as the
// editor holds them, as crisis lint DIR compares the files; editing one
// message lints the other open ones again.
func TestUpdateCongruence(t *testing.T) {
	dir := t.TempDir()
	email := "Betreff: Störung\n\nDie Kasse ist gestört. Nächstes Update um 15:00 Uhr unter status.example.de.\n"
	sms := "Kasse gestört. Nächstes Update um 14:00 Uhr unter status.example.de.\n"
	write(t, filepath.Join(dir, "facts.yaml"), "incident: kasse\n") // an update
	write(t, filepath.Join(dir, "email.md"), email)
	write(t, filepath.Join(dir, "sms.txt"), sms)
	r, _ := check.New(check.Options{})
	want := r.Run([]string{dir})[1]
	if !slices.ContainsFunc(want.Findings, func(f lint.Finding) bool { return f.Rule == "channels.next-update" }) {
		t.Fatalf("crisis lint DIR must report the disagreement: %+v", want.Findings)
	}
	c, _ := session(t, Options{})
	initialize(t, c)
	emailURI, smsURI := fileURI(filepath.Join(dir, "email.md")), fileURI(filepath.Join(dir, "sms.txt"))
	open(t, c, emailURI, "markdown", email)
	open(t, c, smsURI, "plaintext", sms)
	d, err := c.Diagnostics(smsURI, 1)
	if err != nil {
		t.Fatal(err)
	}
	var codes []string
	for _, x := range d.Diagnostics {
		codes = append(codes, x.Code)
	}
	var wantCodes []string
	for _, f := range want.Findings {
		wantCodes = append(wantCodes, f.Rule)
	}
	if !slices.Equal(codes, wantCodes) {
		t.Errorf("sms.txt: %v, crisis lint DIR: %v", codes, wantCodes)
	}
	// The e-mail now says 14:00 too (unsaved): the SMS agrees with it.
	change(t, c, emailURI, 2, strings.Replace(email, "15:00", "14:00", 1))
	if _, err := c.Wait(func(m lsptest.Message) bool {
		return m.Method == "textDocument/publishDiagnostics" && strings.Contains(string(m.Params), smsURI) &&
			!strings.Contains(string(m.Params), "channels.next-update")
	}); err != nil {
		t.Errorf("the SMS after the e-mail's change: %v", err)
	}
}

// TestIgnoredRules: the directive for a folded finding names every rule
// folded into it, so silencing it does not bring the others back.
func TestIgnoredRules(t *testing.T) {
	for _, tc := range []struct {
		f    lint.Finding
		want string
	}{
		{lint.Finding{Rule: "helpful.urgency"}, "helpful.urgency"},
		{lint.Finding{Rule: "helpful.discount-code", Also: []string{"helpful.sales-pitch", "helpful.urgency"}},
			"helpful.discount-code, helpful.sales-pitch, helpful.urgency"},
	} {
		if got := ignoredRules(tc.f); got != tc.want {
			t.Errorf("ignoredRules(%v) = %q, want %q", tc.f, got, tc.want)
		}
	}
}
