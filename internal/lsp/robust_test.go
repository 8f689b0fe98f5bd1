package lsp

import (
	"bytes"
	"errors"
	"fmt"
	"strings"
	"testing"

	"github.com/crisis-comms/crisis/internal/lint"
	"github.com/crisis-comms/crisis/internal/lsp/lsptest"
)

// TestBadInput: broken JSON, an oversized message, requests out of order
// and unknown methods are answered with errors and the session goes on;
// exit without shutdown is reported.
func TestBadInput(t *testing.T) {
	c, done := session(t, Options{MaxMessage: 1 << 10})
	code := func(m lsptest.Message) int {
		if m.Error == nil {
			return 0
		}
		return m.Error.Code
	}
	// Before initialize.
	if err := c.Call("textDocument/hover", map[string]any{}, nil); err == nil || !strings.Contains(err.Error(), "-32002") {
		t.Errorf("hover before initialize: %v", err)
	}
	initialize(t, c)
	frame := func(body string) []byte { return fmt.Appendf(nil, "Content-Length: %d\r\n\r\n%s", len(body), body) }
	if err := c.WriteRaw(frame(`{"jsonrpc":"2.0","id":7,"method":`)); err != nil {
		t.Fatal(err)
	}
	if m, err := c.Wait(func(m lsptest.Message) bool { return code(m) == codeParseError }); err != nil || string(m.ID) != "null" {
		t.Errorf("broken JSON: %v %+v", err, m)
	}
	big := `{"jsonrpc":"2.0","id":8,"method":"textDocument/hover","params":{"x":"` + strings.Repeat("a", 2000) + `"}}`
	if err := c.WriteRaw(frame(big)); err != nil {
		t.Fatal(err)
	}
	if m, err := c.Wait(func(m lsptest.Message) bool { return code(m) == codeInvalidRequest }); err != nil || !strings.Contains(m.Error.Message, "exceeds the limit") {
		t.Errorf("oversized message: %v %+v", err, m)
	}
	if err := c.Call("workspace/symbol", map[string]any{}, nil); err == nil || !strings.Contains(err.Error(), "-32601") {
		t.Errorf("unknown method: %v", err)
	}
	if err := c.Call("textDocument/hover", "not an object", nil); err == nil || !strings.Contains(err.Error(), "-32602") {
		t.Errorf("bad params: %v", err)
	}
	// A notification with bad params is dropped; the session still works.
	if err := c.Notify("textDocument/didOpen", 42); err != nil {
		t.Fatal(err)
	}
	var h any
	if err := c.Call("textDocument/hover", map[string]any{"textDocument": map[string]any{"uri": "file:///nowhere.md"}, "position": map[string]any{"line": 0, "character": 0}}, &h); err != nil || h != nil {
		t.Errorf("hover on an unknown document: %v %v", err, h)
	}
	if err := c.Notify("exit", nil); err != nil {
		t.Fatal(err)
	}
	if err := <-done; !errors.Is(err, ErrNoShutdown) {
		t.Errorf("exit without shutdown: %v", err)
	}
}

// TestUnsavedBuffer: an untitled Markdown buffer is linted like standard
// input; a file that is not a message gets no diagnostics; a broken front
// matter is one diagnostic at the line and column it names.
func TestUnsavedBuffer(t *testing.T) {
	c, _ := session(t, Options{})
	initialize(t, c)
	open(t, c, "untitled:Untitled-1", "markdown", "Nur heute 20 % Rabatt auf alles!\n")
	if d, err := c.Diagnostics("untitled:Untitled-1", 1); err != nil || !has(d, "helpful.discount-code") {
		t.Errorf("untitled buffer: %v %+v", err, d)
	}
	open(t, c, "file:///tmp/playbook.yaml", "yaml", "rules: []\n")
	if d, err := c.Diagnostics("file:///tmp/playbook.yaml", 1); err != nil || len(d.Diagnostics) != 0 {
		t.Errorf("a YAML file is not a message: %v %+v", err, d)
	}
	open(t, c, "untitled:Untitled-2", "markdown", "---\nchannel: [sms\n---\nText\n")
	d, err := c.Diagnostics("untitled:Untitled-2", 1)
	if err != nil || len(d.Diagnostics) != 1 || d.Diagnostics[0].Code != "crisis.input" || d.Diagnostics[0].Range.Start.Line == 0 {
		t.Errorf("broken front matter: %v %+v", err, d)
	}
}

// FuzzServe feeds arbitrary bytes to a session: the server answers or
// stops with an error, and never panics or hangs.
func FuzzServe(f *testing.F) {
	frame := func(body string) []byte { return fmt.Appendf(nil, "Content-Length: %d\r\n\r\n%s", len(body), body) }
	init := frame(`{"jsonrpc":"2.0","id":1,"method":"initialize","params":{"capabilities":{}}}`)
	open := frame(`{"jsonrpc":"2.0","method":"textDocument/didOpen","params":{"textDocument":{"uri":"untitled:a","languageId":"markdown","version":1,"text":"Wir sind völlig überfordert 🙂\r\nNur heute Rabatt!"}}}`)
	f.Add(init)
	f.Add(append(append([]byte{}, init...), open...))
	f.Add(append(append(append([]byte{}, init...), open...), frame(`{"jsonrpc":"2.0","id":2,"method":"textDocument/codeAction","params":{"textDocument":{"uri":"untitled:a"},"range":{"start":{"line":0,"character":0},"end":{"line":9,"character":99}},"context":{}}}`)...))
	f.Add(frame(`{"jsonrpc":"2.0","id":{},"method":"x"}`))
	f.Add([]byte("Content-Length: 99999999999\r\n\r\n"))
	f.Add([]byte("Content-Length: -1\r\n\r\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		var out bytes.Buffer
		err := Serve(bytes.NewReader(data), &out, Options{MaxMessage: 1 << 16})
		if err == nil && !bytes.Contains(data, []byte("shutdown")) {
			t.Fatalf("clean end without shutdown")
		}
	})
}

func TestReplacement(t *testing.T) {
	for _, tc := range []struct {
		text, match, suggestion, want string
	}{
		{"Unsere Kunden können wieder zahlen.", "Kunden", "Statt „Unsere Kunden können …“: „Sie können …“", "Sie können wieder zahlen."},
		{"- Our customers can pay again.", "customers", `Instead of "Our customers can …": "You can …"`, "- You can pay again."},
		// Not at the start of a sentence: the capital says it must be.
		{"Heute: gut. Dass unsere Kunden können", "Kunden", "Statt „Unsere Kunden können …“: „Sie können …“", ""},
		// An example sentence with made-up facts is never applied.
		{"Wir informieren Sie zeitnah.", "zeitnah", "Statt „Wir informieren Sie zeitnah“: „Wir informieren Sie spätestens um 16 Uhr.“", ""},
		{"a slight delay", "slight delay", `Instead of "a slight delay": "a delay of 5 days"`, ""},
		{"It was a slight delay.", "slight delay", `Instead of "a slight delay": "a delay"`, "It was a delay."},
		// Words, not parts of words.
		{"It was a slight delayed.", "slight", `Instead of "a slight delay": "a delay"`, ""},
		// Free prose is not a replacement.
		{"Jetzt kaufen!", "kaufen", "Streichen Sie den Kaufaufruf.", ""},
		{"Jetzt kaufen!", "kaufen", "Statt „kaufen“ „x", ""},
	} {
		off := strings.Index(tc.text, tc.match)
		f := lint.Finding{Suggestion: tc.suggestion, Offset: off, End: off + len(tc.match)}
		e, ok := replacement(tc.text, f)
		got := ""
		if ok {
			got = tc.text[:e.from] + e.text + tc.text[e.to:]
		}
		if got != tc.want {
			t.Errorf("%q with %q: %q, want %q", tc.text, tc.suggestion, got, tc.want)
		}
	}
}

func TestPositions(t *testing.T) {
	text := "a🙂b\r\nä\rx\n"
	for _, tc := range []struct {
		enc  string
		off  int
		want Position
	}{
		{"utf-16", 5, Position{0, 3}}, {"utf-32", 5, Position{0, 2}}, {"utf-8", 5, Position{0, 5}},
		{"utf-16", 7, Position{0, 4}}, // inside \r\n: the line's end
		{"utf-16", 8, Position{1, 0}}, {"utf-16", 10, Position{1, 1}}, {"utf-16", 11, Position{2, 0}},
		{"utf-16", 13, Position{3, 0}},
	} {
		l := newLines(text, tc.enc)
		if got := l.position(tc.off); got != tc.want {
			t.Errorf("%s: position(%d) = %v, want %v", tc.enc, tc.off, got, tc.want)
		}
		if back := l.offset(tc.want); tc.off != 7 && back != tc.off {
			t.Errorf("%s: offset(%v) = %d, want %d", tc.enc, tc.want, back, tc.off)
		}
	}
	l := newLines(text, "utf-16")
	if got := l.offset(Position{0, 2}); got != 1 {
		t.Errorf("half a surrogate pair: %d, want the start of the emoji", got)
	}
	if got := l.offset(Position{0, 99}); got != 6 {
		t.Errorf("past the line's end: %d", got)
	}
	if got := l.offset(Position{99, 0}); got != len(text) {
		t.Errorf("past the last line: %d", got)
	}
}

// TestPlainHoverAndSecondInitialize: a client that renders no Markdown
// gets plain text; a second initialize is refused.
func TestPlainHoverAndSecondInitialize(t *testing.T) {
	c, _ := session(t, Options{})
	var res map[string]any
	params := map[string]any{"capabilities": map[string]any{"textDocument": map[string]any{"hover": map[string]any{"contentFormat": []string{"plaintext"}}}}}
	if err := c.Call("initialize", params, &res); err != nil {
		t.Fatal(err)
	}
	if err := c.Call("initialize", params, &res); err == nil || !strings.Contains(err.Error(), "already") {
		t.Errorf("second initialize: %v", err)
	}
	open(t, c, "untitled:a", "markdown", "Nur heute 20 % Rabatt auf alles!\n")
	if _, err := c.Diagnostics("untitled:a", 1); err != nil {
		t.Fatal(err)
	}
	var h struct{ Contents struct{ Kind, Value string } }
	if err := c.Call("textDocument/hover", map[string]any{"textDocument": map[string]any{"uri": "untitled:a"}, "position": map[string]any{"line": 0, "character": 1}}, &h); err != nil {
		t.Fatal(err)
	}
	if h.Contents.Kind != "plaintext" || strings.ContainsAny(h.Contents.Value, "`*") || !strings.Contains(h.Contents.Value, "helpful.") {
		t.Errorf("plain hover: %+v", h.Contents)
	}
}
