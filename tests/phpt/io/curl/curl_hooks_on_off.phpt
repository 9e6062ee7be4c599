--TEST--
ext/curl with the I/O hooks on and off (goos.io_hooks): the same script, in the origin and in a goroutine, prints the same bodies, HTTP codes, errno and curl_error() (a refused connect, timeouts, a certificate that does not verify) over http and https, with curl_exec() and with a multi handle, either way (issue 14)
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
require __DIR__ . '/../redis/fixtures/hooks_on_off.php';
require __DIR__ . '/../fixtures/delay_server.inc';

// The full peer (delay_server.php) and the certificate (self-signed, for
// goos.test) are this script's: both runs use them.
$full = io_port(io_peer('full'));
compare_io_hooks_on_and_off(run_with_io_hooks_on_and_off(
    __DIR__ . '/fixtures/curl_hooks_child.php', [(string) closed_port(), (string) $full, io_tls_cert()['cert']]));
?>
--EXPECT--
hooks on: goos.io_hooks='1'
in the origin:
http /delay/100: "delayed 100\n", errno 0, error "", code 200
http /redirect/2 followed: "arrived\n", errno 0, error "", code 200
http /redirect/2 not followed: true, errno 0, error "", code 302
http /status/404: "status 404\n", errno 0, error "", code 404
http /status/503 with CURLOPT_FAILONERROR: false, errno 22, error "The requested URL returned error: 503", code 503
http POST /echo of a form: true, errno 0, error "", code 200
https /delay/100: "delayed 100\n", errno 0, error "", code 200
https /redirect/2 followed: "arrived\n", errno 0, error "", code 200
https /redirect/2 not followed: true, errno 0, error "", code 302
https /status/404: "status 404\n", errno 0, error "", code 404
https /status/503 with CURLOPT_FAILONERROR: false, errno 22, error "The requested URL returned error: 503", code 503
https POST /echo of a form: true, errno 0, error "", code 200
http /delay/3000 with CURLOPT_TIMEOUT_MS 200: false, errno 28, error "Operation timed out after <n> milliseconds with 0 bytes received", code 0
https verified against another certificate: false, errno 60, error "SSL certificate problem: self-signed certificate", code 0
a refused connect: false, errno 7, error "Failed to connect to 127.0.0.1 port <port> after <n> ms: Couldn't connect to server", code 0
a connect never answered, CURLOPT_CONNECTTIMEOUT_MS 200: false, errno 28, error "Connection timeout after <n> ms", code 0
multi: http /delay/100: "delayed 100\n", errno 0, error "", code 200
multi: http /delay/3000 with CURLOPT_TIMEOUT_MS 200: "", errno 28, error "Operation timed out after <n> milliseconds with 0 bytes received", code 0
multi: results {"a":0,"b":28}
in a goroutine:
http /delay/100: "delayed 100\n", errno 0, error "", code 200
http /redirect/2 followed: "arrived\n", errno 0, error "", code 200
http /redirect/2 not followed: true, errno 0, error "", code 302
http /status/404: "status 404\n", errno 0, error "", code 404
http /status/503 with CURLOPT_FAILONERROR: false, errno 22, error "The requested URL returned error: 503", code 503
http POST /echo of a form: true, errno 0, error "", code 200
https /delay/100: "delayed 100\n", errno 0, error "", code 200
https /redirect/2 followed: "arrived\n", errno 0, error "", code 200
https /redirect/2 not followed: true, errno 0, error "", code 302
https /status/404: "status 404\n", errno 0, error "", code 404
https /status/503 with CURLOPT_FAILONERROR: false, errno 22, error "The requested URL returned error: 503", code 503
https POST /echo of a form: true, errno 0, error "", code 200
http /delay/3000 with CURLOPT_TIMEOUT_MS 200: false, errno 28, error "Operation timed out after <n> milliseconds with 0 bytes received", code 0
https verified against another certificate: false, errno 60, error "SSL certificate problem: self-signed certificate", code 0
a refused connect: false, errno 7, error "Failed to connect to 127.0.0.1 port <port> after <n> ms: Couldn't connect to server", code 0
a connect never answered, CURLOPT_CONNECTTIMEOUT_MS 200: false, errno 28, error "Connection timeout after <n> ms", code 0
multi: http /delay/100: "delayed 100\n", errno 0, error "", code 200
multi: http /delay/3000 with CURLOPT_TIMEOUT_MS 200: "", errno 28, error "Operation timed out after <n> milliseconds with 0 bytes received", code 0
multi: results {"a":0,"b":28}
exit status: 0
hooks off: goos.io_hooks='0'
hooks off: the same output