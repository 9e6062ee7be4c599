#!/usr/bin/env bash
# Regenerates goos_arginfo.h from goos.stub.php with php-src's own gen_stub.php.
#
#   scripts/gen-stub.sh            rewrite goos_arginfo.h
#   scripts/gen-stub.sh --check    fail if goos_arginfo.h is not what the stub gives
#
# gen_stub.php comes with the ZTS PHP 8.4 build. It needs nikic/PHP-Parser, which it
# would download from the network; instead it gets the parser from Debian's source
# package php-parser (pure PHP, so the source is the library), cached next to PHP.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
root=$(goos_root)
cache="${GOOS_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/goos}"

php_prefix=$("$root/scripts/php-zts.sh" 8.4 debug)
php="$php_prefix/bin/php"
gen_stub="$php_prefix/lib/php/build/gen_stub.php"
[[ -f "$gen_stub" ]] || goos_die "$gen_stub is missing: the PHP 8.4 build is incomplete"

# gen_stub.php looks for the parser in PHP-Parser-<version> beside itself.
wanted=$(sed -n 's/^ *\$version = "\([0-9.]*\)";/\1/p' "$gen_stub" | head -n 1)
[[ -n "$wanted" ]] || goos_die "cannot tell which PHP-Parser version $gen_stub wants"

parser="$cache/php-parser-${wanted%%.*}"
if [[ ! -f "$parser/lib/PhpParser/Parser.php" ]]; then
  goos_log "fetching Debian's php-parser source for PHP-Parser $wanted"
  work=$(mktemp -d)
  trap 'rm -rf "$work"' EXIT
  # Newest packaged release with the same major version as the one gen_stub wants.
  version=$(apt-cache showsrc php-parser 2>/dev/null | awk '/^Version:/ {print $2}' |
    grep "^${wanted%%.*}\." | sort -rV | head -n 1)
  [[ -n "$version" ]] || goos_die "no php-parser ${wanted%%.*}.x in apt-cache showsrc (is trixie's deb-src enabled? scripts/php-zts.sh enables it)"
  (cd "$work" && apt-get source -qq "php-parser=$version" >/dev/null 2>&1) ||
    goos_die "apt-get source php-parser=$version failed"
  rm -rf "$parser"
  mkdir -p "$cache"
  mv "$work"/php-parser-*/ "$parser"
fi

# gen_stub.php resolves the parser relative to its own directory: run a copy of it.
tool=$(mktemp -d)
trap 'rm -rf "$tool"' EXIT
cp "$gen_stub" "$tool/gen_stub.php"
ln -s "$parser" "$tool/PHP-Parser-$wanted"

if [[ "${1:-}" == "--check" ]]; then
  cp "$root/goos.stub.php" "$tool/goos.stub.php"
  "$php" "$tool/gen_stub.php" -f "$tool/goos.stub.php" >/dev/null
  diff -u "$root/goos_arginfo.h" "$tool/goos_arginfo.h" >&2 ||
    goos_die "goos_arginfo.h is out of date: run scripts/gen-stub.sh and commit the result"
  goos_log "goos_arginfo.h matches goos.stub.php"
else
  "$php" "$tool/gen_stub.php" -f "$root/goos.stub.php"
  goos_log "wrote goos_arginfo.h"
fi
