#!/usr/bin/env bash
# Regenerates goos_arginfo.h from goos.stub.php with php-src's own gen_stub.php.
#
#   scripts/gen-stub.sh            rewrite goos_arginfo.h
#   scripts/gen-stub.sh --check    fail if goos_arginfo.h is not what the stub gives
#
# gen_stub.php comes with the ZTS PHP 8.4 build. It needs nikic/PHP-Parser, which it
# would download from the network; instead it gets the parser from Debian's source
# package php-parser (pure PHP, so the source is the library), pinned in
# scripts/source-pins.txt and cached next to PHP.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
root=$(goos_root)
cache=$(goos_cache)

php_prefix=$("$root/scripts/php-zts.sh" 8.4 debug)
php="$php_prefix/bin/php"
gen_stub="$php_prefix/lib/php/build/gen_stub.php"
[[ -f "$gen_stub" ]] || goos_die "$gen_stub is missing: the PHP 8.4 build is incomplete"

# gen_stub.php looks for the parser in PHP-Parser-<version> beside itself.
wanted=$(sed -n 's/^ *\$version = "\([0-9.]*\)";/\1/p' "$gen_stub" | head -n 1)
[[ -n "$wanted" ]] || goos_die "cannot tell which PHP-Parser version $gen_stub wants"

parser="$cache/php-parser-${wanted%%.*}"
if [[ ! -f "$parser/lib/PhpParser/Parser.php" ]]; then
  goos_log "fetching PHP-Parser ${wanted%%.*}.x (Debian's php-parser source, pinned in scripts/source-pins.txt)"
  read -r _ tarball < <("$root/scripts/fetch-source.sh" "php-parser-${wanted%%.*}" "$cache/dl") ||
    goos_die "no PHP-Parser ${wanted%%.*}.x could be fetched (see above)"
  work=$(mktemp -d)
  trap 'rm -rf "$work"' EXIT
  tar -xf "$tarball" -C "$work" || goos_die "could not unpack $tarball"
  rm -rf "$parser"
  mv "$work"/*/ "$parser"
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
