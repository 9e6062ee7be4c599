#!/usr/bin/env bash
# Builds (once) and prints the install prefix of a thread-safe (ZTS) PHP.
#
#   scripts/php-zts.sh <8.4|8.2> <debug|release>
#
# Debian's own PHP is not thread-safe, so goos builds one from Debian's source
# package: php8.4 from trixie, php8.2 from bookworm. The result is installed in
#   ${GOOS_CACHE:-~/.cache/goos}/php-<full version>-zts-<variant>
# and reused on every later call, so only the first run pays the ~6 minutes.
# The prefix is the only thing printed on stdout; progress goes to stderr.
#
# Why upstream source without Debian's patches: the patches adapt PHP to Debian's
# file layout (system tzdata, shared libtool, PEAR paths). A private ZTS prefix
# wants none of that, and the unpatched tarball ships its generated configure.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

readonly RECIPE=1 # bump when the configure line below changes: forces a rebuild
major="${1:-}"
variant="${2:-}"
case "$major" in 8.4) suite=trixie ;; 8.2) suite=bookworm ;; *) major="" ;; esac
case "$variant" in debug | release) ;; *) variant="" ;; esac
if [[ -z "$major" || -z "$variant" ]]; then
  echo "usage: $0 <8.4|8.2> <debug|release>" >&2
  exit 2
fi

cache="${GOOS_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/goos}"
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
    --enable-mysqlnd --with-pdo-mysql=mysqlnd --with-pdo-pgsql --with-pdo-sqlite
    --with-curl --with-openssl --with-zlib --enable-mbstring
    --without-pear
  )
  [[ "$variant" == debug ]] && args+=(--enable-debug)
  printf '%s\n' "${args[@]}"
}

recipe_id() { { echo "$RECIPE"; configure_args PREFIX; } | sha256sum | cut -c1-16; }

# A finished build of this major version and variant, if any (newest first).
find_cached() {
  local dir
  for dir in $(ls -d "$cache/php-$major".*-zts-"$variant" 2>/dev/null | sort -rV); do
    if [[ -f "$dir/.goos-complete" && "$(cat "$dir/.goos-complete")" == "$(recipe_id)" ]]; then
      echo "$dir"
      return 0
    fi
  done
  return 1
}

# What PHP's configure line below needs, as bookworm packages.
readonly PHP_BUILD_DEPS=(
  build-essential pkg-config dpkg-dev xz-utils autoconf bison re2c
  libxml2-dev libsqlite3-dev libcurl4-openssl-dev libssl-dev zlib1g-dev
  libonig-dev libpq-dev
)

# deb-src entries for bookworm and trixie, in a file of our own (sources.list is
# left alone). Only source indices come from trixie: no binary package does.
readonly SOURCES_FILE=/etc/apt/sources.list.d/goos-src.sources
enable_deb_src() {
  [[ -f "$SOURCES_FILE" ]] && return 0
  log "enabling deb-src for bookworm and trixie in $SOURCES_FILE"
  local tmp
  tmp=$(mktemp)
  local keyring=/usr/share/keyrings/debian-archive-keyring.gpg
  for s in bookworm trixie; do
    printf 'Types: deb-src\nURIs: http://deb.debian.org/debian\nSuites: %s %s-updates\nComponents: main\nSigned-By: %s\n\n' "$s" "$s" "$keyring"
    printf 'Types: deb-src\nURIs: http://deb.debian.org/debian-security\nSuites: %s-security\nComponents: main\nSigned-By: %s\n\n' "$s" "$keyring"
  done >"$tmp"
  goos_as_root install -m 0644 "$tmp" "$SOURCES_FILE"
  rm -f "$tmp"
  goos_as_root apt-get update -qq || die "apt-get update failed after adding $SOURCES_FILE"
}

# Downloads the source package into $1, trying the candidate first and then every
# other version apt-cache lists (security updates are sometimes missing from the
# pool). Prints the Debian version that was fetched.
fetch_source() {
  local dir="$1" version
  local -a versions
  mapfile -t versions < <(apt-cache showsrc "php$major" 2>/dev/null |
    awk '/^Version:/ {print $2}' | sort -rV | uniq)
  ((${#versions[@]} > 0)) || die "apt-cache showsrc php$major lists nothing: is deb-src for $suite enabled? (see $SOURCES_FILE)"
  for version in "${versions[@]}"; do
    log "fetching source php$major=$version"
    if (cd "$dir" && apt-get source --download-only -qq "php$major=$version" >/dev/null 2>&1); then
      echo "$version"
      return 0
    fi
    log "php$major=$version is not in the pool, trying an older version"
    rm -f "$dir"/*
  done
  die "none of php$major ${versions[*]} could be downloaded; check the network and 'apt-get source php$major'"
}

build() {
  local work dsc debver upstream prefix srcdir
  work="$cache/work/php$major-$variant"
  rm -rf "$work"
  mkdir -p "$work/dl"
  debver=$(fetch_source "$work/dl")
  upstream="${debver%%-*}"
  upstream="${upstream#*:}"
  prefix="$cache/php-$upstream-zts-$variant"
  srcdir="$work/php-$upstream"

  log "unpacking php $upstream (upstream source, Debian patches not applied)"
  dsc=$(ls "$work"/dl/*.dsc)
  dpkg-source --skip-patches -x "$dsc" "$srcdir" >/dev/null 2>&1 ||
    die "dpkg-source could not unpack $dsc"

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
  echo "$prefix"
}

if prefix=$(find_cached); then
  log "using cached build $prefix"
  echo "$prefix"
  exit 0
fi

goos_apt_install "${PHP_BUILD_DEPS[@]}"
enable_deb_src
log "no cached build in $cache: building (about 6 minutes on two cores)"
mkdir -p "$cache"
exec 9>"$cache/.lock-php$major-$variant"
flock 9
if prefix=$(find_cached); then # built by a concurrent call while we waited
  echo "$prefix"
  exit 0
fi
build
