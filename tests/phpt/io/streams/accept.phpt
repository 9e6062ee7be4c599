--TEST--
Streams in goroutines (issue 13): stream_socket_server() and stream_socket_accept() in goroutines, over TCP and a unix socket, waiting for a client that connects 0.2 s after the server listens, then its line; an accept that times out after 0.3 s as in the origin; on one P the thread is free during each wait
--EXTENSIONS--
goos
--FILE--
<?php
require __DIR__ . '/../fixtures/thread_free.php';
require __DIR__ . '/../fixtures/delay_server.inc';
use Goos\Scheduler;

Scheduler::maxProcs(1);
$dir = io_tmpdir();
$tcp = 'tcp://127.0.0.1:' . io_free_port();
$unix = "unix://$dir/accept.sock";
// The clients: each waits until its address listens, then 0.2 s, connects,
// writes its line and waits for the answer.
io_peer('connect', ['to' => $tcp, 'line' => 'from the tcp client']);
io_peer('connect', ['to' => $unix, 'line' => 'from the unix client']);

function serve_one(string $address): string
{
    $t = hrtime(true);
    $server = stream_socket_server($address, $errno, $errstr);
    if ($server === false) {
        return "cannot listen: $errno $errstr";
    }
    $conn = stream_socket_accept($server, 30, $peer);
    if ($conn === false) {
        return 'accept failed';
    }
    $accepted = io_no_sooner($t, 0.2);
    $line = fgets($conn);
    fwrite($conn, "ok\n");
    return sprintf('accepted a client (no sooner than its delay: %s), peer name %s, read %s',
        $accepted, str_starts_with($address, 'tcp') ? ($peer !== '' && $peer !== null ? 'given' : 'missing') : json_encode($peer),
        json_encode($line));
}
$timeout = function () {
    return io_capture(function () {
        $server = stream_socket_server('tcp://127.0.0.1:0', $errno, $errstr);
        $t = hrtime(true);
        $conn = stream_socket_accept($server, 0.3);
        return sprintf('%s, no sooner than the timeout: %s', var_export($conn, true), io_no_sooner($t, 0.3));
    });
};
$origin = $timeout();

$waits = [
    'tcp' => fn () => serve_one($tcp),
    'unix' => fn () => serve_one($unix),
    'timeout' => $timeout,
];
[$results, $free] = waits_with_witness($waits);
echo 'tcp: ', $results['tcp'], "\n";
echo 'unix: ', $results['unix'], "\n";
[$r, $notes] = $results['timeout'];
echo "timeout: $r\n";
foreach ($notes as $n) echo "$n\n";
echo 'as in the origin: ', $results['timeout'] === $origin ? 'yes' : 'no: ' . json_encode($origin), "\n";
echo io_free_line($free, count($waits));
?>
--EXPECT--
tcp: accepted a client (no sooner than its delay: yes), peer name given, read "from the tcp client\n"
unix: accepted a client (no sooner than its delay: yes), peer name "", read "from the unix client\n"
timeout: false, no sooner than the timeout: yes
stream_socket_accept(): Accept failed: Connection timed out
as in the origin: yes
thread free during 3 of 3 waits
