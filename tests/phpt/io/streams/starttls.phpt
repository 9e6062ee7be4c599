--TEST--
Streams in goroutines (issue 13): STARTTLS, stream_socket_enable_crypto() on a TCP stream after a plain exchange answered 0.2 s later, then a line over TLS answered 0.2 s later; on one P the thread is free during each wait
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
$server = io_peer('line', $cert);

$waits = [];
foreach (['verified' => ['cafile' => $cert['cert'], 'peer_name' => 'goos.test'],
          'unverified' => ['verify_peer' => false, 'verify_peer_name' => false]] as $k => $ssl) {
    $waits[$k] = function () use ($server, $ssl, $k) {
        $ctx = stream_context_create(['ssl' => $ssl]);
        $s = stream_socket_client($server, $errno, $errstr, 10, STREAM_CLIENT_CONNECT, $ctx);
        $t = hrtime(true);
        fwrite($s, "STARTTLS\n");
        $go = fgets($s);
        $plain = io_no_sooner($t, 0.2);
        $on = stream_socket_enable_crypto($s, true, STREAM_CRYPTO_METHOD_TLS_CLIENT);
        $meta = stream_get_meta_data($s);
        $t = hrtime(true);
        fwrite($s, "secret $k\n");
        $reply = fgets($s);
        return sprintf("%s (no sooner than the delay: %s), crypto on: %s (%s), then %s (no sooner than the delay: %s)",
            json_encode($go), $plain, var_export($on, true),
            str_starts_with($meta['crypto']['protocol'] ?? '', 'TLS') ? 'TLS' : json_encode($meta['crypto'] ?? null),
            json_encode($reply), io_no_sooner($t, 0.2));
    };
}
[$results, $free] = waits_with_witness($waits);
foreach ($results as $k => $r) echo "$k: $r\n";
echo io_free_line($free, count($waits));
?>
--EXPECT--
unverified: "STARTTLS ok\n" (no sooner than the delay: yes), crypto on: true (TLS), then "secret unverified after 0.2\n" (no sooner than the delay: yes)
verified: "STARTTLS ok\n" (no sooner than the delay: yes), crypto on: true (TLS), then "secret verified after 0.2\n" (no sooner than the delay: yes)
thread free during 2 of 2 waits
