--TEST--
Guzzle with the I/O hooks on and off (goos.io_hooks): the same script, over the curl, curl_multi and stream handlers, http and https, in the origin and in goroutines, prints the same answers and exceptions either way (issue 14)
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
require __DIR__ . '/../redis/fixtures/hooks_on_off.php';

compare_io_hooks_on_and_off(run_with_io_hooks_on_and_off(__DIR__ . '/fixtures/guzzle_hooks_child.php'));
?>
--EXPECT--
hooks on: goos.io_hooks='1'
in the origin:
curl http:
  GET /delay/50: 200 "delayed 50\n"
  POST json /echo: 200 the same JSON back
  GET /headers: 200 X-Goos-Test echoed, Guzzle's User-Agent echoed
  GET /status/404: GuzzleHttp\Exception\ClientException (code 404), status 404: Client error: `GET http://127.0.0.1:<port>/status/404` resulted in a `404 Not Found` response:
  GET /status/500: GuzzleHttp\Exception\ServerException (code 500), status 500: Server error: `GET http://127.0.0.1:<port>/status/500` resulted in a `500 Internal Server Error` response:
  GET /delay/5000 with a timeout of 0.1 s: GuzzleHttp\Exception\ConnectException (code 0): cURL error 28: Operation timed out after <n> milliseconds with 0 bytes received (see https://curl.haxx.se/libcurl/c/libcurl-errors.html) for http://127.0.0.1:<port>/delay/5000
curl https:
  GET /delay/50: 200 "delayed 50\n"
  POST json /echo: 200 the same JSON back
  GET /headers: 200 X-Goos-Test echoed, Guzzle's User-Agent echoed
  GET /status/404: GuzzleHttp\Exception\ClientException (code 404), status 404: Client error: `GET https://127.0.0.1:<port>/status/404` resulted in a `404 Not Found` response:
  GET /status/500: GuzzleHttp\Exception\ServerException (code 500), status 500: Server error: `GET https://127.0.0.1:<port>/status/500` resulted in a `500 Internal Server Error` response:
  GET /delay/5000 with a timeout of 0.1 s: GuzzleHttp\Exception\ConnectException (code 0): cURL error 28: Operation timed out after <n> milliseconds with 0 bytes received (see https://curl.haxx.se/libcurl/c/libcurl-errors.html) for https://127.0.0.1:<port>/delay/5000
multi http:
  GET /delay/50: 200 "delayed 50\n"
  POST json /echo: 200 the same JSON back
  GET /headers: 200 X-Goos-Test echoed, Guzzle's User-Agent echoed
  GET /status/404: GuzzleHttp\Exception\ClientException (code 404), status 404: Client error: `GET http://127.0.0.1:<port>/status/404` resulted in a `404 Not Found` response:
  GET /status/500: GuzzleHttp\Exception\ServerException (code 500), status 500: Server error: `GET http://127.0.0.1:<port>/status/500` resulted in a `500 Internal Server Error` response:
  GET /delay/5000 with a timeout of 0.1 s: GuzzleHttp\Exception\ConnectException (code 0): cURL error 28: Operation timed out after <n> milliseconds with 0 bytes received (see https://curl.haxx.se/libcurl/c/libcurl-errors.html) for http://127.0.0.1:<port>/delay/5000
multi https:
  GET /delay/50: 200 "delayed 50\n"
  POST json /echo: 200 the same JSON back
  GET /headers: 200 X-Goos-Test echoed, Guzzle's User-Agent echoed
  GET /status/404: GuzzleHttp\Exception\ClientException (code 404), status 404: Client error: `GET https://127.0.0.1:<port>/status/404` resulted in a `404 Not Found` response:
  GET /status/500: GuzzleHttp\Exception\ServerException (code 500), status 500: Server error: `GET https://127.0.0.1:<port>/status/500` resulted in a `500 Internal Server Error` response:
  GET /delay/5000 with a timeout of 0.1 s: GuzzleHttp\Exception\ConnectException (code 0): cURL error 28: Operation timed out after <n> milliseconds with 0 bytes received (see https://curl.haxx.se/libcurl/c/libcurl-errors.html) for https://127.0.0.1:<port>/delay/5000
stream http:
  GET /delay/50: 200 "delayed 50\n"
  POST json /echo: 200 the same JSON back
  GET /headers: 200 X-Goos-Test echoed, Guzzle's User-Agent echoed
  GET /status/404: GuzzleHttp\Exception\ClientException (code 404), status 404: Client error: `GET http://127.0.0.1:<port>/status/404` resulted in a `404 Not Found` response:
  GET /status/500: GuzzleHttp\Exception\ServerException (code 500), status 500: Server error: `GET http://127.0.0.1:<port>/status/500` resulted in a `500 Internal Server Error` response:
  GET /delay/5000 with a timeout of 0.1 s: GuzzleHttp\Exception\ConnectException (code 0): Connection refused for URI http://127.0.0.1:<port>/delay/5000
stream https:
  GET /delay/50: 200 "delayed 50\n"
  POST json /echo: 200 the same JSON back
  GET /headers: 200 X-Goos-Test echoed, Guzzle's User-Agent echoed
  GET /status/404: GuzzleHttp\Exception\ClientException (code 404), status 404: Client error: `GET https://127.0.0.1:<port>/status/404` resulted in a `404 Not Found` response:
  GET /status/500: GuzzleHttp\Exception\ServerException (code 500), status 500: Server error: `GET https://127.0.0.1:<port>/status/500` resulted in a `500 Internal Server Error` response:
  GET /delay/5000 with a timeout of 0.1 s: GuzzleHttp\Exception\ConnectException (code 0): Connection refused for URI https://127.0.0.1:<port>/delay/5000
in goroutines:
curl http:
  GET /delay/50: 200 "delayed 50\n"
  POST json /echo: 200 the same JSON back
  GET /headers: 200 X-Goos-Test echoed, Guzzle's User-Agent echoed
  GET /status/404: GuzzleHttp\Exception\ClientException (code 404), status 404: Client error: `GET http://127.0.0.1:<port>/status/404` resulted in a `404 Not Found` response:
  GET /status/500: GuzzleHttp\Exception\ServerException (code 500), status 500: Server error: `GET http://127.0.0.1:<port>/status/500` resulted in a `500 Internal Server Error` response:
  GET /delay/5000 with a timeout of 0.1 s: GuzzleHttp\Exception\ConnectException (code 0): cURL error 28: Operation timed out after <n> milliseconds with 0 bytes received (see https://curl.haxx.se/libcurl/c/libcurl-errors.html) for http://127.0.0.1:<port>/delay/5000
curl https:
  GET /delay/50: 200 "delayed 50\n"
  POST json /echo: 200 the same JSON back
  GET /headers: 200 X-Goos-Test echoed, Guzzle's User-Agent echoed
  GET /status/404: GuzzleHttp\Exception\ClientException (code 404), status 404: Client error: `GET https://127.0.0.1:<port>/status/404` resulted in a `404 Not Found` response:
  GET /status/500: GuzzleHttp\Exception\ServerException (code 500), status 500: Server error: `GET https://127.0.0.1:<port>/status/500` resulted in a `500 Internal Server Error` response:
  GET /delay/5000 with a timeout of 0.1 s: GuzzleHttp\Exception\ConnectException (code 0): cURL error 28: Operation timed out after <n> milliseconds with 0 bytes received (see https://curl.haxx.se/libcurl/c/libcurl-errors.html) for https://127.0.0.1:<port>/delay/5000
multi http:
  GET /delay/50: 200 "delayed 50\n"
  POST json /echo: 200 the same JSON back
  GET /headers: 200 X-Goos-Test echoed, Guzzle's User-Agent echoed
  GET /status/404: GuzzleHttp\Exception\ClientException (code 404), status 404: Client error: `GET http://127.0.0.1:<port>/status/404` resulted in a `404 Not Found` response:
  GET /status/500: GuzzleHttp\Exception\ServerException (code 500), status 500: Server error: `GET http://127.0.0.1:<port>/status/500` resulted in a `500 Internal Server Error` response:
  GET /delay/5000 with a timeout of 0.1 s: GuzzleHttp\Exception\ConnectException (code 0): cURL error 28: Operation timed out after <n> milliseconds with 0 bytes received (see https://curl.haxx.se/libcurl/c/libcurl-errors.html) for http://127.0.0.1:<port>/delay/5000
multi https:
  GET /delay/50: 200 "delayed 50\n"
  POST json /echo: 200 the same JSON back
  GET /headers: 200 X-Goos-Test echoed, Guzzle's User-Agent echoed
  GET /status/404: GuzzleHttp\Exception\ClientException (code 404), status 404: Client error: `GET https://127.0.0.1:<port>/status/404` resulted in a `404 Not Found` response:
  GET /status/500: GuzzleHttp\Exception\ServerException (code 500), status 500: Server error: `GET https://127.0.0.1:<port>/status/500` resulted in a `500 Internal Server Error` response:
  GET /delay/5000 with a timeout of 0.1 s: GuzzleHttp\Exception\ConnectException (code 0): cURL error 28: Operation timed out after <n> milliseconds with 0 bytes received (see https://curl.haxx.se/libcurl/c/libcurl-errors.html) for https://127.0.0.1:<port>/delay/5000
stream http:
  GET /delay/50: 200 "delayed 50\n"
  POST json /echo: 200 the same JSON back
  GET /headers: 200 X-Goos-Test echoed, Guzzle's User-Agent echoed
  GET /status/404: GuzzleHttp\Exception\ClientException (code 404), status 404: Client error: `GET http://127.0.0.1:<port>/status/404` resulted in a `404 Not Found` response:
  GET /status/500: GuzzleHttp\Exception\ServerException (code 500), status 500: Server error: `GET http://127.0.0.1:<port>/status/500` resulted in a `500 Internal Server Error` response:
  GET /delay/5000 with a timeout of 0.1 s: GuzzleHttp\Exception\ConnectException (code 0): Connection refused for URI http://127.0.0.1:<port>/delay/5000
stream https:
  GET /delay/50: 200 "delayed 50\n"
  POST json /echo: 200 the same JSON back
  GET /headers: 200 X-Goos-Test echoed, Guzzle's User-Agent echoed
  GET /status/404: GuzzleHttp\Exception\ClientException (code 404), status 404: Client error: `GET https://127.0.0.1:<port>/status/404` resulted in a `404 Not Found` response:
  GET /status/500: GuzzleHttp\Exception\ServerException (code 500), status 500: Server error: `GET https://127.0.0.1:<port>/status/500` resulted in a `500 Internal Server Error` response:
  GET /delay/5000 with a timeout of 0.1 s: GuzzleHttp\Exception\ConnectException (code 0): Connection refused for URI https://127.0.0.1:<port>/delay/5000
a pool in a goroutine:
  http 200 "delayed 50\n"
  http 200 "delayed 50\n"
  http 200 "delayed 50\n"
  https 200 "delayed 50\n"
  https 200 "delayed 50\n"
  https 200 "delayed 50\n"
exit status: 0
hooks off: goos.io_hooks='0'
hooks off: the same output
