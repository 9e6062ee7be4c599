#!/usr/bin/env bash
# Tests of scripts/fetch-source.sh and of php-zts.sh's escape hatches, with no
# network: a fake Debian archive (indices and pool) served on loopback by
# Python's http.server, and a private apt configuration (APT_CONFIG) naming it,
# so the machine's apt state is never touched. Each case shows one step of the
# fallback being taken, so removing a step fails a case.
#
#   tests/scripts/fetch_source_test.sh      prints "N passed, N failed" last
set -uo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
tmp=$(mktemp -d)
server=""
cleanup() {
  [[ -n "$server" ]] && kill "$server" 2>/dev/null
  rm -rf "$tmp"
}
trap cleanup EXIT

www="$tmp/www"
mkdir -p "$www/debian"
arch=$(dpkg --print-architecture)

# The server: port 0 lets the kernel choose; its first line names the port.
python3 -u -m http.server 0 --bind 127.0.0.1 --directory "$www" >"$tmp/server.log" 2>&1 &
server=$!
port=""
for _ in $(seq 100); do
  port=$(sed -n 's/.*port \([0-9]*\).*/\1/p' "$tmp/server.log" | head -n 1)
  [[ -n "$port" ]] && break
  sleep 0.1
done
[[ -n "$port" ]] || {
  echo "the HTTP server did not start: $(cat "$tmp/server.log")" >&2
  echo "0 passed, 1 failed"
  exit 1
}
archive="http://127.0.0.1:$port/debian"

# --- The fake archive ---------------------------------------------------------

# make_php_tarball <version> <file>: a tiny tree shaped like PHP's.
make_php_tarball() {
  local d="$tmp/mk/php-$1"
  rm -rf "$tmp/mk"
  mkdir -p "$d/main"
  printf '#define PHP_VERSION "%s"\n' "$1" >"$d/main/php_version.h"
  printf '#!/bin/sh\necho fake configure\n' >"$d/configure"
  # Reproducible: the same version always gives the same bytes.
  touch -d @0 "$d" "$d/main" "$d/main/php_version.h" "$d/configure"
  tar --sort=name --owner=0 --group=0 --numeric-owner --mtime=@0 -cJf "$2" -C "$tmp/mk" "php-$1"
}

sha() { sha256sum "$1" | cut -d' ' -f1; }

# add_version <Debian version> [corrupt]: the pool files of php8.4 at that
# version (.dsc and orig tarball); with "corrupt", the tarball served is not
# the one the .dsc and the index describe.
add_version() {
  local debver="$1" up="${1%-*}" pool="$www/debian/pool/main/p/php8.4"
  mkdir -p "$pool"
  make_php_tarball "$up" "$pool/php8.4_$up.orig.tar.xz"
  local h s
  h=$(sha "$pool/php8.4_$up.orig.tar.xz")
  s=$(stat -c %s "$pool/php8.4_$up.orig.tar.xz")
  printf 'Format: 3.0 (quilt)\nSource: php8.4\nVersion: %s\nChecksums-Sha256:\n %s %s php8.4_%s.orig.tar.xz\n' \
    "$debver" "$h" "$s" "$up" >"$pool/php8.4_$debver.dsc"
  [[ "${2:-}" == corrupt ]] && echo "tampered" | xz >"$pool/php8.4_$up.orig.tar.xz"
  return 0
}

# index <Debian version>...: trixie's Sources lists these versions of php8.4
# (with the checksums of the files as they were made, before any corruption).
index() {
  local out="$tmp/Sources" v up dsc
  : >"$out"
  for v in "$@"; do
    up="${v%-*}"
    dsc="$www/debian/pool/main/p/php8.4/php8.4_$v.dsc"
    local dsc_sha dsc_size dsc_md5 orig_sha orig_size
    dsc_sha=$(sha "$dsc") dsc_size=$(stat -c %s "$dsc") dsc_md5=$(md5sum "$dsc" | cut -d' ' -f1)
    # The orig's checksums as the .dsc states them (an index agrees with its .dsc).
    read -r orig_sha orig_size _ < <(awk '/^ / { print $1, $2 }' "$dsc")
    {
      printf 'Package: php8.4\nBinary: php8.4-cli\nVersion: %s\nMaintainer: nobody <nobody@localhost>\n' "$v"
      printf 'Architecture: any\nFormat: 3.0 (quilt)\nDirectory: pool/main/p/php8.4\n'
      printf 'Files:\n %s %s php8.4_%s.dsc\n %s %s php8.4_%s.orig.tar.xz\n' \
        "$dsc_md5" "$dsc_size" "$v" "00000000000000000000000000000000" "$orig_size" "$up"
      printf 'Checksums-Sha256:\n %s %s php8.4_%s.dsc\n %s %s php8.4_%s.orig.tar.xz\n\n' \
        "$dsc_sha" "$dsc_size" "$v" "$orig_sha" "$orig_size" "$up"
    } >>"$out"
  done
  local suite
  for suite in bookworm bookworm-updates trixie trixie-updates; do
    local d="$www/debian/dists/$suite"
    rm -rf "$d"
    mkdir -p "$d/main/source" "$d/main/binary-$arch"
    : >"$d/main/binary-$arch/Packages"
    if [[ "$suite" == trixie ]]; then cp "$out" "$d/main/source/Sources"; else : >"$d/main/source/Sources"; fi
    {
      printf 'Origin: Debian\nLabel: Debian\nSuite: %s\nCodename: %s\nDate: %s\n' "$suite" "${suite%%-*}" "$(date -Ru)"
      printf 'Architectures: %s\nComponents: main\nSHA256:\n' "$arch"
      for f in "main/source/Sources" "main/binary-$arch/Packages"; do
        printf ' %s %s %s\n' "$(sha "$d/$f")" "$(stat -c %s "$d/$f")" "$f"
      done
    } >"$d/Release"
  done
}

reset_archive() {
  rm -rf "$www/debian"
  mkdir -p "$www/debian"
}

# --- One case: a private apt configuration, a pins file, a download dir --------

pins="$tmp/pins"
# apt_setup <one-line|deb822>: the machine's configuration, in either format.
apt_setup() {
  case_dir="$tmp/case-$RANDOM$RANDOM"
  mkdir -p "$case_dir"/etc/apt/{sources.list.d,apt.conf.d,preferences.d,trusted.gpg.d} \
    "$case_dir"/state/lists/partial "$case_dir"/cache/archives/partial "$case_dir/dl"
  : >"$case_dir/status"
  cat >"$case_dir/apt.conf" <<EOF
Dir::Etc "$case_dir/etc/apt";
Dir::State "$case_dir/state";
Dir::State::status "$case_dir/status";
Dir::Cache "$case_dir/cache";
APT::Architecture "$arch";
APT::Sandbox::User "root";
Acquire::Languages "none";
Debug::NoLocking "true";
EOF
  if [[ "$1" == one-line ]]; then
    printf '# the machine'"'"'s archive\ndeb [trusted=yes] %s bookworm main\ndeb [trusted=yes] %s bookworm-updates main\n' \
      "$archive" "$archive" >"$case_dir/etc/apt/sources.list"
  else
    printf 'Types: deb\n# a comment\nURIs: %s\nSuites: bookworm bookworm-updates\nComponents: main\nTrusted: yes\n' \
      "$archive" >"$case_dir/etc/apt/sources.list.d/debian.sources"
  fi
}

# fetch: runs fetch-source.sh for the fake pin; sets $out, $err, $status.
fetch() {
  APT_CONFIG="$case_dir/apt.conf" GOOS_SOURCE_PINS="$pins" GOOS_DEBIAN_CODENAME=bookworm \
    "$root/scripts/fetch-source.sh" php-8.4 "$case_dir/dl" >"$case_dir/out" 2>"$case_dir/err"
  status=$?
  out=$(cat "$case_dir/out")
  err=$(cat "$case_dir/err")
}

passed=0 failed=0
check() { # check <case> <description> <condition...>
  local name="$1" what="$2"
  shift 2
  if "$@"; then
    passed=$((passed + 1))
    printf 'ok    %s: %s\n' "$name" "$what"
  else
    failed=$((failed + 1))
    printf 'FAIL  %s: %s\n' "$name" "$what"
    sed 's/^/        | /' "$case_dir/err" 2>/dev/null | tail -n 25
  fi
}
has() { grep -qF -- "$1" <<<"$2"; }
failed_with() { [[ "$status" -ne 0 ]] && has "$1" "$err"; }

# The pin: 8.4.24, whose true tarball is the one add_version makes.
pin_pool_sha() {
  make_php_tarball 8.4.24 "$tmp/pinned.tar.xz"
  printf '# fake pins\nphp-8.4 php8.4 8.4.24-1~deb13u1 php8.4_8.4.24.orig.tar.xz %s\n' "$(sha "$tmp/pinned.tar.xz")" >"$pins"
}
pin_pool_sha
dest_file() { echo "$case_dir/dl/$1"; }

# 1. The index lists the pinned version: apt-get source fetches it.
reset_archive
add_version 8.4.24-1~deb13u1
add_version 8.4.30-1
index 8.4.30-1 8.4.24-1~deb13u1
apt_setup deb822
fetch
check index "the pinned version is fetched" [ "$status" -eq 0 -a "$out" == "8.4.24 $(dest_file php8.4_8.4.24.orig.tar.xz)" ]
check index "through apt-get source (step 1)" has "1. pinned php8.4 8.4.24: listed in the index" "$err"
check index "deb-src entries name the archive apt uses, for bookworm and trixie" \
  grep -qx "Suites: bookworm-updates trixie-updates bookworm trixie" "$case_dir/etc/apt/sources.list.d/goos-src.sources"
check index "and the same URI" grep -qx "URIs: $archive" "$case_dir/etc/apt/sources.list.d/goos-src.sources"
check index "the checked tarball is what the pin says" [ "$(sha "$(dest_file php8.4_8.4.24.orig.tar.xz)")" == "$(sha "$tmp/pinned.tar.xz")" ]
# Again: the download is reused, nothing is fetched.
fetch
check index "a second run reuses the checked download" has "already downloaded" "$err"

# 2. The index has moved on, the pool still serves the pinned tarball.
reset_archive
add_version 8.4.24-1~deb13u1
add_version 8.4.30-1
index 8.4.30-1
apt_setup one-line
fetch
check pool "the pinned version is fetched, not the indexed 8.4.30" [ "$status" -eq 0 -a "$out" == "8.4.24 $(dest_file php8.4_8.4.24.orig.tar.xz)" ]
check pool "straight from the pool (step 2)" has "2. pinned php8.4 8.4.24: trying the pool" "$err"
check pool "one-line sources give the deb-src entries too" \
  grep -qx "URIs: $archive" "$case_dir/etc/apt/sources.list.d/goos-src.sources"

# 3. The pinned version is gone: the newest indexed version whose files are there.
reset_archive
add_version 8.4.31-1
add_version 8.4.30-1
rm "$www/debian/pool/main/p/php8.4/php8.4_8.4.31.orig.tar.xz" # indexed, not served
index 8.4.30-1 8.4.31-1
apt_setup deb822
fetch
check other "the newest version that can be fetched is used" [ "$status" -eq 0 -a "$out" == "8.4.30 $(dest_file php8.4_8.4.30.orig.tar.xz)" ]
check other "8.4.31 was tried first (newest first)" has "3. php8.4 8.4.31-1 (not the pinned 8.4.24)" "$err"
check other "its missing tarball is named" has "could not download $archive/pool/main/p/php8.4/php8.4_8.4.31.orig.tar.xz" "$err"
check other "then 8.4.30 (step 3)" has "3. php8.4 8.4.30-1" "$err"

# 4. A tarball that is not what the pin says is refused, wherever it comes from.
reset_archive
add_version 8.4.24-1~deb13u1 corrupt
index 8.4.24-1~deb13u1
apt_setup deb822
fetch
check bad-pin "nothing is fetched" [ "$status" -ne 0 -a -z "$out" ]
check bad-pin "the refusal names the file and both checksums" \
  has "refused php8.4_8.4.24.orig.tar.xz: its SHA-256 is $(sha "$www/debian/pool/main/p/php8.4/php8.4_8.4.24.orig.tar.xz"), but pins says $(sha "$tmp/pinned.tar.xz")" "$err"
check bad-pin "the refused file is not left behind" [ ! -e "$(dest_file php8.4_8.4.24.orig.tar.xz)" ]

# 5. A version that is not pinned is checked against its .dsc.
reset_archive
add_version 8.4.30-1 corrupt
index 8.4.30-1
apt_setup deb822
fetch
check bad-dsc "nothing is fetched" [ "$status" -ne 0 -a -z "$out" ]
check bad-dsc "the refusal names the .dsc" has "but php8.4_8.4.30-1.dsc says" "$err"

# 6. Nothing anywhere: the error names every URL tried.
reset_archive
index
apt_setup one-line
fetch
check nothing "fails" [ "$status" -ne 0 -a -z "$out" ]
check nothing "says nothing could be fetched" has "no source for php8.4 could be fetched and checked. Tried:" "$err"
check nothing "names the pool URLs tried" has "  $archive/pool/main/p/php8.4/php8.4_8.4.24.orig.tar.xz" "$err"
check nothing "including the security pool's layout" has "  $archive/pool/updates/main/p/php8.4/php8.4_8.4.24.orig.tar.xz" "$err"
check nothing "and that no index lists a version" has "apt-cache showsrc php8.4 lists no version" "$err"

# 7. php-zts.sh's escape hatches refuse what cannot work, before building.
case_dir="$tmp/hatch"
mkdir -p "$case_dir/nts/bin" "$case_dir/zts/bin"
for kind in nts zts; do
  zts=0
  [[ "$kind" == zts ]] && zts=1
  printf '#!/bin/sh\necho "8.3 8.3.9 %s 0"\n' "$zts" >"$case_dir/$kind/bin/php"
  printf '#!/bin/sh\n' >"$case_dir/$kind/bin/php-config"
  chmod +x "$case_dir/$kind/bin/php" "$case_dir/$kind/bin/php-config"
done
GOOS_CACHE="$case_dir/cache" GOOS_PHP_PREFIX="$case_dir/nts" "$root/scripts/php-zts.sh" 8.4 debug >"$case_dir/out" 2>"$case_dir/err"
status=$? err=$(cat "$case_dir/err")
check prefix "a PHP without ZTS is refused, saying so" \
  failed_with "is PHP 8.3.9 without thread safety (ZTS)"
GOOS_CACHE="$case_dir/cache" GOOS_PHP_PREFIX="$case_dir/zts" "$root/scripts/php-zts.sh" 8.4 debug >"$case_dir/out" 2>"$case_dir/err"
status=$? err=$(cat "$case_dir/err")
check prefix "a ZTS PHP of another line is refused, naming both" \
  failed_with "is PHP 8.3.9, but PHP 8.4 was asked for"
make_php_tarball 8.3.9 "$case_dir/php-8.3.9.tar.xz"
GOOS_CACHE="$case_dir/cache" GOOS_PHP_SOURCE="$case_dir/php-8.3.9.tar.xz" "$root/scripts/php-zts.sh" 8.4 debug \
  >"$case_dir/out" 2>"$case_dir/err"
status=$? err=$(cat "$case_dir/err")
check source "a source tarball of another line is refused" \
  failed_with "is PHP 8.3.9, not PHP 8.4"

echo "$passed passed, $failed failed"
((failed == 0))
