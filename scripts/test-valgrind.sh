#!/usr/bin/env bash
# Runs the phpt suite (or the directories given) under valgrind's memcheck on
# the debug ZTS PHP 8.4 with opcache, as run-tests.php -m does: any invalid
# access or leak fails the test. Slow (tens of minutes): not part of
# scripts/test.sh; run it before calling concurrency work done.
#
#   scripts/test-valgrind.sh [tests/phpt/<dir> ...]
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
root=$(goos_root)
goos_apt_install "${GOOS_EXT_DEPS[@]}"
prefix=$("$root/scripts/php-zts.sh" 8.4 debug)
built=$("$root/scripts/build-ext.sh" "$prefix")
# pcre.jit=0: valgrind cannot see into PCRE's JIT-compiled code and reports
# false errors there (php-src's own valgrind runs turn it off too).
# A copy of its own: a rebuild during the (long) run must not swap the module
# under the tests.
so="$root/build/valgrind/goos.so"
mkdir -p "$(dirname "$so")"
cp "$built" "$so"
logs="$root/build/logs"
mkdir -p "$logs"
dirs=("$@")
[[ ${#dirs[@]} -gt 0 ]] || dirs=("$root/tests/phpt")
goos_log "running phpt under valgrind: ${dirs[*]}"
# run-tests.php turns on opcache.protect_memory, a debugging aid that
# mprotect()s opcache's shared memory read-only between writes: process-wide,
# so one thread re-protecting it while another thread caches a script crashes
# the writer. Goroutine threads compile scripts (code.h), so it is off here.
status=0
# --fair-sched=yes: valgrind runs one thread at a time, and by default a thread
# spinning in PHP code can keep sysmon from running for long, so preemption
# (and the phpt that check it) would not happen.
export VALGRIND_OPTS="--fair-sched=yes ${VALGRIND_OPTS:-}"
NO_INTERACTION=1 REPORT_EXIT_STATUS=1 "$prefix/bin/php" "$prefix/lib/php/build/run-tests.php" \
  -m -q -p "$prefix/bin/php" \
  -d "extension=$so" -d zend_extension=opcache.so -d opcache.enable_cli=1 -d opcache.protect_memory=0 \
  -d pcre.jit=0 \
  "${dirs[@]}" >"$logs/phpt-valgrind.txt" 2>&1 || status=$?
grep -E '^(FAIL|LEAK|BORK)|^Tests (passed|failed)|^Leaks' "$logs/phpt-valgrind.txt" >&2 || true
exit "$status"
