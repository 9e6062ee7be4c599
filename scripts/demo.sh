#!/usr/bin/env bash
# Builds what the demo needs (a release ZTS PHP 8.4 and the extension, which
# compiles the runtime core into itself) and runs the demo in examples/ with goos
# and opcache loaded. The googletest suite and the benchmarks are not built.
#
#   scripts/demo.sh [examples/<file>.php]
#
# GOOS_PHP_PREFIX and GOOS_PHP_SOURCE work as for scripts/php-zts.sh.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
root=$(goos_root)
cd "$root"
demo="${1:-examples/hello.php}"
[[ -f "$demo" ]] || goos_die "no such demo: $demo"
version="${GOOS_PHP_VERSION:-8.4}"
variant="${GOOS_PHP_VARIANT:-release}"

if [[ -z "${GOOS_PHP_PREFIX:-}" ]] && ! ls -d "$(goos_cache)/php-$version".*-zts-"$variant"* >/dev/null 2>&1; then
  goos_log "first run: PHP $version ($variant, thread-safe) is built from source, about 10 minutes on 2 cores,"
  goos_log "then the extension, about 1 minute. Cached in $(goos_cache) (GOOS_CACHE moves it); later runs take seconds."
fi
goos_apt_install "${GOOS_EXT_DEPS[@]}"
prefix=$("$root/scripts/php-zts.sh" "$version" "$variant")
so=$("$root/scripts/build-ext.sh" "$prefix")
goos_log "running $demo"
exec "$prefix/bin/php" -d "extension=$so" -d zend_extension=opcache.so -d opcache.enable_cli=1 "$demo"
