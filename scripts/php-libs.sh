#!/usr/bin/env bash
# Unpacks (once) Guzzle and the PHP libraries it needs, as Debian bookworm ships
# them, and prints the path of an autoloader that loads them.
#
#   scripts/php-libs.sh [<php prefix>]    prints e.g. ~/.cache/goos/php-libs-<hash>/autoload.php
#
# With a PHP prefix (a build of scripts/php-zts.sh), a new tree is loaded into
# that PHP once before it is kept, as a check. The tree does not depend on the
# PHP: one serves every build.
# Load them with `require $path;` (the tests read it from GOOS_GUZZLE_AUTOLOAD,
# which scripts/test.sh sets from this script's output).
#
# Why not `apt-get install php-guzzlehttp-guzzle`: the packages are pure PHP
# under /usr/share/php, but Guzzle's depends on php-json, a virtual package that
# only Debian's own PHP provides (php8.2-cli and friends), built without thread
# safety. Installing it would put a second, non-ZTS PHP on the machine for
# nothing. So the .debs are fetched with `apt-get download` (no root needed, no
# dependency resolution, the machine's apt configuration: no archive host is
# written here) and unpacked with `dpkg-deb -x` into the cache:
#
#   ${GOOS_CACHE:-~/.cache/goos}/php-libs-<hash of the pins>/
#     usr/share/php/...     the packages' files, as Debian lays them out
#     autoload.php          goos's entry point (see write_autoload below)
#     .goos-complete        the pins it was made from
#
# Each .deb is checked before it is unpacked: its control file's Package and
# Version must be the pinned ones, and its SHA-256 the pinned one. The directory
# is made in a temporary directory beside it and renamed into place, so a
# concurrent or interrupted run never leaves a half-made tree under that name.
#
# A pinned version the indices no longer list (a Debian point release or a
# security update replaced it) is handled as scripts/fetch-source.sh handles a
# source: 1. `apt-get download <pkg>=<version>` (after one `apt-get update` if
# the first try fails: a stale index), 2. the pinned file straight from the pool
# of each Debian archive apt uses (an archive's pool keeps files its index has
# stopped listing), checked against the pinned SHA-256, 3. the version the
# index lists now, checked by apt against the signed index, with a note on
# stderr saying the pins want moving. A tree made with such a fallback is kept
# in a directory named after what it holds, and is not reused by the next run
# (which tries the pins again): the pins below are what the tests are meant to
# run against.
#
# Progress goes to stderr; only the autoloader's path is printed on stdout.
set -euo pipefail
here="$(dirname "${BASH_SOURCE[0]}")"
source "$here/lib.sh"
source "$here/lib-apt.sh"

# Bump when write_autoload or the layout changes: forces a new tree.
readonly RECIPE=1

# The packages: Guzzle and, recursively, its Depends (apt-cache depends; php-json
# and php-common left out: php-json is the PHP itself, php-common holds
# Debian's PHP housekeeping, not code). To move a pin: `apt-cache show
# <pkg>=<version>` gives the Version, Source (the pool directory) and SHA256.
#
# package                            version             source                  SHA-256 of the .deb
readonly PINS="
php-guzzlehttp-guzzle              7.4.5-1             guzzle                  9d9bf1da6497cc3d6b3b1b28093a9ffd13621f6e2854ffd4f2d07d54fc836a06
php-guzzlehttp-psr7                2.4.5-1+deb12u1     php-guzzlehttp-psr7     62a536ac1e6f7fc47e6f36562e0049da3023b3adeac1be114c9fda2fbc08eb52
php-guzzlehttp-promises            1.5.2-1             php-guzzlehttp-promises f41979cf719c56acbb25338c8e5d95c10cd62648ce7b1c57c04b2f5efb259801
php-psr-http-client                1.0.1-2             php-psr-http-client     cdeefc7ef6d6f5bc5f7365eb9ee0fb5c653eb8eb260a5b3a3f8d7e9ed66166fc
php-psr-http-message               1.0.1-3             php-psr-http-message    84d562f2647f8173e5539d75b5816f97e3ca899052634c6c6b2b2cd78ac5f4c0
php-psr-http-factory               1.0.1-3             php-psr-http-factory    d10cbba5abdfaec5b19466d5a9e81c0dc20e839dad3ca25a54760489da3164cf
php-getallheaders                  3.0.3-3             php-getallheaders       a131725cdb5c2f4a8a8fde3eca35cef5a5c7de8077f7fe099ce4f510aa0cb0eb
php-symfony-deprecation-contracts  2.5.5-0+deb12u1     php-symfony-contracts   df200d35b124c18ce5f6b0c96746bb91158292e3501bafa72dc6a042212c8ac2
"
readonly APT_HELPER=/usr/lib/apt/apt-helper

log() { printf '[php-libs] %s\n' "$*" >&2; }
die() {
  printf '[php-libs] error: %s\n' "$*" >&2
  exit 1
}

pins() { awk 'NF == 4' <<<"$PINS"; }
tree_id() { { echo "$RECIPE"; pins; } | sha256sum | cut -c1-16; }

prefix="${1:-}"
if [[ -n "$prefix" ]]; then
  prefix=$(realpath -e "$prefix" 2>/dev/null) || goos_die "$1 does not exist: build PHP first (scripts/php-zts.sh)"
  [[ -x "$prefix/bin/php" ]] || goos_die "$prefix has no bin/php: give the prefix of a PHP build (scripts/php-zts.sh)"
fi
cache=$(goos_cache)
out="$cache/php-libs-$(tree_id)"
is_complete() { [[ -f "$1/autoload.php" && -f "$1/.goos-complete" ]]; }

if is_complete "$out"; then
  echo "$out/autoload.php"
  exit 0
fi

for tool in apt-get dpkg-deb sha256sum; do
  command -v "$tool" >/dev/null || die "$tool is missing: this script needs Debian's apt and dpkg"
done
mkdir -p "$cache/work"
work=$(mktemp -d "$cache/work/php-libs.XXXXXX")
trap 'rm -rf "$work"' EXIT
mkdir "$work/dl"
# apt's output, shown when nothing could be fetched. (As root, apt-get download
# warns that the _apt user cannot write to the cache's directory and downloads
# as root: harmless, each file is checked below.)
apt_log="$work/apt.log"

# check <file> <package> <version> <SHA-256 or "">: the .deb is the one wanted.
check() {
  local got
  got=$(dpkg-deb -f "$1" Package 2>/dev/null)
  [[ "$got" == "$2" ]] || {
    log "  refused $(basename "$1"): it is package '$got', not $2"
    return 1
  }
  got=$(dpkg-deb -f "$1" Version 2>/dev/null)
  [[ "$got" == "$3" ]] || {
    log "  refused $(basename "$1"): it is version '$got', not $3"
    return 1
  }
  [[ -z "$4" ]] && return 0
  got=$(sha256sum "$1" | cut -d' ' -f1)
  [[ "$got" == "$4" ]] || {
    log "  refused $(basename "$1"): its SHA-256 is $got, the pin says $4"
    return 1
  }
}

# apt_download <package>[=<version>]: into $work/dl; prints the file's path.
apt_download() {
  local before after
  before=$(ls "$work/dl")
  (cd "$work/dl" && apt-get download -q "$1") >>"$apt_log" 2>&1 || return 1
  after=$(comm -13 <(echo "$before") <(ls "$work/dl") | grep '\.deb$' | head -n 1)
  [[ -n "$after" ]] || return 1
  echo "$work/dl/$after"
}

updated=0
update_index() {
  ((updated)) && return 1
  updated=1
  local lists
  eval "$(apt-config shell lists Dir::State::lists/d)"
  log "  updating apt's indices (they may be stale)"
  goos_as_root_unless_writable "$lists" apt-get update -qq >>"$apt_log" 2>&1
}

# fetch <package> <version> <source> <SHA-256>: sets $fetched to the path of a
# checked .deb of the package, and $fallback to 1 when it is not the pinned one.
# (Not in a subshell: the index is updated once for all packages.)
fetch() {
  local pkg="$1" version="$2" src="$3" sha="$4" file uri pool url name
  # 1. Through apt's index, updated once if it does not know the version.
  if file=$(apt_download "$pkg=$version") || { update_index && file=$(apt_download "$pkg=$version"); }; then
    check "$file" "$pkg" "$version" "$sha" && fetched="$file" && return 0
    rm -f "$file"
  fi
  # 2. The pinned file, from the pool of each Debian archive apt uses.
  name="${pkg}_${version#*:}_all.deb"
  while read -r uri; do
    for pool in pool/main pool/updates/main; do
      url="${uri%/}/$pool/${src:0:1}/$src/$name"
      file="$work/dl/pool-$name"
      if "$APT_HELPER" download-file "$url" "$file" >>"$apt_log" 2>&1 && [[ -s "$file" ]] &&
        check "$file" "$pkg" "$version" "$sha"; then
        log "  $pkg $version: not in the index, taken from $url"
        fetched="$file"
        return 0
      fi
      rm -f "$file"
    done
  done < <(goos_debian_archives | cut -f1 | sort -u)
  # 3. Whatever version the index lists (apt checks it against the index).
  if file=$(apt_download "$pkg"); then
    local got
    got=$(dpkg-deb -f "$file" Version)
    if check "$file" "$pkg" "$got" ""; then
      log "  note: $pkg $version could not be fetched; using $got, the index's (move the pin in $0)"
      fetched="$file"
      fallback=1
      return 0
    fi
  fi
  return 1
}

# The entry point. Debian's autoload.php files pull in their dependencies'
# with include_path-relative requires (GuzzleHttp/autoload.php has
# `require_once 'GuzzleHttp/Promise/autoload.php';`, Psr7's has
# 'Psr/Http/Message/autoload.php', ...), written for Debian's PHP, whose
# include_path is ".:/usr/share/php". Our PHPs' include_path is "." and the
# files are not in /usr/share/php, so those requires would fail; and on a
# machine whose include_path does name /usr/share/php, they could load another
# version of a dependency than the one unpacked here. So this file points
# include_path at the unpacked tree alone while Debian's autoloaders run, and
# puts the caller's back afterwards: the dependencies come from this tree and
# no other, the "Suggest" lines (Psr/Log, Laminas) find nothing, and the
# caller's include_path is as it was. After loading nothing needs include_path:
# the registered autoloaders require their classes by __DIR__, absolute paths,
# which also holds in goroutines (goos registers the script's autoloaders in
# every interpreter that runs one).
write_autoload() {
  cat >"$1/autoload.php" <<'EOF'
<?php
// Made by goos's scripts/php-libs.sh: loads Guzzle and its dependencies from
// the Debian packages unpacked beside this file (see that script).
(static function (): void {
    $previous = set_include_path(__DIR__ . '/usr/share/php');
    try {
        require_once __DIR__ . '/usr/share/php/GuzzleHttp/autoload.php';
    } finally {
        set_include_path($previous);
    }
})();
EOF
}

log "fetching Guzzle and its dependencies (Debian packages, apt-get download)"
declare -a got_pins=()
fallback=0
mkdir "$work/tree"
while read -r pkg version src sha; do
  fetch "$pkg" "$version" "$src" "$sha" ||
    die "no checked .deb of $pkg $version could be fetched (apt's output: $(tail -n 5 "$apt_log" | tr '\n' ' '))"
  dpkg-deb -x "$fetched" "$work/tree" || die "dpkg-deb -x $fetched failed"
  got_pins+=("$pkg $(dpkg-deb -f "$fetched" Version) $src $(sha256sum "$fetched" | cut -d' ' -f1)")
done < <(pins)

if ((fallback)); then
  out="$cache/php-libs-$({ echo "$RECIPE"; printf '%s\n' "${got_pins[@]}"; } | sha256sum | cut -c1-16)"
fi
write_autoload "$work/tree"
printf '%s\n' "${got_pins[@]}" >"$work/tree/.goos-complete"
# It must load, and give the classes the tests use.
if [[ -n "$prefix" ]]; then
  # (Guzzle 7.4 predates PHP 8.4's deprecation of implicitly nullable
  # parameters: its functions.php files raise E_DEPRECATED on 8.4.)
  # shellcheck disable=SC2016 # PHP code, for PHP to expand
  "$prefix/bin/php" -n -d 'error_reporting=E_ALL & ~E_DEPRECATED' -r '
    require $argv[1];
    exit(class_exists("GuzzleHttp\\Client") && class_exists("GuzzleHttp\\Psr7\\Request")
      && interface_exists("Psr\\Http\\Client\\ClientInterface") ? 0 : 1);' \
    "$work/tree/autoload.php" >&2 || die "the unpacked Guzzle does not load through $work/tree/autoload.php"
fi

# Into place atomically: a concurrent run that got there first wins (its tree
# is the same), ours goes with the work dir.
if ! mv -T "$work/tree" "$out" 2>/dev/null; then
  is_complete "$out" || die "could not move the tree to $out"
fi
log "Guzzle $(awk '$1 == "php-guzzlehttp-guzzle" { print $2 }' "$out/.goos-complete") unpacked in $out"
echo "$out/autoload.php"
