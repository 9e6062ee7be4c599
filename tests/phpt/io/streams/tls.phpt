--TEST--
Streams in goroutines (issue 13): ssl:// and tls:// clients of a TLS server whose handshake starts 0.2 s after the connect and whose reply comes 0.2 s after the line (certificate made at test time; verified against it as CA, or not verified); a peer name that does not match fails as in the origin; on one P the thread is free during each wait
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
$server = io_peer('line', ['tls' => 1] + $cert);
$port = io_port($server);

// A TLS exchange: connect (handshake included), a line, its reply.
function tls_exchange(string $url, array $ssl, string $line): array
{
    return io_capture(function () use ($url, $ssl, $line) {
        $t = hrtime(true);
        $ctx = stream_context_create(['ssl' => $ssl]);
        $s = stream_socket_client($url, $errno, $errstr, 10, STREAM_CLIENT_CONNECT, $ctx);
        if ($s === false) {
            return "connect failed: errno $errno, errstr " . json_encode($errstr);
        }
        $connected = io_no_sooner($t, 0.2);
        $crypto = stream_get_meta_data($s)['crypto']['protocol'] ?? '?';
        $wrote = fwrite($s, "$line\n");
        $reply = fgets($s);
        return sprintf('handshake no sooner than the delay: %s, %s, wrote %d, read %s, all no sooner than both delays: %s',
            $connected, str_starts_with($crypto, 'TLS') ? 'TLS' : $crypto, $wrote, json_encode($reply), io_no_sooner($t, 0.4));
    });
}
$verified = ['cafile' => $cert['cert'], 'peer_name' => 'goos.test'];
$unverified = ['verify_peer' => false, 'verify_peer_name' => false];
$mismatch = ['cafile' => $cert['cert'], 'peer_name' => 'other.goos.test'];

// The failure in the origin, to compare with the goroutine's.
$origin = tls_exchange("tls://127.0.0.1:$port", $mismatch, 'never sent');

$waits = [
    'ssl verified' => fn () => tls_exchange("ssl://127.0.0.1:$port", $verified, 'ssl one'),
    'ssl unverified' => fn () => tls_exchange("ssl://127.0.0.1:$port", $unverified, 'ssl two'),
    'tls verified' => fn () => tls_exchange("tls://127.0.0.1:$port", $verified, 'tls one'),
    'tls mismatch' => fn () => tls_exchange("tls://127.0.0.1:$port", $mismatch, 'never sent'),
];
[$results, $free] = waits_with_witness($waits);
foreach ($results as $k => [$r, $notes]) {
    echo "$k: $r\n";
    foreach ($notes as $n) echo "  $n\n";
}
echo 'the mismatch as in the origin: ', $results['tls mismatch'] === $origin ? 'yes' : 'no: ' . json_encode($origin), "\n";
echo io_free_line($free, count($waits));
?>
--EXPECTF--
ssl unverified: handshake no sooner than the delay: yes, TLS, wrote 8, read "ssl two after 0.2\n", all no sooner than both delays: yes
ssl verified: handshake no sooner than the delay: yes, TLS, wrote 8, read "ssl one after 0.2\n", all no sooner than both delays: yes
tls mismatch: connect failed: errno 0, errstr ""
  stream_socket_client(): Peer certificate CN=`goos.test' did not match expected CN=`other.goos.test'
  stream_socket_client(): Failed to enable crypto
  stream_socket_client(): Unable to connect to tls://127.0.0.1:%d (Unknown error)
tls verified: handshake no sooner than the delay: yes, TLS, wrote 8, read "tls one after 0.2\n", all no sooner than both delays: yes
the mismatch as in the origin: yes
thread free during 4 of 4 waits
