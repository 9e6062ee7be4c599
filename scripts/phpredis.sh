#!/usr/bin/env bash
# Builds (once) phpredis, the Redis client extension, against one PHP and prints
# the path of its redis.so.
#
#   scripts/phpredis.sh <php prefix>      e.g. ~/.cache/goos/php-8.4.24-zts-debug
#
# Debian's php-redis is built for Debian's own (non-thread-safe) PHP, so goos
# builds the same source against each ZTS PHP: the upstream tarball of Debian's
# php-redis source package, pinned and checked in scripts/source-pins.txt (key
# phpredis-6), fetched by scripts/fetch-source.sh. Configured minimal: no
# igbinary, msgpack, lzf, zstd or lz4 (PHP's own json and session are used).
# The build is kept in
#   ${GOOS_CACHE:-~/.cache/goos}/phpredis-<version>-<prefix name>-<prefix hash>/redis.so
# and reused while it matches the PHP build and the recipe below. The .so path
# is the only thing printed on stdout; progress goes to stderr.
#
# Load it with `php -d extension=<path>`; scripts/test.sh hands it to the phpt
# suite as GOOS_PHPREDIS_SO.
set -euo pipefail
here="$(dirname "${BASH_SOURCE[0]}")"
source "$here/lib.sh"

readonly RECIPE=1 # bump when the configure line below changes: forces a rebuild
readonly PIN=phpredis-6
prefix="${1:-}"
[[ -n "$prefix" ]] || {
  echo "usage: $0 <php prefix>" >&2
  exit 2
}
prefix=$(realpath -e "$prefix" 2>/dev/null) || goos_die "$1 does not exist: build PHP first (scripts/php-zts.sh)"
php_config="$prefix/bin/php-config"
[[ -x "$php_config" && -x "$prefix/bin/phpize" ]] ||
  goos_die "$prefix has no bin/php-config and bin/phpize: give the prefix of a PHP build (scripts/php-zts.sh)"

cache=$(goos_cache)
jobs="${GOOS_JOBS:-$(nproc)}"
log() { printf '[phpredis %s] %s\n' "$(basename "$prefix")" "$*" >&2; }
die() {
  printf '[phpredis %s] error: %s\n' "$(basename "$prefix")" "$*" >&2
  exit 1
}

configure_args() {
  printf '%s\n' --with-php-config="$php_config" --enable-redis \
    --disable-redis-igbinary --disable-redis-msgpack --disable-redis-lzf \
    --disable-redis-zstd --disable-redis-lz4
}

# What the build depends on: the recipe, and the PHP it is built for (its
# version, configure line and, for goos's own builds, the build's stamp).
build_id() {
  {
    echo "$RECIPE"
    configure_args
    "$php_config" --version
    "$php_config" --configure-options
    cat "$prefix/.goos-complete" 2>/dev/null || true
  } | sha256sum | cut -c1-16
}
dir_of() { echo "$cache/phpredis-$1-$(basename "$prefix")-$(printf '%s' "$prefix" | sha256sum | cut -c1-8)"; }
is_complete() { [[ -f "$1/redis.so" && "$(cat "$1/.goos-complete" 2>/dev/null)" == "$(build_id)" ]]; }

version=$(awk -v k="$PIN" '$1 == k { v = $3; sub(/^[0-9]+:/, "", v); sub(/-[^-]*$/, "", v); print v }' \
  "${GOOS_SOURCE_PINS:-$here/source-pins.txt}")
[[ -n "$version" ]] || die "no pin named $PIN in scripts/source-pins.txt"
out=$(dir_of "$version")

if is_complete "$out"; then
  log "using cached build $out"
  echo "$out/redis.so"
  exit 0
fi

mkdir -p "$cache"
exec 9>"$cache/.lock-phpredis-$(basename "$out")"
flock 9
if is_complete "$out"; then # built by a concurrent call while we waited
  echo "$out/redis.so"
  exit 0
fi
goos_apt_install build-essential autoconf pkg-config
read -r got tarball < <("$here/fetch-source.sh" "$PIN" "$cache/dl") ||
  die "no phpredis source could be fetched (see above)"
if [[ "$got" != "$version" ]]; then
  log "note: building phpredis $got, not the pinned $version (the pinned one could not be fetched)"
  version="$got"
  out=$(dir_of "$version")
  if is_complete "$out"; then
    echo "$out/redis.so"
    exit 0
  fi
fi

mkdir -p "$cache/work"
work=$(mktemp -d "$cache/work/phpredis.XXXXXX")
trap 'rm -rf "$work"' EXIT
log "building phpredis $version (some seconds; log kept in $out/build.log)"
# The tarball holds package.xml beside redis-<version>/, the source tree.
tar -xf "$tarball" -C "$work" || die "could not unpack $tarball"
src=$(dirname "$(find "$work" -maxdepth 2 -name config.m4 | head -n 1)")
[[ -f "$src/config.m4" ]] || die "$tarball holds no config.m4"
mapfile -t args < <(configure_args)
if ! (cd "$src" && "$prefix/bin/phpize" && ./configure "${args[@]}" && make -j"$jobs") >"$work/build.log" 2>&1; then
  mkdir -p "$out"
  cp "$work/build.log" "$out/build.log"
  die "the build failed; see $out/build.log (tail: $(tail -n 5 "$work/build.log" | tr '\n' ' '))"
fi
"$prefix/bin/php" -n -d extension="$src/modules/redis.so" -r 'exit(class_exists("Redis") ? 0 : 1);' ||
  die "the built redis.so does not load into $prefix/bin/php"

rm -rf "$out"
mkdir -p "$out"
cp "$src/modules/redis.so" "$out/redis.so"
cp "$work/build.log" "$out/build.log"
build_id >"$out/.goos-complete"
log "built $out/redis.so"
echo "$out/redis.so"
