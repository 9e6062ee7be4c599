#!/usr/bin/env bash
# The TCP line-echo benchmark (issue 13): Go's net server against the same
# server in PHP with goos, side by side in one run, each driven by the same
# load generator.
#
#   bench/echo.sh [--go-only] [<php prefix> [<goos.so>]]
#
# Servers, in this order (ECHO_SERVERS="go:2 goos:2 goos:1" to choose):
#   go:2    bench/go/echo/echoserver, GOMAXPROCS=2          -> echo_go_2p_*
#   goos:2  bench/php/echo_server.php, maxProcs(2)          -> echo_goos_2p_*
#   goos:1  bench/php/echo_server.php, maxProcs(1)          -> echo_goos_1p_*
# Each gets bench/go/echo/echoload: ECHO_CONNS connections (100), one line of
# 32 bytes + "\n" in flight on each, ECHO_WARMUP (1s) then ECHO_DURATION (5s)
# measured, every echoed line checked; the load generator runs with
# GOMAXPROCS=ECHO_LOAD_PROCS (1: about one core of a 2-core machine, the
# rest to the server). RESULT lines (rps, p50/p99/max latency in us, errors)
# go to stdout, then a table; logs go to stderr. Exits 1 if any run failed
# (a server that did not start, or echoload's errors: mismatched lines,
# requests unanswered within 2 s), after running the others.
#
# PHP: the prefix and goos.so as arguments, or PHP_PREFIX and GOOS_SO in the
# environment; by default the release ZTS PHP 8.4 with opcache on, as
# bench/php/run.sh (scripts/php-zts.sh 8.4 release, scripts/build-ext.sh),
# which builds them if they are not cached. A debug PHP works for trying it
# out (its figures mean nothing). --go-only runs the Go server alone.
#
# Go: Debian's golang-go (installed with apt-get if missing), built offline
# into build/go/ as bench/run-go-baseline.sh does: no network beyond apt.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/../scripts/lib.sh"
root=$(goos_root)

go_only=0
if [[ "${1:-}" == "--go-only" ]]; then
  go_only=1
  shift
fi
prefix="${1:-${PHP_PREFIX:-}}"
so="${2:-${GOOS_SO:-}}"
conns="${ECHO_CONNS:-100}"
duration="${ECHO_DURATION:-5s}"
warmup="${ECHO_WARMUP:-1s}"
load_procs="${ECHO_LOAD_PROCS:-1}"
servers="${ECHO_SERVERS:-go:2 goos:2 goos:1}"
((go_only)) && servers="go:2"

# 1. The Go programs, built as bench/run-go-baseline.sh builds goosbench.
command -v go >/dev/null 2>&1 || goos_apt_install golang-go
command -v go >/dev/null 2>&1 || goos_die "golang-go is installed but go is not on PATH"
out="$root/build/go"
mkdir -p "$out"
export GOPROXY=off GOFLAGS=-mod=mod GOTOOLCHAIN=local GOTELEMETRY=off CGO_ENABLED=0
export GOCACHE="$out/cache" GOPATH="$out/gopath"
export GOMODCACHE="$GOPATH/pkg/mod"
unset GOMAXPROCS # each program sets its own (-procs)
goos_log "building echoserver and echoload into $out with $(go version)"
for prog in echoserver echoload; do
  (cd "$root/bench/go" && go build -trimpath -o "$out/$prog" "./echo/$prog") >&2 ||
    goos_die "go build ./echo/$prog failed"
done

# 2. PHP and goos.so, unless only Go runs.
php_args=()
if [[ " $servers " == *" goos:"* ]]; then
  if [[ -z "$prefix" ]]; then
    goos_apt_install "${GOOS_EXT_DEPS[@]}"
    prefix=$("$root/scripts/php-zts.sh" 8.4 release)
  fi
  [[ -x "$prefix/bin/php" ]] || goos_die "$prefix/bin/php not found"
  [[ -n "$so" ]] || so=$("$root/scripts/build-ext.sh" "$prefix")
  [[ -f "$so" ]] || goos_die "$so not found"
  php_args=(-d "extension=$so" -d zend_extension=opcache.so -d opcache.enable_cli=1 -d memory_limit=1G)
  goos_log "PHP: $prefix/bin/php ${php_args[*]}"
fi

tmp=$(mktemp -d)
server_pid=
cleanup() {
  if [[ -n "$server_pid" ]]; then kill -KILL "$server_pid" 2>/dev/null || true; fi
  rm -rf "$tmp"
}
trap cleanup EXIT

# Stops the server: SIGTERM, then SIGKILL after 10 s. The goos server needs
# up to half a second to see that it stops (its goroutines' read timeout).
stop_server() {
  local i
  kill -TERM "$server_pid" 2>/dev/null || true
  for ((i = 0; i < 100; i++)); do
    kill -0 "$server_pid" 2>/dev/null || break
    sleep 0.1
  done
  if kill -0 "$server_pid" 2>/dev/null; then
    goos_log "$1: server still running 10 s after SIGTERM; killing it"
    kill -KILL "$server_pid" 2>/dev/null || true
  fi
  wait "$server_pid" 2>/dev/null || true
  server_pid=
}

# run <label> <server command...>: starts the server, waits for its
# "LISTEN <port>", drives it, stops it. Returns non-zero when the run failed.
run() {
  local label="$1" port='' i rc=0
  shift
  "$@" >"$tmp/$label.out" 2>"$tmp/$label.err" &
  server_pid=$!
  for ((i = 0; i < 200; i++)); do
    port=$(awk '$1 == "LISTEN" { print $2; exit }' "$tmp/$label.out" 2>/dev/null)
    [[ -n "$port" ]] && break
    kill -0 "$server_pid" 2>/dev/null || break
    sleep 0.05
  done
  if [[ -z "$port" ]]; then
    goos_log "$label: the server did not print LISTEN <port>:"
    cat "$tmp/$label.err" >&2
    stop_server "$label"
    return 1
  fi
  goos_log "$label: server on port $port; echoload with $conns connections, GOMAXPROCS=$load_procs"
  "$out/echoload" -addr "127.0.0.1:$port" -name "$label" -conns "$conns" \
    -duration "$duration" -warmup "$warmup" -procs "$load_procs" | tee -a "$tmp/results" || rc=$?
  stop_server "$label"
  sed 's/^/  server: /' "$tmp/$label.err" >&2
  return "$rc"
}

: >"$tmp/results"
goos_log "load: $(cut -d' ' -f1-3 /proc/loadavg) (1/5/15 min), $(nproc) CPUs"
failed=()
for s in $servers; do
  kind="${s%%:*}" procs="${s#*:}"
  case "$kind" in
    go) run "echo_go_${procs}p" "$out/echoserver" -procs "$procs" || failed+=("$s") ;;
    goos) run "echo_goos_${procs}p" "$prefix/bin/php" "${php_args[@]}" \
      "$root/bench/php/echo_server.php" --procs "$procs" || failed+=("$s") ;;
    *) goos_die "ECHO_SERVERS: unknown server $s (go:N or goos:N)" ;;
  esac
done

# 3. The table.
printf '\n%-16s %12s %10s %10s %12s %7s\n' server req/s p50_us p99_us max_us errors
for s in $servers; do
  kind="${s%%:*}" procs="${s#*:}"
  awk -v n="echo_${kind}_${procs}p" '
    $1 == "RESULT" { v[$2] = $3 }
    END {
      printf "%-16s %12s %10s %10s %12s %7s\n", n, v[n "_rps"] == "" ? "-" : v[n "_rps"],
        v[n "_p50_us"] == "" ? "-" : v[n "_p50_us"], v[n "_p99_us"] == "" ? "-" : v[n "_p99_us"],
        v[n "_max_us"] == "" ? "-" : v[n "_max_us"], v[n "_errors"] == "" ? "-" : v[n "_errors"]
    }' "$tmp/results" 2>/dev/null || true
done
if ((${#failed[@]} > 0)); then
  goos_log "failed: ${failed[*]}"
  exit 1
fi
