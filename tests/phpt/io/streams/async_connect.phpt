--TEST--
Streams in goroutines (issue 13): STREAM_CLIENT_ASYNC_CONNECT, then stream_select() for the connect (writable) and for a reply that comes 0.2 s later (readable); to a server whose backlog is full the connect never completes and stream_select() times out after 0.3 s, as in the origin; on one P the thread is free during each wait
--EXTENSIONS--
goos
--FILE--
<?php
require __DIR__ . '/../fixtures/thread_free.php';
require __DIR__ . '/../fixtures/delay_server.inc';
use Goos\Scheduler;

Scheduler::maxProcs(1);
$server = io_peer('line');
$full = io_peer('full');

$flags = STREAM_CLIENT_CONNECT | STREAM_CLIENT_ASYNC_CONNECT;
$never = function () use ($full, $flags) {
    return io_capture(function () use ($full, $flags) {
        $s = stream_socket_client($full, $errno, $errstr, 10, $flags);
        if ($s === false) {
            return "connect failed: $errno $errstr";
        }
        $t = hrtime(true);
        $r = null;
        $w = [$s];
        $e = null;
        $n = stream_select($r, $w, $e, 0, 300000);
        return sprintf('stream_select() %s, no sooner than the timeout: %s', var_export($n, true), io_no_sooner($t, 0.3));
    });
};
$origin = $never();

$waits = [
    'reply' => function () use ($server, $flags) {
        $s = stream_socket_client($server, $errno, $errstr, 10, $flags);
        if ($s === false) {
            return "connect failed: $errno $errstr";
        }
        $r = null;
        $w = [$s];
        $e = null;
        $connected = stream_select($r, $w, $e, 10);
        $wrote = fwrite($s, "async\n");
        $t = hrtime(true);
        $r = [$s];
        $w = null;
        $ready = stream_select($r, $w, $e, 10);
        $reply = fgets($s);
        return sprintf('writable: %d, wrote %d, readable: %d (no sooner than the delay: %s), read %s',
            $connected, $wrote, $ready, io_no_sooner($t, 0.2), json_encode($reply));
    },
    'full backlog' => $never,
];
[$results, $free] = waits_with_witness($waits);
echo 'reply: ', $results['reply'], "\n";
[$r, $notes] = $results['full backlog'];
echo "full backlog: $r\n";
foreach ($notes as $n) echo "$n\n";
echo 'as in the origin: ', $results['full backlog'] === $origin ? 'yes' : 'no: ' . json_encode($origin), "\n";
echo io_free_line($free, count($waits));
?>
--EXPECT--
reply: writable: 1, wrote 6, readable: 1 (no sooner than the delay: yes), read "async after 0.2\n"
full backlog: stream_select() 0, no sooner than the timeout: yes
as in the origin: yes
thread free during 2 of 2 waits
