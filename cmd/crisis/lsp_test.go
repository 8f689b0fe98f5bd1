package main

import (
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/crisis-comms/crisis/internal/lsp/lsptest"
)

// TestLspBinary runs `crisis lsp` as an editor does, a process speaking
// over its standard input and output: it lints a message file on open
// with its folder's .crisis.yaml, and exits 0 after shutdown and exit.
func TestLspBinary(t *testing.T) {
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, ".crisis.yaml"), []byte("lang: en\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	p := filepath.Join(dir, "sms.txt")
	text := "As you can imagine, we are completely overwhelmed.\n"
	if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command("crisis", "lsp")
	stdin, err := cmd.StdinPipe()
	if err != nil {
		t.Fatal(err)
	}
	stdout, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	var stderr strings.Builder
	cmd.Stderr = &stderr
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	defer cmd.Process.Kill()
	c := lsptest.New(stdout, stdin)
	var init struct {
		Capabilities struct {
			PositionEncoding string `json:"positionEncoding"`
			HoverProvider    bool   `json:"hoverProvider"`
		} `json:"capabilities"`
		ServerInfo struct{ Name string } `json:"serverInfo"`
	}
	if err := c.Call("initialize", map[string]any{"processId": nil, "capabilities": map[string]any{}}, &init); err != nil {
		t.Fatal(err)
	}
	if init.Capabilities.PositionEncoding != "utf-16" || !init.Capabilities.HoverProvider || init.ServerInfo.Name != "crisis" {
		t.Errorf("initialize result: %+v", init)
	}
	if err := c.Notify("initialized", map[string]any{}); err != nil {
		t.Fatal(err)
	}
	uri := (&url.URL{Scheme: "file", Path: filepath.ToSlash(p)}).String()
	if err := c.Notify("textDocument/didOpen", map[string]any{"textDocument": map[string]any{"uri": uri, "languageId": "plaintext", "version": 1, "text": text}}); err != nil {
		t.Fatal(err)
	}
	d, err := c.Diagnostics(uri, 1)
	if err != nil {
		t.Fatal(err)
	}
	rules := map[string]bool{}
	for _, x := range d.Diagnostics {
		rules[x.Code] = true
	}
	// English by .crisis.yaml, an SMS by its name: self-pity, and the
	// anchors an SMS requires.
	for _, r := range []string{"authentic.self-pity", "anchor.next-update", "anchor.contact"} {
		if !rules[r] {
			t.Errorf("no %s among %v", r, rules)
		}
	}
	if err := c.Call("shutdown", nil, nil); err != nil {
		t.Fatal(err)
	}
	if err := c.Notify("exit", nil); err != nil {
		t.Fatal(err)
	}
	if err := cmd.Wait(); err != nil {
		t.Errorf("crisis lsp: %v\n%s", err, stderr.String())
	}
}
