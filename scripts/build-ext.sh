#!/usr/bin/env bash
# Builds goos.so against one PHP and prints its path.
#
#   scripts/build-ext.sh <php prefix>      e.g. ~/.cache/goos/php-8.4.24-zts-debug
#
# phpize writes its output next to config.m4, and every PHP version writes a
# different one, so each PHP gets a copy of the sources in build/ext/<prefix name>.
# The copy is refreshed file by file (unchanged files keep their mtime, so make
# stays incremental) and configure runs again only when the build inputs change.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
root=$(goos_root)
prefix="${1:?usage: $0 <php prefix>}"
php_config="$prefix/bin/php-config"
[[ -x "$php_config" ]] || goos_die "$php_config not found: build PHP first (scripts/php-zts.sh)"

build="$root/build/ext/$(basename "$prefix")"
mkdir -p "$build"

# The inputs of the extension build, relative to the root.
mapfile -t inputs < <(cd "$root" && ls config.m4 config.w32 php_goos.h goos.stub.php goos_arginfo.h &&
  find include src -type f \( -name '*.h' -o -name '*.cc' \) | sort)

# Copy what changed; remove sources that no longer exist.
for f in "${inputs[@]}"; do
  if ! cmp -s "$root/$f" "$build/$f"; then
    mkdir -p "$build/$(dirname "$f")"
    cp "$root/$f" "$build/$f"
  fi
done
if [[ -d "$build/src" ]]; then
  while IFS= read -r f; do
    [[ -e "$root/$f" ]] || rm -f "$build/$f"
  done < <(cd "$build" && find include src -type f \( -name '*.h' -o -name '*.cc' \))
fi

# configure again when config.m4 or the list of sources changed.
stamp=$( { cat "$build/config.m4"; printf '%s\n' "${inputs[@]}"; echo "$php_config"; } | sha256sum | cut -c1-16)
if [[ ! -f "$build/Makefile" || "$(cat "$build/.goos-configured" 2>/dev/null)" != "$stamp" ]]; then
  goos_log "configuring goos for $(basename "$prefix")"
  (cd "$build" && "$prefix/bin/phpize" >phpize.log 2>&1) || goos_die "phpize failed; see $build/phpize.log"
  (cd "$build" && ./configure --with-php-config="$php_config" --enable-goos --enable-goos-dev \
    >configure.log 2>&1) || goos_die "configure failed; see $build/configure.log: $(grep -m1 'error:' "$build/configure.log")"
  echo "$stamp" >"$build/.goos-configured"
fi

goos_log "compiling goos for $(basename "$prefix")"
(cd "$build" && make -j"${GOOS_JOBS:-$(nproc)}" >make.log 2>&1) || {
  grep -E ': error|: fatal error|Error [0-9]' "$build/make.log" | head -n 20 >&2
  goos_die "building goos failed; see $build/make.log"
}
echo "$build/modules/goos.so"
