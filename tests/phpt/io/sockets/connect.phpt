--TEST--
I/O hooks (issue 13), ext/sockets: a blocking socket_connect() in a goroutine to a server whose accept queue is full (the kernel drops the SYN; the connection is made at its retransmission, a second later) parks the goroutine, not its thread; a connect to a listening server connects at once; both connections carry their data
--EXTENSIONS--
goos
sockets
pcntl
--SKIPIF--
<?php
if (PHP_OS_FAMILY !== 'Linux') die('skip Linux only (a full accept queue drops SYNs; /proc/net/netstat)');
if (!str_contains((string) @file_get_contents('/proc/net/netstat'), 'ListenOverflows')) die('skip no ListenOverflows in /proc/net/netstat');
?>
--FILE--
<?php
require __DIR__ . '/../fixtures/thread_free.php';
require __DIR__ . '/peer.inc';
use Goos\{Chan, Scheduler};

Scheduler::maxProcs(1);

// Listening: it accepts one connection and says what came over it.
$listening = peer_start(<<<'PHP'
$l = peer_listen();
peer_say('port ' . peer_port($l));
$c = socket_accept($l);
echo 'listening server got: ', peer_read_all($c);
PHP);
// A full accept queue: backlog 0 holds one connection, and the server's own
// connection takes it. The goroutine's SYN is dropped (the kernel counts a
// listen overflow); 0.2 s after that the server accepts, its own connection
// first, and the SYN's retransmission (a second after the first) connects.
$full = peer_start(<<<'PHP'
$l = peer_listen(0);
$own = socket_create(AF_INET, SOCK_STREAM, SOL_TCP);
socket_connect($own, '127.0.0.1', peer_port($l)) or exit("cannot fill the queue\n");
$overflows = peer_listen_overflows();
peer_say('port ' . peer_port($l));
$until = microtime(true) + 20;
while (peer_listen_overflows() === $overflows && microtime(true) < $until) usleep(1000);
usleep(200000);
socket_accept($l);
$c = socket_accept($l);
echo 'full-queue server got: ', peer_read_all($c);
PHP);
$listening_port = peer_port_of($listening);
$full_port = peer_port_of($full);

// The goroutine connects, notes where to, and writes one line (which fits in
// the socket's buffer: no wait of its own).
function connect_and_say(int $port, string $line): array
{
    $s = socket_create(AF_INET, SOCK_STREAM, SOL_TCP);
    $t = hrtime(true);
    $connected = socket_connect($s, '127.0.0.1', $port);
    $took = (hrtime(true) - $t) / 1e9;
    socket_getpeername($s, $addr, $peer);
    socket_write($s, "$line\n");
    socket_close($s);
    return ['connected' => $connected, 'to the server' => $peer === $port, 'took' => $took];
}

$out = new Chan(1);
go(function (Chan $out, int $port) {
    $out->send(connect_and_say($port, 'hello from a goroutine'));
}, $out, $listening_port);
$r = $out->recv();
echo 'listening: connected ', json_encode($r['connected']), ', to the server ', json_encode($r['to the server']), "\n";
peer_finish($listening);

[$results, $free] = waits_with_witness([
    'full queue' => fn () => connect_and_say($full_port, 'hello from a parked goroutine'),
]);
$r = $results['full queue'];
echo 'full queue: connected ', json_encode($r['connected']), ', to the server ', json_encode($r['to the server']),
    ', waited 0.2 s or more ', json_encode($r['took'] >= 0.2), "\n";
peer_finish($full);
echo "thread free during the connect: $free of 1\n";
?>
--EXPECT--
listening: connected true, to the server true
listening server got: hello from a goroutine
full queue: connected true, to the server true, waited 0.2 s or more true
full-queue server got: hello from a parked goroutine
thread free during the connect: 1 of 1
