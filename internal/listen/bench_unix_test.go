//go:build unix

package listen

import (
	"syscall"
	"testing"
	"time"
)

// cpuTime is the processor time this process has used: on a shared
// machine it, not the wall clock, is what one core costs.
func cpuTime(b *testing.B) time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		b.Fatal(err)
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}
