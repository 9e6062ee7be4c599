--TEST--
Guzzle from 20 goroutines at once on one P, each with a client of its own making one synchronous GET of /delay/200 (curl and stream handlers, http and https, in turn): every request gets its answer, and the thread runs other goroutines while each waits (issue 14)
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

guzzle_load();
Scheduler::maxProcs(1);
$warm = new Chan(1);
go(function (Chan $warm) {
    guzzle_warm_up();
    $warm->send(true);
}, $warm);
$warm->recv();

$waits = [];
for ($i = 0; $i < 20; $i++) {
    $handler = ['curl', 'stream'][$i % 2];
    $scheme = ['http', 'https'][intdiv($i, 2) % 2];
    $waits[$i] = function () use ($handler, $scheme) {
        $response = guzzle_client($handler)->get(guzzle_url($scheme, '/delay/200'));
        return "$handler $scheme: " . $response->getStatusCode() . ' ' . json_encode((string) $response->getBody());
    };
}
[$results, $free] = waits_with_witness($waits);
foreach ($results as $i => $line) {
    echo "goroutine $i: $line\n";
}
echo "the thread was free in $free of 20 waits\n";
?>
--EXPECT--
goroutine 0: curl http: 200 "delayed 200\n"
goroutine 1: stream http: 200 "delayed 200\n"
goroutine 2: curl https: 200 "delayed 200\n"
goroutine 3: stream https: 200 "delayed 200\n"
goroutine 4: curl http: 200 "delayed 200\n"
goroutine 5: stream http: 200 "delayed 200\n"
goroutine 6: curl https: 200 "delayed 200\n"
goroutine 7: stream https: 200 "delayed 200\n"
goroutine 8: curl http: 200 "delayed 200\n"
goroutine 9: stream http: 200 "delayed 200\n"
goroutine 10: curl https: 200 "delayed 200\n"
goroutine 11: stream https: 200 "delayed 200\n"
goroutine 12: curl http: 200 "delayed 200\n"
goroutine 13: stream http: 200 "delayed 200\n"
goroutine 14: curl https: 200 "delayed 200\n"
goroutine 15: stream https: 200 "delayed 200\n"
goroutine 16: curl http: 200 "delayed 200\n"
goroutine 17: stream http: 200 "delayed 200\n"
goroutine 18: curl https: 200 "delayed 200\n"
goroutine 19: stream https: 200 "delayed 200\n"
the thread was free in 20 of 20 waits
