--TEST--
phpredis over its unix socket, one P: three goroutines, each with a connection of its own, wait in BLPOP on an empty list with a 0.1 s timeout; each times out with an empty reply, and the thread runs another goroutine meanwhile (issue 13)
--EXTENSIONS--
goos
--SKIPIF--
<?php
require __DIR__ . '/fixtures/redis_env.php';
redis_skipif('phpredis');
?>
--FILE--
<?php
use Goos\Scheduler;

require __DIR__ . '/fixtures/redis_env.php';
require __DIR__ . '/../fixtures/thread_free.php';

Scheduler::maxProcs(1);
$prefix = redis_prefix('phpredis_blpop_timeout_unix');
$waits = [];
for ($i = 0; $i < 3; $i++) {
    $waits[$i] = function () use ($prefix, $i) {
        $r = phpredis_connect('unix');
        $reply = $r->blPop(["{$prefix}empty$i"], 0.1);
        $r->close();
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
BLPOP 0: array (
)
BLPOP 1: array (
)
BLPOP 2: array (
)
the thread was free in 3 of 3 waits
