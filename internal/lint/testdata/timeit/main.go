// Command timeit runs a command N times and prints the best, median and
// mean wall time of a run, process start included, for .ci/bench. Timing
// from Go leaves out the shell's own process starts around each run.
//
// The processor time of a run (user and system) is printed beside: it
// suffers less than wall time when other processes share the machine.
//
// With -vs BIN (repeatable) the same arguments also run with each other
// binary, interleaved run by run, so that a change in the machine's load
// touches all alike. With -init, each run is traced with
// GODEBUG=inittrace=1 and the package initialisation is reported instead:
// per package the fastest of the N runs, their sum, and the slowest
// packages.
//
//	timeit 50 ./crisis lint sms.txt
//	timeit -vs ./crisis-old 20 ./crisis lint sms.txt
//	timeit -init -vs ./crisis-old 20 ./crisis lint sms.txt
package main

import (
	"bufio"
	"bytes"
	"cmp"
	"flag"
	"fmt"
	"os"
	"os/exec"
	"slices"
	"strconv"
	"strings"
	"time"
)

type binaries []string

func (b *binaries) String() string     { return strings.Join(*b, ",") }
func (b *binaries) Set(v string) error { *b = append(*b, v); return nil }

func main() {
	var others binaries
	flag.Var(&others, "vs", "another `BINARY` to run with the same arguments, interleaved (repeatable)")
	initTrace := flag.Bool("init", false, "report package initialisation (GODEBUG=inittrace=1) instead of wall time")
	top := flag.Int("top", 12, "with -init, how many of the slowest packages to list")
	flag.Usage = func() {
		fmt.Fprintln(os.Stderr, "usage: timeit [-vs BINARY]... [-init] N COMMAND [ARG...]")
		flag.PrintDefaults()
	}
	flag.Parse()
	args := flag.Args()
	if len(args) < 2 {
		flag.Usage()
		os.Exit(2)
	}
	n, err := strconv.Atoi(args[0])
	if err != nil || n <= 0 {
		fmt.Fprintln(os.Stderr, "timeit: N must be a positive number")
		os.Exit(2)
	}
	bins := append([]string{args[1]}, others...)
	cmdArgs := args[2:]

	times := make([][]time.Duration, len(bins))
	cpu := make([][]time.Duration, len(bins))      // user and system time of each run
	inits := make([]map[string]float64, len(bins)) // package → fastest ms
	for i := range inits {
		inits[i] = map[string]float64{}
	}
	for range n {
		for i, bin := range bins {
			cmd := exec.Command(bin, cmdArgs...)
			var trace bytes.Buffer
			if *initTrace {
				cmd.Env = append(os.Environ(), "GODEBUG=inittrace=1")
				cmd.Stderr = &trace
			}
			start := time.Now()
			err := cmd.Run()
			d := time.Since(start)
			if _, exit := err.(*exec.ExitError); err != nil && !exit {
				fmt.Fprintln(os.Stderr, "timeit:", err)
				os.Exit(1)
			}
			times[i] = append(times[i], d)
			cpu[i] = append(cpu[i], cmd.ProcessState.UserTime()+cmd.ProcessState.SystemTime())
			if *initTrace {
				readTrace(&trace, inits[i])
			}
		}
	}
	for i, bin := range bins {
		label := ""
		if len(bins) > 1 {
			label = bin + ": "
		}
		if *initTrace {
			printInit(label, inits[i], *top, n)
			continue
		}
		ts, cs := times[i], cpu[i]
		slices.Sort(ts)
		slices.Sort(cs)
		var sum time.Duration
		for _, t := range ts {
			sum += t
		}
		ms := func(d time.Duration) string { return fmt.Sprintf("%.1f ms", float64(d)/1e6) }
		fmt.Printf("%sbest %s, median %s, mean %s (%d runs); processor time best %s, median %s\n",
			label, ms(ts[0]), ms(ts[n/2]), ms(sum/time.Duration(n)), n, ms(cs[0]), ms(cs[n/2]))
	}
}

// readTrace keeps the fastest initialisation of each package in a run's
// trace: lines "init PACKAGE @T ms, D ms clock, B bytes, A allocs".
func readTrace(trace *bytes.Buffer, fastest map[string]float64) {
	sc := bufio.NewScanner(trace)
	for sc.Scan() {
		f := strings.Fields(sc.Text())
		if len(f) < 7 || f[0] != "init" || f[6] != "clock," {
			continue
		}
		ms, err := strconv.ParseFloat(f[4], 64)
		if err != nil {
			continue
		}
		if old, ok := fastest[f[1]]; !ok || ms < old {
			fastest[f[1]] = ms
		}
	}
}

func printInit(label string, fastest map[string]float64, top, n int) {
	type pkg struct {
		name string
		ms   float64
	}
	var pkgs []pkg
	sum := 0.0
	for name, ms := range fastest {
		pkgs = append(pkgs, pkg{name, ms})
		sum += ms
	}
	slices.SortFunc(pkgs, func(a, b pkg) int { return cmp.Or(cmp.Compare(b.ms, a.ms), strings.Compare(a.name, b.name)) })
	fmt.Printf("%spackage initialisation %.1f ms (%d packages, each its fastest of %d runs)\n", label, sum, len(pkgs), n)
	for _, p := range pkgs[:min(top, len(pkgs))] {
		fmt.Printf("  %6.2f ms  %s\n", p.ms, p.name)
	}
}
