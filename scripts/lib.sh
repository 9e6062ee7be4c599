# Shared helpers for goos's scripts. Source it; it defines functions only.

goos_root() { cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd; }

# Where built PHPs, downloads and tools are kept between runs.
goos_cache() { echo "${GOOS_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/goos}"; }

goos_log() { printf '==> %s\n' "$*" >&2; }

goos_die() {
  printf 'error: %s\n' "$*" >&2
  exit 1
}

goos_as_root() {
  if [[ $(id -u) -eq 0 ]]; then
    "$@"
  elif command -v sudo >/dev/null; then
    sudo "$@"
  else
    goos_die "need root to run: $*  (run as root or install sudo)"
  fi
}

# Runs a command as is when the directory it writes to is writable (a test's
# private apt configuration), as root otherwise.
goos_as_root_unless_writable() {
  local dir="$1"
  shift
  if [[ -w "$dir" ]]; then "$@"; else goos_as_root "$@"; fi
}

# Installs the Debian packages named as arguments that are not installed yet.
goos_apt_install() {
  local -a missing=()
  local pkg
  for pkg in "$@"; do
    dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q 'ok installed' || missing+=("$pkg")
  done
  ((${#missing[@]} == 0)) && return 0
  goos_log "installing ${missing[*]}"
  goos_as_root apt-get update -qq || goos_die "apt-get update failed"
  DEBIAN_FRONTEND=noninteractive goos_as_root apt-get install -y -qq --no-install-recommends \
    "${missing[@]}" >/dev/null || goos_die "apt-get could not install: ${missing[*]}"
}

# What building the extension needs (PHP's own build dependencies are php-zts.sh's).
readonly GOOS_EXT_DEPS=(
  build-essential pkg-config libboost-context-dev
  # valgrind's client-request headers: the runtime marks its deliberate reads
  # of unused stack as defined (a no-op outside valgrind); scripts/test-valgrind.sh
  valgrind
)
# What the tests and benchmarks need besides: the runtime core's googletest
# suite and benchmarks (CMake), the format check, the fetch tests' HTTP server;
# Predis and a redis server for tests/phpt/load/predis*.phpt: redis-tools
# ships Debian's redis server executable (as redis-check-rdb) without the
# redis-server package's service, so no system redis daemon is started; the
# MariaDB server and client that scripts/services.sh runs, from the -core
# packages, which (unlike mariadb-server) install no system service either.
readonly GOOS_TEST_DEPS=(cmake googletest libgtest-dev libbenchmark-dev clang-format python3
  redis-tools php-nrk-predis mariadb-server-core mariadb-client-core)
