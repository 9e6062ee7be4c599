// Command goosbench runs the Go micro-benchmarks that the goos runtime (Go's
// goroutine model for PHP, in C++) is compared against.
//
// Every result is printed to stdout as one machine-readable line,
//
//	RESULT <name> <value> <unit>
//
// and everything else (progress, spread of the repetitions, diagnostics) goes
// to stderr. The result names are shared with the goos benchmarks; see
// README.md for what each one measures.
//
// Usage:
//
//	goosbench [-only <name-prefix>] [-quick] [-reps N]
package main

import (
	"flag"
	"fmt"
	"os"
	"runtime"
	"strings"
	"time"
)

// config holds the knobs shared by all benchmarks.
type config struct {
	// target is the minimum wall time of one timed repetition.
	target time.Duration
	// reps is the number of timed repetitions whose median is reported.
	reps int
	// scale divides the fixed goroutine counts (1,000,000 spawns, 1,000,000
	// parked goroutines); 10 under -quick.
	scale int
}

// benchmark is one selectable unit. A unit may print several results (the
// fork-join unit needs both of its timings to compute the speed-up), and it is
// selected by -only when any of its result names starts with the prefix.
type benchmark struct {
	results []string
	run     func(cfg config)
}

// benchmarks lists every unit in the order it runs. parked_rss comes first on
// purpose: it reads the process RSS and must see a fresh runtime, before other
// benchmarks have grown the heap and the runtime's pool of dead goroutines
// (which it would otherwise reuse, under-counting the cost of a goroutine).
var benchmarks = []benchmark{
	{[]string{"parked_rss_bytes_per_g"}, benchParkedRSS},
	{[]string{"spawn_complete_ns"}, benchSpawn1P},
	{[]string{"spawn_complete_ns_2p"}, benchSpawn2P},
	{[]string{"spawn_complete_batch1k_ns"}, benchSpawnBatched},
	{[]string{"yield_pingpong_ns"}, benchYieldPingPong},
	{[]string{"chan_pingpong_1p_ns"}, benchChanPingPong1P},
	{[]string{"chan_pingpong_2p_ns", "chan_pingpong_2p_locked_ns", "chan_pingpong_2p_split_pct"}, benchChanPingPong2P},
	{[]string{"chan_buffered_throughput_ns", "chan_buffered_throughput_mops", "chan_buffered_split_pct"}, benchChanBuffered},
	{[]string{"forkjoin_fib32_1p_ms", "forkjoin_fib32_2p_ms", "forkjoin_speedup"}, benchForkJoin},
}

func main() {
	only := flag.String("only", "", "run only the benchmarks with a result name starting with this prefix")
	quick := flag.Bool("quick", false, "smoke test: ~10x fewer iterations (figures are not stable)")
	reps := flag.Int("reps", 5, "timed repetitions per figure; the median is reported")
	flag.Parse()
	if flag.NArg() != 0 {
		fmt.Fprintf(os.Stderr, "goosbench: unexpected arguments: %q\n", flag.Args())
		flag.Usage()
		os.Exit(2)
	}
	if *reps < 1 {
		fmt.Fprintln(os.Stderr, "goosbench: -reps must be at least 1")
		os.Exit(2)
	}

	cfg := config{target: 200 * time.Millisecond, reps: *reps, scale: 1}
	if *quick {
		cfg.target /= 10
		cfg.scale = 10
	}

	var selected []benchmark
	for _, b := range benchmarks {
		for _, name := range b.results {
			if strings.HasPrefix(name, *only) {
				selected = append(selected, b)
				break
			}
		}
	}
	if len(selected) == 0 {
		var names []string
		for _, b := range benchmarks {
			names = append(names, b.results...)
		}
		fmt.Fprintf(os.Stderr, "goosbench: no result name starts with %q; known: %s\n",
			*only, strings.Join(names, " "))
		os.Exit(2)
	}

	logf("%s %s/%s, NumCPU=%d, target %v per repetition, median of %d",
		runtime.Version(), runtime.GOOS, runtime.GOARCH, runtime.NumCPU(), cfg.target, cfg.reps)
	if runtime.NumCPU() < 2 {
		logf("warning: fewer than 2 CPUs; the 2p figures cannot show parallelism")
	}
	for _, b := range selected {
		b.run(cfg)
	}
}

// emit prints one result line on stdout, with prec digits after the point.
func emit(name string, value float64, prec int, unit string) {
	fmt.Printf("RESULT %s %.*f %s\n", name, prec, value, unit)
}

// logf prints a diagnostic line on stderr.
func logf(format string, args ...any) {
	fmt.Fprintf(os.Stderr, "# "+format+"\n", args...)
}
