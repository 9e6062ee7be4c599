--TEST--
Streams in goroutines (issue 13): fgets(), fread() and fwrite() waiting on a TCP peer, with and without stream_set_timeout(): replies that come 0.2 s later, and an 8 MiB fwrite() to a server that starts reading 0.2 s later; on one P the thread is free during each wait
--EXTENSIONS--
goos
--FILE--
<?php
require __DIR__ . '/../fixtures/thread_free.php';
require __DIR__ . '/../fixtures/delay_server.inc';
use Goos\Scheduler;

Scheduler::maxProcs(1);
$line = io_peer('line');
$sink = io_peer('sink');

function ask(string $server, ?int $timeout, bool $fread): string
{
    $s = stream_socket_client($server, $errno, $errstr, 10);
    if ($timeout !== null) {
        stream_set_timeout($s, $timeout);
    }
    $t = hrtime(true);
    $wrote = fwrite($s, "question\n");
    $reply = $fread ? fread($s, 1024) : fgets($s);
    $meta = stream_get_meta_data($s);
    return sprintf('wrote %d, read %s, timed out: %s, no sooner than the delay: %s',
        $wrote, json_encode($reply), var_export($meta['timed_out'], true), io_no_sooner($t, 0.2));
}
function upload(string $server, ?int $timeout): string
{
    $s = stream_socket_client($server, $errno, $errstr, 10);
    if ($timeout !== null) {
        stream_set_timeout($s, $timeout);
    }
    $data = str_repeat('0123456789abcdef', 1 << 19);
    $t = hrtime(true);
    $wrote = 0;
    while ($wrote < strlen($data)) {
        $n = fwrite($s, substr($data, $wrote));
        if ($n === false || $n === 0) {
            break;
        }
        $wrote += $n;
    }
    $written = io_no_sooner($t, 0.2);
    stream_socket_shutdown($s, STREAM_SHUT_WR);
    return sprintf('wrote %d bytes (no sooner than the server started reading: %s), read %s',
        $wrote, $written, json_encode(fgets($s)));
}

$waits = [
    'fgets' => fn () => ask($line, null, false),
    'fgets with timeout' => fn () => ask($line, 5, false),
    'fread' => fn () => ask($line, null, true),
    'fread with timeout' => fn () => ask($line, 5, true),
    'fwrite' => fn () => upload($sink, null),
    'fwrite with timeout' => fn () => upload($sink, 5),
];
[$results, $free] = waits_with_witness($waits);
foreach ($results as $k => $r) echo "$k: $r\n";
echo io_free_line($free, count($waits));
?>
--EXPECT--
fgets: wrote 9, read "question after 0.2\n", timed out: false, no sooner than the delay: yes
fgets with timeout: wrote 9, read "question after 0.2\n", timed out: false, no sooner than the delay: yes
fread: wrote 9, read "question after 0.2\n", timed out: false, no sooner than the delay: yes
fread with timeout: wrote 9, read "question after 0.2\n", timed out: false, no sooner than the delay: yes
fwrite: wrote 8388608 bytes (no sooner than the server started reading: yes), read "got 8388608 bytes\n"
fwrite with timeout: wrote 8388608 bytes (no sooner than the server started reading: yes), read "got 8388608 bytes\n"
thread free during 6 of 6 waits
