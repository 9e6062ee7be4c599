--TEST--
I/O hooks (issue 13), misuse: two goroutines of one thread using one connection at once (a persistent stream: both get the M's one socket from its persistent list). The second, reading while the first waits for its reply, gets a Goos exception naming the resource and the goroutine that has it; the first still gets its whole reply
--EXTENSIONS--
goos
sockets
pcntl
--FILE--
<?php
require __DIR__ . '/../sockets/peer.inc';
use Goos\{Chan, Scheduler};

// One P, so one M: one interpreter, one persistent list.
Scheduler::maxProcs(1);

// The server answers one request line 0.5 s late, with a long line (more
// than one read's worth), says what it was asked, and holds the connection
// until the test ends (the persistent connection outlives the goroutines).
$server = peer_start(<<<'PHP'
$l = peer_listen();
peer_say('port ' . peer_port($l));
$c = socket_accept($l);
$line = trim((string) socket_read($c, 1000, PHP_NORMAL_READ));
peer_say("server got: $line");
usleep(500000);
socket_write($c, "reply to $line: " . str_repeat('x', 100000) . "\n");
fgets(STDIN);
PHP);
$port = peer_port_of($server);

function persistent_connection(int $port)
{
    $s = stream_socket_client("tcp://127.0.0.1:$port", $errno, $errstr, 10,
        STREAM_CLIENT_CONNECT | STREAM_CLIENT_PERSISTENT);
    if ($s === false) throw new RuntimeException("cannot connect: $errstr");
    stream_set_timeout($s, 5);
    return $s;
}

$a_waits = new Chan(1);
$results = new Chan(2);
// A writes its request, says so, and waits for the reply (without
// preemption: only its wait lets B in).
$a = go(function (Chan $a_waits, Chan $results, int $port) {
    $reply = Scheduler::noPreempt(function () use ($a_waits, $port) {
        $s = persistent_connection($port);
        fwrite($s, "request of A\n");
        $a_waits->send(Scheduler::id());
        return fgets($s);
    });
    $results->send(['A', $reply === 'reply to request of A: ' . str_repeat('x', 100000) . "\n"]);
}, $a_waits, $results, $port);
// B, once A waits, takes the same persistent connection and reads from it.
go(function (Chan $a_waits, Chan $results, int $port) {
    $a = $a_waits->recv();
    try {
        $s = persistent_connection($port);
        stream_set_timeout($s, 1);
        $got = fread($s, 100);
        $results->send(['B', 'no exception; read ' . json_encode($got)]);
    } catch (Throwable $e) {
        $results->send(['B', get_class($e), $e->getMessage(), $a]);
    }
}, $a_waits, $results, $port);
Scheduler::join();

$by = [];
while (count($results) > 0) {
    $r = $results->recv();
    $by[$r[0]] = $r;
}
echo 'A got its whole reply: ', json_encode($by['A'][1]), "\n";
if (count($by['B']) === 2) {
    echo 'B: ', $by['B'][1], "\n";
} else {
    [, $class, $message, $a_id] = $by['B'];
    echo 'B: a Goos exception: ', json_encode(str_starts_with($class, 'Goos\\')), "\n";
    echo 'it names the goroutine that has the connection: ',
        json_encode(str_contains($message, "in use by goroutine $a_id")), "\n";
    echo 'it names the resource: ',
        json_encode((bool) preg_match('~tcp://127\.0\.0\.1:' . $port . '\b|resource~', $message)), "\n";
    echo "($class: $message)\n";
}
peer_finish($server);
?>
--EXPECTF--
A got its whole reply: true
B: a Goos exception: true
it names the goroutine that has the connection: true
it names the resource: true
(Goos\%s: %s)
server got: request of A
