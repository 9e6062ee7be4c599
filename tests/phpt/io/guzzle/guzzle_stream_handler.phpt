--TEST--
Guzzle's stream handler (StreamHandler: fopen of http:// and https:// URLs, PHP's streams) in goroutines on one P, over http and https: a delayed GET, a JSON POST, request headers, 404 and 500 as ClientException and ServerException, a timeout as ConnectException, as without goos; the thread runs another goroutine while each request waits (issue 14)
--EXTENSIONS--
goos
--SKIPIF--
<?php
require __DIR__ . '/fixtures/guzzle_env.php';
guzzle_skipif();
?>
--INI--
error_reporting=E_ALL & ~E_DEPRECATED
--FILE--
<?php
use Goos\{Chan, Scheduler};

require __DIR__ . '/fixtures/guzzle_env.php';
require __DIR__ . '/../fixtures/thread_free.php';

// Guzzle's autoloaders are the origin's; the goroutines load the classes
// through them.
guzzle_load();
Scheduler::maxProcs(1);
$warm = new Chan(1);
go(function (Chan $warm) {
    guzzle_warm_up();
    $warm->send(true);
}, $warm);
$warm->recv();

$waits = [];
foreach (['http', 'https'] as $scheme) {
    for ($i = 0; $i < 2; $i++) {
        $waits["$scheme $i"] = fn () => guzzle_story('stream', $scheme, "$scheme $i", 300, 0.2);
    }
}
[$results, $free] = waits_with_witness($waits);
foreach ($results as $key => $lines) {
    echo "goroutine $key:\n  ", implode("\n  ", $lines), "\n";
}
echo "the thread was free in $free of 4 waits\n";
?>
--EXPECT--
goroutine http 0:
  GET /delay/300: 200 "delayed 300\n"
  POST json /echo: 200 the same JSON back
  GET /headers: 200 X-Goos-Test echoed, Guzzle's User-Agent echoed
  GET /status/404: GuzzleHttp\Exception\ClientException (code 404), status 404: Client error: `GET http://127.0.0.1:<port>/status/404` resulted in a `404 Not Found` response:
  GET /status/500: GuzzleHttp\Exception\ServerException (code 500), status 500: Server error: `GET http://127.0.0.1:<port>/status/500` resulted in a `500 Internal Server Error` response:
  GET /delay/5000 with a timeout of 0.2 s: GuzzleHttp\Exception\ConnectException (code 0): Connection refused for URI http://127.0.0.1:<port>/delay/5000
goroutine http 1:
  GET /delay/300: 200 "delayed 300\n"
  POST json /echo: 200 the same JSON back
  GET /headers: 200 X-Goos-Test echoed, Guzzle's User-Agent echoed
  GET /status/404: GuzzleHttp\Exception\ClientException (code 404), status 404: Client error: `GET http://127.0.0.1:<port>/status/404` resulted in a `404 Not Found` response:
  GET /status/500: GuzzleHttp\Exception\ServerException (code 500), status 500: Server error: `GET http://127.0.0.1:<port>/status/500` resulted in a `500 Internal Server Error` response:
  GET /delay/5000 with a timeout of 0.2 s: GuzzleHttp\Exception\ConnectException (code 0): Connection refused for URI http://127.0.0.1:<port>/delay/5000
goroutine https 0:
  GET /delay/300: 200 "delayed 300\n"
  POST json /echo: 200 the same JSON back
  GET /headers: 200 X-Goos-Test echoed, Guzzle's User-Agent echoed
  GET /status/404: GuzzleHttp\Exception\ClientException (code 404), status 404: Client error: `GET https://127.0.0.1:<port>/status/404` resulted in a `404 Not Found` response:
  GET /status/500: GuzzleHttp\Exception\ServerException (code 500), status 500: Server error: `GET https://127.0.0.1:<port>/status/500` resulted in a `500 Internal Server Error` response:
  GET /delay/5000 with a timeout of 0.2 s: GuzzleHttp\Exception\ConnectException (code 0): Connection refused for URI https://127.0.0.1:<port>/delay/5000
goroutine https 1:
  GET /delay/300: 200 "delayed 300\n"
  POST json /echo: 200 the same JSON back
  GET /headers: 200 X-Goos-Test echoed, Guzzle's User-Agent echoed
  GET /status/404: GuzzleHttp\Exception\ClientException (code 404), status 404: Client error: `GET https://127.0.0.1:<port>/status/404` resulted in a `404 Not Found` response:
  GET /status/500: GuzzleHttp\Exception\ServerException (code 500), status 500: Server error: `GET https://127.0.0.1:<port>/status/500` resulted in a `500 Internal Server Error` response:
  GET /delay/5000 with a timeout of 0.2 s: GuzzleHttp\Exception\ConnectException (code 0): Connection refused for URI https://127.0.0.1:<port>/delay/5000
the thread was free in 4 of 4 waits
