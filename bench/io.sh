#!/usr/bin/env bash
# 100 goroutines each doing one 100 ms server-side wait on maxProcs(2), on the
# release ZTS PHP 8.4 with opcache, each kind beside the same 100 waits in
# plain PHP (goos not loaded), in one run.
#   issue 13: pdo (MariaDB SELECT SLEEP(0.1) through PDO), phpredis and predis
#             (redis BLPOP 0.1), exec (exec('sleep 0.1'))
#   issue 14: curl (curl_exec), guzzle (Guzzle's curl handler), fgc
#             (file_get_contents): a GET of nginx's /delay/100, each also
#             beside curl_multi in plain PHP (curl); pdo_pgsql (PostgreSQL
#             SELECT pg_sleep(0.1) through PDO over TCP), also in two timed
#             phases (all connects, then all waits); pdo_pgsql_unix (the
#             same over the unix socket, without the password exchange), each
#             beside pgbench's mean latency for the same 100 queries on
#             connections it opened first
# Starts the servers the kinds need (scripts/services.sh: redis, MariaDB,
# nginx, PostgreSQL) and stops them whatever happens; Guzzle comes from
# scripts/php-libs.sh.
#
#   bench/io.sh [kind...]                     RESULT lines on stdout; default: issue 13's kinds
#   bench/io.sh curl guzzle fgc pdo_pgsql     issue 14's
#   GOOS_BENCH_REPS=5 bench/io.sh             repetitions of the goos runs (median is yours to take)
#   GOOS_BENCH_DETAIL=1 bench/io.sh ...       also DETAIL lines: each goos run's per-goroutine times
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/../scripts/lib.sh"
root=$(goos_root)
goos_apt_install "${GOOS_EXT_DEPS[@]}" "${GOOS_TEST_DEPS[@]}"
prefix=$("$root/scripts/php-zts.sh" 8.4 release)
so=$("$root/scripts/build-ext.sh" "$prefix")
redis_so=$("$root/scripts/phpredis.sh" "$prefix")
(($# > 0)) || set -- pdo phpredis predis exec
services=$(mktemp -d "${TMPDIR:-/tmp}/goos-bench-services.XXXXXX")
# PostgreSQL runs as Debian's postgres user, which must reach its directory.
chmod 755 "$services"
started=()
stop() {
  local service
  for service in "${started[@]}"; do
    "$root/scripts/services.sh" stop "$service" "$services/$service" >/dev/null 2>&1 || true
  done
  rm -rf "$services"
}
trap stop EXIT
trap 'exit 130' INT TERM HUP
need() {
  local service
  for service in "${started[@]}"; do [[ "$service" != "$1" ]] || return 0; done
  started+=("$1")
  eval "$("$root/scripts/services.sh" start "$1" "$services/$1")"
}
for kind in "$@"; do
  case "$kind" in
    pdo) need mariadb ;;
    phpredis | predis) need redis ;;
    curl | fgc) need nginx ;;
    guzzle)
      need nginx
      GOOS_GUZZLE_AUTOLOAD=$("$root/scripts/php-libs.sh" "$prefix")
      export GOOS_GUZZLE_AUTOLOAD
      ;;
    pdo_pgsql | pdo_pgsql_unix) need postgresql ;;
    exec) ;;
    *) echo "bench/io.sh: unknown kind $kind" >&2; exit 2 ;;
  esac
done
# Predis 1.1 and Guzzle 7.4 on PHP 8.4 are deprecation-noisy (implicitly
# nullable parameters).
common=(-d zend_extension=opcache.so -d opcache.enable_cli=1 -d "extension=$redis_so" -d "error_reporting=E_ALL & ~E_DEPRECATED")
for kind in "$@"; do
  for ((rep = 0; rep < ${GOOS_BENCH_REPS:-3}; rep++)); do
    "$prefix/bin/php" "${common[@]}" -d "extension=$so" "$root/bench/php/io_wait_bench.php" "$kind" goos
  done
  if [[ "$kind" == pdo_pgsql* ]]; then
    for ((rep = 0; rep < ${GOOS_BENCH_REPS:-3}; rep++)); do
      "$prefix/bin/php" "${common[@]}" -d "extension=$so" "$root/bench/php/io_wait_bench.php" "$kind" phases
    done
  fi
  "$prefix/bin/php" "${common[@]}" "$root/bench/php/io_wait_bench.php" "$kind" plain
  if [[ "$kind" == curl ]]; then
    "$prefix/bin/php" "${common[@]}" "$root/bench/php/io_wait_bench.php" curl multi
  fi
  if [[ "$kind" == pdo_pgsql* ]]; then
    # The server's own floor for the waits alone: pgbench (C, libpq, two
    # threads) connects 100 clients first, then each sends one
    # SELECT pg_sleep(0.1); the mean latency of those queries, in seconds.
    host=$GOOS_PG_HOST
    [[ "$kind" == pdo_pgsql ]] || host=$GOOS_PG_SOCKET_DIR
    printf 'SELECT pg_sleep(0.1);\n' >"$services/pg_sleep.sql"
    PGPASSWORD=$GOOS_PG_PASSWORD /usr/lib/postgresql/15/bin/pgbench -n -c 100 -j 2 -t 1 -f "$services/pg_sleep.sql" \
      -h "$host" -p "$GOOS_PG_PORT" -U "$GOOS_PG_USER" "$GOOS_PG_DB" 2>&1 |
      awk -v kind="$kind" '/^latency average/ { printf "RESULT io_%s_pgbench_query_latency %.3f s\n", kind, $4 / 1000 }'
  fi
  if [[ "$kind" == exec ]]; then
    # The machine's own floor for 100 parallel `sh -c 'sleep 0.1'`: bash
    # starting them all and waiting, no PHP involved.
    start=$(date +%s%N)
    bash -c 'for i in $(seq 100); do sh -c "sleep 0.1" & done; wait'
    ms=$((($(date +%s%N) - start) / 1000000))
    printf 'RESULT io_exec_bash_wall %d.%03d s\n' $((ms / 1000)) $((ms % 1000))
  fi
done
