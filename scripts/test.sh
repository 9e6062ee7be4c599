#!/usr/bin/env bash
# Builds everything and runs every test: the runtime core's googletest suite
# (plain and under ThreadSanitizer) and the phpt suite on the debug ZTS builds of
# PHP 8.4 and PHP 8.2 with opcache on, the latter against a private redis,
# MariaDB, PostgreSQL and nginx (scripts/services.sh) with phpredis
# (scripts/phpredis.sh). Exits
# non-zero on any failure.
#
#   scripts/test.sh                 everything
#   GOOS_PHP_VERSIONS=8.4 scripts/test.sh     only one PHP (a quicker loop)
#   GOOS_TSAN=0 scripts/test.sh     skip the ThreadSanitizer run
#   GOOS_PHP_PREFIX=<prefix> scripts/test.sh  test on a ZTS PHP you have (its line only)
set -uo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
root=$(goos_root)
cd "$root"
jobs="${GOOS_JOBS:-$(nproc)}"
logs="$root/build/logs"
mkdir -p "$logs"

passed=0 failed=0 skipped=0
declare -a failures=()
record() { # record <name> <passed> <failed> <skipped>
  passed=$((passed + $2)) failed=$((failed + $3)) skipped=$((skipped + $4))
  printf '%-40s %4d passed, %d failed, %d skipped\n' "$1" "$2" "$3" "$4" >>"$logs/summary.txt"
  (($3 == 0)) || failures+=("$1")
}
: >"$logs/summary.txt"

goos_apt_install "${GOOS_EXT_DEPS[@]}" "${GOOS_TEST_DEPS[@]}"

# 1. The runtime core stays PHP-free.
goos_log "checking that src/runtime and include/goos include no Zend or PHP header"
impure=$(grep -rnE '#\s*include\s*[<"](php|zend|Zend/|TSRM|main/|ext/|SAPI)' src/runtime include/goos || true)
if [[ -n "$impure" ]]; then
  printf '%s\n' "$impure" >&2
  record "runtime purity" 0 1 0
else
  record "runtime purity" 1 0 0
fi

# 2. The scripts' own tests: the toolchain's source fetching, against a fake
# archive on loopback, and the test servers of scripts/services.sh.
script_test() { # script_test <name> <test script>: one that ends with "N passed, N failed"
  local name="$1" p="" f=""
  "$2" >"$logs/$name.txt" 2>&1
  read -r p f < <(sed -nE 's/^([0-9]+) passed, ([0-9]+) failed$/\1 \2/p' "$logs/$name.txt")
  if [[ -z "$p" ]]; then
    tail -n 20 "$logs/$name.txt" >&2
    record "$name" 0 1 0
  else
    grep -A 25 '^FAIL' "$logs/$name.txt" >&2 || true
    record "$name" "$p" "$f" 0
  fi
}
goos_log "testing the source fetch (fake archive on loopback)"
script_test fetch-source "$root/tests/scripts/fetch_source_test.sh"
goos_log "testing scripts/services.sh (private redis, MariaDB, PostgreSQL and nginx on loopback)"
script_test services "$root/tests/scripts/services_test.sh"

# 3. Formatting and the generated arginfo.
goos_log "checking clang-format"
mapfile -t sources < <(find src include tests bench \( -name '*.cc' -o -name '*.h' \) | sort)
sources+=(php_goos.h)
if clang-format --dry-run --Werror "${sources[@]}" 2>"$logs/format.txt"; then
  record "clang-format" 1 0 0
else
  head -n 20 "$logs/format.txt" >&2
  record "clang-format" 0 1 0
fi

# 4. The runtime core under googletest: plain, then ThreadSanitizer.
ctest_run() { # ctest_run <name> <build dir> <cmake args...>
  local name="$1" dir="$2"
  shift 2
  goos_log "building and running the googletest suite ($name)"
  if ! { cmake -S . -B "$dir" -DCMAKE_BUILD_TYPE=RelWithDebInfo "$@" >"$logs/$name-cmake.txt" 2>&1 &&
    cmake --build "$dir" -j"$jobs" >"$logs/$name-build.txt" 2>&1; }; then
    grep -E ': error|Error [0-9]' "$logs/$name-build.txt" "$logs/$name-cmake.txt" | head -n 20 >&2
    record "$name" 0 1 0
    return
  fi
  (cd "$dir" && ctest --output-on-failure -j"$jobs" 2>&1) | tee "$logs/$name.txt" | tail -n 3
  local total fail
  total=$(sed -nE 's/.* tests? failed out of ([0-9]+)/\1/p' "$logs/$name.txt" | tail -n 1)
  fail=$(sed -nE 's/.*, ([0-9]+) tests? failed out of.*/\1/p' "$logs/$name.txt" | tail -n 1)
  [[ -n "$total" ]] || { record "$name" 0 1 0; return; }
  record "$name" $((total - fail)) "$fail" 0
}
ctest_run googletest build/cmake
if [[ "${GOOS_TSAN:-1}" != 0 ]]; then
  ctest_run googletest-tsan build/cmake-tsan -DGOOS_TSAN=ON -DGOOS_BENCHMARKS=OFF
fi

# 5. The phpt suite on each PHP, with a private redis, MariaDB, PostgreSQL and
# nginx to talk to (scripts/services.sh; stopped whatever ends this script).
# Their GOOS_REDIS_*, GOOS_MYSQL_*, GOOS_PG_* and GOOS_NGINX_* variables, and GOOS_PHPREDIS_SO
# (phpredis built for the PHP under test) and GOOS_GUZZLE_AUTOLOAD, reach the tests through the
# environment; a test whose server or extension is missing skips, and a server
# that does not start is a failure of its own.
services=(redis mariadb postgresql nginx)
services_dir=$(mktemp -d "${TMPDIR:-/tmp}/goos-services.XXXXXX")
chmod 711 "$services_dir" # PostgreSQL runs as the postgres user, which must reach its directory in here
stop_services() {
  local service
  for service in "${services[@]}"; do
    "$root/scripts/services.sh" stop "$service" "$services_dir/$service" || true
  done
  "$root/scripts/services.sh" stop fpm "$services_dir/fpm" || true
  rm -rf "$services_dir"
}
trap stop_services EXIT
trap 'exit 130' INT TERM HUP
for service in "${services[@]}"; do
  goos_log "starting a private $service (scripts/services.sh)"
  if exports=$("$root/scripts/services.sh" start "$service" "$services_dir/$service" 2>"$logs/services-$service.txt"); then
    eval "$exports"
    record "start $service" 1 0 0
  else
    goos_log "$service could not start, so the tests that need it will skip:"
    sed 's/^/    /' "$logs/services-$service.txt" >&2
    record "start $service" 0 1 0
  fi
done

# Guzzle and its dependencies (Debian bookworm's packages, unpacked into the
# cache, not installed: they would pull in Debian's own PHP) for
# tests/phpt/io/guzzle, which load them through GOOS_GUZZLE_AUTOLOAD and skip
# without it. The unpacked tree is the same for every PHP.
if guzzle_autoload=$("$root/scripts/php-libs.sh" 2>"$logs/php-libs.txt"); then
  export GOOS_GUZZLE_AUTOLOAD="$guzzle_autoload"
  record "php-libs (Guzzle)" 1 0 0
else
  goos_log "Guzzle could not be unpacked, so tests/phpt/io/guzzle will skip:"
  sed 's/^/    /' "$logs/php-libs.txt" >&2
  unset GOOS_GUZZLE_AUTOLOAD
  record "php-libs (Guzzle)" 0 1 0
fi

phpt_run() { # phpt_run <version>
  local version="$1" prefix so redis_so fpm_exports name="phpt-php$1"
  if ! prefix=$("$root/scripts/php-zts.sh" "$version" debug); then
    record "$name" 0 1 0
    return
  fi
  if ! so=$("$root/scripts/build-ext.sh" "$prefix"); then
    record "$name" 0 1 0
    return
  fi
  if redis_so=$("$root/scripts/phpredis.sh" "$prefix"); then
    export GOOS_PHPREDIS_SO="$redis_so"
  else
    unset GOOS_PHPREDIS_SO
    record "phpredis-php$version" 0 1 0
  fi
  # The php-fpm of this PHP with this goos.so (and opcache) behind an nginx,
  # for tests/phpt/fpm (GOOS_FPM_*; they skip without it); stopped after the run.
  # opcache.file_update_protection=0 as run-tests.php sets it for the CLI: the
  # tests write their pages just before requesting them.
  if fpm_exports=$(GOOS_FPM_PHP_PREFIX="$prefix" \
    GOOS_FPM_INI="extension=$so"$'\nzend_extension=opcache.so\nopcache.enable=1\nopcache.file_update_protection=0' \
    "$root/scripts/services.sh" start fpm "$services_dir/fpm" 2>"$logs/services-fpm-php$version.txt"); then
    eval "$fpm_exports"
    record "start fpm-php$version" 1 0 0
  else
    goos_log "php-fpm could not start, so tests/phpt/fpm will skip:"
    sed 's/^/    /' "$logs/services-fpm-php$version.txt" >&2
    record "start fpm-php$version" 0 1 0
  fi
  goos_log "running the phpt suite on $(basename "$prefix") with opcache"
  # run-tests.php turns on opcache.protect_memory, a debugging aid that
  # mprotect()s opcache's shared memory read-only between writes: process-wide,
  # so one thread re-protecting it while another thread caches a script crashes
  # the writer. Goroutine threads compile scripts (code.h), so it is off here.
  # phpredis, when built, is loaded into every test (tests/phpt/io/redis).
  NO_INTERACTION=1 REPORT_EXIT_STATUS=1 "$prefix/bin/php" "$prefix/lib/php/build/run-tests.php" \
    -q -j"$jobs" --show-diff -p "$prefix/bin/php" \
    -d "extension=$so" ${GOOS_PHPREDIS_SO:+-d "extension=$GOOS_PHPREDIS_SO"} \
    -d zend_extension=opcache.so -d opcache.enable_cli=1 -d opcache.protect_memory=0 \
    "$root/tests/phpt" >"$logs/$name.txt" 2>&1
  [[ -z "${GOOS_FPM_LOG:-}" ]] || cp "$GOOS_FPM_LOG" "$logs/php-fpm-php$version.log" 2>/dev/null || true
  "$root/scripts/services.sh" stop fpm "$services_dir/fpm" || true
  unset GOOS_FPM_URL GOOS_FPM_ROOT GOOS_FPM_PID GOOS_FPM_LOG GOOS_FPM_SOCKET GOOS_FPM_DIR
  grep -E '^(FAIL|BORK|LEAK|SKIP)|^Tests (passed|failed|skipped)' "$logs/$name.txt" | sed 's/^/    /'
  local p f s b
  p=$(sed -nE 's/^Tests passed +: +([0-9]+).*/\1/p' "$logs/$name.txt")
  f=$(sed -nE 's/^Tests failed +: +([0-9]+).*/\1/p' "$logs/$name.txt")
  s=$(sed -nE 's/^Tests skipped +: +([0-9]+).*/\1/p' "$logs/$name.txt")
  b=$(grep -cE '^(BORK|LEAK)' "$logs/$name.txt")
  if [[ -z "$p" ]]; then
    tail -n 20 "$logs/$name.txt" >&2
    record "$name" 0 1 0
    return
  fi
  # Pull the diffs of failed tests into the CI log.
  if ((f + b > 0)); then
    find "$root/tests/phpt" -name '*.diff' -exec sh -c 'echo "--- $1"; head -n 40 "$1"' _ {} \; >&2
  fi
  record "$name" "$p" $((f + b)) "${s:-0}"
}
# The PHP lines to test: both, or the one GOOS_PHP_PREFIX holds.
versions="${GOOS_PHP_VERSIONS:-}"
if [[ -z "$versions" && -n "${GOOS_PHP_PREFIX:-}" ]]; then
  versions=$("$GOOS_PHP_PREFIX/bin/php" -n -r 'echo PHP_MAJOR_VERSION, ".", PHP_MINOR_VERSION;' 2>/dev/null || true)
fi
gen_stub_checked=0
for version in ${versions:-8.4 8.2}; do
  phpt_run "$version"
  if [[ "$version" == 8.4 && $gen_stub_checked == 0 ]]; then
    gen_stub_checked=1
    if "$root/scripts/gen-stub.sh" --check; then
      record "goos_arginfo.h up to date" 1 0 0
    else
      record "goos_arginfo.h up to date" 0 1 0
    fi
  fi
done

echo
echo "Summary"
sed 's/^/  /' "$logs/summary.txt"
((${#failures[@]} == 0)) || echo "Failed: ${failures[*]} (logs in $logs)"
echo "total: $passed passed, $failed failed, $skipped skipped"
((failed == 0))
