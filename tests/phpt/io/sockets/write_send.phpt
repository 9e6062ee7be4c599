--TEST--
I/O hooks (issue 13), ext/sockets: a blocking socket_write() and socket_send() of 4 MB in goroutines, to a peer that starts reading 0.2 s late and then reads slowly (the send buffer fills), park the goroutine, not its thread; every byte arrives, in order, and the call returns the whole length
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

// A reader per writer, with a small receive buffer: it accepts, waits 0.2 s,
// reads 64 KB at a time with a pause between reads until the writer closes,
// and says how much came and its MD5.
function reader(): array
{
    return peer_start(<<<'PHP'
$l = peer_listen(16, 65536);
peer_say('port ' . peer_port($l));
$c = socket_accept($l);
usleep(200000);
$all = peer_read_all($c, 65536, 2000);
echo strlen($all), ' bytes, md5 ', md5($all), "\n";
PHP);
}

$payload = '';
for ($i = 0; $i < 1 << 20; $i++) {
    $payload .= pack('N', $i);
}
$readers = ['socket_write' => reader(), 'socket_send' => reader()];
$ports = array_map('peer_port_of', $readers);

// Connects with a small send buffer and writes it all: the buffers on both
// sides hold far less than 4 MB, and the reader takes nothing for 0.2 s.
$write = function (int $port, Closure $write) use ($payload) {
    $t = hrtime(true);
    $s = socket_create(AF_INET, SOCK_STREAM, SOL_TCP);
    socket_set_option($s, SOL_SOCKET, SO_SNDBUF, 65536);
    socket_connect($s, '127.0.0.1', $port) or throw new RuntimeException('cannot connect');
    $n = $write($s, $payload);
    $took = (hrtime(true) - $t) / 1e9;
    socket_close($s);
    return [$n, $took];
};
[$results, $free] = waits_with_witness([
    'socket_write' => fn () => $write($ports['socket_write'], fn ($s, $p) => socket_write($s, $p)),
    'socket_send' => fn () => $write($ports['socket_send'], fn ($s, $p) => socket_send($s, $p, strlen($p), 0)),
]);
echo 'sent ', strlen($payload), ' bytes, md5 ', md5($payload), "\n";
foreach ($results as $what => [$n, $took]) {
    echo "$what returned ", json_encode($n), ', waited 0.2 s or more: ', json_encode($took >= 0.2), "\n";
    echo "$what's reader got: ";
    peer_finish($readers[$what]);
}
echo "thread free during the writes: $free of 2\n";
?>
--EXPECT--
sent 4194304 bytes, md5 d342685fc48daae059d8f0d49eb45d14
socket_send returned 4194304, waited 0.2 s or more: true
socket_send's reader got: 4194304 bytes, md5 d342685fc48daae059d8f0d49eb45d14
socket_write returned 4194304, waited 0.2 s or more: true
socket_write's reader got: 4194304 bytes, md5 d342685fc48daae059d8f0d49eb45d14
thread free during the writes: 2 of 2
