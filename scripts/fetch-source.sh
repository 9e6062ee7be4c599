#!/usr/bin/env bash
# Fetches the upstream tarball of a pinned source (scripts/source-pins.txt) and
# checks it before anyone unpacks it.
#
#   scripts/fetch-source.sh <key> <download dir>     e.g. php-8.4 ~/.cache/goos/dl
#
# Prints "<upstream version> <tarball path>" on stdout; progress goes to stderr.
# The tries, in order, each stopping at the first tarball that checks out:
#   1. the pinned version through apt-get source, when an index lists it
#      (checked against the SHA-256 committed in source-pins.txt);
#   2. the pinned version's tarball straight from the pool path under each
#      archive URI of the machine's apt configuration (same check): an archive's
#      pool keeps serving files its index has stopped listing;
#   3. every other version the indices list, newest first (checked against its
#      .dsc, itself checked against the index).
# No archive host is written here: every URI comes from apt's configuration.
# GOOS_SOURCE_PINS names another pins file (the tests' fake archive uses it).
set -euo pipefail
here="$(dirname "${BASH_SOURCE[0]}")"
source "$here/lib.sh"
source "$here/lib-apt.sh"

key="${1:-}"
dest="${2:-}"
[[ -n "$key" && -n "$dest" ]] || {
  echo "usage: $0 <key> <download dir>" >&2
  exit 2
}
pins="${GOOS_SOURCE_PINS:-$here/source-pins.txt}"
readonly APT_HELPER=/usr/lib/apt/apt-helper

log() { printf '[fetch %s] %s\n' "$key" "$*" >&2; }
die() {
  printf '[fetch %s] error: %s\n' "$key" "$*" >&2
  exit 1
}

read -r _ src pin_debver pin_file pin_sha < <(awk -v k="$key" '$1 == k' "$pins") ||
  die "no pin named $key in $pins"
[[ -n "$pin_sha" ]] || die "the pin $key in $pins is incomplete"
upstream_of() { # 1:8.4.24-1~deb13u1 -> 8.4.24
  local v="${1#*:}"
  echo "${v%-*}"
}
pin_upstream=$(upstream_of "$pin_debver")

mkdir -p "$dest"
fetch_log="$dest/fetch.log"
: >"$fetch_log"
declare -a tried=()

# download <url> <file>: nothing is left behind on failure.
download() {
  tried+=("$1")
  rm -f "$2"
  if "$APT_HELPER" download-file "$1" "$2" >>"$fetch_log" 2>&1 && [[ -s "$2" ]]; then
    return 0
  fi
  log "  could not download $1"
  rm -f "$2"
  return 1
}

# verify <file> <expected SHA-256> <who says so>: a mismatch deletes the file.
verify() {
  local got
  got=$(sha256sum "$1" | cut -d' ' -f1)
  [[ "$got" == "$2" ]] && return 0
  log "  refused $(basename "$1"): its SHA-256 is $got, but $3 says $2"
  rm -f "$1"
  return 1
}

# The versions of the source package that apt's indices list, newest first.
index_versions() {
  apt-cache showsrc "$src" 2>/dev/null |
    awk -v p="$src" '/^Package:/ { pkg = $2 } /^Version:/ && pkg == p { print $2 }' |
    sort -u | sort -rV
}

# "<url> <file name> <SHA-256>" for each file apt-get source would download.
index_uris() {
  apt-get source --print-uris -qq "$src=$1" 2>>"$fetch_log" |
    awk '/^\x27/ { url = $1; gsub(/\x27/, "", url); h = $4; sub(/^SHA256:/, "", h); print url, $2, h }'
}

# fetch_from_index <version> <pin SHA-256 or "">: sets $tarball to the orig
# tarball of that version as the index gives it, checked against the pin, or
# against the .dsc when the version is not the pinned one. (Not in a subshell:
# it adds to $tried.)
fetch_from_index() {
  local version="$1" want="$2" url name hash dsc="" dsc_url="" dsc_hash="" orig="" orig_url=""
  while read -r url name hash; do
    case "$name" in
    *.dsc) dsc="$name" dsc_url="$url" dsc_hash="$hash" ;;
    *.orig.tar.*.asc) ;;
    *.orig.tar.*) orig="$name" orig_url="$url" ;;
    esac
  done < <(index_uris "$version")
  [[ -n "$orig" ]] || {
    log "  apt-get source --print-uris $src=$version names no upstream tarball"
    return 1
  }
  if [[ -z "$want" ]]; then
    [[ -n "$dsc" ]] || {
      log "  apt-get source --print-uris $src=$version names no .dsc"
      return 1
    }
    download "$dsc_url" "$dest/$dsc" || return 1
    verify "$dest/$dsc" "$dsc_hash" "the index" || return 1
    want=$(awk -v f="$orig" '/^Checksums-Sha256:/ { s = 1; next } /^[^ ]/ { s = 0 } s && $3 == f { print $1 }' "$dest/$dsc")
    [[ -n "$want" ]] || {
      log "  $dsc lists no SHA-256 for $orig"
      return 1
    }
    download "$orig_url" "$dest/$orig" || return 1
    verify "$dest/$orig" "$want" "$dsc" || return 1
  else
    download "$orig_url" "$dest/$orig" || return 1
    verify "$dest/$orig" "$want" "$(basename "$pins")" || return 1
  fi
  tarball="$dest/$orig"
}

found() { # found <upstream version> <tarball>
  log "got $(basename "$2") (upstream $1)"
  echo "$1 $2"
  exit 0
}

# Downloaded before (a rebuild with another configure line)?
if [[ -f "$dest/$pin_file" ]] && verify "$dest/$pin_file" "$pin_sha" "$(basename "$pins")"; then
  log "pinned $src $pin_upstream: already downloaded"
  found "$pin_upstream" "$dest/$pin_file"
fi

goos_apt_enable_deb_src bookworm trixie ||
  log "the source indices could not be updated; trying the pool directly"
mapfile -t versions < <(index_versions)

# 1. The pinned version, through apt-get source.
for v in "${versions[@]}"; do
  [[ "$(upstream_of "$v")" == "$pin_upstream" ]] || continue
  log "1. pinned $src $pin_upstream: listed in the index as $v, fetching through apt-get source"
  fetch_from_index "$v" "$pin_sha" && found "$pin_upstream" "$tarball"
  break
done

# 2. The pinned version, straight from each archive's pool.
mapfile -t uris < <(goos_debian_archives | cut -f1 | sort -u)
log "2. pinned $src $pin_upstream: trying the pool of each archive apt uses (${#uris[@]})"
for uri in "${uris[@]}"; do
  for pool in pool/main pool/updates/main; do
    url="${uri%/}/$pool/${src:0:1}/$src/$pin_file"
    download "$url" "$dest/$pin_file" && verify "$dest/$pin_file" "$pin_sha" "$(basename "$pins")" &&
      found "$pin_upstream" "$dest/$pin_file"
  done
done

# 3. Any other version the indices list, newest first.
for v in "${versions[@]}"; do
  [[ "$(upstream_of "$v")" == "$pin_upstream" ]] && continue
  log "3. $src $v (not the pinned $pin_upstream), from the index, checked against its .dsc"
  fetch_from_index "$v" "" && found "$(upstream_of "$v")" "$tarball"
done

{
  printf '[fetch %s] error: no source for %s could be fetched and checked. Tried:\n' "$key" "$src"
  printf '  %s\n' "${tried[@]}"
  ((${#versions[@]} > 0)) || printf '  (apt-cache showsrc %s lists no version: no index names it)\n' "$src"
  printf '  (details in %s)\n' "$fetch_log"
} >&2
exit 1
