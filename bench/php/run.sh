#!/usr/bin/env bash
# Runs bench/php/go_bench.php, bench/php/preempt_bench.php and
# bench/php/chan_bench.php on the release ZTS PHP 8.4 with opcache (and the JIT
# off, as PHP's default), printing their RESULT lines.
#
#   bench/php/run.sh                 all three
#   bench/php/run.sh chan [go ...]   only those named (go, preempt, chan)
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/../../scripts/lib.sh"
root=$(goos_root)
goos_apt_install "${GOOS_EXT_DEPS[@]}"
prefix=$("$root/scripts/php-zts.sh" 8.4 release)
so=$("$root/scripts/build-ext.sh" "$prefix")
args=(-d "extension=$so" -d zend_extension=opcache.so -d opcache.enable_cli=1 -d memory_limit=1G)
(($# > 0)) || set -- go preempt chan
for bench in "$@"; do
  [[ -f "$root/bench/php/${bench}_bench.php" ]] || goos_die "no bench/php/${bench}_bench.php"
  # The drivers that measure in child processes pass them the same settings.
  GOOS_PHP_ARGS="${args[*]}" "$prefix/bin/php" "${args[@]}" "$root/bench/php/${bench}_bench.php"
done
