--TEST--
curl_exec() in goroutines (issue 14): on one P, three goroutines over http and three over https (the server's certificate verified against GOOS_NGINX_CA) each fetch nginx's /delay/300; every one gets its own body, code 200 and a verified certificate, and the thread is free during each wait
--EXTENSIONS--
goos
curl
--SKIPIF--
<?php
require __DIR__ . '/fixtures/curl_env.php';
curl_skipif();
?>
--FILE--
<?php
require __DIR__ . '/../fixtures/thread_free.php';
require __DIR__ . '/../fixtures/delay_server.inc';
require __DIR__ . '/fixtures/curl_env.php';
use Goos\Scheduler;

Scheduler::maxProcs(1);
$waits = [];
foreach (['http', 'https'] as $scheme) {
    for ($i = 0; $i < 3; $i++) {
        // Each its own delay, so that a body that went to the wrong
        // goroutine shows.
        $ms = 300 + $i;
        $waits["$scheme $i"] = function () use ($scheme, $ms) {
            $h = nginx_handle($scheme, "/delay/$ms");
            $body = curl_exec($h);
            return sprintf('%s, code %d, errno %d, certificate verified: %s',
                json_encode($body === "delayed $ms\n" ? 'its own body' : $body),
                curl_getinfo($h, CURLINFO_RESPONSE_CODE), curl_errno($h),
                $scheme === 'http' ? 'n/a' : json_encode(curl_getinfo($h, CURLINFO_SSL_VERIFYRESULT) === 0));
        };
    }
}
[$results, $free] = waits_with_witness($waits);
foreach ($results as $k => $r) {
    echo "$k: $r\n";
}
echo io_free_line($free, count($waits));
?>
--EXPECT--
http 0: "its own body", code 200, errno 0, certificate verified: n/a
http 1: "its own body", code 200, errno 0, certificate verified: n/a
http 2: "its own body", code 200, errno 0, certificate verified: n/a
https 0: "its own body", code 200, errno 0, certificate verified: true
https 1: "its own body", code 200, errno 0, certificate verified: true
https 2: "its own body", code 200, errno 0, certificate verified: true
thread free during 6 of 6 waits
