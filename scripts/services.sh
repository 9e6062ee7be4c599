#!/usr/bin/env bash
# Starts and stops the private servers that tests and benchmarks talk to: a
# redis and a MariaDB of their own, never the machine's.
#
#   scripts/services.sh start <redis|mariadb> [dir]   start one, print its exports
#   scripts/services.sh env   <redis|mariadb> [dir]   print them again
#   scripts/services.sh stop  <redis|mariadb> [dir]   stop it and remove its dir
#
#   eval "$(scripts/services.sh start redis)"
#   trap 'scripts/services.sh stop redis "$GOOS_REDIS_DIR"' EXIT
#
# `start` installs the server from Debian when it is missing, makes a state
# directory, starts the server in it as a background process (not a daemon, not
# a system service: nothing under /etc or /var/lib is read or written), listening
# on 127.0.0.1 on a free port and on a unix socket in that directory, waits
# until it answers (GOOS_SERVICES_TIMEOUT seconds, 30 by default; on failure the
# server's log is shown and nothing is left behind), and prints on stdout
#   redis:   GOOS_REDIS_HOST GOOS_REDIS_PORT GOOS_REDIS_SOCKET GOOS_REDIS_DIR
#   mariadb: GOOS_MYSQL_HOST GOOS_MYSQL_PORT GOOS_MYSQL_SOCKET GOOS_MYSQL_USER
#            GOOS_MYSQL_PASSWORD GOOS_MYSQL_DB GOOS_MYSQL_DIR
# as `export NAME=value` lines. Starting where the server already runs only
# prints them. MariaDB gets its own data directory (a copy of one that
# mariadb-install-db made once, 3 to 5 s, into ~/.cache/goos), a user goos with password goos holding every privilege,
# from anywhere, and a database goos; the OS user running this script (root)
# reaches it as the same MariaDB user through the socket without a password.
#
# The state directory: the [dir] argument, else $GOOS_SERVICES_DIR/<service>,
# else (for start) a new one under ${TMPDIR:-/tmp}. `stop` and `env` without
# [dir] take GOOS_REDIS_DIR / GOOS_MYSQL_DIR from the environment (what `start`
# exported), then $GOOS_SERVICES_DIR/<service>. `stop` ends the server by its
# pid file (TERM, then KILL after 10 s), whether or not it still runs, and
# removes the directory; stopping what is already stopped does nothing.
#
# Packages: redis-tools (Debian's redis server executable, as redis-check-rdb,
# and redis-cli; the redis-server package would also install and start the
# system's redis service) and mariadb-server-core + mariadb-client-core
# (mariadbd, mariadb-install-db and the mariadb client, without the system
# service that the mariadb-server package installs and starts).
set -euo pipefail
here="$(dirname "${BASH_SOURCE[0]}")"
source "$here/lib.sh"

usage() {
  echo "usage: $0 <start|stop|env> <redis|mariadb> [dir]" >&2
  exit 2
}
action="${1:-}"
service="${2:-}"
case "$action" in start | stop | env) ;; *) usage ;; esac
case "$service" in
redis) prefix=GOOS_REDIS ;;
mariadb) prefix=GOOS_MYSQL ;;
*) usage ;;
esac
timeout="${GOOS_SERVICES_TIMEOUT:-30}"
readonly MARKER=.goos-service # names the service; no dir without it is removed

log() { printf '[services %s] %s\n' "$service" "$*" >&2; }
die() {
  printf '[services %s] error: %s\n' "$service" "$*" >&2
  exit 1
}

# The state directory, as the header says ("" when none is known).
dir="${3:-}"
if [[ -z "$dir" && "$action" != start ]]; then
  dir_var="${prefix}_DIR"
  dir="${!dir_var:-}"
fi
if [[ -z "$dir" && -n "${GOOS_SERVICES_DIR:-}" ]]; then
  dir="$GOOS_SERVICES_DIR/$service"
fi
[[ -z "$dir" ]] || dir=$(realpath -m "$dir")

# alive <pid>: the process exists and is not a zombie.
alive() {
  local state
  state=$(sed 's/.*) //' "/proc/$1/stat" 2>/dev/null | cut -d' ' -f1) || return 1
  [[ -n "$state" && "$state" != Z ]]
}

# The pid in the pid file, when that process still runs in this directory
# (its working directory is the state directory or below: a pid reused by an
# unrelated process is never signalled).
server_pid() {
  local pid cwd
  pid=$(cat "$dir/server.pid" 2>/dev/null) || return 1
  [[ "$pid" =~ ^[0-9]+$ ]] || return 1
  alive "$pid" || return 1
  cwd=$(readlink "/proc/$pid/cwd" 2>/dev/null) || return 1
  [[ "$cwd" == "$dir" || "$cwd" == "$dir"/* ]]
  echo "$pid"
}

# Ends the server (TERM, KILL after 10 s) and removes the directory.
stop_server() {
  [[ -d "$dir" ]] || return 0
  [[ -f "$dir/$MARKER" ]] || die "$dir is not a state directory of services.sh (no $MARKER): not removing it"
  local pid i
  if pid=$(server_pid); then
    kill -TERM "$pid" 2>/dev/null || true
    for ((i = 0; i < 200; i++)); do
      alive "$pid" || break
      sleep 0.05
    done
    if alive "$pid"; then
      log "the server (pid $pid) did not end within 10 s of SIGTERM: killing it"
      kill -KILL "$pid" 2>/dev/null || true
      for ((i = 0; i < 100; i++)); do
        alive "$pid" || break
        sleep 0.05
      done
    fi
  fi
  rm -rf "$dir"
}

print_env() {
  [[ -f "$dir/env" ]] || die "no $service runs in ${dir:-(no directory given)}: start it first"
  cat "$dir/env"
}

if [[ "$action" == stop ]]; then
  if [[ -z "$dir" ]]; then
    log "nothing to stop: no directory given, and neither ${prefix}_DIR nor GOOS_SERVICES_DIR is set"
    exit 0
  fi
  stop_server
  exit 0
fi
if [[ "$action" == env ]]; then
  [[ -n "$dir" ]] || die "no directory given, and neither ${prefix}_DIR nor GOOS_SERVICES_DIR is set"
  print_env
  exit 0
fi

# --- start ----------------------------------------------------------------------

if [[ -n "$dir" && -f "$dir/$MARKER" && -f "$dir/env" ]] && server_pid >/dev/null; then
  log "already running in $dir"
  print_env
  exit 0
fi
if [[ -z "$dir" ]]; then
  dir=$(mktemp -d "${TMPDIR:-/tmp}/goos-$service.XXXXXX")
elif [[ -f "$dir/$MARKER" ]]; then
  stop_server # left over from a run that was not stopped
  mkdir -p "$dir"
elif [[ -e "$dir" && -n "$(ls -A "$dir" 2>/dev/null)" ]]; then
  die "$dir exists and is not empty: give a new or empty directory"
else
  mkdir -p "$dir"
fi
echo "$service" >"$dir/$MARKER"
# A unix socket's path holds at most 107 bytes.
((${#dir} <= 90)) || {
  rm -rf "$dir"
  die "$dir is too long for a unix socket path in it: use a shorter GOOS_SERVICES_DIR or TMPDIR"
}

# Whatever goes wrong from here on, nothing is left running or on disk.
started=0
cleanup_unless_started() { ((started)) || stop_server; }
trap cleanup_unless_started EXIT

# A TCP port nobody listens on or uses locally, below the kernel's ephemeral range
# (so no outgoing connection takes it meanwhile). A race with another program is
# caught by the server failing to bind, and a new port is tried.
free_port() {
  local port hex i
  for ((i = 0; i < 100; i++)); do
    port=$((20000 + RANDOM % 12000))
    hex=$(printf ':%04X' "$port")
    if ! cat /proc/net/tcp /proc/net/tcp6 2>/dev/null | awk '{ print $2 }' | grep -qi -- "$hex\$"; then
      echo "$port"
      return 0
    fi
  done
  die "found no free TCP port"
}

# launch <log> <command...>: runs the server in the background, in the state
# directory, with its output in <log> and none of the caller's other open files
# (a lock or a pipe the server would hold on to); records its pid.
launch() {
  local out="$1"
  shift
  (
    cd "$dir"
    for fd in "/proc/$BASHPID/fd/"*; do
      fd=${fd##*/}
      ((fd > 2)) && eval "exec $fd>&-"
    done
    exec "$@" </dev/null >>"$out" 2>&1
  ) &
  echo $! >"$dir/server.pid"
}

# wait_until <what> <command...>: polls the command until it succeeds, the
# server dies (returns 1) or the timeout passes (returns 2).
wait_until() {
  local what="$1" pid deadline
  shift
  pid=$(cat "$dir/server.pid")
  deadline=$((SECONDS + timeout))
  while ((SECONDS < deadline)); do
    "$@" >/dev/null 2>&1 && return 0
    alive "$pid" || return 1
    sleep 0.05
  done
  log "$what: no answer within $timeout s (GOOS_SERVICES_TIMEOUT)"
  return 2
}

# fail <why> <log file>: the reason and the log's tail, then the cleanup trap.
fail() {
  {
    printf '[services %s] error: %s\n' "$service" "$1"
    if [[ -s "$2" ]]; then
      printf '  last lines of %s:\n' "$(basename "$2")"
      tail -n 15 "$2" | sed 's/^/    /'
    fi
  } >&2
  exit 1
}

# in_use <log...>: the server's last attempt failed because its port was taken.
in_use() { grep -sqiE 'address already in use|already have another server running' "$@"; }

emit_env() { # emit_env NAME=value...: the export lines, saved for `env`
  local kv
  for kv in "$@"; do printf 'export %s=%q\n' "${kv%%=*}" "${kv#*=}"; done >"$dir/env"
  cat "$dir/env"
}

start_redis() {
  goos_apt_install redis-tools
  local server sock="$dir/redis.sock" port attempt rc
  # redis picks its mode by the name it runs under: redis-tools' copy of the
  # server executable (redis-check-rdb) is the server when called redis-server.
  if server=$(command -v redis-server); then
    :
  elif server=$(command -v redis-check-rdb); then
    ln -s "$server" "$dir/redis-server"
    server="$dir/redis-server"
  else
    die "neither redis-server nor redis-check-rdb is installed (Debian's redis-tools has it)"
  fi
  command -v redis-cli >/dev/null || die "redis-cli is not installed (Debian's redis-tools has it)"
  for ((attempt = 1; attempt <= 5; attempt++)); do
    port=$(free_port)
    : >"$dir/redis.log"
    : >"$dir/server.log"
    # --hz 100: redis ends blocking commands' timeouts in its cron, hz times a
    # second; at the default 10 a BLPOP with 0.1 s took 0.2 s.
    launch "$dir/server.log" "$server" --port "$port" --bind 127.0.0.1 \
      --unixsocket "$sock" --unixsocketperm 700 --dir "$dir" --logfile "$dir/redis.log" \
      --daemonize no --save '' --appendonly no --hz 100
    rc=0
    wait_until "redis" redis-cli -s "$sock" ping || rc=$?
    if ((rc == 0)); then
      [[ "$(redis-cli -h 127.0.0.1 -p "$port" ping 2>&1)" == PONG ]] ||
        fail "redis answers on $sock but not on 127.0.0.1:$port" "$dir/redis.log"
      emit_env GOOS_REDIS_HOST=127.0.0.1 "GOOS_REDIS_PORT=$port" "GOOS_REDIS_SOCKET=$sock" "GOOS_REDIS_DIR=$dir"
      return 0
    fi
    ((rc == 1)) && in_use "$dir/redis.log" "$dir/server.log" && {
      log "port $port was taken meanwhile; trying another"
      continue
    }
    cat "$dir/server.log" >>"$dir/redis.log" 2>/dev/null || true
    fail "redis-server did not start" "$dir/redis.log"
  done
  fail "redis-server found no free port in 5 tries" "$dir/redis.log"
}

start_mariadb() {
  goos_apt_install mariadb-server-core mariadb-client-core
  local mariadbd install_db sock="$dir/mysql.sock" port attempt rc me
  mariadbd=$(PATH="$PATH:/usr/sbin:/sbin" command -v mariadbd) || die "mariadbd is not installed (Debian's mariadb-server-core has it)"
  install_db=$(command -v mariadb-install-db) || die "mariadb-install-db is not installed (Debian's mariadb-server-core has it)"
  command -v mariadb >/dev/null || die "the mariadb client is not installed (Debian's mariadb-client-core has it)"
  me=$(id -un)
  # The same settings for the bootstrap and the server: small logs and buffers
  # (a test server, not a production one), nothing looked up by name.
  local -a common=(--no-defaults --datadir="$dir/data" --tmpdir="$dir/tmp"
    --innodb-log-file-size=8M --innodb-buffer-pool-size=32M --skip-name-resolve)
  local -a as_root=()
  (($(id -u) == 0)) && as_root=(--user=root) # mariadbd refuses to run as root otherwise
  mkdir -p "$dir/tmp"
  # A fresh data directory is mariadb-install-db's (3 to 5 s), made once per
  # MariaDB version and user into the cache and copied from there (milliseconds),
  # with the user and database goos in it. (FLUSH PRIVILEGES loads the grant
  # tables, which the bootstrap runs without, so that CREATE USER works.)
  cat >"$dir/bootstrap.sql" <<'SQL'
FLUSH PRIVILEGES;
DELETE FROM mysql.proxies_priv WHERE Host <> 'localhost';
CREATE DATABASE goos;
CREATE USER 'goos'@'%' IDENTIFIED BY 'goos';
GRANT ALL ON *.* TO 'goos'@'%' WITH GRANT OPTION;
CREATE USER 'goos'@'localhost' IDENTIFIED BY 'goos';
GRANT ALL ON *.* TO 'goos'@'localhost' WITH GRANT OPTION;
SQL
  local -a install=("${common[@]}" --user="$me" --auth-root-authentication-method=socket --skip-test-db)
  local template
  template="$(goos_cache)/mariadb-data-$({
    "$mariadbd" --version
    printf '%s\n' "${install[@]}"
    cat "$dir/bootstrap.sql"
  } | sed "s|$dir|DIR|g" | sha256sum | cut -c1-16)"
  if [[ ! -f "$template/mysql_upgrade_info" ]]; then
    log "creating a data directory (mariadb-install-db, once: kept in $template)"
    "$install_db" "${install[@]}" --extra-file="$dir/bootstrap.sql" >"$dir/install.log" 2>&1 ||
      fail "mariadb-install-db failed" "$dir/install.log"
    mkdir -p "$(dirname "$template")"
    rm -rf "$template.$$"
    cp -a "$dir/data" "$template.$$"
    mv -T "$template.$$" "$template" 2>/dev/null || rm -rf "$template.$$" # made meanwhile by another start
  else
    cp -a "$template" "$dir/data"
  fi
  local -a admin=(mariadb --no-defaults --socket="$sock" --user="$me")
  for ((attempt = 1; attempt <= 5; attempt++)); do
    port=$(free_port)
    : >"$dir/mariadb.log"
    : >"$dir/server.log"
    launch "$dir/server.log" "$mariadbd" "${common[@]}" "${as_root[@]}" --port="$port" \
      --bind-address=127.0.0.1 --socket="$sock" --pid-file="$dir/mariadbd.pid" \
      --log-error="$dir/mariadb.log" --max-connections=1000 \
      --innodb-flush-log-at-trx-commit=2
    rc=0
    wait_until "mariadb" "${admin[@]}" -e 'SELECT 1' || rc=$?
    if ((rc == 0)); then
      mariadb --no-defaults --host=127.0.0.1 --port="$port" --user=goos --password=goos goos -e 'SELECT 1' \
        >>"$dir/install.log" 2>&1 || fail "mariadb answers on $sock but not as goos on 127.0.0.1:$port" "$dir/install.log"
      emit_env GOOS_MYSQL_HOST=127.0.0.1 "GOOS_MYSQL_PORT=$port" "GOOS_MYSQL_SOCKET=$sock" \
        GOOS_MYSQL_USER=goos GOOS_MYSQL_PASSWORD=goos GOOS_MYSQL_DB=goos "GOOS_MYSQL_DIR=$dir"
      return 0
    fi
    ((rc == 1)) && in_use "$dir/mariadb.log" "$dir/server.log" && {
      log "port $port was taken meanwhile; trying another"
      continue
    }
    cat "$dir/server.log" >>"$dir/mariadb.log" 2>/dev/null || true
    fail "mariadbd did not start" "$dir/mariadb.log"
  done
  fail "mariadbd found no free port in 5 tries" "$dir/mariadb.log"
}

begin=$SECONDS
"start_$service"
started=1
log "ready in $((SECONDS - begin)) s, state in $dir"
