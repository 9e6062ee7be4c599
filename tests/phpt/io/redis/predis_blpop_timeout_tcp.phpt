--TEST--
Predis over TCP, one P: three goroutines, each with a client of its own, wait in BLPOP on an empty list with a 0.1 s timeout; each times out with a null reply, and the thread runs another goroutine meanwhile (issue 13)
--EXTENSIONS--
goos
--SKIPIF--
<?php
require __DIR__ . '/fixtures/redis_env.php';
redis_skipif('predis');
?>
--INI--
error_reporting=E_ALL & ~E_DEPRECATED
--FILE--
<?php
use Goos\Scheduler;

require __DIR__ . '/fixtures/redis_env.php';
require __DIR__ . '/../fixtures/thread_free.php';

Scheduler::maxProcs(1);
$prefix = redis_prefix('predis_blpop_timeout_tcp');
// Predis loaded before the witnessed waits (see predis_warm_up()).
go(fn () => predis_warm_up($prefix));
Scheduler::join();
$waits = [];
for ($i = 0; $i < 3; $i++) {
    $waits[$i] = function () use ($prefix, $i) {
        $c = predis_connect('tcp');
        $reply = $c->blpop(["{$prefix}empty$i"], 0.1);
        $c->disconnect();
        return $reply;
    };
}
[$replies, $free] = waits_with_witness($waits);
foreach ($replies as $i => $reply) {
    echo "BLPOP $i: ", var_export($reply, true), "\n";
}
echo "the thread was free in $free of 3 waits\n";
?>
--EXPECT--
BLPOP 0: NULL
BLPOP 1: NULL
BLPOP 2: NULL
the thread was free in 3 of 3 waits
