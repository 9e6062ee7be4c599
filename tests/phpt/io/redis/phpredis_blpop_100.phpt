--TEST--
phpredis, two Ps: a hundred goroutines, each with a connection of its own (half over TCP, half over the unix socket), wait in BLPOP on an empty list of its own with a 0.1 s timeout; every one times out with an empty reply (issue 13)
--EXTENSIONS--
goos
--SKIPIF--
<?php
require __DIR__ . '/fixtures/redis_env.php';
redis_skipif('phpredis');
?>
--FILE--
<?php
use Goos\{Chan, Scheduler};

require __DIR__ . '/fixtures/redis_env.php';

Scheduler::maxProcs(2);
$prefix = redis_prefix('phpredis_blpop_100');
$replies = new Chan(100);
for ($i = 0; $i < 100; $i++) {
    go(function (int $i) use ($prefix, $replies) {
        try {
            $r = phpredis_connect($i % 2 ? 'unix' : 'tcp');
            $replies->send([$i, $r->blPop(["{$prefix}empty$i"], 0.1)]);
        } catch (Throwable $e) {
            $replies->send([$i, redis_describe($e)]);
        }
    }, $i);
}
Scheduler::join();
$odd = [];
while (count($replies) > 0) {
    [$i, $reply] = $replies->recv();
    if ($reply !== []) {
        $odd[$i] = $reply;
    }
}
echo 100 - count($odd), " of 100 timed out with an empty reply\n";
ksort($odd);
var_dump($odd);
?>
--EXPECT--
100 of 100 timed out with an empty reply
array(0) {
}
