// Command crisis helps comms teams talk to people in a crisis: it drafts,
// renders and lints messages for every channel from YAML playbooks.
package main

import "os"

func main() {
	os.Exit(run(os.Args[1:], os.Stdin, os.Stdout, os.Stderr))
}
