--TEST--
I/O hooks (issue 13), ext/sockets: blocking socket_read() (binary and PHP_NORMAL_READ) and socket_recv() (plain and MSG_WAITALL) in goroutines, waiting for data a server sends 0.2 s later, park the goroutine, not its thread, and return the data
--EXTENSIONS--
goos
sockets
pcntl
--FILE--
<?php
require __DIR__ . '/../fixtures/thread_free.php';
require __DIR__ . '/peer.inc';
use Goos\Scheduler;

Scheduler::maxProcs(1);

// A server per reader: it accepts one connection and sends the parts of
// $argv[1] (JSON: [seconds to wait first, text], ...), then waits for the
// reader to close.
function server(array $parts): array
{
    return peer_start(<<<'PHP'
$l = peer_listen();
peer_say('port ' . peer_port($l));
$c = socket_accept($l);
foreach (json_decode($argv[1]) as [$wait, $text]) {
    usleep((int) ($wait * 1e6));
    socket_write($c, $text);
}
peer_read_all($c);
PHP, [json_encode($parts)]);
}

function connected(int $port): Socket
{
    $s = socket_create(AF_INET, SOCK_STREAM, SOL_TCP);
    socket_connect($s, '127.0.0.1', $port) or throw new RuntimeException('cannot connect');
    return $s;
}

$servers = [
    'socket_read' => server([[0.2, 'for socket_read']]),
    'socket_read, PHP_NORMAL_READ' => server([[0.2, 'for '], [0.2, "PHP_NORMAL_READ\nand no more"]]),
    'socket_recv' => server([[0.2, 'for socket_recv']]),
    'socket_recv, MSG_WAITALL' => server([[0.2, 'for '], [0.2, 'MSG_'], [0.2, 'WAITALL']]),
];
$ports = array_map('peer_port_of', $servers);

// Each wait: connect and read (the data comes 0.2 s after the server
// accepted, so no sooner than 0.2 s after the connect started).
$read = function (int $port, Closure $read) {
    $t = hrtime(true);
    $s = connected($port);
    $got = $read($s);
    $took = (hrtime(true) - $t) / 1e9;
    socket_close($s);
    return [$got, $took];
};
[$results, $free] = waits_with_witness([
    'socket_read' => fn () => $read($ports['socket_read'], fn ($s) => socket_read($s, 100)),
    'socket_read, PHP_NORMAL_READ' => fn () => $read($ports['socket_read, PHP_NORMAL_READ'],
        fn ($s) => socket_read($s, 100, PHP_NORMAL_READ)),
    'socket_recv' => fn () => $read($ports['socket_recv'], function ($s) {
        $n = socket_recv($s, $buf, 100, 0);
        return [$n, $buf];
    }),
    'socket_recv, MSG_WAITALL' => fn () => $read($ports['socket_recv, MSG_WAITALL'], function ($s) {
        $n = socket_recv($s, $buf, 15, MSG_WAITALL);
        return [$n, $buf];
    }),
]);
foreach ($results as $what => [$got, $took]) {
    echo "$what: ", json_encode($got), ', waited 0.2 s or more: ', json_encode($took >= 0.2), "\n";
    peer_finish($servers[$what]);
}
echo "thread free during the reads: $free of 4\n";
?>
--EXPECT--
socket_read: "for socket_read", waited 0.2 s or more: true
socket_read, PHP_NORMAL_READ: "for PHP_NORMAL_READ\n", waited 0.2 s or more: true
socket_recv: [15,"for socket_recv"], waited 0.2 s or more: true
socket_recv, MSG_WAITALL: [15,"for MSG_WAITALL"], waited 0.2 s or more: true
thread free during the reads: 4 of 4
