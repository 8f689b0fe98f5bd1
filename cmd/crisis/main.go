// Command crisis helps comms teams talk to people in a crisis: it drafts,
// renders and lints messages for every channel from YAML playbooks.
package main

import (
	"os"
	"runtime/debug"
)

func main() {
	// crisis runs for milliseconds to seconds and keeps little live data,
	// so it collects garbage rarely: at thirteen times the live heap,
	// which lets a lint run over 20 000 files finish after one collection
	// (a second one, mid-run, costs two workers 6 % of their time), and
	// compiling the playbook at start-up allocates a lot of short-lived
	// memory. The heap is held to 1 GiB, where collections get frequent
	// again. GOGC and GOMEMLIMIT in the environment are left alone.
	if os.Getenv("GOGC") == "" {
		debug.SetGCPercent(1200)
	}
	if os.Getenv("GOMEMLIMIT") == "" {
		debug.SetMemoryLimit(1 << 30)
	}
	os.Exit(run(os.Args[1:], os.Stdin, os.Stdout, os.Stderr))
}
