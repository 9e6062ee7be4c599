#!/usr/bin/env bash
# Builds everything a user needs (a release ZTS PHP 8.4, the runtime core, the
# extension) and runs the demo in examples/ with goos and opcache loaded.
#
#   scripts/demo.sh [examples/<file>.php]
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
root=$(goos_root)
cd "$root"
demo="${1:-examples/hello.php}"

goos_apt_install "${GOOS_BUILD_DEPS[@]}"
prefix=$("$root/scripts/php-zts.sh" "${GOOS_PHP_VERSION:-8.4}" "${GOOS_PHP_VARIANT:-release}")
goos_log "building the runtime core"
cmake -S . -B build/cmake-release -DCMAKE_BUILD_TYPE=Release -DGOOS_WERROR=OFF >/dev/null
cmake --build build/cmake-release -j"$(nproc)" >/dev/null
so=$("$root/scripts/build-ext.sh" "$prefix")
goos_log "running $demo"
exec "$prefix/bin/php" -d "extension=$so" -d zend_extension=opcache.so -d opcache.enable_cli=1 "$demo"
