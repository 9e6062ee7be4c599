--TEST--
Streams in goroutines (issue 13): stream_socket_client() over TCP, fwrite() and fgets() of a reply that comes after 0.2 s; on one P the thread is free during each wait
--EXTENSIONS--
goos
--FILE--
<?php
require __DIR__ . '/../fixtures/thread_free.php';
require __DIR__ . '/../fixtures/delay_server.inc';
use Goos\Scheduler;

Scheduler::maxProcs(1);
$server = io_peer('line');

$waits = [];
for ($i = 0; $i < 3; $i++) {
    $waits[$i] = function () use ($server, $i) {
        $s = stream_socket_client($server, $errno, $errstr, 10);
        if ($s === false) {
            return "connect failed: $errno $errstr";
        }
        $t = hrtime(true);
        $wrote = fwrite($s, "line $i\n");
        $reply = fgets($s);
        $waited = (hrtime(true) - $t) / 1e9;
        fclose($s);
        return sprintf('wrote %d, read %s, no sooner than the delay: %s',
            $wrote, json_encode($reply), $waited >= 0.2 ? 'yes' : "no ($waited s)");
    };
}
[$results, $free] = waits_with_witness($waits);
echo implode("\n", $results), "\n";
echo io_free_line($free, count($waits));
?>
--EXPECT--
wrote 7, read "line 0 after 0.2\n", no sooner than the delay: yes
wrote 7, read "line 1 after 0.2\n", no sooner than the delay: yes
wrote 7, read "line 2 after 0.2\n", no sooner than the delay: yes
thread free during 3 of 3 waits
