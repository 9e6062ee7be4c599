--TEST--
Streams in goroutines (issue 13): the https:// wrapper, file_get_contents() of a TLS server (certificate made at test time) that begins its handshake 0.2 s after the connect and answers 0.2 s after the request, verified against that certificate or not verified; a peer name that does not match fails as in the origin; on one P the thread is free during each wait
--EXTENSIONS--
goos
--SKIPIF--
<?php if (!extension_loaded('openssl')) die('skip openssl extension needed'); ?>
--FILE--
<?php
require __DIR__ . '/../fixtures/thread_free.php';
require __DIR__ . '/../fixtures/delay_server.inc';
use Goos\Scheduler;

Scheduler::maxProcs(1);
$cert = io_tls_cert();
$https = str_replace('tcp://', 'https://', io_peer('http', ['tls' => 1] + $cert));

function get(string $url, array $ssl): array
{
    return io_capture(function () use ($url, $ssl) {
        $ctx = stream_context_create(['ssl' => $ssl]);
        $t = hrtime(true);
        $body = file_get_contents($url, false, $ctx);
        $waited = io_no_sooner($t, $body === false ? 0.2 : 0.4);
        return sprintf('%s, status %s, no sooner than the %s: %s', json_encode($body),
            $http_response_header[0] ?? 'none', $body === false ? "handshake's delay" : 'two delays', $waited);
    });
}
$mismatch = ['cafile' => $cert['cert'], 'peer_name' => 'other.goos.test'];
$origin = get("$https/mismatch", $mismatch);

$waits = [
    'verified' => fn () => get("$https/verified", ['cafile' => $cert['cert'], 'peer_name' => 'goos.test']),
    'unverified' => fn () => get("$https/unverified", ['verify_peer' => false, 'verify_peer_name' => false]),
    'mismatch' => fn () => get("$https/mismatch", $mismatch),
];
[$results, $free] = waits_with_witness($waits);
foreach ($results as $k => [$r, $notes]) {
    echo "$k: $r\n";
    foreach ($notes as $n) echo '  ', rtrim($n), "\n";
}
echo 'the mismatch as in the origin: ', $results['mismatch'] === $origin ? 'yes' : 'no: ' . json_encode($origin), "\n";
echo io_free_line($free, count($waits));
?>
--EXPECTF--
mismatch: false, status none, no sooner than the handshake's delay: yes
  file_get_contents(): Peer certificate CN=`goos.test' did not match expected CN=`other.goos.test'
  file_get_contents(): Failed to enable crypto
  file_get_contents(https://127.0.0.1:%d/mismatch): Failed to open stream: operation failed
unverified: "hello from \/unverified\n", status HTTP/1.1 200 OK, no sooner than the two delays: yes
verified: "hello from \/verified\n", status HTTP/1.1 200 OK, no sooner than the two delays: yes
the mismatch as in the origin: yes
thread free during 3 of 3 waits
