package main

import (
	"flag"
	"os"
	"path/filepath"
	"strconv"
	"testing"

	"github.com/rogpeppe/go-internal/testscript"
)

var updateScripts = flag.Bool("update-scripts", false, "rewrite testscript expectations (cmp files) from actual output")

func TestMain(m *testing.M) {
	// The kill tests run the test binary as crisis.
	if os.Getenv("CRISIS_TEST_MAIN") == "1" {
		os.Exit(run(os.Args[1:], os.Stdin, os.Stdout, os.Stderr))
	}
	testscript.Main(m, map[string]func(){
		"crisis": func() { os.Exit(run(os.Args[1:], os.Stdin, os.Stdout, os.Stderr)) },
	})
}

// TestScripts runs the end-to-end scripts in testdata/script: each is a
// command line, its expected output and exit status, and the files it
// reads and writes.
func TestScripts(t *testing.T) {
	testscript.Run(t, testscript.Params{
		Dir:           "testdata/script",
		UpdateScripts: *updateScripts,
		Cmds: map[string]func(ts *testscript.TestScript, neg bool, args []string){
			"writebytes": writeBytes,
			"bigfile":    bigFile,
			"mkfifo":     mkfifo,
		},
		Setup: func(env *testscript.Env) error {
			env.Setenv("CRISIS_NOW", "2026-11-23T09:30:00+01:00")
			env.Setenv("NO_COLOR", "1")
			env.Setenv("TZ", "Europe/Berlin")
			return nil
		},
	})
}

// writeBytes writes a file from a Go-quoted string, for fixtures that a
// txtar archive cannot hold (NUL bytes, invalid UTF-8, CRLF, BOM):
//
//	writebytes FILE 'text with \x00 escapes'
func writeBytes(ts *testscript.TestScript, neg bool, args []string) {
	if neg || len(args) != 2 {
		ts.Fatalf("usage: writebytes FILE QUOTED")
	}
	data, err := strconv.Unquote(`"` + args[1] + `"`)
	ts.Check(err)
	ts.Check(os.MkdirAll(filepath.Dir(ts.MkAbs(args[0])), 0o755))
	ts.Check(os.WriteFile(ts.MkAbs(args[0]), []byte(data), 0o644))
}

// bigFile writes a file of the given size without holding it in memory:
//
//	bigfile FILE BYTES
func bigFile(ts *testscript.TestScript, neg bool, args []string) {
	if neg || len(args) != 2 {
		ts.Fatalf("usage: bigfile FILE BYTES")
	}
	n, err := strconv.ParseInt(args[1], 10, 64)
	ts.Check(err)
	p := ts.MkAbs(args[0])
	ts.Check(os.MkdirAll(filepath.Dir(p), 0o755))
	f, err := os.Create(p)
	ts.Check(err)
	ts.Check(f.Truncate(n))
	ts.Check(f.Close())
}

// mkfifo makes a named pipe, which blocks a reader that opens it until a
// writer appears (scripts using it need the [unix] condition):
//
//	mkfifo FILE
func mkfifo(ts *testscript.TestScript, neg bool, args []string) {
	if neg || len(args) != 1 {
		ts.Fatalf("usage: mkfifo FILE")
	}
	ts.Check(makeFIFO(ts.MkAbs(args[0])))
}
