--TEST--
I/O hooks (issue 13): goroutines of one thread may wait together to accept on one listening socket (they share only the kernel's queue, not a conversation), each getting its own connection, while two of them on one connection is an error
--EXTENSIONS--
goos
--FILE--
<?php
use Goos\{Chan, Scheduler};

Scheduler::maxProcs(1);  // one thread: the goroutines share its $GLOBALS
$probe = stream_socket_server('tcp://127.0.0.1:0');
$port = (int) substr(strrchr(stream_socket_get_name($probe, false), ':'), 1);
fclose($probe);

// The listening socket, made by the first goroutine that needs it (an
// address in numbers resolves without parking, so no other goroutine runs
// between the check and the assignment).
function listener(int $port)
{
    return $GLOBALS['listener'] ??= stream_socket_server("tcp://127.0.0.1:$port");
}

$got = new Chan(3);
for ($i = 0; $i < 3; $i++) {
    go(function (int $port, Chan $got) {
        try {
            $c = stream_socket_accept(listener($port), 10);
            $got->send($c ? trim(fgets($c)) : 'accept failed');
        } catch (Throwable $e) {
            $got->send(get_class($e) . ': ' . $e->getMessage());
        }
    }, $port, $got);
}
go(function (int $port) {
    Goos\Time::sleep(0.1);  // the three acceptors wait together by now
    $clients = [];
    for ($i = 0; $i < 3; $i++) {
        $clients[$i] = stream_socket_client("tcp://127.0.0.1:$port");
        fwrite($clients[$i], "client $i\n");
    }
    Goos\Time::sleep(0.2);
}, $port);
Scheduler::join();
$lines = [];
while (count($got) > 0) $lines[] = $got->recv();
sort($lines);
echo implode("\n", $lines), "\n";
?>
--EXPECT--
client 0
client 1
client 2
