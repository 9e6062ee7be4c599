--TEST--
I/O hooks (issue 13), semantics: errno-based errors belong to the goroutine that met them. On one P, one goroutine's read is parked (it ends in EAGAIN, SO_RCVTIMEO), and another's (it ends with data, no error), while a third gets ECONNREFUSED from socket_connect() and stream_socket_client(), parks in a read of its own and is refused again; each reports its own socket_last_error() (with and without the socket), $errno/$errstr and warnings
--EXTENSIONS--
goos
sockets
pcntl
--FILE--
<?php
require __DIR__ . '/../fixtures/thread_free.php';
require __DIR__ . '/../sockets/peer.inc';
use Goos\{Chan, Scheduler};

Scheduler::maxProcs(1);

// A peer that accepts two connections and sends nothing until the test ends,
// and one that sends a line 0.6 s after it accepted.
$peer = peer_start(<<<'PHP'
$l = peer_listen();
peer_say('port ' . peer_port($l));
$held = [socket_accept($l), socket_accept($l)];
fgets(STDIN);
PHP);
$port = peer_port_of($peer);
$late = peer_start(<<<'PHP'
$l = peer_listen();
peer_say('port ' . peer_port($l));
$c = socket_accept($l);
usleep(600000);
socket_write($c, "late data\n");
fgets(STDIN);
PHP);
$late_port = peer_port_of($late);
// A port that refuses: bound here and not listening (so no one else can
// listen there meanwhile).
$bound = socket_create(AF_INET, SOCK_STREAM, SOL_TCP);
socket_bind($bound, '127.0.0.1', 0);
socket_getsockname($bound, $addr, $refusing);

// The warnings of $call, with the refusing port's number taken out.
function warnings(Closure $call, int $refusing): array
{
    $warnings = [];
    set_error_handler(function (int $no, string $msg) use (&$warnings, $refusing) {
        $warnings[] = str_replace((string) $refusing, 'PORT', $msg);
        return true;
    });
    try {
        return [$call(), $warnings];
    } finally {
        restore_error_handler();
    }
}

function reader(int $port, float $timeout): Socket
{
    $s = socket_create(AF_INET, SOCK_STREAM, SOL_TCP);
    socket_connect($s, '127.0.0.1', $port) or throw new RuntimeException('cannot connect');
    socket_set_option($s, SOL_SOCKET, SO_RCVTIMEO, ['sec' => (int) $timeout, 'usec' => (int) (fmod($timeout, 1) * 1e6)]);
    return $s;
}

function refused_socket_connect(int $refusing): array
{
    $s = socket_create(AF_INET, SOCK_STREAM, SOL_TCP);
    [$r, $warnings] = warnings(fn () => socket_connect($s, '127.0.0.1', $refusing), $refusing);
    return ['socket_connect' => $r, 'socket_last_error($s)' => socket_last_error($s),
        'socket_last_error()' => socket_last_error(), 'warnings' => $warnings];
}

function refused_stream_socket_client(int $refusing): array
{
    [$r, $warnings] = warnings(function () use ($refusing, &$errno, &$errstr) {
        return stream_socket_client("tcp://127.0.0.1:$refusing", $errno, $errstr, 10);
    }, $refusing);
    return ['stream_socket_client' => $r, 'errno' => $errno, 'errstr' => $errstr, 'warnings' => $warnings];
}

// A read that times out (EAGAIN), or gets data (no error: the goroutine
// cleared the last error before it).
function timed_read(Socket $s, int $refusing): array
{
    [$r, $warnings] = warnings(fn () => socket_read($s, 100), $refusing);
    $error = socket_last_error($s);
    return ['socket_read' => $r, 'socket_last_error($s)' => $error, 'socket_strerror' => socket_strerror($error),
        'socket_last_error()' => socket_last_error(), 'warnings' => $warnings];
}

// A and C say when they are about to read; B waits for both, so that B's
// errors come while their reads are parked (on one P, B runs then only if
// their reads parked; if they blocked the thread, B runs after them, and the
// results are the same). A's read times out after 0.6 s, C's data comes 0.6 s
// after it connected, B's own read times out after 0.2 s: B is refused
// again after its read, A and C (load permitting) still parked. (B's window
// also holds its wait for A's and C's word, a park of its own; A's and C's
// are the proof that reads park.)
$about_to_read = new Chan(2);
[$results, $free] = waits_with_witness([
    'A' => function () use ($about_to_read, $port, $refusing) {
        $s = reader($port, 0.6);
        $about_to_read->send(true);
        return timed_read($s, $refusing);
    },
    'B' => function () use ($about_to_read, $port, $refusing) {
        $about_to_read->recv();
        $about_to_read->recv();
        $s = reader($port, 0.2);
        return [
            refused_socket_connect($refusing),
            refused_stream_socket_client($refusing),
            timed_read($s, $refusing),
            refused_socket_connect($refusing),
        ];
    },
    'C' => function () use ($about_to_read, $late_port, $refusing) {
        $s = reader($late_port, 10);
        socket_clear_error();
        $about_to_read->send(true);
        return timed_read($s, $refusing);
    },
]);
echo "A: ", json_encode($results['A']), "\n";
echo "B:\n";
foreach ($results['B'] as $r) echo '  ', json_encode($r), "\n";
echo "C: ", json_encode($results['C']), "\n";
peer_finish($peer);
peer_finish($late);
echo "thread free during the waits: $free of 3\n";
?>
--EXPECT--
A: {"socket_read":false,"socket_last_error($s)":11,"socket_strerror":"Resource temporarily unavailable","socket_last_error()":11,"warnings":[]}
B:
  {"socket_connect":false,"socket_last_error($s)":111,"socket_last_error()":111,"warnings":["socket_connect(): unable to connect [111]: Connection refused"]}
  {"stream_socket_client":false,"errno":111,"errstr":"Connection refused","warnings":["stream_socket_client(): Unable to connect to tcp:\/\/127.0.0.1:PORT (Connection refused)"]}
  {"socket_read":false,"socket_last_error($s)":11,"socket_strerror":"Resource temporarily unavailable","socket_last_error()":11,"warnings":[]}
  {"socket_connect":false,"socket_last_error($s)":111,"socket_last_error()":111,"warnings":["socket_connect(): unable to connect [111]: Connection refused"]}
C: {"socket_read":"late data\n","socket_last_error($s)":0,"socket_strerror":"Success","socket_last_error()":0,"warnings":[]}
thread free during the waits: 3 of 3
