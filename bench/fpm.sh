#!/usr/bin/env bash
# goos in php-fpm behind nginx (issue 15), on the release ZTS PHP 8.4 with
# opcache, wrk as the load generator. Two pools run side by side, each with
# its own nginx in front (scripts/services.sh fpm): "goos" (goos.so loaded,
# goos.max_procs=2) and "plain" (goos not loaded); both load phpredis and
# opcache, pm static with GOOS_BENCH_CHILDREN children, the pages of
# bench/php/fpm as document root. Each repetition runs every variant once, in
# turn (a's and b's pairs alternate their order), so that the variants share
# the machine's minute. The servers' state lives in one temporary directory
# (0711), removed with them whatever happens.
#   a  fan-out to three 50 ms backends (redis BLPOP 0.05 through phpredis,
#      MariaDB SELECT SLEEP(0.05) through PDO, nginx's /delay/50 through curl),
#      each on a connection opened in the request: fanout_goos.php (three
#      goroutines joined) on the goos pool against fanout_seq.php (in a row)
#      on the plain pool, at GOOS_BENCH_CONNS_A connections: median and p99
#      latency, requests per second
#   b  hello.php (echo "hello") on the goos pool (loaded, unused) against the
#      plain pool, at GOOS_BENCH_CONNS_B connections: requests per second
#   c  go3.php (three trivial goroutines, joined) on the goos pool, beside
#      (b)'s two: requests per second
#   phases  (not by default) go3_timed.php, GOOS_BENCH_PHASES requests one at
#      a time: the median time of the first go(), the next two and the join,
#      inside the request
# Every variant gets a 2 s warm-up run (opcache, the children) first; a
# response other than 2xx or a socket error is reported on the RESULT line.
#
#   bench/fpm.sh [a] [b] [c] [phases]   RESULT lines on stdout (default: a b c)
#   GOOS_BENCH_REPS=5                   repetitions (default 3; medians yours to take)
#   GOOS_BENCH_DURATION=10              seconds per wrk run (default 10)
#   GOOS_BENCH_CONNS_A=8 GOOS_BENCH_CONNS_B=8 GOOS_BENCH_CHILDREN=16
#   GOOS_BENCH_REDIS_HZ=100             redis's hz for (a) (default 500; see `start redis`)
#   GOOS_BENCH_KEEP=600                 keep the servers that many seconds after
#                                       the runs (perf etc.; their URLs on stderr)
#
# RESULT fpm_<part>_<variant> rps <n> median_ms <n> p99_ms <n> [errors <n>]
# RESULT fpm_phases_go3 requests <n> first_go_ms <n> next_two_ms <n> join_ms <n> php_total_ms <n>
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/../scripts/lib.sh"
root=$(goos_root)
goos_apt_install "${GOOS_EXT_DEPS[@]}" "${GOOS_TEST_DEPS[@]}" wrk
prefix=$("$root/scripts/php-zts.sh" 8.4 release)
so=$("$root/scripts/build-ext.sh" "$prefix")
redis_so=$("$root/scripts/phpredis.sh" "$prefix")
(($# > 0)) || set -- a b c
reps=${GOOS_BENCH_REPS:-3}
duration=${GOOS_BENCH_DURATION:-10}
conns_a=${GOOS_BENCH_CONNS_A:-8}
conns_b=${GOOS_BENCH_CONNS_B:-8}
children=${GOOS_BENCH_CHILDREN:-16}

services=$(mktemp -d "${TMPDIR:-/tmp}/goos-bench-fpm.XXXXXX")
chmod 711 "$services"
started=()
stop() {
  local i
  # The pools first (they talk to the others), in reverse order of start.
  for ((i = ${#started[@]} - 1; i >= 0; i--)); do
    "$root/scripts/services.sh" stop "${started[i]%%:*}" "$services/${started[i]#*:}" >/dev/null 2>&1 || true
  done
  rm -rf "$services"
}
trap stop EXIT
trap 'exit 130' INT TERM HUP
# start <service> <name> [VAR=value...]: starts it in $services/<name>, with
# the given environment, and evals its exports.
start() {
  local service=$1 name=$2
  shift 2
  started+=("$service:$name")
  eval "$(env "$@" "$root/scripts/services.sh" start "$service" "$services/$name")"
}

need_backends=0
for part in "$@"; do
  case "$part" in
    a) need_backends=1 ;;
    b | c | phases) ;;
    *) echo "bench/fpm.sh: unknown part $part (a, b, c, phases)" >&2; exit 2 ;;
  esac
done
if ((need_backends)); then
  # The pools' children see these exports (clear_env no): the pages read them.
  start redis redis
  # redis ends a blocking command's timeout in its event loop's timer, every
  # 1000/hz ms: at services.sh's hz 100 a BLPOP of 0.05 s answers after 50 to
  # 60 ms (median ~56), which alone puts the fan-out's median near 60 ms.
  # hz 500 (redis's maximum) makes it 50-54 ms, like the other two backends.
  redis-cli -s "$GOOS_REDIS_SOCKET" config set hz "${GOOS_BENCH_REDIS_HZ:-500}" >/dev/null
  start mariadb mariadb
  start nginx nginx
fi
ini_common="extension=$redis_so
zend_extension=opcache.so
opcache.enable=1
opcache.validate_timestamps=0"
url_goos="" url_plain=""
pool() {
  local name=$1 ini=$2
  start fpm "$name" GOOS_FPM_PHP_PREFIX="$prefix" GOOS_FPM_INI="$ini" GOOS_FPM_PM=static \
    GOOS_FPM_CHILDREN="$children" GOOS_FPM_ROOT="$root/bench/php/fpm"
  declare -g "url_$name=$GOOS_FPM_URL"
}
pool goos "$ini_common
extension=$so
goos.max_procs=2"
pool plain "$ini_common"

# Every page's answer, checked once before any load.
check() {
  local url=$1 want=$2 got
  got=$(curl -sS --max-time 10 "$url") || { echo "bench/fpm.sh: $url failed" >&2; exit 1; }
  [[ "$got" == "$want" ]] || { echo "bench/fpm.sh: $url answered '$got', not '$want'" >&2; exit 1; }
}
# wrk_run <name> <url> <connections>: one wrk run, its RESULT line.
wrk_run() {
  local name=$1 url=$2 conns=$3 out
  wrk -t 2 -c "$conns" -d 2s "$url" >/dev/null
  out=$(wrk -t 2 -c "$conns" -d "${duration}s" --latency "$url")
  awk -v name="$name" '
    function ms(v) {
      if (v ~ /us$/) return substr(v, 1, length(v) - 2) / 1000
      if (v ~ /ms$/) return substr(v, 1, length(v) - 2) + 0
      if (v ~ /s$/) return substr(v, 1, length(v) - 1) * 1000
      return v
    }
    $1 == "50%" { median = ms($2) }
    $1 == "99%" { p99 = ms($2) }
    /^Requests\/sec:/ { rps = $2 }
    /Non-2xx or 3xx responses:/ { errors += $NF }
    /Socket errors:/ { gsub(/,/, ""); errors += $4 + $6 + $8 + $10 }
    END {
      printf "RESULT fpm_%s rps %.1f median_ms %.2f p99_ms %.2f", name, rps, median, p99
      if (errors) printf " errors %d", errors
      printf "\n"
    }' <<<"$out"
}

for part in "$@"; do
  case "$part" in
    a)
      check "$url_goos/fanout_goos.php" "http mysql redis"
      check "$url_plain/fanout_seq.php" "redis mysql http"
      ;;
    b) check "$url_goos/hello.php" hello; check "$url_plain/hello.php" hello ;;
    c) check "$url_goos/go3.php" hello ;;
  esac
done

# wrk_pair <rep> <part> <goos url> <plain url> <connections>: the goos and
# the plain page side by side, goos first in even repetitions, plain first in
# odd ones.
wrk_pair() {
  local rep=$1 part=$2 goos=$3 plain=$4 conns=$5
  if ((rep % 2 == 0)); then
    wrk_run "${part}_goos" "$goos" "$conns"
    wrk_run "${part}_plain" "$plain" "$conns"
  else
    wrk_run "${part}_plain" "$plain" "$conns"
    wrk_run "${part}_goos" "$goos" "$conns"
  fi
}

echo "# $(date -u '+%F %T UTC') $(git -C "$root" rev-parse --short HEAD) $(nproc) CPUs, load:$(uptime | sed 's/.*load average://')"
for ((rep = 0; rep < reps; rep++)); do
  for part in "$@"; do
    case "$part" in
      a) wrk_pair "$rep" a "$url_goos/fanout_goos.php" "$url_plain/fanout_seq.php" "$conns_a" ;;
      b) wrk_pair "$rep" b "$url_goos/hello.php" "$url_plain/hello.php" "$conns_b" ;;
      c)
        # (b)'s pair, again, in the same minute as (c)'s run.
        [[ " $* " == *" b "* ]] || wrk_pair 0 b "$url_goos/hello.php" "$url_plain/hello.php" "$conns_b"
        wrk_run c_goos "$url_goos/go3.php" "$conns_b"
        ;;
      phases)
        ((rep > 0)) || {
          n=${GOOS_BENCH_PHASES:-500}
          curl -sS "$url_goos/go3_timed.php" >/dev/null
          for ((i = 0; i < n; i++)); do curl -sS "$url_goos/go3_timed.php"; done >"$services/phases"
          line="RESULT fpm_phases_go3 requests $(wc -l <"$services/phases")"
          col=1
          for field in first_go_ms next_two_ms join_ms php_total_ms; do
            line+=" $field $(cut -d' ' -f$col "$services/phases" | sort -g | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }')"
            col=$((col + 1))
          done
          echo "$line"
        }
        ;;
    esac
  done
  echo "# rep $((rep + 1)) done, load:$(uptime | sed 's/.*load average://')"
done
if [[ -n "${GOOS_BENCH_KEEP:-}" ]]; then
  echo "# servers kept ${GOOS_BENCH_KEEP} s: goos $url_goos, plain $url_plain, dir $services" >&2
  sleep "$GOOS_BENCH_KEEP"
fi
