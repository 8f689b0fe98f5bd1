// Command crisis helps comms teams talk to people in a crisis: it drafts,
// renders and lints messages for every channel from YAML playbooks.
package main

import (
	"os"
	"runtime/debug"
)

func main() {
	// crisis runs for milliseconds to seconds and keeps little live data;
	// collecting garbage less often saves a quarter of the start-up time
	// (compiling the playbook allocates a lot of short-lived memory).
	// A GOGC set in the environment is left alone.
	if os.Getenv("GOGC") == "" {
		debug.SetGCPercent(400)
	}
	os.Exit(run(os.Args[1:], os.Stdin, os.Stdout, os.Stderr))
}
