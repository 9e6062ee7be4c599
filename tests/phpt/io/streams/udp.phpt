--TEST--
Streams in goroutines (issue 13): stream_socket_client() over UDP, a datagram answered after 0.2 s, read with fread() and with stream_socket_recvfrom(); on one P the thread is free during each wait
--EXTENSIONS--
goos
--FILE--
<?php
require __DIR__ . '/../fixtures/thread_free.php';
require __DIR__ . '/../fixtures/delay_server.inc';
use Goos\Scheduler;

Scheduler::maxProcs(1);
$server = io_peer('line', ['listen' => 'udp://127.0.0.1:0']);

$waits = [];
for ($i = 0; $i < 2; $i++) {
    $waits["fread $i"] = function () use ($server, $i) {
        $s = stream_socket_client($server, $errno, $errstr, 10);
        $t = hrtime(true);
        $wrote = fwrite($s, "datagram $i");
        $reply = fread($s, 1024);
        return sprintf('wrote %d, read %s, no sooner than the delay: %s',
            $wrote, json_encode($reply), io_no_sooner($t, 0.2));
    };
}
$waits['recvfrom'] = function () use ($server) {
    $s = stream_socket_client($server, $errno, $errstr, 10);
    $t = hrtime(true);
    $sent = stream_socket_sendto($s, 'datagram r');
    $reply = stream_socket_recvfrom($s, 1024, 0, $from);
    return sprintf('sent %d, received %s from the server: %s, no sooner than the delay: %s',
        $sent, json_encode($reply), $from === substr($server, 6) ? 'yes' : "no ($from)", io_no_sooner($t, 0.2));
};
[$results, $free] = waits_with_witness($waits);
foreach ($results as $k => $r) echo "$k: $r\n";
echo io_free_line($free, count($waits));
?>
--EXPECT--
fread 0: wrote 10, read "datagram 0 after 0.2", no sooner than the delay: yes
fread 1: wrote 10, read "datagram 1 after 0.2", no sooner than the delay: yes
recvfrom: sent 10, received "datagram r after 0.2" from the server: yes, no sooner than the delay: yes
thread free during 3 of 3 waits
