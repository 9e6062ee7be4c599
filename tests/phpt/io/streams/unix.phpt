--TEST--
Streams in goroutines (issue 13): unix sockets, stream_socket_client() on unix:// with a reply after 0.2 s, and a udg:// socket bound in the goroutine that receives a datagram sent 0.2 s after the bind; on one P the thread is free during each wait
--EXTENSIONS--
goos
--FILE--
<?php
require __DIR__ . '/../fixtures/thread_free.php';
require __DIR__ . '/../fixtures/delay_server.inc';
use Goos\Scheduler;

Scheduler::maxProcs(1);
$dir = io_tmpdir();
$server = io_peer('line', ['listen' => "unix://$dir/line.sock"]);
// Sends its datagram 0.2 s after the goroutine has bound the path.
$dgram = "$dir/dgram.sock";
io_peer('send', ['to' => "udg://$dgram", 'msg' => 'a datagram']);

$waits = [];
for ($i = 0; $i < 2; $i++) {
    $waits["unix $i"] = function () use ($server, $i) {
        $s = stream_socket_client($server, $errno, $errstr, 10);
        if ($s === false) {
            return "connect failed: $errno $errstr";
        }
        $t = hrtime(true);
        $wrote = fwrite($s, "line $i\n");
        $reply = fgets($s);
        return sprintf('wrote %d, read %s, no sooner than the delay: %s',
            $wrote, json_encode($reply), io_no_sooner($t, 0.2));
    };
}
$waits['udg'] = function () use ($dgram) {
    $s = stream_socket_server("udg://$dgram", $errno, $errstr, STREAM_SERVER_BIND);
    if ($s === false) {
        return "bind failed: $errno $errstr";
    }
    $t = hrtime(true);
    $got = stream_socket_recvfrom($s, 1024);
    return sprintf('received %s, no sooner than the delay: %s', json_encode($got), io_no_sooner($t, 0.2));
};
[$results, $free] = waits_with_witness($waits);
foreach ($results as $k => $r) echo "$k: $r\n";
echo io_free_line($free, count($waits));
?>
--EXPECT--
udg: received "a datagram", no sooner than the delay: yes
unix 0: wrote 7, read "line 0 after 0.2\n", no sooner than the delay: yes
unix 1: wrote 7, read "line 1 after 0.2\n", no sooner than the delay: yes
thread free during 3 of 3 waits
