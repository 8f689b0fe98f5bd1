package lint

import (
	"os"
	"testing"

	"github.com/crisis-comms/crisis/playbook"
)

func TestZZProf(t *testing.T) {
	path := os.Getenv("PROF_FILE")
	if path == "" {
		t.Skip()
	}
	pbRef := os.Getenv("PROF_PB")
	if pbRef == "" {
		pbRef = "builtin:de"
	}
	pb, err := playbook.Load(pbRef)
	if err != nil {
		t.Fatal(err)
	}
	e, err := New(pb)
	if err != nil {
		t.Fatal(err)
	}
	data, _ := os.ReadFile(path)
	d, err := Parse(path, data, true)
	if err != nil {
		t.Fatal(err)
	}
	fs := e.Lint(d, Context{Lang: "de", Channel: "email"})
	t.Log(len(fs))
}
