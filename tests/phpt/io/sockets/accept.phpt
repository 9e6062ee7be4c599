--TEST--
I/O hooks (issue 13), ext/sockets: a blocking socket_accept() in a goroutine, waiting for a client that comes 0.2 s later, parks the goroutine, not its thread; the accepted connection is the client's
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

// The goroutine listens on a port of the kernel's choice and writes it to
// $rendezvous right before it accepts; the client connects 0.2 s after it
// read the port there, says hello and prints what it is told.
$rendezvous = tempnam(sys_get_temp_dir(), 'goos-accept');
$client = peer_start(<<<'PHP'
$port = (int) peer_await_file($argv[1]);
usleep(200000);
$s = socket_create(AF_INET, SOCK_STREAM, SOL_TCP);
socket_connect($s, '127.0.0.1', $port) or exit("client: cannot connect\n");
socket_getsockname($s, $addr, $own);
peer_say("client port $own");
socket_write($s, "hello\n");
echo 'client got: ', socket_read($s, 100, PHP_NORMAL_READ);
PHP, [$rendezvous]);

[$results, $free] = waits_with_witness([
    'accept' => function () use ($rendezvous) {
        $l = socket_create(AF_INET, SOCK_STREAM, SOL_TCP);
        socket_bind($l, '127.0.0.1', 0);
        socket_listen($l, 16);
        socket_getsockname($l, $addr, $port);
        $t = hrtime(true);
        file_put_contents($rendezvous, (string) $port);
        $c = socket_accept($l);
        $took = (hrtime(true) - $t) / 1e9;
        socket_getpeername($c, $addr, $peer);
        socket_write($c, "welcome, client from port $peer\n");
        socket_close($c);
        socket_close($l);
        return ['accepted' => $c instanceof Socket, 'peer' => $peer, 'took' => $took];
    },
]);
unlink($rendezvous);
$r = $results['accept'];
$said = peer_line($client);
echo 'accepted: ', json_encode($r['accepted']), ', the client: ', json_encode($said === "client port $r[peer]"),
    ', waited 0.2 s or more: ', json_encode($r['took'] >= 0.2), "\n";
[$out, $status] = peer_end($client);
echo str_replace("port $r[peer]", 'port (its port)', $out), "client exit status: $status\n";
echo "thread free during the accept: $free of 1\n";
?>
--EXPECT--
accepted: true, the client: true, waited 0.2 s or more: true
client got: welcome, client from port (its port)
client exit status: 0
thread free during the accept: 1 of 1
