--TEST--
phpredis, one P: its own read timeout still fires in a goroutine. With OPT_READ_TIMEOUT 0.2 s, a BLPOP with a 5 s timeout on an empty list fails with the same RedisException in goroutines (over TCP and over the unix socket) as in the origin, and the thread runs another goroutine while they wait (issue 13)
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

// A reply to BLPOP would say the server's timeout came first; an exception
// says phpredis gave up on the read, as it does without goroutines.
function blpop_past_read_timeout(string $via, string $key): string
{
    $r = phpredis_connect($via);
    $r->setOption(Redis::OPT_READ_TIMEOUT, 0.2);
    try {
        return 'reply: ' . var_export($r->blPop([$key], 5), true);
    } catch (RedisException $e) {
        return redis_describe($e);
    } finally {
        $r->close();
    }
}

Scheduler::maxProcs(1);
$prefix = redis_prefix('phpredis_read_timeout');
$origin = [];
foreach (['tcp', 'unix'] as $via) {
    $origin[$via] = blpop_past_read_timeout($via, "{$prefix}empty-$via");
    echo "in the origin, over $via: $origin[$via]\n";
}
[$inside, $free] = waits_with_witness([
    'tcp' => fn () => blpop_past_read_timeout('tcp', "{$prefix}empty-tcp"),
    'unix' => fn () => blpop_past_read_timeout('unix', "{$prefix}empty-unix"),
]);
foreach ($inside as $via => $text) {
    echo "in a goroutine, over $via: ", $text === $origin[$via] ? 'the same' : $text, "\n";
}
echo "the thread was free in $free of 2 waits\n";
?>
--EXPECT--
in the origin, over tcp: RedisException (code 0): read error on connection to <redis>
in the origin, over unix: RedisException (code 0): read error on connection to <redis>
in a goroutine, over tcp: the same
in a goroutine, over unix: the same
the thread was free in 2 of 2 waits
