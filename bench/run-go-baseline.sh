#!/usr/bin/env bash
# Builds and runs the Go baseline micro-benchmarks (bench/go) that goos is
# compared against.
#
#   bench/run-go-baseline.sh [-only <name-prefix>] [-quick] [-reps N]
#
# Arguments are passed to the benchmark program. The RESULT lines
# ("RESULT <name> <value> <unit>") go to stdout; everything else (install and
# build output, per-benchmark spread) goes to stderr. Installs Debian's
# golang-go if `go` is missing. Builds into build/go/goosbench, with the Go
# build cache under build/go/ as well, so nothing is written to the source
# tree. Never touches the network beyond apt: the module has no dependencies
# and GOPROXY=off.
set -euo pipefail

log() { echo "run-go-baseline: $*" >&2; }
die() {
  echo "run-go-baseline: error: $*" >&2
  exit 1
}

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/.." && pwd)"
src="$here/go"
out="$root/build/go"
bin="$out/goosbench"

[[ -f "$src/go.mod" ]] || die "$src/go.mod not found"

# 1. A Go toolchain: Debian's golang-go (Go 1.19 on bookworm).
if ! command -v go >/dev/null 2>&1; then
  log "go not found; installing golang-go with apt-get"
  sudo=()
  if [[ "$(id -u)" -ne 0 ]]; then
    command -v sudo >/dev/null 2>&1 || die "go is missing and installing golang-go needs root (or sudo)"
    sudo=(sudo)
  fi
  install_go() {
    "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive \
      apt-get install -y -qq --no-install-recommends golang-go >&2
  }
  # Try with the package lists we have; refresh them only if that fails.
  if ! install_go; then
    log "install failed; running apt-get update and retrying"
    "${sudo[@]}" apt-get update -qq >&2 || die "apt-get update failed"
    install_go || die "apt-get install golang-go failed"
  fi
  command -v go >/dev/null 2>&1 || die "golang-go is installed but go is not on PATH"
fi

# 2. Build offline, with every cache under build/go/.
mkdir -p "$out"
export GOPROXY=off          # never download modules (there are none to fetch)
export GOFLAGS=-mod=mod
export GOTOOLCHAIN=local    # Go >= 1.21: never download a newer toolchain
export GOTELEMETRY=off      # Go >= 1.23: no telemetry files under $HOME
export GOCACHE="$out/cache"
export GOPATH="$out/gopath"
export GOMODCACHE="$GOPATH/pkg/mod"
export CGO_ENABLED=0        # pure Go: no C compiler needed
unset GOMAXPROCS            # the program sets it per benchmark

log "building $bin with $(go version)"
(cd "$src" && go build -trimpath -o "$bin" .) >&2 || die "go build failed in $src"

# 3. Run. The program prints RESULT lines on stdout and diagnostics on stderr.
rc=0
"$bin" "$@" || rc=$?
[[ $rc -eq 0 ]] || die "$bin exited with status $rc"
