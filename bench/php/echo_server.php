<?php
// The goos side of the TCP line-echo benchmark (issue 13; bench/echo.sh runs
// it beside bench/go/echo/echoserver, both driven by bench/go/echo/echoload).
//
//   php -d extension=goos.so echo_server.php [--procs N] [--port P] [--time S]
//
//   --procs N   Scheduler::maxProcs(N) (default 2)
//   --port P    TCP port on 127.0.0.1; 0 (the default) lets the kernel choose
//   --time S    stop after S seconds (default: only on SIGTERM or SIGINT)
//
// Prints "LISTEN <port>" on stdout once it listens; on SIGTERM, SIGINT or
// after --time it stops accepting, lets every connection's goroutine notice
// (within half a second), waits for them and prints what it served on
// stderr. Needs ext/sockets and ext/pcntl (scripts/php-zts.sh builds both)
// and Linux's /proc.
//
// One goroutine per connection, reading a line with fgets() and writing it
// back with fwrite(), until the client closes. Until goos hooks stream I/O,
// fgets() in a goroutine blocks its thread (its M) and every goroutine queued
// there: with 2 Ps, 2 connections are served and the others wait (each
// blocked read gives way after the half-second timeout below, when the
// preemption check sends the goroutine to the back of its queue). That is
// expected; the script is written for when the hooks exist, and today it
// serves one client correctly (and any number, one after the other).
//
// How a connection reaches its goroutine
// --------------------------------------
// A stream resource cannot be passed to go() (Goos\TransferError: resources
// live in one thread's interpreter), so the script cannot accept in one
// place and hand the connection over, and a goroutine cannot use a listening
// socket the script opened. Two ways around that were weighed:
//
// - SO_REUSEPORT, a listening socket per goroutine (or per thread) on the
//   same port: the kernel gives each such socket its own accept queue and
//   hashes every new connection to one of them. A connection hashed to a
//   socket whose owner is busy serving (or to a thread with no accepting
//   goroutine: go() cannot choose the thread) waits indefinitely, and
//   closing a socket resets the connections queued on it. Not reliable.
// - One listening socket, shared: what this script does. The script opens
//   it and passes its file descriptor *number* (an int, which crosses). On
//   each thread, the first goroutine that accepts turns that number into a
//   socket stream of its own, kept in a static variable (statics and
//   resources are per thread, shared by that thread's goroutines):
//   fopen("php://fd/N") dup()s the descriptor, but gives a plain-file
//   stream, on which stream_socket_accept() does not work; so it sends that
//   descriptor to itself over a socketpair (SCM_RIGHTS), which ext/sockets
//   receives as a Socket, and socket_export_stream() makes that a real
//   socket stream. All the threads' descriptors are the same socket, with
//   one accept queue, so no connection can be stranded.
//
// Accepting is a relay: one goroutine at a time waits in
// stream_socket_accept(); when it gets a connection, it starts the next
// acceptor with go() and then serves its own connection, so each connection
// is served by the goroutine that accepted it and the resource never has to
// cross. One acceptor at a time also keeps two goroutines of one thread from
// waiting on one socket at once (which the hooks will refuse).
//
// Everything that waits is a PHP socket stream call (stream_socket_accept,
// fgets, fwrite on a socket stream: a poll() and then recv/send/accept),
// which is the kind of wait the I/O hooks park. A plain-file stream (php://fd
// used directly) would read with a blocking read() the hooks do not see.

use Goos\Chan;
use Goos\Scheduler;

const READ_TIMEOUT_US = 500000; // how often an idle connection looks at $stop

/** A file descriptor number of this process open on the same socket as $stream. */
function fd_number($stream): int
{
    $ino = fstat($stream)['ino'];
    foreach (scandir('/proc/self/fd') as $fd) {
        if (ctype_digit($fd) && @readlink("/proc/self/fd/$fd") === "socket:[$ino]") {
            return (int) $fd;
        }
    }
    throw new RuntimeException("socket inode $ino not found in /proc/self/fd");
}

/** This thread's socket stream on the listening socket $fd (see the top). */
function thread_listener(int $fd)
{
    static $listener = null; // per thread: every goroutine of this M sees it
    if ($listener !== null) {
        return $listener;
    }
    $plain = fopen("php://fd/$fd", 'r+'); // a dup() of the descriptor
    if ($plain === false) {
        throw new RuntimeException("cannot open php://fd/$fd");
    }
    if (!socket_create_pair(AF_UNIX, SOCK_DGRAM, 0, $pair)) {
        throw new RuntimeException('socket_create_pair: ' . socket_strerror(socket_last_error()));
    }
    $sent = socket_sendmsg($pair[0], [
        'iov' => ['x'],
        'control' => [['level' => SOL_SOCKET, 'type' => SCM_RIGHTS, 'data' => [$plain]]],
    ], 0);
    $msg = ['buffer_size' => 8, 'controllen' => socket_cmsg_space(SOL_SOCKET, SCM_RIGHTS, 1)];
    $got = $sent === false ? false : socket_recvmsg($pair[1], $msg, 0);
    fclose($plain);
    socket_close($pair[0]);
    socket_close($pair[1]);
    $socket = $msg['control'][0]['data'][0] ?? null;
    if ($got === false || !$socket instanceof Socket) {
        throw new RuntimeException('passing the listening socket over SCM_RIGHTS failed');
    }
    // The stream owns the descriptor from now on (the Socket keeps it alive).
    $listener = socket_export_stream($socket);
    return $listener;
}

/** One acceptor of the relay: accept a connection, start the next acceptor, serve. */
function acceptor(int $listenFd, Chan $stop, Chan $served): void
{
    $listener = thread_listener($listenFd);
    while (!$stop->isClosed()) {
        $conn = @stream_socket_accept($listener, READ_TIMEOUT_US / 1e6);
        if ($conn === false) {
            continue; // the timeout: look at $stop again
        }
        go('acceptor', $listenFd, $stop, $served);
        $served->send(serve($conn, $stop));
        return;
    }
}

/** Echoes lines until the client closes (or $stop is closed); returns the lines echoed. */
function serve($conn, Chan $stop): int
{
    stream_set_timeout($conn, 0, READ_TIMEOUT_US);
    $lines = 0;
    while (true) {
        $line = fgets($conn);
        if ($line === false) {
            if (!feof($conn) && stream_get_meta_data($conn)['timed_out'] && !$stop->isClosed()) {
                continue; // idle: wait on
            }
            break; // the client closed, an error, or the server stops
        }
        // A line is written back as it came, with one fwrite() (a piece of a
        // longer line, or one cut by the timeout, too: the byte stream stays
        // the same). Socket streams do not buffer writes.
        for ($rest = $line; $rest !== '';) {
            $n = fwrite($conn, $rest);
            if ($n === false || $n === 0) {
                break 2;
            }
            $rest = substr($rest, $n);
        }
        if ($line[-1] === "\n") {
            $lines++;
        }
    }
    fclose($conn);
    return $lines;
}

$opt = getopt('', ['procs:', 'port:', 'time:']);
$procs = (int) ($opt['procs'] ?? 2);
$port = (int) ($opt['port'] ?? 0);
$limit = (float) ($opt['time'] ?? 0);
if ($procs < 1 || $port < 0 || $port > 65535 || $limit < 0) {
    fwrite(STDERR, "usage: php echo_server.php [--procs N] [--port P] [--time S]\n");
    exit(2);
}
foreach (['sockets', 'pcntl'] as $ext) {
    if (!extension_loaded($ext)) {
        fwrite(STDERR, "echo_server.php: needs ext/$ext\n");
        exit(2);
    }
}
Scheduler::maxProcs($procs);

$server = stream_socket_server(
    "tcp://127.0.0.1:$port",
    $errno,
    $errstr,
    STREAM_SERVER_BIND | STREAM_SERVER_LISTEN,
    stream_context_create(['socket' => ['backlog' => 1024]]),
);
if ($server === false) {
    fwrite(STDERR, "echo_server.php: $errstr\n");
    exit(1);
}
$name = stream_socket_get_name($server, false);
$port = (int) substr($name, strrpos($name, ':') + 1);

$stopping = false;
pcntl_async_signals(true);
pcntl_signal(SIGTERM, function () use (&$stopping) { $stopping = true; });
pcntl_signal(SIGINT, function () use (&$stopping) { $stopping = true; });

$stop = new Chan();      // closed when the server stops
$served = new Chan(256); // each connection's line count, when it ends
go('acceptor', fd_number($server), $stop, $served);
echo "LISTEN $port\n";
fflush(STDOUT);

$connections = 0;
$lines = 0;
// Adds up the line counts the connections' goroutines sent, waiting up to
// $wait seconds for the first (the origin's wait: signal handlers run in it).
$collect = function (float $wait) use ($served, &$connections, &$lines): void {
    $n = $wait > 0 ? $served->recv($wait, $ok) : $served->tryRecv($ok);
    for (; $ok === true; $n = $served->tryRecv($ok)) {
        $connections++;
        $lines += $n;
    }
};
$deadline = $limit > 0 ? microtime(true) + $limit : INF;
while (!$stopping && microtime(true) < $deadline) {
    $collect(0.2);
}
$stop->close();
while (!Scheduler::join(0.1)) { // each goroutine sees $stop within 0.5 s
    $collect(0.0);
}
$collect(0.0);
fclose($server);
fprintf(STDERR, "echo_server.php: maxProcs %d, %d connections, %d lines echoed\n", $procs, $connections, $lines);
