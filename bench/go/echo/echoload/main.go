// Command echoload drives a TCP line-echo server (bench/go/echo/echoserver or
// bench/php/echo_server.php) and measures it: issue 13's echo benchmark.
//
// It opens -conns connections (default 100); on each, one goroutine sends a
// line of -size bytes plus "\n", waits for the echoed line, checks it is the
// line it sent, and repeats (closed loop: one request in flight per
// connection). It runs -warmup (default 1 s), then measures for -duration
// (default 5 s), then closes the connections.
//
// Results go to stdout as "RESULT <name> <value> <unit>" lines (the
// convention of bench/go and bench/php), with <name> = -name plus a suffix:
//
//	<name>_rps      requests (round trips) completed per second in the window, all connections together
//	<name>_p50_us   round-trip latency, median, microseconds
//	<name>_p99_us   99th percentile
//	<name>_max_us   maximum
//	<name>_errors   mismatched lines, timeouts and connection errors (warm-up included)
//
// Diagnostics (per-connection spread, totals) go to stderr. The exit status
// is 1 when any echoed line differed from the line sent, any request timed
// out (-timeout, default 2 s) or failed, or no request completed in the
// window; the figures are printed all the same.
//
// The load generator shares the machine with the server. It runs with
// GOMAXPROCS=1 by default (-procs) so that on a 2-core machine it takes about
// one core and leaves the other, plus what it does not use, to the server.
// Say so when quoting figures: they are "server + one-core client", not the
// server alone.
package main

import (
	"bufio"
	"bytes"
	"errors"
	"flag"
	"fmt"
	"net"
	"os"
	"runtime"
	"sort"
	"sync"
	"time"
)

// connResult is what one connection's goroutine reports.
type connResult struct {
	lat      []int64 // round-trip times in the window, nanoseconds
	total    int64   // round trips completed, warm-up and window
	mismatch int64   // echoed lines that differed from the line sent
	err      error   // what ended the connection early (nil: ran to the end)
}

func main() {
	addr := flag.String("addr", "", "server address, host:port (required)")
	conns := flag.Int("conns", 100, "concurrent connections, one request in flight on each")
	duration := flag.Duration("duration", 5*time.Second, "measured window")
	warmup := flag.Duration("warmup", time.Second, "warm-up before the window (not counted)")
	size := flag.Int("size", 32, "bytes per line, not counting the \"\\n\" (at least 24)")
	procs := flag.Int("procs", 1, "GOMAXPROCS of the load generator (1: about one core)")
	timeout := flag.Duration("timeout", 2*time.Second, "a request not answered within this is an error")
	name := flag.String("name", "echo", "prefix of the RESULT names")
	flag.Parse()
	if *addr == "" || flag.NArg() != 0 || *conns < 1 || *size < 24 || *procs < 1 || *duration <= 0 || *warmup < 0 {
		flag.Usage()
		os.Exit(2)
	}
	runtime.GOMAXPROCS(*procs)

	// Connect everything first, so that the timed phase does not include
	// connection set-up (a server that accepts slowly shows in the log line).
	dialStart := time.Now()
	cs := make([]net.Conn, *conns)
	for i := range cs {
		c, err := net.DialTimeout("tcp", *addr, 5*time.Second)
		if err != nil {
			fmt.Fprintf(os.Stderr, "echoload: connection %d: %v\n", i, err)
			os.Exit(1)
		}
		cs[i] = c
	}
	logf("%s: %d connections to %s in %v; GOMAXPROCS=%d; %d-byte lines; warm-up %v, window %v",
		*name, *conns, *addr, time.Since(dialStart).Round(time.Millisecond), *procs, *size, *warmup, *duration)

	start := time.Now()
	winStart := start.Add(*warmup)
	winEnd := winStart.Add(*duration)
	results := make([]connResult, *conns)
	var wg sync.WaitGroup
	for i := range cs {
		wg.Add(1)
		go func(i int) {
			defer wg.Done()
			results[i] = drive(cs[i], i, *size, *timeout, winStart, winEnd)
		}(i)
	}
	wg.Wait()
	for _, c := range cs {
		c.Close()
	}

	var all []int64
	var total, mismatches, failed, idle int64
	minN, maxN := int64(-1), int64(0)
	for i, r := range results {
		all = append(all, r.lat...)
		total += r.total
		mismatches += r.mismatch
		if r.err != nil {
			failed++
			if failed <= 5 {
				logf("connection %d: %v", i, r.err)
			}
		}
		n := int64(len(r.lat))
		if n == 0 {
			idle++
		}
		if minN < 0 || n < minN {
			minN = n
		}
		if n > maxN {
			maxN = n
		}
	}
	errs := mismatches + failed
	sort.Slice(all, func(a, b int) bool { return all[a] < all[b] })
	rps := float64(len(all)) / duration.Seconds()
	logf("%s: %d round trips in the window (%d in all), per connection %d..%d, %d connections with none; "+
		"%d mismatched lines, %d connections ended early",
		*name, len(all), total, minN, maxN, idle, mismatches, failed)

	emit(*name+"_rps", rps, 0, "req/s")
	if len(all) > 0 {
		emit(*name+"_p50_us", us(percentile(all, 50)), 1, "us")
		emit(*name+"_p99_us", us(percentile(all, 99)), 1, "us")
		emit(*name+"_max_us", us(all[len(all)-1]), 1, "us")
	}
	emit(*name+"_errors", float64(errs), 0, "count")
	if errs > 0 || len(all) == 0 {
		os.Exit(1)
	}
}

// drive runs one connection's closed loop until winEnd and reports it. A
// round trip counts in the window when it was sent at or after winStart and
// answered by winEnd; the one in flight at winEnd is completed (and checked)
// but not counted.
func drive(c net.Conn, id, size int, timeout time.Duration, winStart, winEnd time.Time) connResult {
	var res connResult
	r := bufio.NewReaderSize(c, size+64)
	line := make([]byte, size+1)
	for seq := int64(0); ; seq++ {
		fill(line, id, seq)
		sent := time.Now()
		if !sent.Before(winEnd) {
			return res
		}
		if err := c.SetDeadline(sent.Add(timeout)); err != nil {
			res.err = err
			return res
		}
		if _, err := c.Write(line); err != nil {
			res.err = fmt.Errorf("write: %w", err)
			return res
		}
		got, err := r.ReadSlice('\n')
		done := time.Now()
		if err != nil {
			if errors.Is(err, os.ErrDeadlineExceeded) {
				err = fmt.Errorf("no echo within %v", timeout)
			}
			res.err = fmt.Errorf("request %d: %w", seq, err)
			return res
		}
		res.total++
		if !bytes.Equal(got, line) {
			res.mismatch++
			// The stream is out of step (or the server is wrong): stop here.
			res.err = fmt.Errorf("request %d: sent %q, got %q", seq, line, got)
			return res
		}
		if !sent.Before(winStart) && !done.After(winEnd) {
			res.lat = append(res.lat, done.Sub(sent).Nanoseconds())
		}
	}
}

// fill writes a line that names its connection and sequence number, so that a
// line echoed on the wrong connection or out of order is caught: "c00042
// s0000000017 " then letters that vary with seq, then "\n".
func fill(line []byte, id int, seq int64) {
	n := len(line) - 1
	head := fmt.Sprintf("c%05d s%010d ", id%100000, seq%10000000000)
	copy(line, head)
	for i := len(head); i < n; i++ {
		line[i] = byte('a' + (int64(i)+seq)%26)
	}
	line[n] = '\n'
}

// percentile returns the p-th percentile of sorted (non-empty), nearest rank.
func percentile(sorted []int64, p float64) int64 {
	k := int(float64(len(sorted))*p/100+0.999999999) - 1
	if k < 0 {
		k = 0
	}
	if k >= len(sorted) {
		k = len(sorted) - 1
	}
	return sorted[k]
}

func us(ns int64) float64 { return float64(ns) / 1e3 }

func emit(name string, value float64, prec int, unit string) {
	fmt.Printf("RESULT %s %.*f %s\n", name, prec, value, unit)
}

func logf(format string, args ...any) {
	fmt.Fprintf(os.Stderr, "# "+format+"\n", args...)
}
