#!/usr/bin/env bash
# Runs goos's runtime benchmarks and the Go baseline (bench/go) one after the
# other on this machine and prints each figure side by side with the ratio.
#
#   bench/compare.sh            everything
#   bench/compare.sh --quick    the Go side with fewer iterations (a smoke test)
#
# Both sides name their figures alike (BM_chan_pingpong_1p_ns here,
# chan_pingpong_1p_ns in Go). Latency and memory: lower is better, and the
# ratio goos/Go should be <= 1.5 (latency) or <= 2 (RSS). Speed-up: higher is
# better. The machine is shared: run it twice and believe neither run alone.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/../scripts/lib.sh"
root=$(goos_root)
cd "$root"
go_args=()
[[ "${1:-}" == "--quick" ]] && go_args+=(-quick)

goos_apt_install "${GOOS_EXT_DEPS[@]}" "${GOOS_TEST_DEPS[@]}"
goos_log "building goos_bench (Release)"
cmake -S . -B build/cmake-release -DCMAKE_BUILD_TYPE=Release >/dev/null
cmake --build build/cmake-release -j"$(nproc)" --target goos_bench >/dev/null

goos_log "running goos's benchmarks"
build/cmake-release/goos_bench 2>/dev/null | tee build/goos-bench.txt >&2
goos_log "running Go's benchmarks"
bench/run-go-baseline.sh "${go_args[@]}" | tee build/go-bench.txt >&2

# goos: every "key=value" counter of a BM_ line, named after the benchmark
# (BM_x with counter ns/ms/bytes_per_g is x) or after the counter itself.
awk '
  function num(v,   s, m) {
    m = 1; s = substr(v, length(v));
    if (s == "k") m = 1e3; else if (s == "M") m = 1e6; else if (s == "G") m = 1e9;
    else if (s == "m") m = 1e-3; else if (s == "u") m = 1e-6; else if (s == "n") m = 1e-9;
    if (m != 1) v = substr(v, 1, length(v) - 1);
    return v * m;
  }
  /^BM_/ {
    name = $1; sub(/\/.*/, "", name); sub(/^BM_/, "", name);
    for (i = 2; i <= NF; i++) if (index($i, "=") > 0) {
      split($i, kv, "=");
      metric = (kv[1] == "ns" || kv[1] == "ms" || kv[1] == "bytes_per_g") ? name : kv[1];
      if (kv[1] == "mops") metric = "chan_buffered_throughput_mops";
      # Go can only force a pair apart by locking each to its thread.
      if (metric == "chan_pingpong_2p_apart_ns") metric = "chan_pingpong_2p_locked_ns";
      printf "%s %s\n", metric, num(kv[2]);
    }
  }' build/goos-bench.txt | sort >build/goos-metrics.txt
awk '$1 == "RESULT" { print $2, $3 }' build/go-bench.txt | sort >build/go-metrics.txt

printf '\n%-32s %14s %14s %10s\n' figure goos Go goos/Go
join build/goos-metrics.txt build/go-metrics.txt | while read -r name goos go; do
  ratio=$(awk -v a="$goos" -v b="$go" 'BEGIN { printf (b != 0 ? "%.2f" : "n/a"), a / b }')
  printf '%-32s %14.2f %14.2f %10s\n' "$name" "$goos" "$go" "$ratio"
done
