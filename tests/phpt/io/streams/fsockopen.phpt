--TEST--
Streams in goroutines (issue 13): fsockopen() over TCP, UDP and a unix socket, each answered 0.2 s later, and to a server whose backlog is full (times out after 0.3 s, errno and message as in the origin); on one P the thread is free during each wait
--EXTENSIONS--
goos
--FILE--
<?php
require __DIR__ . '/../fixtures/thread_free.php';
require __DIR__ . '/../fixtures/delay_server.inc';
use Goos\Scheduler;

Scheduler::maxProcs(1);
$dir = io_tmpdir();
$tcp = io_port(io_peer('line'));
$udp = io_port(io_peer('line', ['listen' => 'udp://127.0.0.1:0']));
$unix = io_peer('line', ['listen' => "unix://$dir/line.sock"]);
$full = io_port(io_peer('full'));

function exchange(string $host, int $port, string $line, bool $dgram = false): string
{
    $s = fsockopen($host, $port, $errno, $errstr, 10);
    if ($s === false) {
        return "fsockopen failed: $errno $errstr";
    }
    $t = hrtime(true);
    $wrote = fwrite($s, $dgram ? $line : "$line\n");
    $reply = $dgram ? fread($s, 1024) : fgets($s);
    return sprintf('wrote %d, read %s, no sooner than the delay: %s', $wrote, json_encode($reply), io_no_sooner($t, 0.2));
}
$never = function () use ($full) {
    return io_capture(function () use ($full) {
        $t = hrtime(true);
        $s = fsockopen('127.0.0.1', $full, $errno, $errstr, 0.3);
        return sprintf('%s, errno %d, errstr %s, no sooner than the timeout: %s',
            var_export($s, true), $errno, json_encode($errstr), io_no_sooner($t, 0.3));
    });
};
$origin = $never();

$waits = [
    'tcp' => fn () => exchange('127.0.0.1', $tcp, 'tcp'),
    'tcp://' => fn () => exchange('tcp://127.0.0.1', $tcp, 'tcp url'),
    'udp' => fn () => exchange('udp://127.0.0.1', $udp, 'udp', true),
    'unix' => fn () => exchange($unix, -1, 'unix'),
    'full backlog' => $never,
];
[$results, $free] = waits_with_witness($waits);
[$r, $notes] = $results['full backlog'];
unset($results['full backlog']);
foreach ($results as $k => $r2) echo "$k: $r2\n";
echo "full backlog: $r\n";
foreach ($notes as $n) echo "$n\n";
echo 'as in the origin: ', [$r, $notes] === $origin ? 'yes' : 'no: ' . json_encode($origin), "\n";
echo io_free_line($free, count($waits));
?>
--EXPECTF--
tcp: wrote 4, read "tcp after 0.2\n", no sooner than the delay: yes
tcp://: wrote 8, read "tcp url after 0.2\n", no sooner than the delay: yes
udp: wrote 3, read "udp after 0.2", no sooner than the delay: yes
unix: wrote 5, read "unix after 0.2\n", no sooner than the delay: yes
full backlog: false, errno 110, errstr "Connection timed out", no sooner than the timeout: yes
fsockopen(): Unable to connect to 127.0.0.1:%d (Connection timed out)
as in the origin: yes
thread free during 5 of 5 waits
