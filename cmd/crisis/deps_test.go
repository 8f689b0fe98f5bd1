package main

import (
	"os"
	"os/exec"
	"strings"
	"testing"
)

// TestStartupPackagesNotLinked keeps out of the binary packages whose
// initialisation every command would pay for while none needs them: each
// package linked runs its init at every start, whether a command uses it
// or not.
func TestStartupPackagesNotLinked(t *testing.T) {
	goTool, err := exec.LookPath("go")
	if err != nil {
		if os.Getenv("CI") == "true" {
			t.Fatal("the go command is not on PATH")
		}
		t.Skip("the go command is not on PATH")
	}
	out, err := exec.Command(goTool, "list", "-deps", ".").Output()
	if err != nil {
		t.Fatalf("go list -deps ./cmd/crisis: %v", err)
	}
	why := map[string]string{
		"github.com/yuin/goldmark/extension":      "it compiles the regular expressions of every Markdown extension at start-up; use internal/mdext",
		"github.com/spf13/cobra/doc":              "it links a Markdown parser for the man pages; man.go writes roff itself",
		"github.com/russross/blackfriday/v2":      "a Markdown parser initialised at every start; man.go writes roff itself",
		"github.com/cpuguy83/go-md2man/v2/md2man": "man.go writes roff itself",
	}
	for pkg := range strings.Lines(string(out)) {
		pkg = strings.TrimSpace(pkg)
		if reason, ok := why[pkg]; ok {
			t.Errorf("crisis links %s: %s", pkg, reason)
		}
	}
}
