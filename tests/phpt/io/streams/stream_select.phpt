--TEST--
Streams in goroutines (issue 13): stream_select() waiting on several streams (TCP, unix and UDP, answered 0.2, 0.4 and 0.6 s later) until each has answered, and a stream_select() that times out after 0.3 s on a silent server as in the origin; on one P the thread is free during each wait
--EXTENSIONS--
goos
--FILE--
<?php
require __DIR__ . '/../fixtures/thread_free.php';
require __DIR__ . '/../fixtures/delay_server.inc';
use Goos\Scheduler;

Scheduler::maxProcs(1);
$dir = io_tmpdir();
$servers = [
    'tcp' => io_peer('line', ['delay' => 0.2]),
    'unix' => io_peer('line', ['delay' => 0.4, 'listen' => "unix://$dir/line.sock"]),
    'udp' => io_peer('line', ['delay' => 0.6, 'listen' => 'udp://127.0.0.1:0']),
];
$silent = io_peer('silent');

$several = function () use ($servers) {
    $streams = [];
    foreach ($servers as $k => $address) {
        $streams[$k] = stream_socket_client($address, $errno, $errstr, 10);
        fwrite($streams[$k], $k === 'udp' ? $k : "$k\n");
    }
    $t = hrtime(true);
    $replies = [];
    $calls = 0;
    $empty = 0;
    while (count($replies) < count($streams)) {
        $r = array_diff_key($streams, $replies);
        $w = $e = null;
        $n = stream_select($r, $w, $e, 30);
        $calls++;
        $empty += $n < 1;
        foreach ($r as $k => $s) {
            $replies[$k] = $k === 'udp' ? fread($s, 1024) : fgets($s);
        }
        if ($calls > 100) {
            break;
        }
    }
    ksort($replies);
    return sprintf("%s\n  every call found a stream ready: %s, all answered no sooner than the longest delay: %s",
        json_encode($replies), $empty === 0 ? 'yes' : "no ($empty)", io_no_sooner($t, 0.6));
};
$timeout = function () use ($silent) {
    $s = stream_socket_client($silent, $errno, $errstr, 10);
    $t = hrtime(true);
    $r = [$s];
    $w = [];
    $e = [$s];
    $n = stream_select($r, $w, $e, 0, 300000);
    return sprintf('stream_select() %s, read %s, except %s, no sooner than the timeout: %s',
        var_export($n, true), json_encode($r), json_encode($e), io_no_sooner($t, 0.3));
};
$origin = $timeout();

$waits = ['several' => $several, 'timeout' => $timeout];
[$results, $free] = waits_with_witness($waits);
foreach ($results as $k => $r) echo "$k: $r\n";
echo 'the timeout as in the origin: ', $results['timeout'] === $origin ? 'yes' : "no: $origin", "\n";
echo io_free_line($free, count($waits));
?>
--EXPECT--
several: {"tcp":"tcp after 0.2\n","udp":"udp after 0.6","unix":"unix after 0.4\n"}
  every call found a stream ready: yes, all answered no sooner than the longest delay: yes
timeout: stream_select() 0, read [], except [], no sooner than the timeout: yes
the timeout as in the origin: yes
thread free during 2 of 2 waits
