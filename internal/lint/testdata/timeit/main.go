// Command timeit runs a command N times and prints the best, median and
// mean wall time of a run, process start included, for .ci/bench. Timing
// from Go leaves out the shell's own process starts around each run.
package main

import (
	"fmt"
	"os"
	"os/exec"
	"slices"
	"strconv"
	"time"
)

func main() {
	if len(os.Args) < 3 {
		fmt.Fprintln(os.Stderr, "usage: timeit N COMMAND [ARG...]")
		os.Exit(2)
	}
	n, err := strconv.Atoi(os.Args[1])
	if err != nil || n <= 0 {
		fmt.Fprintln(os.Stderr, "timeit: N must be a positive number")
		os.Exit(2)
	}
	times := make([]time.Duration, 0, n)
	var sum time.Duration
	for range n {
		cmd := exec.Command(os.Args[2], os.Args[3:]...)
		start := time.Now()
		err := cmd.Run()
		d := time.Since(start)
		if _, exit := err.(*exec.ExitError); err != nil && !exit {
			fmt.Fprintln(os.Stderr, "timeit:", err)
			os.Exit(1)
		}
		times = append(times, d)
		sum += d
	}
	slices.Sort(times)
	ms := func(d time.Duration) string { return fmt.Sprintf("%.1f ms", float64(d)/1e6) }
	fmt.Printf("best %s, median %s, mean %s (%d runs)\n", ms(times[0]), ms(times[n/2]), ms(sum/time.Duration(n)), n)
}
