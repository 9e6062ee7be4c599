#!/usr/bin/env bash
# Tests of scripts/services.sh: a real redis, MariaDB, PostgreSQL, nginx and
# php-fpm behind nginx, each started in a directory of this test's own, asked
# over TCP and over its socket (nginx: each route, over HTTP and HTTPS; fpm: a
# page, GET and POST, across a reload, with each process manager), stopped
# (also after a kill -9), and checked to leave no process and no directory.
# Whatever happens, the EXIT trap stops them all. fpm is the default PHP's
# (GOOS_FPM_PHP_PREFIX to change it), without goos.
#
#   tests/scripts/services_test.sh      prints "N passed, N failed" last
set -uo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
services="$root/scripts/services.sh"
tmp=$(mktemp -d)
chmod 711 "$tmp" # PostgreSQL runs as the postgres user, which must reach its directory in here
export GOOS_SERVICES_DIR="$tmp/services"
unset GOOS_REDIS_DIR GOOS_MYSQL_DIR GOOS_PG_DIR GOOS_NGINX_DIR GOOS_FPM_DIR
unset GOOS_FPM_INI GOOS_FPM_ROOT GOOS_FPM_PM GOOS_FPM_CHILDREN GOOS_FPM_MAX_REQUESTS GOOS_FPM_TERMINATE
cleanup() {
  local service
  for service in redis mariadb postgresql nginx fpm; do
    "$services" stop "$service" >/dev/null 2>&1
  done
  rm -rf "$tmp"
}
trap cleanup EXIT

passed=0 failed=0
out="" err="" status=0
check() { # check <case> <description> <condition...>
  local name="$1" what="$2"
  shift 2
  if "$@"; then
    passed=$((passed + 1))
    printf 'ok    %s: %s\n' "$name" "$what"
  else
    failed=$((failed + 1))
    printf 'FAIL  %s: %s\n' "$name" "$what"
    printf '%s\n' "$err" | tail -n 25 | sed 's/^/        | /'
  fi
}
has() { grep -qF -- "$1" <<<"$2"; }

# run <args...>: services.sh, its stdout in $out, its stderr in $err.
run() {
  "$services" "$@" >"$tmp/out" 2>"$tmp/err"
  status=$?
  out=$(cat "$tmp/out") err=$(cat "$tmp/err")
}

# Processes (zombies aside) whose working directory is in <dir>: a server
# started by services.sh works in its state directory.
procs_in() {
  local p cwd
  for p in /proc/[0-9]*; do
    cwd=$(readlink "$p/cwd" 2>/dev/null) || continue
    [[ "$cwd" == "$1" || "$cwd" == "$1"/* || "$cwd" == "$1 (deleted)" || "$cwd" == "$1"/*" (deleted)" ]] &&
      echo "${p#/proc/}"
  done
  return 0
}
alive() { [[ -e "/proc/$1" ]] && [[ "$(sed 's/.*) //' "/proc/$1/stat" 2>/dev/null | cut -d' ' -f1)" != Z ]]; }
dead() { ! alive "$1"; }
gone() { # gone <pid> <dir>: the server ended and left nothing behind
  ! alive "$1" && [[ ! -e "$2" && -z "$(procs_in "$2")" ]]
}

# killed <service> <case>: start, kill -9 the server, stop: nothing is left.
killed() {
  local pid
  run start "$1"
  eval "$out"
  pid=$(cat "$dir/server.pid")
  kill -9 "$pid"
  run stop "$1"
  check "$2" "stop after a kill -9 of the server succeeds" [ "$status" -eq 0 ]
  check "$2" "and removes the directory; no process is left" gone "$pid" "$dir"
}

# --- redis ------------------------------------------------------------------------

dir="$GOOS_SERVICES_DIR/redis"
run start redis
check redis "start succeeds" [ "$status" -eq 0 ]
eval "$out"
check redis "prints the exports" [ -n "${GOOS_REDIS_PORT:-}" -a "${GOOS_REDIS_HOST:-}" = 127.0.0.1 \
  -a "${GOOS_REDIS_SOCKET:-}" = "$dir/redis.sock" -a "${GOOS_REDIS_DIR:-}" = "$dir" ]
check redis "answers PING over TCP" [ "$(redis-cli -h "$GOOS_REDIS_HOST" -p "$GOOS_REDIS_PORT" ping 2>&1)" = PONG ]
check redis "answers PING over its socket" [ "$(redis-cli -s "$GOOS_REDIS_SOCKET" ping 2>&1)" = PONG ]
pid=$(cat "$dir/server.pid")
first="$out"
run start redis
check redis "a second start finds it running and prints the same" [ "$status" -eq 0 -a "$out" = "$first" ]
run env redis
check redis "env prints the exports again" [ "$status" -eq 0 -a "$out" = "$first" ]
run stop redis
check redis "stop succeeds" [ "$status" -eq 0 ]
check redis "no process and no directory are left" gone "$pid" "$dir"
run stop redis
check redis "stopping again does nothing" [ "$status" -eq 0 ]
unset GOOS_REDIS_DIR

killed redis redis-killed
unset GOOS_REDIS_DIR

# A port taken between the choice and the bind: another port is tried. The
# first launch of this redis-server fails as redis does on a taken port.
real=$(command -v redis-server || command -v redis-check-rdb)
mkdir -p "$tmp/bin"
cat >"$tmp/bin/redis-server" <<EOF
#!/usr/bin/env bash
if [[ ! -e "$tmp/bin/once" ]]; then
  touch "$tmp/bin/once"
  echo "# Warning: Could not create server TCP listening socket 127.0.0.1:1: bind: Address already in use"
  exit 1
fi
exec -a redis-server "$real" "\$@"
EOF
chmod +x "$tmp/bin/redis-server"
PATH="$tmp/bin:$PATH" run start redis
check redis-port-race "start succeeds on another port" [ "$status" -eq 0 ]
check redis-port-race "saying so" has "was taken meanwhile; trying another" "$err"
eval "$out"
check redis-port-race "and the server answers" [ "$(redis-cli -s "$GOOS_REDIS_SOCKET" ping 2>&1)" = PONG ]
run stop redis
unset GOOS_REDIS_DIR

# A server that cannot start: the reason and its log, nothing left behind.
printf '#!/bin/sh\necho "FATAL CONFIG FILE ERROR (test)" >&2\nexit 1\n' >"$tmp/bin/redis-server"
PATH="$tmp/bin:$PATH" run start redis
check redis-fails "start fails, printing no exports" [ "$status" -ne 0 -a -z "$out" ]
check redis-fails "names the failure and shows the server's output" \
  has "FATAL CONFIG FILE ERROR (test)" "$err"
check redis-fails "leaves no directory" [ ! -e "$dir" ]

# stop never removes a directory that services.sh did not make.
mkdir -p "$tmp/mine"
touch "$tmp/mine/keep"
run stop redis "$tmp/mine"
check foreign-dir "stop refuses a directory that is not a state directory" \
  [ "$status" -ne 0 -a -e "$tmp/mine/keep" ]

# --- MariaDB ----------------------------------------------------------------------

dir="$GOOS_SERVICES_DIR/mariadb"
begin=$SECONDS
run start mariadb
check mariadb "start succeeds (in $((SECONDS - begin)) s)" [ "$status" -eq 0 ]
eval "$out"
check mariadb "prints the exports" [ -n "${GOOS_MYSQL_PORT:-}" -a "${GOOS_MYSQL_HOST:-}" = 127.0.0.1 \
  -a "${GOOS_MYSQL_SOCKET:-}" = "$dir/mysql.sock" -a "${GOOS_MYSQL_USER:-}" = goos \
  -a "${GOOS_MYSQL_PASSWORD:-}" = goos -a "${GOOS_MYSQL_DB:-}" = goos -a "${GOOS_MYSQL_DIR:-}" = "$dir" ]
sql() { mariadb --no-defaults --batch --skip-column-names "$@" 2>&1; }
check mariadb "answers user goos over TCP, in database goos" \
  [ "$(sql -h "$GOOS_MYSQL_HOST" -P "$GOOS_MYSQL_PORT" -u goos -pgoos goos -e 'SELECT 1, DATABASE()')" = "1	goos" ]
check mariadb "answers user goos over its socket" \
  [ "$(sql -S "$GOOS_MYSQL_SOCKET" -u goos -pgoos goos -e 'SELECT 1')" = 1 ]
check mariadb "the OS user is its admin over the socket, without a password" \
  [ "$(sql -S "$GOOS_MYSQL_SOCKET" -u "$(id -un)" -e 'SELECT CURRENT_USER()')" = "$(id -un)@localhost" ]
check mariadb "a wrong password is refused" \
  has "Access denied" "$(sql -h "$GOOS_MYSQL_HOST" -P "$GOOS_MYSQL_PORT" -u goos -pwrong -e 'SELECT 1')"
pid=$(cat "$dir/server.pid")
run stop mariadb
check mariadb "stop succeeds" [ "$status" -eq 0 ]
check mariadb "no process and no directory are left" gone "$pid" "$dir"
unset GOOS_MYSQL_DIR

killed mariadb mariadb-killed

# --- PostgreSQL -------------------------------------------------------------------

dir="$GOOS_SERVICES_DIR/postgresql"
begin=$SECONDS
run start postgresql
check postgresql "start succeeds (in $((SECONDS - begin)) s)" [ "$status" -eq 0 ]
eval "$out"
check postgresql "prints the exports" [ -n "${GOOS_PG_PORT:-}" -a "${GOOS_PG_HOST:-}" = 127.0.0.1 \
  -a "${GOOS_PG_SOCKET_DIR:-}" = "$dir" -a -S "$dir/.s.PGSQL.${GOOS_PG_PORT:-}" -a "${GOOS_PG_USER:-}" = goos \
  -a "${GOOS_PG_PASSWORD:-}" = goos -a "${GOOS_PG_DB:-}" = goos -a "${GOOS_PG_CA:-}" = "$dir/server.crt" \
  -a "${GOOS_PG_DIR:-}" = "$dir" ]
pg() { # pg <conninfo> <sql>: one value, as psql prints it unaligned
  PGPASSWORD="${pg_password:-goos}" psql -X -A -t -c "$2" "$1 port=$GOOS_PG_PORT user=goos dbname=goos" 2>&1
}
check postgresql "answers goos with its password over TCP, a superuser in database goos" \
  [ "$(pg "host=$GOOS_PG_HOST sslmode=disable" 'SELECT current_database(), rolsuper FROM pg_roles WHERE rolname = current_user')" = "goos|t" ]
check postgresql "answers goos over its socket" \
  [ "$(pg "host=$GOOS_PG_SOCKET_DIR" 'SELECT current_user')" = goos ]
check postgresql "verify-full against GOOS_PG_CA holds for localhost, over TLS" \
  [ "$(pg "host=localhost sslmode=verify-full sslrootcert=$GOOS_PG_CA" 'SELECT ssl FROM pg_stat_ssl WHERE pid = pg_backend_pid()')" = t ]
check postgresql "and for 127.0.0.1" \
  [ "$(pg "host=127.0.0.1 sslmode=verify-full sslrootcert=$GOOS_PG_CA" 'SELECT 1')" = 1 ]
check postgresql "a wrong password is refused" \
  has "password authentication failed" "$(pg_password=wrong pg "host=$GOOS_PG_HOST" 'SELECT 1')"
pid=$(cat "$dir/server.pid")
first="$out"
run start postgresql
check postgresql "a second start finds it running and prints the same" [ "$status" -eq 0 -a "$out" = "$first" ]
pg "host=$GOOS_PG_SOCKET_DIR" 'SELECT pg_sleep(60)' >/dev/null & # a client still connected
client=$!
sleep 0.2
run stop postgresql
check postgresql "stop succeeds, with a client connected" [ "$status" -eq 0 ]
check postgresql "no process and no directory are left" gone "$pid" "$dir"
wait "$client"
unset GOOS_PG_DIR

killed postgresql postgresql-killed # its children end too
unset GOOS_PG_DIR

# --- nginx ------------------------------------------------------------------------

dir="$GOOS_SERVICES_DIR/nginx"
begin=$SECONDS
run start nginx
check nginx "start succeeds (in $((SECONDS - begin)) s)" [ "$status" -eq 0 ]
eval "$out"
check nginx "prints the exports" [ -n "${GOOS_NGINX_PORT:-}" -a -n "${GOOS_NGINX_TLS_PORT:-}" \
  -a "${GOOS_NGINX_HOST:-}" = 127.0.0.1 -a "${GOOS_NGINX_CA:-}" = "$dir/nginx.crt" -a "${GOOS_NGINX_DIR:-}" = "$dir" ]
# get <url> [curl args...]: "<status> <body>"; get_sha: "<status> <the body's sha256>".
get() {
  curl -s --max-time 10 --cacert "$GOOS_NGINX_CA" -o "$tmp/body" -w '%{http_code}' "$@" 2>&1
  printf ' %s' "$(cat "$tmp/body")"
}
get_sha() {
  curl -s --max-time 10 --cacert "$GOOS_NGINX_CA" -o "$tmp/body" -w '%{http_code}' "$@" 2>&1
  printf ' %s' "$(sha256sum <"$tmp/body" | cut -d' ' -f1)"
}
sha() { sha256sum | cut -d' ' -f1; }
# The expected body of /bytes/<n>: the first n bytes of chr(0)..chr(255)
# repeated (8 MiB of it, made by doubling), and 3 MiB of it to upload.
printf '%b' "$(printf '\\0%03o' {0..255})" >"$tmp/pattern"
for ((i = 0; i < 15; i++)); do cat "$tmp/pattern" "$tmp/pattern" >"$tmp/double" && mv "$tmp/double" "$tmp/pattern"; done
head -c $((3 << 20)) "$tmp/pattern" >"$tmp/upload"
for base in "http://127.0.0.1:$GOOS_NGINX_PORT" "https://localhost:$GOOS_NGINX_TLS_PORT" "https://127.0.0.1:$GOOS_NGINX_TLS_PORT"; do
  begin=$(date +%s%N)
  check "nginx $base" "/delay/300 answers" [ "$(get "$base/delay/300")" = "200 delayed 300" ]
  check "nginx $base" "after 300 ms" [ $((($(date +%s%N) - begin) / 1000000)) -ge 300 ]
  check "nginx $base" "/delay/0 answers at once" [ "$(get "$base/delay/0")" = "200 delayed 0" ]
  check "nginx $base" "/redirect/3 is a 302 to /redirect/2" \
    [ "$(curl -s --cacert "$GOOS_NGINX_CA" -o /dev/null -w '%{http_code} %{redirect_url}' "$base/redirect/3")" = "302 $base/redirect/2" ]
  check "nginx $base" "followed, it arrives" [ "$(get -L "$base/redirect/3")" = "200 arrived" ]
  for n in 0 1 255 256 1000 1048577 8388608; do
    check "nginx $base" "/bytes/$n" [ "$(get_sha "$base/bytes/$n")" = "200 $(head -c "$n" "$tmp/pattern" | sha)" ]
  done
  for method in POST PUT; do
    check "nginx $base" "$method /echo of 3 MiB answers the same bytes" \
      [ "$(get_sha -X "$method" --data-binary "@$tmp/upload" "$base/echo")" = "200 $(sha <"$tmp/upload")" ]
  done
  for code in 200 201 404 418 503; do
    check "nginx $base" "/status/$code" [ "$(get "$base/status/$code")" = "$code status $code" ]
  done
  check "nginx $base" "/headers echoes the user agent and X-Goos-Test first" \
    [ "$(get -A goos-test -H 'X-Goos-Test: 42' "$base/headers" | head -n 2)" = $'200 user-agent: goos-test\nx-goos-test: 42' ]
done
check nginx "TLS is refused without the test CA" \
  [ "$(curl -s -o /dev/null -w '%{http_code}' "https://localhost:$GOOS_NGINX_TLS_PORT/status/200")" = 000 ]
pid=$(cat "$dir/server.pid")
first="$out"
run start nginx
check nginx "a second start finds it running and prints the same" [ "$status" -eq 0 -a "$out" = "$first" ]
run stop nginx
check nginx "stop succeeds" [ "$status" -eq 0 ]
check nginx "no process and no directory are left" gone "$pid" "$dir"
unset GOOS_NGINX_DIR
killed nginx nginx-killed # its worker outlives its master
unset GOOS_NGINX_DIR

# --- php-fpm behind nginx -----------------------------------------------------------

dir="$GOOS_SERVICES_DIR/fpm"
# Processes (zombies aside) whose command line names <dir>: php-fpm's master
# names its php-fpm.conf, nginx its prefix.
named_in() {
  local p
  for p in /proc/[0-9]*; do
    alive "${p#/proc/}" && tr '\0' ' ' <"$p/cmdline" 2>/dev/null | grep -qF -- "$1" && echo "${p#/proc/}"
  done
  return 0
}
begin=$(date +%s%N)
GOOS_FPM_INI="" run start fpm
check fpm "start succeeds, goos not loaded (in $((($(date +%s%N) - begin) / 1000000)) ms)" [ "$status" -eq 0 ]
eval "$out"
check fpm "prints the exports" [ "${GOOS_FPM_URL:-}" != "${GOOS_FPM_URL#http://127.0.0.1:}" \
  -a "${GOOS_FPM_ROOT:-}" = "$dir/www" -a -d "$dir/www" -a "${GOOS_FPM_LOG:-}" = "$dir/php-fpm.log" \
  -a "${GOOS_FPM_PID:-}" = "$(cat "$dir/server.pid")" -a -S "${GOOS_FPM_SOCKET:-}" -a "${GOOS_FPM_DIR:-}" = "$dir" ]
check fpm "GOOS_FPM_PID is php-fpm's master" has "php-fpm: master process" "$(tr '\0' ' ' <"/proc/$GOOS_FPM_PID/cmdline")"
check fpm "goos is not loaded" [ "$(grep -c goos "$dir/php.ini")" -eq 0 ]
# body <url> [curl args...]: "<status> <body>"; code <url>: "<status>".
body() {
  curl -s --max-time 10 -o "$tmp/body" -w '%{http_code}' "$@" 2>&1
  printf ' %s' "$(cat "$tmp/body")"
}
code() { curl -s --max-time 10 -o /dev/null -w '%{http_code}' "$@" 2>&1; }
cat >"$GOOS_FPM_ROOT/post.php" <<'PHP'
<?php echo json_encode($_POST), " ", $_SERVER['REQUEST_METHOD'], " ", $_SERVER['CONTENT_TYPE'] ?? '';
file_put_contents('php://stderr', "post.php says hello on stderr\n");
PHP
cat >"$GOOS_FPM_ROOT/index.php" <<'PHP'
<?php echo "index of ", $_SERVER["SCRIPT_NAME"];
PHP
children() { ps -o pid= --ppid "$GOOS_FPM_PID" | tr -d ' ' | sort -n | tr '\n' ' '; }
# answers <case>: pid.php answers from a child of the master, with the query.
answers() {
  local got child
  cat >"$GOOS_FPM_ROOT/pid.php" <<'PHP'
<?php echo getmypid(), " ", $_GET['x'] ?? '';
PHP
  got=$(body "$GOOS_FPM_URL/pid.php?x=hi%20there")
  child=$(cut -d' ' -f2 <<<"$got")
  check "$1" "GET /pid.php?x=... answers 200, the child's pid and \$_GET['x'] ($got)" \
    [ "${got%% *}" = 200 -a "$got" = "200 $child hi there" ]
  check "$1" "from a child of GOOS_FPM_PID" has " $child " " $(children)"
}
answers fpm
check fpm "POST: the form reaches \$_POST" \
  [ "$(body -d 'a=1&b=two+words' "$GOOS_FPM_URL/post.php")" = '200 {"a":"1","b":"two words"} POST application/x-www-form-urlencoded' ]
check fpm "and the child's stderr reaches GOOS_FPM_LOG" has "post.php says hello on stderr" "$(cat "$GOOS_FPM_LOG")"
check fpm "/ runs index.php" [ "$(body "$GOOS_FPM_URL/")" = "200 index of /index.php" ]
check fpm "a missing script is a 404" [ "$(code "$GOOS_FPM_URL/missing.php")" = 404 ]
before=$(children)
kill -USR2 "$GOOS_FPM_PID"
for ((i = 0; i < 100; i++)); do # the new children, after the old ones ended
  after=$(children)
  [[ -n "$after" && "$after" != "$before" && $(wc -w <<<"$after") -eq 2 ]] && break
  sleep 0.05
done
check fpm-reload "SIGUSR2: the same master, new children" [ "$(cat "$dir/server.pid")" = "$GOOS_FPM_PID" -a "$after" != "$before" ]
check fpm-reload "the master logs the reload" has "reloading: execvp" "$(cat "$GOOS_FPM_LOG")"
answers fpm-reload
first="$out"
run start fpm
check fpm "a second start finds it running and prints the same" [ "$status" -eq 0 -a "$out" = "$first" ]
pid=$GOOS_FPM_PID
run stop fpm
check fpm "stop succeeds" [ "$status" -eq 0 ]
check fpm "no process and no directory are left" gone "$pid" "$dir"
check fpm "no php-fpm or nginx names the directory" [ -z "$(named_in "$dir")" ]
unset GOOS_FPM_DIR

# SIGQUIT to the master: a request that runs finishes (process_control_timeout).
run start fpm
eval "$out"
printf '<?php usleep(1000000); echo "slept";\n' >"$GOOS_FPM_ROOT/slow.php"
body "$GOOS_FPM_URL/slow.php" >"$tmp/slow" &
client=$!
sleep 0.3
kill -QUIT "$GOOS_FPM_PID"
wait "$client"
check fpm-quit "SIGQUIT during a request: the request still answers" [ "$(cat "$tmp/slow")" = "200 slept" ]
for ((i = 0; i < 100; i++)); do alive "$GOOS_FPM_PID" || break; sleep 0.05; done
check fpm-quit "then the master ends" dead "$GOOS_FPM_PID"
run stop fpm
check fpm-quit "stop after it cleans up" [ "$status" -eq 0 -a ! -e "$dir" -a -z "$(procs_in "$dir")" ]
unset GOOS_FPM_DIR

killed fpm fpm-killed # its children and nginx outlive the master
unset GOOS_FPM_DIR

# The other process managers, GOOS_FPM_INI's lines in the php.ini and
# GOOS_FPM_TERMINATE's request_terminate_timeout.
for pm in dynamic ondemand; do
  GOOS_FPM_PM=$pm GOOS_FPM_CHILDREN=3 GOOS_FPM_MAX_REQUESTS=5 GOOS_FPM_TERMINATE=1 \
    GOOS_FPM_INI=$'memory_limit = 77M\nmax_input_time = 7' run start fpm
  check "fpm-$pm" "start succeeds" [ "$status" -eq 0 ]
  eval "$out"
  printf '<?php echo ini_get("memory_limit"), " ", ini_get("max_input_time"), " ", getmypid();\n' >"$GOOS_FPM_ROOT/ini.php"
  answers "fpm-$pm"
  check "fpm-$pm" "the pool runs pm = $pm" \
    has "\"process manager\":\"$pm\"" "$(curl -s --max-time 10 "$GOOS_FPM_URL/.goos-fpm-status?json")"
  check "fpm-$pm" "GOOS_FPM_INI's lines hold" has "200 77M 7 " "$(body "$GOOS_FPM_URL/ini.php")"
  if [[ "$pm" == dynamic ]]; then
    printf '<?php sleep(5); echo "not ended";\n' >"$GOOS_FPM_ROOT/long.php"
    begin=$SECONDS
    check "fpm-$pm" "a request longer than GOOS_FPM_TERMINATE (1 s) is ended: nginx's 502" \
      [ "$(code "$GOOS_FPM_URL/long.php")" = 502 -a $((SECONDS - begin)) -lt 5 ]
    check "fpm-$pm" "and php-fpm logs it" has "execution timed out" "$(cat "$GOOS_FPM_LOG")"
  fi
  pid=$GOOS_FPM_PID
  run stop fpm
  check "fpm-$pm" "stop leaves nothing" gone "$pid" "$dir"
  unset GOOS_FPM_DIR
done

# A php-fpm that cannot start: its output, and nothing left behind.
mkdir -p "$tmp/bad-php/sbin"
printf '#!/bin/sh\necho "ERROR: FPM initialization failed (test)" >&2\nexit 78\n' >"$tmp/bad-php/sbin/php-fpm"
chmod +x "$tmp/bad-php/sbin/php-fpm"
GOOS_FPM_PHP_PREFIX="$tmp/bad-php" run start fpm
check fpm-fails "start fails, printing no exports" [ "$status" -ne 0 -a -z "$out" ]
check fpm-fails "names the failure and shows php-fpm's output" has "FPM initialization failed (test)" "$err"
check fpm-fails "leaves no directory" [ ! -e "$dir" ]

# A wrong setting: said, and nothing left behind.
GOOS_FPM_PM=lazy run start fpm
check fpm-bad-pm "start fails, printing no exports" [ "$status" -ne 0 -a -z "$out" ]
check fpm-bad-pm "naming GOOS_FPM_PM" has "GOOS_FPM_PM is 'lazy'" "$err"
check fpm-bad-pm "leaves no directory" [ ! -e "$dir" ]
GOOS_FPM_PHP_PREFIX="$tmp/no-php" run start fpm
check fpm-no-php "start without a php-fpm fails, printing no exports" [ "$status" -ne 0 -a -z "$out" ]
check fpm-no-php "naming the path it looked at" has "no php-fpm at $tmp/no-php/sbin/php-fpm" "$err"
check fpm-no-php "leaves no directory" [ ! -e "$dir" ]

echo "$passed passed, $failed failed"
((failed == 0))
