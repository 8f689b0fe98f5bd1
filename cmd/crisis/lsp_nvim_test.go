package main

import (
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// nvimScript drives Neovim's own LSP client: it starts crisis lsp for the
// message file, waits for diagnostics, asks for a hover and the quick
// fixes at the first one, applies the preferred fix, and writes what it
// saw to the file named by CRISIS_NVIM_OUT. The API is that of Neovim 0.7
// (Debian 12), which later versions keep.
const nvimScript = `
local out = {}
local buf = vim.api.nvim_get_current_buf()
local id = vim.lsp.start_client({ name = 'crisis', cmd = { 'crisis', 'lsp' }, root_dir = vim.fn.getcwd() })
vim.lsp.buf_attach_client(buf, id)
local ok = vim.wait(20000, function() return #vim.diagnostic.get(buf) > 0 end, 50)
out.diagnostics = {}
for _, d in ipairs(vim.diagnostic.get(buf)) do
  table.insert(out.diagnostics, { lnum = d.lnum, col = d.col, end_col = d.end_col, code = d.code, severity = d.severity })
end
local first
for _, d in ipairs(vim.diagnostic.get(buf)) do
  if d.code == 'community.customers' then first = d end
end
if first then
  local line = vim.api.nvim_buf_get_lines(buf, first.lnum, first.lnum + 1, false)[1]
  local _, utf16 = vim.str_utfindex(line, first.col)
  local pos = { line = first.lnum, character = utf16 }
  local params = { textDocument = vim.lsp.util.make_text_document_params(buf), position = pos }
  local h = vim.lsp.buf_request_sync(buf, 'textDocument/hover', params, 10000)
  for _, r in pairs(h or {}) do
    if r.result then out.hover = r.result.contents.value end
  end
  params.range = { start = pos, ['end'] = pos }
  params.position = nil
  params.context = { diagnostics = {} }
  local a = vim.lsp.buf_request_sync(buf, 'textDocument/codeAction', params, 10000)
  out.actions = {}
  for _, r in pairs(a or {}) do
    for _, action in ipairs(r.result or {}) do
      table.insert(out.actions, action.title)
      if action.isPreferred then vim.lsp.util.apply_workspace_edit(action.edit, 'utf-16') end
    end
  end
end
out.lines = vim.api.nvim_buf_get_lines(buf, 0, -1, false)
local f = io.open(os.getenv('CRISIS_NVIM_OUT'), 'w')
f:write(vim.fn.json_encode(out))
f:close()
vim.lsp.stop_client(id)
vim.wait(2000, function() return vim.lsp.get_client_by_id(id) == nil end, 50)
vim.cmd('qall!')
`

// TestLspNeovim is the end-to-end test with a real editor: Neovim in
// headless mode shows crisis lsp's diagnostics at the right columns (the
// emoji before them counts two UTF-16 units and four bytes), its hover,
// and applies the quick fix.
func TestLspNeovim(t *testing.T) {
	if _, err := exec.LookPath("nvim"); err != nil {
		if os.Getenv("CI") == "true" {
			t.Fatal("nvim is missing; .ci/run installs it (apt-get install neovim)")
		}
		t.Skip("nvim is not installed; apt-get install neovim to run this test")
	}
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, ".crisis.yaml"), []byte("lang: de\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	msg := filepath.Join(dir, "post.md")
	if err := os.WriteFile(msg, []byte("🙂 Unsere Kunden können ab 14 Uhr wieder bezahlen.\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	script := filepath.Join(dir, "test.lua")
	if err := os.WriteFile(script, []byte(nvimScript), 0o644); err != nil {
		t.Fatal(err)
	}
	outFile := filepath.Join(dir, "out.json")
	cmd := exec.Command("nvim", "--headless", "--clean", "-n", msg, "-c", "luafile "+script)
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), "CRISIS_NVIM_OUT="+outFile, "XDG_STATE_HOME="+dir, "XDG_DATA_HOME="+dir)
	done := make(chan error, 1)
	var log strings.Builder
	cmd.Stdout, cmd.Stderr = &log, &log
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	go func() { done <- cmd.Wait() }()
	select {
	case err := <-done:
		if err != nil {
			t.Fatalf("nvim: %v\n%s", err, log.String())
		}
	case <-time.After(60 * time.Second):
		cmd.Process.Kill()
		t.Fatalf("nvim did not finish\n%s", log.String())
	}
	data, err := os.ReadFile(outFile)
	if err != nil {
		t.Fatalf("no result from nvim: %v\n%s", err, log.String())
	}
	var out struct {
		Hover   string
		Actions []string
		Lines   []string
	}
	if err := json.Unmarshal(data, &out); err != nil {
		t.Fatalf("%v: %s", err, data)
	}
	var raw struct {
		Diagnostics []map[string]any
	}
	_ = json.Unmarshal(data, &raw)
	found := false
	for _, d := range raw.Diagnostics {
		if d["code"] == "community.customers" {
			found = true
			// Byte columns in Neovim: "🙂 Unsere " is 12 bytes, "Kunden" 6.
			if d["lnum"] != 0.0 || d["col"] != 12.0 || d["end_col"] != 18.0 {
				t.Errorf("community.customers at %v", d)
			}
		}
	}
	if !found {
		t.Fatalf("no community.customers diagnostic: %s\n%s", data, log.String())
	}
	if !strings.Contains(out.Hover, "community.customers") || !strings.Contains(out.Hover, "Grundsatz") {
		t.Errorf("hover: %q", out.Hover)
	}
	if len(out.Actions) < 2 {
		t.Errorf("quick fixes: %v", out.Actions)
	}
	if len(out.Lines) == 0 || out.Lines[0] != "🙂 Sie können ab 14 Uhr wieder bezahlen." {
		t.Errorf("after the quick fix: %q", out.Lines)
	}
}
