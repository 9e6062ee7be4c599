--TEST--
Guzzle's Pool over CurlMultiHandler in one goroutine on one P: 20 GETs of /delay/200 (10 over http, 10 over https), 10 at a time, all answered in order; curl_multi_select parks the goroutine, so the thread runs another goroutine while the pool waits (issue 14)
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

// One wait: the whole pool. Its requests wait together in
// curl_multi_select (Guzzle's CurlMultiHandler::tick()); with the thread
// blocked there, the witness could not run until the last answer.
[$results, $free] = waits_with_witness([fn () => guzzle_pool(['http' => 10, 'https' => 10], 200)]);
foreach ($results[0] as $i => $line) {
    echo "request $i: $line\n";
}
echo "the thread was free in $free of 1 wait\n";
?>
--EXPECT--
request 0: http 200 "delayed 200\n"
request 1: http 200 "delayed 200\n"
request 2: http 200 "delayed 200\n"
request 3: http 200 "delayed 200\n"
request 4: http 200 "delayed 200\n"
request 5: http 200 "delayed 200\n"
request 6: http 200 "delayed 200\n"
request 7: http 200 "delayed 200\n"
request 8: http 200 "delayed 200\n"
request 9: http 200 "delayed 200\n"
request 10: https 200 "delayed 200\n"
request 11: https 200 "delayed 200\n"
request 12: https 200 "delayed 200\n"
request 13: https 200 "delayed 200\n"
request 14: https 200 "delayed 200\n"
request 15: https 200 "delayed 200\n"
request 16: https 200 "delayed 200\n"
request 17: https 200 "delayed 200\n"
request 18: https 200 "delayed 200\n"
request 19: https 200 "delayed 200\n"
the thread was free in 1 of 1 wait
