package main

import (
	"fmt"
	"io"
	"os"
	"os/signal"
	"syscall"

	"github.com/crisis-comms/crisis/internal/inflight"
)

// abortOnSignal ends the process on Ctrl-C or SIGTERM while files are
// written: the temporary directories of the writes under way are removed,
// one being renamed into place is let finish, and the exit status is
// 128 plus the signal's number, as a shell reports it.
func abortOnSignal(w io.Writer) (stop func()) {
	ch := make(chan os.Signal, 1)
	signal.Notify(ch, os.Interrupt, syscall.SIGTERM)
	done := make(chan struct{})
	go func() {
		select {
		case sig := <-ch:
			inflight.Abort()
			fmt.Fprintln(w, "crisis: interrupted; nothing half-written was left behind")
			code := exitAborted
			if sig == syscall.SIGTERM {
				code = 128 + int(syscall.SIGTERM)
			}
			os.Exit(code)
		case <-done:
		}
	}()
	return func() { signal.Stop(ch); close(done) }
}
