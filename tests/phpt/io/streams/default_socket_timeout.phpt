--TEST--
Streams in goroutines (issue 13): default_socket_timeout=1 bounds what is never answered: a read from a server that accepts and never writes, a connect to a server whose backlog is full, an http:// request never answered; the same results and warnings as in the origin, no sooner than 1 s; on one P the thread is free during each wait
--EXTENSIONS--
goos
--INI--
default_socket_timeout=1
--FILE--
<?php
require __DIR__ . '/../fixtures/thread_free.php';
require __DIR__ . '/../fixtures/delay_server.inc';
use Goos\Scheduler;

Scheduler::maxProcs(1);
$silent = io_peer('silent');
$full = io_peer('full');
$http = str_replace('tcp://', 'http://', io_peer('http'));

$probes = [
    'read' => function () use ($silent) {
        $s = stream_socket_client($silent);
        $t = hrtime(true);
        $got = fgets($s);
        return sprintf('ini %s: %s, timed out: %s, no sooner than 1 s: %s', ini_get('default_socket_timeout'),
            var_export($got, true), var_export(stream_get_meta_data($s)['timed_out'], true), io_no_sooner($t, 1));
    },
    'connect' => function () use ($full) {
        $t = hrtime(true);
        $s = stream_socket_client($full, $errno, $errstr);
        return sprintf('%s, errno %d, errstr %s, no sooner than 1 s: %s',
            var_export($s, true), $errno, json_encode($errstr), io_no_sooner($t, 1));
    },
    'http' => function () use ($http) {
        $t = hrtime(true);
        $got = file_get_contents("$http/silent");
        return sprintf('%s, no sooner than 1 s: %s', var_export($got, true), io_no_sooner($t, 1));
    },
];
$origin = array_map(fn ($probe) => io_capture($probe), $probes);

$waits = array_map(fn ($probe) => fn () => io_capture($probe), $probes);
[$results, $free] = waits_with_witness($waits);
foreach ($results as $k => [$r, $notes]) {
    echo "$k: $r\n";
    foreach ($notes as $n) echo "  ", rtrim($n), "\n";
    echo '  as in the origin: ', $results[$k] === $origin[$k] ? 'yes' : 'no: ' . json_encode($origin[$k]), "\n";
}
echo io_free_line($free, count($waits));
?>
--EXPECTF--
connect: false, errno 110, errstr "Connection timed out", no sooner than 1 s: yes
  stream_socket_client(): Unable to connect to tcp://127.0.0.1:%d (Connection timed out)
  as in the origin: yes
http: false, no sooner than 1 s: yes
  file_get_contents(http://127.0.0.1:%d/silent): Failed to open stream: HTTP request failed!
  as in the origin: yes
read: ini 1: false, timed out: true, no sooner than 1 s: yes
  as in the origin: yes
thread free during 3 of 3 waits
