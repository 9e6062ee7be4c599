package main

import (
	"runtime"
	"sort"
	"time"
)

// measure reports the median time per iteration of op, in nanoseconds.
//
// op(iters) runs iters iterations of the benchmark and returns the wall time
// they took. measure first grows iters (starting from minIters/cfg.scale)
// until one call takes at least cfg.target; those calibration calls double as
// warm-up and are discarded. It then times cfg.reps calls, each preceded by a
// runtime.GC() so that garbage left by the previous one is not collected
// inside the timed region, and logs their spread on stderr.
func measure(cfg config, name string, minIters int, op func(iters int) time.Duration) float64 {
	iters := minIters / cfg.scale
	if iters < 1 {
		iters = 1
	}
	for {
		runtime.GC()
		d := op(iters)
		if d >= cfg.target {
			break
		}
		// Aim 20% above the target, growing by at least 2x and at most 100x
		// per step in case d was too short to extrapolate from.
		next := int(float64(iters) * 1.2 * float64(cfg.target) / float64(d+1))
		if next < 2*iters {
			next = 2 * iters
		}
		if next > 100*iters {
			next = 100 * iters
		}
		iters = next
	}

	perIter := make([]float64, cfg.reps)
	for i := range perIter {
		runtime.GC()
		perIter[i] = float64(op(iters).Nanoseconds()) / float64(iters)
	}
	med, lo, hi := summarize(perIter)
	logf("%-30s %d iterations/rep: median %.1f ns, min %.1f, max %.1f (max/min-1 = %.1f%%)",
		name, iters, med, lo, hi, 100*(hi/lo-1))
	return med
}

// summarize returns the median, minimum and maximum of xs (non-empty).
func summarize(xs []float64) (median, min, max float64) {
	s := append([]float64(nil), xs...)
	sort.Float64s(s)
	n := len(s)
	if n%2 == 1 {
		median = s[n/2]
	} else {
		median = (s[n/2-1] + s[n/2]) / 2
	}
	return median, s[0], s[n-1]
}
