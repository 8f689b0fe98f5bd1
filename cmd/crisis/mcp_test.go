package main

import (
	"bytes"
	"context"
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"reflect"
	"testing"

	"github.com/modelcontextprotocol/go-sdk/mcp"
)

// TestMcpBinary runs `crisis mcp` as an assistant does, a process spoken
// to over stdio by the SDK's client, in a team directory: lint_message
// reports what crisis lint --format json reports for the same file.
func TestMcpBinary(t *testing.T) {
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, ".crisis.yaml"), []byte("lang: de\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	msg := "Wir sind völlig überfordert. Sichern Sie sich jetzt 20 % Rabatt mit dem Code SORRY20!\n"
	if err := os.WriteFile(filepath.Join(dir, "sms.txt"), []byte(msg), 0o644); err != nil {
		t.Fatal(err)
	}
	var out, errOut bytes.Buffer
	code := run([]string{"lint", "--format", "json", filepath.Join(dir, "sms.txt")}, nil, &out, &errOut)
	if code != 1 {
		t.Fatalf("crisis lint: exit %d: %s", code, errOut.String())
	}
	var rep struct{ Files []map[string]any }
	if err := json.Unmarshal(out.Bytes(), &rep); err != nil || len(rep.Files) != 1 {
		t.Fatal(err, out.String())
	}
	rep.Files[0]["path"] = "sms.txt" // as the assistant named it

	cmd := exec.Command("crisis", "mcp")
	cmd.Dir = dir
	ctx := context.Background()
	cs, err := mcp.NewClient(&mcp.Implementation{Name: "test", Version: "1"}, nil).Connect(ctx, &mcp.CommandTransport{Command: cmd}, nil)
	if err != nil {
		t.Fatal(err)
	}
	defer cs.Close()
	res, err := cs.CallTool(ctx, &mcp.CallToolParams{Name: "lint_message", Arguments: map[string]any{"text": msg, "path": "sms.txt"}})
	if err != nil || res.IsError {
		t.Fatalf("lint_message: %v %+v", err, res)
	}
	data, _ := json.Marshal(res.StructuredContent)
	var got map[string]any
	if err := json.Unmarshal(data, &got); err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(got, rep.Files[0]) {
		t.Errorf("lint_message:\n%v\ncrisis lint --format json:\n%v", got, rep.Files[0])
	}
	if fs, _ := got["findings"].([]any); len(fs) < 3 {
		t.Errorf("self-pity, a discount code and the missing anchors: %v", fs)
	}
}
