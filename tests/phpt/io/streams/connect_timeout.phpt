--TEST--
Streams in goroutines (issue 13): a connect that is never answered (a server whose backlog is full: the kernel drops the SYNs) times out after 0.3 s with stream_socket_client(), fsockopen() and STREAM_CLIENT_CONNECT over a context: errno, message and warning as in the origin, no sooner than the timeout; on one P the thread is free during each wait
--EXTENSIONS--
goos
--FILE--
<?php
require __DIR__ . '/../fixtures/thread_free.php';
require __DIR__ . '/../fixtures/delay_server.inc';
use Goos\Scheduler;

Scheduler::maxProcs(1);
$full = io_peer('full');
$port = io_port($full);

$probes = [
    'stream_socket_client' => function () use ($full) {
        $t = hrtime(true);
        $s = stream_socket_client($full, $errno, $errstr, 0.3);
        return sprintf('%s, errno %d, errstr %s, no sooner than the timeout: %s',
            var_export($s, true), $errno, json_encode($errstr), io_no_sooner($t, 0.3));
    },
    'fsockopen' => function () use ($port) {
        $t = hrtime(true);
        $s = fsockopen('127.0.0.1', $port, $errno, $errstr, 0.3);
        return sprintf('%s, errno %d, errstr %s, no sooner than the timeout: %s',
            var_export($s, true), $errno, json_encode($errstr), io_no_sooner($t, 0.3));
    },
    'with a context' => function () use ($full) {
        $ctx = stream_context_create(['socket' => ['bindto' => '127.0.0.1:0', 'tcp_nodelay' => true]]);
        $t = hrtime(true);
        $s = stream_socket_client($full, $errno, $errstr, 0.3, STREAM_CLIENT_CONNECT, $ctx);
        return sprintf('%s, errno %d, errstr %s, no sooner than the timeout: %s',
            var_export($s, true), $errno, json_encode($errstr), io_no_sooner($t, 0.3));
    },
];
$origin = array_map(fn ($probe) => io_capture($probe), $probes);

$waits = array_map(fn ($probe) => fn () => io_capture($probe), $probes);
[$results, $free] = waits_with_witness($waits);
foreach ($results as $k => [$r, $notes]) {
    echo "$k: $r\n";
    foreach ($notes as $n) echo "  $n\n";
    echo '  as in the origin: ', $results[$k] === $origin[$k] ? 'yes' : 'no: ' . json_encode($origin[$k]), "\n";
}
echo io_free_line($free, count($waits));
?>
--EXPECTF--
fsockopen: false, errno 110, errstr "Connection timed out", no sooner than the timeout: yes
  fsockopen(): Unable to connect to 127.0.0.1:%d (Connection timed out)
  as in the origin: yes
stream_socket_client: false, errno 110, errstr "Connection timed out", no sooner than the timeout: yes
  stream_socket_client(): Unable to connect to tcp://127.0.0.1:%d (Connection timed out)
  as in the origin: yes
with a context: false, errno 110, errstr "Connection timed out", no sooner than the timeout: yes
  stream_socket_client(): Unable to connect to tcp://127.0.0.1:%d (Connection timed out)
  as in the origin: yes
thread free during 3 of 3 waits
