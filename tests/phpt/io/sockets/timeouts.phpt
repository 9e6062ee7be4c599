--TEST--
I/O hooks (issue 13), ext/sockets: SO_RCVTIMEO and SO_SNDTIMEO (socket_set_option) are honoured in goroutines as in the script: a read with nothing to read returns false, a write that cannot go on returns what it wrote and then false, after the timeout, with EAGAIN in socket_last_error() and the same warnings (none); the goroutine is parked meanwhile, not its thread
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

// A peer that accepts four connections and neither writes nor reads (its
// receive buffer is small) until the test ends.
$peer = peer_start(<<<'PHP'
$l = peer_listen(16, 65536);
peer_say('port ' . peer_port($l));
$held = [];
for ($i = 0; $i < 4; $i++) $held[] = socket_accept($l);
fgets(STDIN);
PHP);
$port = peer_port_of($peer);

// One timed call: what it returned, the errors and warnings it left, and
// whether it took the timeout (a kernel timer may end a tick early: 10 ms
// of slack).
function timed(Socket $s, Closure $call): string
{
    $warnings = [];
    set_error_handler(function (int $no, string $msg) use (&$warnings) {
        $warnings[] = $msg;
        return true;
    });
    $t = hrtime(true);
    $r = $call($s);
    $took = (hrtime(true) - $t) / 1e9;
    restore_error_handler();
    $error = socket_last_error($s);
    return (is_int($r) ? 'part of it' : json_encode($r))
        . ", error $error (" . socket_strerror($error) . '), last error ' . socket_last_error()
        . ', warnings ' . json_encode($warnings) . ', after the timeout: ' . json_encode($took >= 0.29);
}

// The two cases, each on a connection of its own with a 0.3 s timeout; the
// write sends more than the buffers of both sides hold.
function read_case(int $port): string
{
    $s = socket_create(AF_INET, SOCK_STREAM, SOL_TCP);
    socket_connect($s, '127.0.0.1', $port);
    socket_set_option($s, SOL_SOCKET, SO_RCVTIMEO, ['sec' => 0, 'usec' => 300000]);
    return 'socket_read: ' . timed($s, fn ($s) => socket_read($s, 100));
}
function write_case(int $port): string
{
    $s = socket_create(AF_INET, SOCK_STREAM, SOL_TCP);
    socket_set_option($s, SOL_SOCKET, SO_SNDBUF, 65536);
    socket_connect($s, '127.0.0.1', $port);
    socket_set_option($s, SOL_SOCKET, SO_SNDTIMEO, ['sec' => 0, 'usec' => 300000]);
    $big = str_repeat('x', 4 << 20);
    socket_clear_error();
    return 'socket_write: ' . timed($s, fn ($s) => socket_write($s, $big))
        . "\n  and again: " . timed($s, fn ($s) => socket_write($s, $big));
}

$origin = [read_case($port), write_case($port)];
echo "in the script:\n", implode("\n", $origin), "\n";
[$results, $free] = waits_with_witness([
    fn () => read_case($port),
    fn () => write_case($port),
]);
echo 'in a goroutine, the same: ', json_encode($results === $origin), "\n";
if ($results !== $origin) echo implode("\n", $results), "\n";
peer_finish($peer);
echo "thread free during the timeouts: $free of 2\n";
?>
--EXPECT--
in the script:
socket_read: false, error 11 (Resource temporarily unavailable), last error 11, warnings [], after the timeout: true
socket_write: part of it, error 0 (Success), last error 0, warnings [], after the timeout: true
  and again: false, error 11 (Resource temporarily unavailable), last error 11, warnings [], after the timeout: true
in a goroutine, the same: true
thread free during the timeouts: 2 of 2
