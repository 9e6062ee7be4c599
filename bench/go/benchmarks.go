package main

import (
	"bufio"
	"fmt"
	"os"
	"runtime"
	"runtime/debug"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"time"
)

// ---------------------------------------------------------------------------
// spawn_complete_ns, spawn_complete_ns_2p, spawn_complete_batch1k_ns

// spawnWG is package-level so that the spawned function needs no closure:
// `go spawnedBody()` allocates nothing but the goroutine itself, which makes
// the figure the bare cost of creating, scheduling and retiring a goroutine.
var spawnWG sync.WaitGroup

// spawnedBody is the empty goroutine: it only signals completion.
func spawnedBody() { spawnWG.Done() }

// spawnComplete spawns iters empty goroutines and waits until all are done.
func spawnComplete(iters int) time.Duration {
	start := time.Now()
	spawnWG.Add(iters)
	for i := 0; i < iters; i++ {
		go spawnedBody()
	}
	spawnWG.Wait()
	return time.Since(start)
}

// spawnBatch is the batch size of spawnCompleteBatched.
const spawnBatch = 1000

// spawnCompleteBatched is spawnComplete in batches: it spawns spawnBatch
// goroutines, waits for them, and repeats until iters have run. Only about
// spawnBatch goroutines exist at once, so their descriptors and stacks are
// recycled while still in cache. This is a Go-only companion figure that
// separates the cost of a spawn from the cost of a pile-up (see README.md).
func spawnCompleteBatched(iters int) time.Duration {
	start := time.Now()
	for left := iters; left > 0; left -= spawnBatch {
		batch := spawnBatch
		if left < batch {
			batch = left
		}
		spawnWG.Add(batch)
		for i := 0; i < batch; i++ {
			go spawnedBody()
		}
		spawnWG.Wait()
	}
	return time.Since(start)
}

func benchSpawn1P(cfg config) {
	runtime.GOMAXPROCS(1)
	emit("spawn_complete_ns", measure(cfg, "spawn_complete_ns", 1_000_000, spawnComplete), 1, "ns")
}

func benchSpawnBatched(cfg config) {
	runtime.GOMAXPROCS(1)
	emit("spawn_complete_batch1k_ns",
		measure(cfg, "spawn_complete_batch1k_ns", 1_000_000, spawnCompleteBatched), 1, "ns")
}

func benchSpawn2P(cfg config) {
	runtime.GOMAXPROCS(2)
	emit("spawn_complete_ns_2p", measure(cfg, "spawn_complete_ns_2p", 1_000_000, spawnComplete), 1, "ns")
}

// ---------------------------------------------------------------------------
// yield_pingpong_ns

// yieldPingPong runs two goroutines that each call runtime.Gosched() iters
// times. On one P with nothing else runnable they strictly alternate, so each
// iteration is one round trip: a switch A->B and a switch B->A.
func yieldPingPong(iters int) time.Duration {
	var wg sync.WaitGroup
	player := func() {
		defer wg.Done()
		for i := 0; i < iters; i++ {
			runtime.Gosched()
		}
	}
	start := time.Now()
	wg.Add(2)
	go player()
	go player()
	wg.Wait()
	return time.Since(start)
}

func benchYieldPingPong(cfg config) {
	runtime.GOMAXPROCS(1)
	emit("yield_pingpong_ns", measure(cfg, "yield_pingpong_ns", 100_000, yieldPingPong), 1, "ns")
}

// ---------------------------------------------------------------------------
// chan_pingpong_1p_ns, chan_pingpong_2p_ns, chan_pingpong_2p_locked_ns,
// chan_pingpong_2p_split_pct

// chanPingPong bounces a value over two unbuffered channels iters times: the
// driver sends i on ping and the echo goroutine answers i+1 on pong. One
// iteration is one round trip (send + reply). With lockThreads both goroutines
// call runtime.LockOSThread, which pins each to an OS thread of its own.
func chanPingPong(iters int, lockThreads bool) time.Duration {
	ping := make(chan int)
	pong := make(chan int)
	done := make(chan int)
	start := time.Now()
	go func() { // echo
		if lockThreads {
			runtime.LockOSThread()
			defer runtime.UnlockOSThread()
		}
		for v := range ping {
			pong <- v + 1
		}
	}()
	go func() { // driver
		if lockThreads {
			runtime.LockOSThread()
			defer runtime.UnlockOSThread()
		}
		sum := 0
		for i := 0; i < iters; i++ {
			ping <- i
			sum += <-pong - i
		}
		close(ping)
		done <- sum
	}()
	// The sum both checks the echo and keeps the work observable.
	if sum := <-done; sum != iters {
		panic(fmt.Sprintf("chan ping-pong: checksum %d, want %d", sum, iters))
	}
	return time.Since(start)
}

// pingPongSplit is an untimed diagnostic for the 2-P ping-pong: it runs
// iters round trips like chanPingPong (unlocked) and, every 64th one,
// compares the OS thread the driver sent from with the one the echo goroutine
// received on. It returns the percentage of sampled round trips where the two
// differed, i.e. where Go did not keep both goroutines on the same M (and so
// on the same P). The gettid system calls perturb the timing, which is why
// this is kept out of the timed runs.
func pingPongSplit(iters int) float64 {
	const every = 64
	ping := make(chan int)
	pong := make(chan int)
	go func() {
		for v := range ping {
			tid := 0
			if v%every == 0 {
				tid = syscall.Gettid()
			}
			pong <- tid
		}
	}()
	sampled, split := 0, 0
	for i := 0; i < iters; i++ {
		tid := 0
		if i%every == 0 {
			tid = syscall.Gettid()
		}
		ping <- i
		echoTid := <-pong
		if i%every == 0 {
			sampled++
			if echoTid != tid {
				split++
			}
		}
	}
	close(ping)
	return 100 * float64(split) / float64(sampled)
}

func benchChanPingPong1P(cfg config) {
	runtime.GOMAXPROCS(1)
	op := func(iters int) time.Duration { return chanPingPong(iters, false) }
	emit("chan_pingpong_1p_ns", measure(cfg, "chan_pingpong_1p_ns", 100_000, op), 1, "ns")
}

func benchChanPingPong2P(cfg config) {
	runtime.GOMAXPROCS(2)
	// As the scheduler places them: Go readies the receiver in the sender's
	// P's runnext slot, so the pair mostly stays on one P; see README.md.
	plain := func(iters int) time.Duration { return chanPingPong(iters, false) }
	emit("chan_pingpong_2p_ns", measure(cfg, "chan_pingpong_2p_ns", 100_000, plain), 1, "ns")

	// Forced onto two OS threads: every hand-off is a cross-thread wake-up.
	locked := func(iters int) time.Duration { return chanPingPong(iters, true) }
	emit("chan_pingpong_2p_locked_ns", measure(cfg, "chan_pingpong_2p_locked_ns", 10_000, locked), 1, "ns")

	split := pingPongSplit(1_000_000 / cfg.scale)
	logf("%-30s %.1f%% of sampled round trips had driver and echo on different threads",
		"chan_pingpong_2p_split_pct", split)
	emit("chan_pingpong_2p_split_pct", split, 1, "%")
}

// ---------------------------------------------------------------------------
// chan_buffered_throughput_ns, chan_buffered_throughput_mops

// chanBuffered streams iters integers from one producer to one consumer over
// a channel of capacity 128 and returns the time until the consumer is done.
func chanBuffered(iters int) time.Duration {
	ch := make(chan int, 128)
	done := make(chan int)
	start := time.Now()
	go func() { // consumer
		sum := 0
		for v := range ch {
			sum += v
		}
		done <- sum
	}()
	go func() { // producer
		for i := 0; i < iters; i++ {
			ch <- i
		}
		close(ch)
	}()
	if sum, want := <-done, iters*(iters-1)/2; sum != want {
		panic(fmt.Sprintf("buffered channel: checksum %d, want %d", sum, want))
	}
	return time.Since(start)
}

// bufferedSplit is an untimed diagnostic for the buffered stream, like
// pingPongSplit: every 64th item carries the producer's thread id, and the
// consumer compares it with its own. It returns the percentage of sampled
// items received on a different thread than they were sent from.
func bufferedSplit(iters int) float64 {
	const every = 64
	ch := make(chan int, 128)
	done := make(chan float64)
	go func() { // consumer
		sampled, split := 0, 0
		for tid := range ch {
			if tid != 0 {
				sampled++
				if tid != syscall.Gettid() {
					split++
				}
			}
		}
		done <- 100 * float64(split) / float64(sampled)
	}()
	go func() { // producer: 0 for unsampled items, the thread id otherwise
		for i := 1; i <= iters; i++ {
			tid := 0
			if i%every == 0 {
				tid = syscall.Gettid()
			}
			ch <- tid
		}
		close(ch)
	}()
	return <-done
}

func benchChanBuffered(cfg config) {
	runtime.GOMAXPROCS(2)
	ns := measure(cfg, "chan_buffered_throughput_ns", 1_000_000, chanBuffered)
	emit("chan_buffered_throughput_ns", ns, 1, "ns")
	emit("chan_buffered_throughput_mops", 1e3/ns, 2, "Mops/s")

	split := bufferedSplit(5_000_000 / cfg.scale)
	logf("%-30s %.1f%% of sampled items were received on another thread than they were sent from",
		"chan_buffered_split_pct", split)
	emit("chan_buffered_split_pct", split, 1, "%")
}

// ---------------------------------------------------------------------------
// parked_rss_bytes_per_g

// The parked goroutines share these so that `go parkedBody()` needs no
// closure: the RSS growth is then the goroutines' own cost (descriptor,
// initial stack, and the sudog queued on the channel), not their arguments'.
var (
	parkRelease          = make(chan struct{}) // unbuffered; closed to release them
	parkStarted, parkEnd sync.WaitGroup
)

// parkedBody announces itself and blocks receiving on the shared channel.
func parkedBody() {
	parkStarted.Done()
	<-parkRelease
	parkEnd.Done()
}

// vmRSS returns the resident set size of this process, from the VmRSS line of
// /proc/self/status, in bytes.
func vmRSS() int64 {
	f, err := os.Open("/proc/self/status")
	if err != nil {
		panic(err)
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		// The line reads "VmRSS:	   12345 kB".
		if fields := strings.Fields(sc.Text()); len(fields) == 3 && fields[0] == "VmRSS:" {
			kb, err := strconv.ParseInt(fields[1], 10, 64)
			if err != nil {
				panic(err)
			}
			return kb * 1024
		}
	}
	panic("no VmRSS line in /proc/self/status")
}

func benchParkedRSS(cfg config) {
	runtime.GOMAXPROCS(2)
	n := 1_000_000 / cfg.scale

	runtime.GC()
	debug.FreeOSMemory()
	before := vmRSS()

	start := time.Now()
	parkStarted.Add(n)
	parkEnd.Add(n)
	for i := 0; i < n; i++ {
		go parkedBody()
	}
	parkStarted.Wait()
	spawned := time.Since(start)
	after := vmRSS()

	close(parkRelease)
	parkEnd.Wait()
	runtime.GC()
	debug.FreeOSMemory()
	released := vmRSS()

	perG := float64(after-before) / float64(n)
	logf("%-30s %d goroutines parked in %v: RSS %.1f MiB -> %.1f MiB (%.1f MiB after release+GC)",
		"parked_rss_bytes_per_g", n, spawned.Round(time.Millisecond),
		float64(before)/(1<<20), float64(after)/(1<<20), float64(released)/(1<<20))
	emit("parked_rss_bytes_per_g", perG, 0, "bytes")
}

// ---------------------------------------------------------------------------
// forkjoin_fib32_1p_ms, forkjoin_fib32_2p_ms, forkjoin_speedup

const (
	fibN      = 32
	fibCutoff = 20      // calls with n <= fibCutoff run sequentially
	fibWant   = 2178309 // fib(32)
)

// seqFib is the plain doubly recursive Fibonacci.
func seqFib(n int) int {
	if n < 2 {
		return n
	}
	return seqFib(n-1) + seqFib(n-2)
}

// parFib forks fib(n-1) into a new goroutine, computes fib(n-2) itself and
// joins on a 1-slot channel. fib(32) with cutoff 20 spawns 376 goroutines.
func parFib(n int) int {
	if n <= fibCutoff {
		return seqFib(n)
	}
	c := make(chan int, 1)
	go func() { c <- parFib(n - 1) }()
	y := parFib(n - 2)
	return <-c + y
}

// forkJoin computes parFib(32) iters times, checking every result so the
// work cannot be optimised away.
func forkJoin(iters int) time.Duration {
	start := time.Now()
	for i := 0; i < iters; i++ {
		if got := parFib(fibN); got != fibWant {
			panic(fmt.Sprintf("fib(%d) = %d, want %d", fibN, got, fibWant))
		}
	}
	return time.Since(start)
}

func benchForkJoin(cfg config) {
	runtime.GOMAXPROCS(1)
	ms1 := measure(cfg, "forkjoin_fib32_1p_ms", 1, forkJoin) / 1e6
	runtime.GOMAXPROCS(2)
	ms2 := measure(cfg, "forkjoin_fib32_2p_ms", 1, forkJoin) / 1e6
	emit("forkjoin_fib32_1p_ms", ms1, 2, "ms")
	emit("forkjoin_fib32_2p_ms", ms2, 2, "ms")
	emit("forkjoin_speedup", ms1/ms2, 2, "x")
}
