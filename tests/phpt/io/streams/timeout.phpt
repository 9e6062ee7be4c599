--TEST--
Streams in goroutines (issue 13): stream_set_timeout() firing on a server that never answers, with fread(), fgets() and stream_get_contents(): the same results, warnings and stream_get_meta_data() as in the origin, no sooner than the timeout; on one P the thread is free during each wait
--EXTENSIONS--
goos
--FILE--
<?php
require __DIR__ . '/../fixtures/thread_free.php';
require __DIR__ . '/../fixtures/delay_server.inc';
use Goos\Scheduler;

Scheduler::maxProcs(1);
$silent = io_peer('silent');

// What a timed-out read looks like, and what the next read does.
function timed_out_read(string $server, string $how): array
{
    return io_capture(function () use ($server, $how) {
        $s = stream_socket_client($server, $errno, $errstr, 10);
        stream_set_timeout($s, 0, 300000);
        fwrite($s, "anybody there?\n");
        $t = hrtime(true);
        $got = match ($how) {
            'fread' => fread($s, 1024),
            'fgets' => fgets($s),
            'stream_get_contents' => stream_get_contents($s),
        };
        $waited = io_no_sooner($t, 0.3);
        $meta = stream_get_meta_data($s);
        $again = fread($s, 1024);
        $meta_again = stream_get_meta_data($s);
        return sprintf('%s, timed out: %s, eof: %s, no sooner than the timeout: %s; read again: %s, timed out: %s',
            var_export($got, true), var_export($meta['timed_out'], true), var_export($meta['eof'], true),
            $waited, var_export($again, true), var_export($meta_again['timed_out'], true));
    });
}
$hows = ['fread', 'fgets', 'stream_get_contents'];
$origin = [];
foreach ($hows as $how) {
    $origin[$how] = timed_out_read($silent, $how);
}

$waits = [];
foreach ($hows as $how) {
    $waits[$how] = fn () => timed_out_read($silent, $how);
}
[$results, $free] = waits_with_witness($waits);
foreach ($results as $how => [$r, $notes]) {
    echo "$how: $r\n";
    foreach ($notes as $n) echo "  $n\n";
    echo '  as in the origin: ', $results[$how] === $origin[$how] ? 'yes' : 'no: ' . json_encode($origin[$how]), "\n";
}
echo io_free_line($free, count($waits));
?>
--EXPECT--
fgets: false, timed out: true, eof: false, no sooner than the timeout: yes; read again: false, timed out: true
  as in the origin: yes
fread: false, timed out: true, eof: false, no sooner than the timeout: yes; read again: false, timed out: true
  as in the origin: yes
stream_get_contents: '', timed out: true, eof: false, no sooner than the timeout: yes; read again: false, timed out: true
  as in the origin: yes
thread free during 3 of 3 waits
