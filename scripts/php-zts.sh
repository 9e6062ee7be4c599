#!/usr/bin/env bash
# Builds (once) and prints the install prefix of a thread-safe (ZTS) PHP.
#
#   scripts/php-zts.sh <8.4|8.2> <debug|release>
#
# Debian's own PHP is not thread-safe, so goos builds one. Where it comes from,
# the first that applies:
#   GOOS_PHP_PREFIX=<prefix>   a ZTS PHP you already have, used as it is (checked:
#                              thread-safe, and of the PHP line asked for);
#   GOOS_PHP_SOURCE=<php-X.Y.Z.tar.xz, or an unpacked source tree>: built from it;
#   otherwise the pinned version of scripts/source-pins.txt (8.4.24 and 8.2.32),
#   fetched and checked by scripts/fetch-source.sh.
# A build is installed in
#   ${GOOS_CACHE:-~/.cache/goos}/php-<version>-zts-<variant>[-src-<id>]
# and reused by every later call: only the first run pays the build.
# The prefix is the only thing printed on stdout; progress goes to stderr.
#
# Why upstream source without Debian's patches: the patches adapt PHP to Debian's
# file layout (system tzdata, shared libtool, PEAR paths). A private ZTS prefix
# wants none of that, and the upstream tarball ships its generated configure.
set -euo pipefail
here="$(dirname "${BASH_SOURCE[0]}")"
source "$here/lib.sh"

readonly RECIPE=2 # bump when the configure line below changes: forces a rebuild
major="${1:-}"
variant="${2:-}"
case "$major" in 8.4 | 8.2) ;; *) major="" ;; esac
case "$variant" in debug | release) ;; *) variant="" ;; esac
if [[ -z "$major" || -z "$variant" ]]; then
  echo "usage: $0 <8.4|8.2> <debug|release>" >&2
  exit 2
fi

cache=$(goos_cache)
jobs="${GOOS_JOBS:-$(nproc)}"
log() { printf '[php %s %s] %s\n' "$major" "$variant" "$*" >&2; }
die() {
  printf '[php %s %s] error: %s\n' "$major" "$variant" "$*" >&2
  exit 1
}

configure_args() {
  local prefix="$1"
  local -a args=(
    --prefix="$prefix"
    --with-config-file-path="$prefix/etc"
    --with-config-file-scan-dir="$prefix/etc/conf.d"
    --enable-zts
    --enable-cli --enable-fpm --disable-cgi --disable-phpdbg
    --enable-opcache=shared
    --enable-sockets --enable-pcntl
    --enable-mysqlnd --with-mysqli=mysqlnd --with-pdo-mysql=mysqlnd
    --with-pgsql --with-pdo-pgsql --with-pdo-sqlite
    --with-curl --with-openssl --with-zlib --enable-mbstring
    --without-pear
  )
  [[ "$variant" == debug ]] && args+=(--enable-debug)
  printf '%s\n' "${args[@]}"
}

recipe_id() { { echo "$RECIPE"; configure_args PREFIX; } | sha256sum | cut -c1-16; }
is_complete() { [[ -f "$1/.goos-complete" && "$(cat "$1/.goos-complete")" == "$(recipe_id)" ]]; }

# GOOS_PHP_PREFIX: a PHP the user has. It must be ZTS and of this line; a
# release build where a debug one was asked for (or the reverse) is used as it
# is, with a note.
use_prefix() {
  local p="$1" line full zts debug
  [[ -x "$p/bin/php" && -x "$p/bin/php-config" ]] ||
    die "GOOS_PHP_PREFIX=$p has no bin/php and bin/php-config: give the prefix PHP was installed into (its configure --prefix)"
  read -r line full zts debug < <("$p/bin/php" -n -r \
    'echo PHP_MAJOR_VERSION, ".", PHP_MINOR_VERSION, " ", PHP_VERSION, " ", (int) PHP_ZTS, " ", (int) PHP_DEBUG, "\n";') ||
    die "GOOS_PHP_PREFIX=$p: $p/bin/php does not run"
  [[ "$zts" == 1 ]] ||
    die "GOOS_PHP_PREFIX=$p is PHP $full without thread safety (ZTS): goos needs a PHP configured with --enable-zts"
  [[ "$line" == "$major" ]] ||
    die "GOOS_PHP_PREFIX=$p is PHP $full, but PHP $major was asked for (scripts/test.sh: set GOOS_PHP_VERSIONS=$line)"
  if [[ "$debug" == 1 && "$variant" == release ]] || [[ "$debug" == 0 && "$variant" == debug ]]; then
    log "note: GOOS_PHP_PREFIX=$p is not a $variant build; using it as it is"
  fi
  log "using GOOS_PHP_PREFIX=$p (PHP $full, ZTS)"
  echo "$p"
  exit 0
}

# The PHP version of an unpacked tree, or of the tree inside a tarball.
tree_version() { sed -n 's/^#define PHP_VERSION "\(.*\)"$/\1/p' "$1/main/php_version.h" 2>/dev/null; }
tarball_version() {
  tar -xOf "$1" --wildcards --no-anchored 'main/php_version.h' 2>/dev/null |
    sed -n 's/^#define PHP_VERSION "\(.*\)"$/\1/p' | head -n 1
}

# What PHP's configure line needs, as bookworm packages.
readonly PHP_BUILD_DEPS=(
  build-essential pkg-config xz-utils autoconf bison re2c
  libxml2-dev libsqlite3-dev libcurl4-openssl-dev libssl-dev zlib1g-dev
  libonig-dev libpq-dev
)

# build <source tarball or tree> <version> <prefix>
build() {
  local source="$1" version="$2" prefix="$3" work srcdir
  work="$cache/work/php$major-$variant"
  rm -rf "$work"
  mkdir -p "$work"
  if [[ -d "$source" ]]; then
    log "copying the source tree $source"
    cp -a "$source" "$work/src"
    srcdir="$work/src"
  else
    log "unpacking $(basename "$source")"
    tar -xf "$source" -C "$work" || die "could not unpack $source"
    srcdir=$(dirname "$(find "$work" -maxdepth 3 -path '*/main/php_version.h' | head -n 1)")
    srcdir=$(dirname "$srcdir")
    [[ -f "$srcdir/configure" ]] || die "$source holds no PHP source tree with a configure script"
  fi

  log "configuring into $prefix"
  local -a args
  mapfile -t args < <(configure_args "$prefix")
  (cd "$srcdir" && ./configure "${args[@]}") >"$work/configure.log" 2>&1 ||
    die "configure failed; see $work/configure.log (tail: $(tail -n 3 "$work/configure.log" | tr '\n' ' '))"

  log "compiling with $jobs jobs (log: $work/make.log)"
  (cd "$srcdir" && make -j"$jobs") 2>&1 | tee "$work/make.log" |
    awk '/--mode=compile/ { if (++n % 100 == 0) { printf "[php '"$major $variant"']   %d files compiled\n", n > "/dev/stderr" } }'
  [[ ${PIPESTATUS[0]} -eq 0 ]] || die "make failed; see $work/make.log (tail: $(tail -n 5 "$work/make.log" | tr '\n' ' '))"

  log "installing"
  rm -rf "$prefix"
  (cd "$srcdir" && make install) >"$work/install.log" 2>&1 || die "make install failed; see $work/install.log"
  mkdir -p "$prefix/etc/conf.d"
  recipe_id >"$prefix/.goos-complete"
  rm -rf "$work"
  log "built PHP $version in $prefix"
  echo "$prefix"
}

[[ -n "${GOOS_PHP_PREFIX:-}" ]] && use_prefix "$GOOS_PHP_PREFIX"

# Which source, and so which prefix.
if [[ -n "${GOOS_PHP_SOURCE:-}" ]]; then
  source_path=$(realpath -e "$GOOS_PHP_SOURCE" 2>/dev/null) || die "GOOS_PHP_SOURCE=$GOOS_PHP_SOURCE does not exist"
  if [[ -d "$source_path" ]]; then
    version=$(tree_version "$source_path")
    id=$(printf '%s' "$source_path" | sha256sum | cut -c1-12)
  else
    version=$(tarball_version "$source_path")
    id=$(sha256sum "$source_path" | cut -c1-12)
  fi
  [[ -n "$version" ]] || die "GOOS_PHP_SOURCE=$GOOS_PHP_SOURCE is not a PHP source tarball or tree (no main/php_version.h)"
  [[ "$version" == "$major".* ]] || die "GOOS_PHP_SOURCE=$GOOS_PHP_SOURCE is PHP $version, not PHP $major"
  prefix="$cache/php-$version-zts-$variant-src-$id"
else
  version=$(awk -v k="php-$major" '$1 == k { v = $3; sub(/^[0-9]+:/, "", v); sub(/-[^-]*$/, "", v); print v }' \
    "${GOOS_SOURCE_PINS:-$here/source-pins.txt}")
  [[ -n "$version" ]] || die "no pin for php-$major in scripts/source-pins.txt"
  prefix="$cache/php-$version-zts-$variant"
fi

if is_complete "$prefix"; then
  log "using cached build $prefix"
  echo "$prefix"
  exit 0
fi

mkdir -p "$cache"
exec 9>"$cache/.lock-php$major-$variant"
flock 9
if is_complete "$prefix"; then # built by a concurrent call while we waited
  echo "$prefix"
  exit 0
fi
goos_apt_install "${PHP_BUILD_DEPS[@]}"
if [[ -z "${GOOS_PHP_SOURCE:-}" ]]; then
  read -r got source_path < <("$here/fetch-source.sh" "php-$major" "$cache/dl") ||
    die "no PHP $major source could be fetched (see above). To build from a tarball you have:
  GOOS_PHP_SOURCE=/path/to/php-$major.N.tar.xz $0 $major $variant"
  if [[ "$got" != "$version" ]]; then
    log "note: building PHP $got, not the pinned $version (the pinned one could not be fetched)"
    version="$got"
    prefix="$cache/php-$version-zts-$variant"
    if is_complete "$prefix"; then
      echo "$prefix"
      exit 0
    fi
  fi
fi
log "building PHP $version ($variant) from source: about 10 minutes on 2 cores; cached afterwards in $prefix"
build "$source_path" "$version" "$prefix"
