#!/usr/bin/env bash
# Runs bench/php/go_bench.php and bench/php/preempt_bench.php on the release
# ZTS PHP 8.4 with opcache (and the JIT off, as PHP's default), printing their
# RESULT lines.
#
#   bench/php/run.sh
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/../../scripts/lib.sh"
root=$(goos_root)
goos_apt_install "${GOOS_BUILD_DEPS[@]}"
prefix=$("$root/scripts/php-zts.sh" 8.4 release)
so=$("$root/scripts/build-ext.sh" "$prefix")
args=(-d "extension=$so" -d zend_extension=opcache.so -d opcache.enable_cli=1 -d memory_limit=1G)
"$prefix/bin/php" "${args[@]}" "$root/bench/php/go_bench.php"
GOOS_PHP_ARGS="${args[*]}" "$prefix/bin/php" "${args[@]}" "$root/bench/php/preempt_bench.php"
