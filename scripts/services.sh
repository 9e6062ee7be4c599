#!/usr/bin/env bash
# Starts and stops the private servers that tests and benchmarks talk to: a
# redis, a MariaDB, a PostgreSQL, an nginx and a php-fpm behind an nginx of
# their own, never the machine's.
#
#   scripts/services.sh start <service> [dir]   start one, print its exports
#   scripts/services.sh env   <service> [dir]   print them again
#   scripts/services.sh stop  <service> [dir]   stop it and remove its dir
#
# <service> is redis, mariadb, postgresql, nginx or fpm.
#
#   eval "$(scripts/services.sh start redis)"
#   trap 'scripts/services.sh stop redis "$GOOS_REDIS_DIR"' EXIT
#
# `start` installs the server from Debian when it is missing, makes a state
# directory, starts the server in it as a background process (not a daemon, not
# a system service: nothing under /etc or /var/lib is read or written), listening
# on 127.0.0.1 on a free port and on a unix socket in that directory (nginx:
# two ports, HTTP and HTTPS, and no socket; fpm: nginx's port, php-fpm's
# socket), waits
# until it answers (GOOS_SERVICES_TIMEOUT seconds, 30 by default; on failure the
# server's log is shown and nothing is left behind), and prints on stdout
#   redis:   GOOS_REDIS_HOST GOOS_REDIS_PORT GOOS_REDIS_SOCKET GOOS_REDIS_DIR
#   mariadb: GOOS_MYSQL_HOST GOOS_MYSQL_PORT GOOS_MYSQL_SOCKET GOOS_MYSQL_USER
#            GOOS_MYSQL_PASSWORD GOOS_MYSQL_DB GOOS_MYSQL_DIR
#   postgresql: GOOS_PG_HOST GOOS_PG_PORT GOOS_PG_SOCKET_DIR (holds .s.PGSQL.<port>)
#            GOOS_PG_USER GOOS_PG_PASSWORD GOOS_PG_DB GOOS_PG_CA GOOS_PG_DIR
#   nginx:   GOOS_NGINX_HOST GOOS_NGINX_PORT GOOS_NGINX_TLS_PORT GOOS_NGINX_CA
#            GOOS_NGINX_DIR
#   fpm:     GOOS_FPM_URL (http://127.0.0.1:<port>, nginx) GOOS_FPM_ROOT (the
#            document root) GOOS_FPM_PID (php-fpm's master: SIGQUIT stops it
#            gracefully, SIGUSR2 reloads it) GOOS_FPM_LOG (php-fpm's error log)
#            GOOS_FPM_SOCKET (the pool's FastCGI socket) GOOS_FPM_DIR
# as `export NAME=value` lines. Starting where the server already runs only
# prints them. MariaDB gets its own data directory (a copy of one that
# mariadb-install-db made once, 3 to 5 s, into ~/.cache/goos), a user goos with password goos holding every privilege,
# from anywhere, and a database goos; the OS user running this script (root)
# reaches it as the same MariaDB user through the socket without a password.
# PostgreSQL 15 gets its own cluster (a copy of one that initdb made once, 1 to
# 2 s, into ~/.cache/goos), with ssl=on (a self-signed certificate for
# localhost and 127.0.0.1 made at each start, GOOS_PG_CA: sslmode=verify-full
# holds with it) and durability off (fsync, full-page writes, synchronous
# commit). Its superuser goos, password goos, owns a database goos; over TCP
# (127.0.0.1, with or without TLS) the password is required (SCRAM), over the
# socket it is not (trust: the directory is 0700, only root and the server's
# user reach it). Run by root, the server runs as Debian's postgres user (it
# refuses root), which owns the state directory: its parent must be searchable.
# nginx runs with a configuration of its own (nothing under /etc/nginx is read)
# and the echo module, so that every route is answered by nginx itself, with no
# backend process; the same routes over HTTP and over HTTPS (a self-signed
# certificate for localhost and 127.0.0.1, GOOS_NGINX_CA, made at each start):
#   GET /delay/<ms>     200 "delayed <ms>\n" after <ms> ms (an nginx timer)
#   GET /redirect/<n>   302 to /redirect/<n-1> (a relative Location), n <= 100;
#                       /redirect/0: 200 "arrived\n"
#   GET /bytes/<n>      200, n bytes (n <= 8 MiB): the first n of chr(0)..chr(255)
#                       repeated
#   POST|PUT /echo      200, the request body unchanged (up to 16 MiB)
#   GET /status/<code>  <code> (200 to 599) "status <code>\n" (204, 304: no body)
#   GET /headers        200 "user-agent: <User-Agent>\nx-goos-test: <X-Goos-Test>\n"
#                       then the request line and headers as received
# Bodies are chunked (no Content-Length) but for /bytes/0.
# fpm is a ZTS php-fpm (what the phpt suite runs goos in, issue 15) with a
# configuration of its own (-n -y -c: no php.ini, php-fpm.conf or conf.d of
# its prefix is read), in the foreground (-F: the pid file is the master's),
# as root with -R when root runs this (nginx's workers, root too, reach the
# pool's socket, 0600), and an nginx in front of it (in <dir>/nginx, made as
# the nginx service makes its own, without the echo module) that passes every
# request to the pool: /x.php runs <root>/x.php, / runs <root>/index.php, and
# fpm answers /.goos-fpm-ping ("pong", without running PHP: the readiness
# probe) and /.goos-fpm-status (the pool's status page; ?full&json lists the
# children, with their pids). From the environment:
#   GOOS_FPM_PHP_PREFIX  the PHP whose sbin/php-fpm runs (default: the debug
#                        build of the 8.4 pin that scripts/php-zts.sh makes)
#   GOOS_FPM_INI         php.ini lines, newline-separated, after ours
#                        (display_errors off, log_errors on, error_reporting
#                        E_ALL: a fatal error is fpm's usual 500 and a log
#                        line), e.g. "extension=/path/goos.so" and
#                        "zend_extension=opcache.so"
#   GOOS_FPM_ROOT        the document root (default <dir>/www, made empty;
#                        one given is made when missing, and kept by stop)
#   GOOS_FPM_PM          static (default), dynamic or ondemand
#   GOOS_FPM_CHILDREN    pm.max_children (default 2)
#   GOOS_FPM_MAX_REQUESTS   pm.max_requests (default 0: never recycled)
#   GOOS_FPM_TERMINATE   request_terminate_timeout, seconds (default 0: none)
# The children's stderr reaches GOOS_FPM_LOG line by line, undecorated
# (catch_workers_output), and they see this script's environment (clear_env
# no). nginx waits 60 s for a response and takes bodies of up to 16 MiB.
# A graceful stop or reload lets running requests finish for up to 10 s
# (process_control_timeout); `stop fpm` stops nginx, then sends php-fpm SIGQUIT
# (graceful), SIGTERM 15 s later, SIGKILL 10 s after that.
#
# The state directory: the [dir] argument, else $GOOS_SERVICES_DIR/<service>,
# else (for start) a new one under ${TMPDIR:-/tmp}. `stop` and `env` without
# [dir] take the service's GOOS_..._DIR from the environment (what `start`
# exported), then $GOOS_SERVICES_DIR/<service>. `stop` ends the server by its
# pid file (TERM, PostgreSQL INT, then KILL after 10 s), whether or not it still
# runs, and any process of the same program left in the directory, and removes
# the directory; stopping what is already stopped does nothing.
#
# Packages: redis-tools (Debian's redis server executable, as redis-check-rdb,
# and redis-cli; the redis-server package would also install and start the
# system's redis service), mariadb-server-core + mariadb-client-core
# (mariadbd, mariadb-install-db and the mariadb client, without the system
# service that the mariadb-server package installs and starts),
# postgresql-15 + postgresql-client-15 (the server binaries under
# /usr/lib/postgresql/15/bin, psql; its install makes a cluster under
# /var/lib/postgresql, which goos_apt_install keeps from being started), nginx
# + libnginx-mod-http-echo (nginx-light and nginx-core are only names for
# nginx in bookworm; its install would start the system's nginx on port 80,
# which goos_apt_install prevents) and curl, and openssl for the certificates.
# php-fpm is not Debian's (not thread-safe) but the prefix's own.
set -euo pipefail
here="$(dirname "${BASH_SOURCE[0]}")"
source "$here/lib.sh"

usage() {
  echo "usage: $0 <start|stop|env> <redis|mariadb|postgresql|nginx|fpm> [dir]" >&2
  exit 2
}
action="${1:-}"
service="${2:-}"
case "$action" in start | stop | env) ;; *) usage ;; esac
case "$service" in
redis) prefix=GOOS_REDIS ;;
mariadb) prefix=GOOS_MYSQL ;;
postgresql) prefix=GOOS_PG ;;
nginx) prefix=GOOS_NGINX ;;
fpm) prefix=GOOS_FPM ;;
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

# Processes of the server's program (its executable, saved in server.exe once
# it answered) that work in the state directory: what outlives a server killed
# with SIGKILL, like nginx's workers, which do not end with their master.
leftovers() {
  local exe p cwd
  exe=$(cat "$dir/server.exe" 2>/dev/null) || return 0
  while read -r p; do
    cwd=$(readlink "$p/cwd" 2>/dev/null) || continue
    [[ "$cwd" == "$dir" || "$cwd" == "$dir"/* ]] && echo "${p#/proc/}"
  done < <(find /proc/[0-9]*/exe -maxdepth 0 -lname "$exe" -printf '%h\n' 2>/dev/null)
  return 0
}

# Ends the server (TERM, KILL after 10 s) and removes the directory. PostgreSQL
# gets INT, its fast shutdown: its TERM waits until every client has gone.
# php-fpm gets QUIT, its graceful stop (running requests finish, within its
# process_control_timeout of 10 s), then TERM after 15 s; its nginx, in the
# nginx/ directory inside, is stopped first, as the nginx service.
stop_server() {
  [[ -d "$dir" ]] || return 0
  [[ -f "$dir/$MARKER" ]] || die "$dir is not a state directory of services.sh (no $MARKER): not removing it"
  if [[ "$service" == fpm && -d "$dir/nginx" ]]; then
    (in_fpm_nginx stop_server) || true
  fi
  local pid i signal waits last=""
  local -a signals=(TERM)
  [[ "$service" == postgresql ]] && signals=(INT)
  [[ "$service" == fpm ]] && signals=(QUIT TERM)
  if pid=$(server_pid); then
    for signal in "${signals[@]}" KILL; do
      [[ -z "$last" ]] ||
        log "the server (pid $pid) did not end within $((waits / 20)) s of SIG$last: sending SIG$signal"
      kill -"$signal" "$pid" 2>/dev/null || true
      waits=200 # 0.05 s each: 10 s
      [[ "$signal" == QUIT ]] && waits=300
      for ((i = 0; i < waits; i++)); do
        alive "$pid" || break
        sleep 0.05
      done
      alive "$pid" || break
      last="$signal"
    done
  fi
  for pid in $(leftovers); do kill -KILL "$pid" 2>/dev/null || true; done
  for ((i = 0; i < 100; i++)); do
    [[ -z "$(leftovers)" ]] && break
    sleep 0.05
  done
  rm -rf "$dir"
}

# in_fpm_nginx <command...>: runs it for fpm's nginx, as the nginx service in
# the nginx/ directory of fpm's state directory. Call it in a subshell: a
# fail() or die() in there ends the subshell, not the script, whose cleanup
# then stops php-fpm and nginx, with the state directory it knows.
in_fpm_nginx() {
  local dir="$dir/nginx" service=nginx
  "$@"
}

# The server runs in the directory (fpm: and its nginx).
running() {
  server_pid >/dev/null || return 1
  [[ "$service" != fpm ]] || (in_fpm_nginx server_pid >/dev/null)
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

if [[ -n "$dir" && -f "$dir/$MARKER" && -f "$dir/env" ]] && running; then
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

# make_cert <name>: a self-signed certificate for localhost and 127.0.0.1 (its
# own CA: clients verify against the certificate itself), <name>.crt and
# <name>.key in the state directory. An EC key: made in milliseconds.
make_cert() {
  openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:prime256v1 -nodes -days 3650 \
    -subj /CN=localhost -addext 'subjectAltName=DNS:localhost,IP:127.0.0.1' \
    -keyout "$dir/$1.key" -out "$dir/$1.crt" >"$dir/openssl.log" 2>&1 ||
    fail "openssl could not make a test certificate" "$dir/openssl.log"
}

readonly PG_VERSION=15 # Debian bookworm's

start_postgresql() {
  goos_apt_install "postgresql-$PG_VERSION" "postgresql-client-$PG_VERSION" openssl
  local bin="/usr/lib/postgresql/$PG_VERSION/bin" port attempt rc user
  [[ -x "$bin/postgres" && -x "$bin/initdb" ]] || die "$bin/postgres is not installed (Debian's postgresql-$PG_VERSION has it)"
  [[ -x "$bin/psql" ]] || die "$bin/psql is not installed (Debian's postgresql-client-$PG_VERSION has it)"
  # PostgreSQL refuses to run as root: root runs it as Debian's postgres user
  # (made by postgresql-common), which then owns the state directory. setpriv
  # execs, so the pid in server.pid is the server's. The directory stays 0700:
  # only root and that user can reach the socket, hence trust on it.
  local -a as=()
  if (($(id -u) == 0)); then
    user=postgres
    id "$user" >/dev/null 2>&1 || die "no user $user (Debian's postgresql-common makes it)"
    as=(setpriv --reuid="$user" --regid="$user" --init-groups)
    chown "$user:" "$dir"
    chmod 700 "$dir"
    "${as[@]}" test -x "$dir" ||
      die "the $user user cannot reach $dir: make its parent directories searchable by others (chmod o+x)"
  else
    user=$(id -un)
  fi
  # A fresh cluster is initdb's (1 to 2 s): made once per PostgreSQL version
  # and settings into the cache and copied from there (0.1 s). Its bootstrap
  # superuser is goos (password goos, stored as SCRAM), and it has a database
  # goos of goos's, made in single-user mode (no server, no port needed).
  local -a init=(--username=goos --auth-local=trust --auth-host=scram-sha-256 --no-locale
    --encoding=UTF8 --no-sync --no-instructions)
  local bootstrap="CREATE DATABASE goos OWNER goos;" template
  template="$(goos_cache)/postgresql-data-$({
    "$bin/postgres" --version
    printf '%s\n' "${init[@]}" "$bootstrap"
  } | sha256sum | cut -c1-16)"
  if [[ ! -f "$template/PG_VERSION" ]]; then
    log "creating a cluster (initdb, once: kept in $template)"
    echo goos >"$dir/password"
    [[ -z "${as[*]}" ]] || chown "$user:" "$dir/password"
    {
      "${as[@]}" "$bin/initdb" -D "$dir/data" --pwfile="$dir/password" "${init[@]}" &&
        "${as[@]}" "$bin/postgres" --single -D "$dir/data" -c fsync=off postgres <<<"$bootstrap"
    } >"$dir/install.log" 2>&1 || fail "initdb failed" "$dir/install.log"
    rm -f "$dir/password"
    mkdir -p "$(dirname "$template")"
    rm -rf "$template.$$"
    cp -a "$dir/data" "$template.$$"
    mv -T "$template.$$" "$template" 2>/dev/null || rm -rf "$template.$$" # made meanwhile by another start
  else
    cp -a "$template" "$dir/data"
    [[ -z "${as[*]}" ]] || chown -R "$user:" "$dir/data"
  fi
  # goos with its password over TCP, with or without TLS; anyone over the
  # socket, without one.
  cat >"$dir/pg_hba.conf" <<'HBA'
local   all all              trust
hostssl all all 127.0.0.1/32 scram-sha-256
host    all all 127.0.0.1/32 scram-sha-256
HBA
  make_cert server
  [[ -z "${as[*]}" ]] || chown "$user:" "$dir/pg_hba.conf" "$dir/server.crt" "$dir/server.key"
  local -a psql=("$bin/psql" -X -A -t -v ON_ERROR_STOP=1)
  for ((attempt = 1; attempt <= 5; attempt++)); do
    port=$(free_port)
    : >"$dir/server.log"
    # Durability off (fsync, full-page writes, synchronous commit): a test
    # server, thrown away. 300 connections: benchmarks open 100 at once.
    launch "$dir/server.log" "${as[@]}" "$bin/postgres" -D "$dir/data" \
      -c listen_addresses=127.0.0.1 -c port="$port" -c unix_socket_directories="$dir" \
      -c hba_file="$dir/pg_hba.conf" -c ssl=on -c ssl_cert_file="$dir/server.crt" \
      -c ssl_key_file="$dir/server.key" -c fsync=off -c full_page_writes=off \
      -c synchronous_commit=off -c max_connections=300 -c shared_buffers=32MB \
      -c logging_collector=off -c log_destination=stderr
    rc=0
    wait_until "postgresql" "${psql[@]}" -h "$dir" -p "$port" -U goos -d goos -c 'SELECT 1' || rc=$?
    if ((rc == 0)); then
      PGPASSWORD=goos "${psql[@]}" "host=localhost hostaddr=127.0.0.1 port=$port user=goos dbname=goos sslmode=verify-full sslrootcert=$dir/server.crt" \
        -c 'SELECT 1' >>"$dir/install.log" 2>&1 ||
        fail "postgresql answers on its socket but not as goos over TLS on 127.0.0.1:$port" "$dir/install.log"
      emit_env GOOS_PG_HOST=127.0.0.1 "GOOS_PG_PORT=$port" "GOOS_PG_SOCKET_DIR=$dir" GOOS_PG_USER=goos \
        GOOS_PG_PASSWORD=goos GOOS_PG_DB=goos "GOOS_PG_CA=$dir/server.crt" "GOOS_PG_DIR=$dir"
      return 0
    fi
    ((rc == 1)) && in_use "$dir/server.log" && {
      log "port $port was taken meanwhile; trying another"
      continue
    }
    fail "postgres did not start" "$dir/server.log"
  done
  fail "postgres found no free port in 5 tries" "$dir/server.log"
}

# The body of GET /bytes/<n>: the first n bytes of a file whose byte k is
# k % 256 (chr(0)..chr(255) again and again), at most BYTES_MAX of them.
readonly BYTES_MAX=$((8 << 20))

# nginx_head: the start of a configuration, up to its server blocks inside
# http (the caller's, then "}"), on stdout: in the foreground, its pid file, log
# and temporary files in the state directory, nothing from /etc/nginx.
nginx_head() {
  local user
  # Workers of a root master run as nobody unless told: they must read and
  # write the state directory (0700).
  (($(id -u) == 0)) && user="user root root;"
  cat <<CONF
${user:-}
daemon off;
pid $dir/nginx.pid;
error_log $dir/error.log;
worker_processes 1;
worker_rlimit_nofile 10000;
events { worker_connections 4096; }
http {
  access_log off;
  default_type text/plain;
  client_body_temp_path $dir/tmp/body;
  proxy_temp_path $dir/tmp/proxy;
  fastcgi_temp_path $dir/tmp/fastcgi;
  uwsgi_temp_path $dir/tmp/uwsgi;
  scgi_temp_path $dir/tmp/scgi;
  # Uploads to /echo stay in memory, up to 16 MiB.
  client_max_body_size 16m;
  client_body_buffer_size 16m;
  absolute_redirect off;
CONF
}

# nginx_conf <http port> <https port>: the whole configuration, on stdout.
# Every route is the echo module's or nginx's own (no backend, no file but the
# pattern), the same on both ports.
nginx_conf() {
  local port="$1" tls_port="$2" code n
  echo "load_module $ECHO_MODULE;"
  nginx_head
  cat <<CONF
  server {
    listen 127.0.0.1:$port;
    listen 127.0.0.1:$tls_port ssl;
    ssl_certificate $dir/nginx.crt;
    ssl_certificate_key $dir/nginx.key;

    # /delay/<ms>: an nginx timer (echo_sleep takes seconds, hence the digits
    # split around the point), then "delayed <ms>".
    location ~ "^/delay/(\\d*)(\\d{3})\$" { echo_sleep 0\$1.\$2; echo "delayed \$1\$2"; }
    location ~ "^/delay/(\\d{2})\$" { set \$ms \$1; echo_sleep 0.0\$ms; echo "delayed \$ms"; }
    location ~ "^/delay/(\\d)\$" { set \$ms \$1; echo_sleep 0.00\$ms; echo "delayed \$ms"; }

    # /bytes/<n>: the pattern file's bytes 1 to n (byte 0 is a spare one, so
    # that the range needs no n - 1), fetched from this server with a Range by
    # a subrequest, whose body becomes this 200's.
    location = /bytes/0 { return 200 ""; }
    location ~ "^/bytes/(\\d{1,8})\$" { echo_location /_range "n=\$1"; }
    location = /_range {
      internal;
      proxy_set_header Range bytes=1-\$arg_n;
      proxy_max_temp_file_size 0;
      proxy_pass http://127.0.0.1:$port/_pattern;
    }
    location = /_pattern { alias $dir/pattern; }

    # POST or PUT /echo: the request body, unchanged.
    location = /echo { echo_read_request_body; echo_request_body; }

    # /headers: the user agent and X-Goos-Test, then the request as received.
    location = /headers {
      echo "user-agent: \$http_user_agent";
      echo "x-goos-test: \$http_x_goos_test";
      echo -n \$echo_client_request_headers;
    }

    location = /redirect/0 { echo arrived; }
CONF
  for ((n = 1; n <= 100; n++)); do
    echo "    location = /redirect/$n { return 302 /redirect/$((n - 1)); }"
  done
  for ((code = 200; code <= 599; code++)); do
    echo "    location = /status/$code { echo_status $code; echo \"status $code\"; }"
  done
  echo "  }"
  echo "}"
}

readonly ECHO_MODULE=/usr/lib/nginx/modules/ngx_http_echo_module.so

# launch_nginx <nginx>: runs it with nginx.conf of the state directory. -p and
# -c: nothing under /etc/nginx is read; -e: not even the log of startup errors
# goes to /var/log/nginx.
launch_nginx() {
  launch "$dir/server.log" "$1" -p "$dir" -c "$dir/nginx.conf" -e "$dir/error.log"
}

nginx_binary() {
  PATH="$PATH:/usr/sbin:/sbin" command -v nginx || die "nginx is not installed (Debian's nginx has it)"
}

start_nginx() {
  goos_apt_install nginx libnginx-mod-http-echo curl openssl
  local nginx port tls_port attempt rc n
  nginx=$(nginx_binary) || exit 1
  [[ -f "$ECHO_MODULE" ]] || die "$ECHO_MODULE is missing (Debian's libnginx-mod-http-echo has it)"
  mkdir -p "$dir/tmp"
  # The pattern: one spare byte, then chr(0)..chr(255) doubled up to 8 MiB.
  printf '%b' "$(printf '\\0%03o' {0..255})" >"$dir/pattern"
  for ((n = 256; n < BYTES_MAX; n *= 2)); do cat "$dir/pattern" "$dir/pattern" >"$dir/pattern.2" && mv "$dir/pattern.2" "$dir/pattern"; done
  { printf '\0' && cat "$dir/pattern"; } >"$dir/pattern.2" && mv "$dir/pattern.2" "$dir/pattern"
  make_cert nginx
  local -a get=(curl -sf --max-time 5 -o /dev/null)
  for ((attempt = 1; attempt <= 5; attempt++)); do
    port=$(free_port)
    tls_port=$(free_port)
    ((tls_port != port)) || tls_port=$(free_port)
    nginx_conf "$port" "$tls_port" >"$dir/nginx.conf"
    : >"$dir/error.log"
    : >"$dir/server.log"
    launch_nginx "$nginx"
    rc=0
    wait_until "nginx" "${get[@]}" "http://127.0.0.1:$port/status/200" || rc=$?
    if ((rc == 0)); then
      "${get[@]}" --cacert "$dir/nginx.crt" "https://localhost:$tls_port/status/200" --resolve "localhost:$tls_port:127.0.0.1" ||
        fail "nginx answers on 127.0.0.1:$port but not over TLS on $tls_port" "$dir/error.log"
      emit_env GOOS_NGINX_HOST=127.0.0.1 "GOOS_NGINX_PORT=$port" "GOOS_NGINX_TLS_PORT=$tls_port" \
        "GOOS_NGINX_CA=$dir/nginx.crt" "GOOS_NGINX_DIR=$dir"
      return 0
    fi
    cat "$dir/server.log" >>"$dir/error.log" 2>/dev/null || true
    ((rc == 1)) && in_use "$dir/error.log" && {
      log "port $port or $tls_port was taken meanwhile; trying another"
      continue
    }
    fail "nginx did not start" "$dir/error.log"
  done
  fail "nginx found no free ports in 5 tries" "$dir/error.log"
}

# fpm_nginx_conf <port> <fpm's socket> <document root> <fastcgi_params>: the
# nginx in front of php-fpm, on stdout. Every request goes to the pool (a URI
# ending in / runs its index.php), but /.goos-nginx, nginx's own answer (a 204),
# which tells whether nginx listens before php-fpm is asked.
fpm_nginx_conf() {
  local port="$1" sock="$2" root="$3" params="$4"
  nginx_head
  cat <<CONF
  server {
    listen 127.0.0.1:$port;
    root "$root";
    fastcgi_read_timeout 60s;
    location = /.goos-nginx { return 204; }
    location / {
      fastcgi_index index.php;
      fastcgi_pass unix:$sock;
      include "$params";
    }
    location ~ \.php\$ {
      fastcgi_pass unix:$sock;
      include "$params";
    }
  }
}
CONF
}

# What nginx tells php-fpm of each request: its own fastcgi_params, not
# /etc/nginx's. Request headers reach PHP as HTTP_* without a line here
# (fastcgi_pass_request_headers); Proxy is not passed (httpoxy).
fastcgi_params() {
  cat <<'PARAMS'
fastcgi_param SCRIPT_FILENAME $document_root$fastcgi_script_name;
fastcgi_param SCRIPT_NAME $fastcgi_script_name;
fastcgi_param QUERY_STRING $query_string;
fastcgi_param REQUEST_METHOD $request_method;
fastcgi_param CONTENT_TYPE $content_type;
fastcgi_param CONTENT_LENGTH $content_length;
fastcgi_param REQUEST_URI $request_uri;
fastcgi_param DOCUMENT_URI $document_uri;
fastcgi_param DOCUMENT_ROOT $document_root;
fastcgi_param SERVER_PROTOCOL $server_protocol;
fastcgi_param REQUEST_SCHEME $scheme;
fastcgi_param GATEWAY_INTERFACE CGI/1.1;
fastcgi_param SERVER_SOFTWARE nginx/$nginx_version;
fastcgi_param REMOTE_ADDR $remote_addr;
fastcgi_param REMOTE_PORT $remote_port;
fastcgi_param SERVER_ADDR $server_addr;
fastcgi_param SERVER_PORT $server_port;
fastcgi_param SERVER_NAME $server_name;
fastcgi_param REDIRECT_STATUS 200;
fastcgi_param HTTP_PROXY "";
PARAMS
}

# fpm_nginx <fpm's socket> <document root>: starts the nginx in front of
# php-fpm (run it with in_fpm_nginx: it has a server.pid and server.exe of its
# own, for stop_server) on a free port, which it writes to nginx/port.
fpm_nginx() {
  local sock="$1" root="$2" nginx port attempt rc
  nginx=$(nginx_binary) || exit 1
  mkdir -p "$dir/tmp"
  echo nginx >"$dir/$MARKER"
  fastcgi_params >"$dir/fastcgi_params"
  for ((attempt = 1; attempt <= 5; attempt++)); do
    port=$(free_port)
    fpm_nginx_conf "$port" "$sock" "$root" "$dir/fastcgi_params" >"$dir/nginx.conf"
    : >"$dir/error.log"
    : >"$dir/server.log"
    launch_nginx "$nginx"
    rc=0
    wait_until "nginx" curl -sf --max-time 5 -o /dev/null "http://127.0.0.1:$port/.goos-nginx" || rc=$?
    if ((rc == 0)); then
      readlink "/proc/$(cat "$dir/server.pid")/exe" >"$dir/server.exe" || true
      echo "$port" >"$dir/port"
      return 0
    fi
    cat "$dir/server.log" >>"$dir/error.log" 2>/dev/null || true
    ((rc == 1)) && in_use "$dir/error.log" && {
      log "port $port was taken meanwhile; trying another"
      continue
    }
    fail "nginx did not start" "$dir/error.log"
  done
  fail "nginx found no free port in 5 tries" "$dir/error.log"
}

# fpm_pong <url>: php-fpm answers its ping through nginx (no PHP code runs:
# a goos that crashes scripts does not fail the start).
fpm_pong() { [[ "$(curl -s --max-time 5 "$1/.goos-fpm-ping")" == pong ]]; }

start_fpm() {
  goos_apt_install nginx curl
  local php_prefix="${GOOS_FPM_PHP_PREFIX:-}" version fpm root sock="$dir/php-fpm.sock" rc port url
  local pm="${GOOS_FPM_PM:-static}" children="${GOOS_FPM_CHILDREN:-2}"
  local max_requests="${GOOS_FPM_MAX_REQUESTS:-0}" terminate="${GOOS_FPM_TERMINATE:-0}" pm_lines
  if [[ -z "$php_prefix" ]]; then
    # The debug build of the 8.4 pin, where scripts/php-zts.sh installs it.
    version=$(awk '$1 == "php-8.4" { sub(/-.*/, "", $3); print $3 }' "$here/source-pins.txt")
    php_prefix="$(goos_cache)/php-$version-zts-debug"
  fi
  fpm="$php_prefix/sbin/php-fpm"
  [[ -x "$fpm" ]] || die "no php-fpm at $fpm: set GOOS_FPM_PHP_PREFIX to a PHP built with --enable-fpm (scripts/php-zts.sh 8.4 debug builds the default one)"
  case "$pm" in
  static) pm_lines="" ;;
  # Room to grow from one child up to max_children, as fpm requires
  # (min_spare <= start <= max_spare <= max_children).
  dynamic) pm_lines=$'pm.start_servers = 1\npm.min_spare_servers = 1\npm.max_spare_servers = '"$children" ;;
  ondemand) pm_lines="pm.process_idle_timeout = 10s" ;;
  *) die "GOOS_FPM_PM is '$pm': static, dynamic or ondemand" ;;
  esac
  [[ "$children" =~ ^[1-9][0-9]*$ ]] || die "GOOS_FPM_CHILDREN is '$children': a number of children, 1 or more"
  [[ "$max_requests" =~ ^[0-9]+$ ]] || die "GOOS_FPM_MAX_REQUESTS is '$max_requests': a number (0: never recycle)"
  [[ "$terminate" =~ ^[0-9]+$ ]] || die "GOOS_FPM_TERMINATE is '$terminate': seconds (0: no limit)"
  root=$(realpath -m "${GOOS_FPM_ROOT:-$dir/www}")
  mkdir -p "$root"

  # Ours first, then the caller's lines, which may override them. Without
  # display_errors a fatal error is a 500 (PHP sets it only then) and its
  # message goes to fpm's log, as in production.
  {
    printf '; scripts/services.sh fpm: the only php.ini this php-fpm reads (-n -c)\n'
    printf 'display_errors = Off\nlog_errors = On\nerror_reporting = E_ALL\n'
    printf '; GOOS_FPM_INI\n%s\n' "${GOOS_FPM_INI:-}"
  } >"$dir/php.ini"
  # chdir: the children work in the state directory (fpm's default is /),
  # where stop_server finds them should the master die. log_limit: children's
  # lines are cut at 1 KiB by default. process_control_timeout: how long a
  # graceful stop (SIGQUIT) or reload (SIGUSR2) lets running requests finish
  # before the children get SIGTERM (at 0, at once).
  cat >"$dir/php-fpm.conf" <<CONF
; scripts/services.sh fpm
[global]
error_log = $dir/php-fpm.log
log_limit = 8192
process_control_timeout = 10s

[www]
listen = $sock
listen.mode = 0600
chdir = $dir
pm = $pm
pm.max_children = $children
$pm_lines
pm.max_requests = $max_requests
request_terminate_timeout = $terminate
catch_workers_output = yes
decorate_workers_output = no
clear_env = no
ping.path = /.goos-fpm-ping
pm.status_path = /.goos-fpm-status
CONF
  # -R: php-fpm refuses to run as root without it. The pool names no user, so
  # a root master's children stay root, like nginx's workers (nginx_head):
  # they reach each other's socket (0600) and any document root.
  local -a as_root=()
  (($(id -u) == 0)) && as_root=(-R)
  : >"$dir/php-fpm.log"
  : >"$dir/server.log"
  launch "$dir/server.log" "$fpm" -n -y "$dir/php-fpm.conf" -c "$dir/php.ini" -F "${as_root[@]}"
  rc=0
  wait_until "php-fpm" test -S "$sock" || rc=$?
  if ((rc != 0)); then
    cat "$dir/server.log" >>"$dir/php-fpm.log" 2>/dev/null || true
    fail "php-fpm did not start" "$dir/php-fpm.log"
  fi
  (in_fpm_nginx fpm_nginx "$sock" "$root") || exit 1
  port=$(cat "$dir/nginx/port")
  url="http://127.0.0.1:$port"
  rc=0
  wait_until "php-fpm through nginx" fpm_pong "$url" || rc=$?
  if ((rc != 0)); then
    cat "$dir/server.log" >>"$dir/php-fpm.log" 2>/dev/null || true
    fail "php-fpm does not answer its ping through nginx ($url/.goos-fpm-ping)" "$dir/php-fpm.log"
  fi
  emit_env "GOOS_FPM_URL=$url" "GOOS_FPM_ROOT=$root" "GOOS_FPM_PID=$(cat "$dir/server.pid")" \
    "GOOS_FPM_LOG=$dir/php-fpm.log" "GOOS_FPM_SOCKET=$sock" "GOOS_FPM_DIR=$dir"
}

begin=$SECONDS
"start_$service"
started=1
# What stop kills besides the pid, should the server have died (leftovers).
readlink "/proc/$(cat "$dir/server.pid")/exe" >"$dir/server.exe" || true
log "ready in $((SECONDS - begin)) s, state in $dir"
