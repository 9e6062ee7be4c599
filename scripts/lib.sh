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
  # No package installed here starts a system service: nginx's and
  # postgresql-common's maintainer scripts start theirs through invoke-rc.d or
  # deb-systemd-invoke, which both ask /usr/sbin/policy-rc.d first; exit code
  # 101 means "not allowed". A machine that has a policy already (containers
  # usually deny everything) keeps its own; ours exists only during the install.
  local policy=/usr/sbin/policy-rc.d ours=0 rc=0
  if [[ ! -e "$policy" ]] &&
    printf '#!/bin/sh\n# goos_apt_install (scripts/lib.sh): no service starts while it installs\nexit 101\n' |
    goos_as_root tee "$policy" >/dev/null; then
    ours=1
    goos_as_root chmod 755 "$policy" || true
  fi
  DEBIAN_FRONTEND=noninteractive goos_as_root apt-get install -y -qq --no-install-recommends \
    "${missing[@]}" >/dev/null || rc=$?
  ((ours == 0)) || goos_as_root rm -f "$policy"
  ((rc == 0)) || goos_die "apt-get could not install: ${missing[*]}"
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
# packages, which (unlike mariadb-server) install no system service either;
# the PostgreSQL 15 server and psql that it runs (postgresql-15 creates a
# cluster under /var/lib/postgresql but, with goos_apt_install's policy, starts
# none); nginx with the echo module (its routes answer without a backend) and
# curl, for the HTTP tests' server; openssl, which makes their test certificates.
readonly GOOS_TEST_DEPS=(cmake googletest libgtest-dev libbenchmark-dev clang-format python3
  redis-tools php-nrk-predis mariadb-server-core mariadb-client-core
  postgresql-15 postgresql-client-15 nginx libnginx-mod-http-echo curl openssl)
