#!/usr/bin/env bash
# Issue 13's I/O figures on the release ZTS PHP 8.4 with opcache: 100
# goroutines each doing one 100 ms server-side wait on maxProcs(2) (MariaDB
# SELECT SLEEP(0.1) through PDO, redis BLPOP 0.1 through phpredis and Predis,
# exec('sleep 0.1')), each beside the same 100 waits in plain PHP (goos not
# loaded), in one run. Starts its own redis and MariaDB (scripts/services.sh)
# and stops them whatever happens.
#
#   bench/io.sh [pdo phpredis predis exec]    RESULT lines on stdout
#   GOOS_BENCH_REPS=5 bench/io.sh             repetitions of the goos runs (median is yours to take)
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/../scripts/lib.sh"
root=$(goos_root)
goos_apt_install "${GOOS_EXT_DEPS[@]}" "${GOOS_TEST_DEPS[@]}"
prefix=$("$root/scripts/php-zts.sh" 8.4 release)
so=$("$root/scripts/build-ext.sh" "$prefix")
redis_so=$("$root/scripts/phpredis.sh" "$prefix")
services=$(mktemp -d "${TMPDIR:-/tmp}/goos-bench-services.XXXXXX")
stop() {
  "$root/scripts/services.sh" stop redis "$services/redis" >/dev/null 2>&1 || true
  "$root/scripts/services.sh" stop mariadb "$services/mariadb" >/dev/null 2>&1 || true
  rm -rf "$services"
}
trap stop EXIT
trap 'exit 130' INT TERM HUP
eval "$("$root/scripts/services.sh" start redis "$services/redis")"
eval "$("$root/scripts/services.sh" start mariadb "$services/mariadb")"
# Predis 1.1 on PHP 8.4 is deprecation-noisy (implicitly nullable parameters).
common=(-d zend_extension=opcache.so -d opcache.enable_cli=1 -d "extension=$redis_so" -d "error_reporting=E_ALL & ~E_DEPRECATED")
(($# > 0)) || set -- pdo phpredis predis exec
for kind in "$@"; do
  for ((rep = 0; rep < ${GOOS_BENCH_REPS:-3}; rep++)); do
    "$prefix/bin/php" "${common[@]}" -d "extension=$so" "$root/bench/php/io_wait_bench.php" "$kind" goos
  done
  "$prefix/bin/php" "${common[@]}" "$root/bench/php/io_wait_bench.php" "$kind" plain
  if [[ "$kind" == exec ]]; then
    # The machine's own floor for 100 parallel `sh -c 'sleep 0.1'`: bash
    # starting them all and waiting, no PHP involved.
    start=$(date +%s%N)
    bash -c 'for i in $(seq 100); do sh -c "sleep 0.1" & done; wait'
    ms=$((($(date +%s%N) - start) / 1000000))
    printf 'RESULT io_exec_bash_wall %d.%03d s\n' $((ms / 1000)) $((ms % 1000))
  fi
done
