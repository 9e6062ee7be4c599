--TEST--
Predis, one P: its own read_write_timeout still fires in a goroutine. With read_write_timeout 0.2 s, a BLPOP with a 5 s timeout on an empty list fails with the same ConnectionException in goroutines (over TCP and over the unix socket) as in the origin, and the thread runs another goroutine while they wait (issue 13)
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

// A reply to BLPOP would say the server's timeout came first; an exception
// says Predis gave up on the read (its stream's timeout), as it does without
// goroutines.
function blpop_past_read_write_timeout(string $via, string $key): string
{
    $c = predis_connect($via, ['read_write_timeout' => 0.2]);
    try {
        return 'reply: ' . var_export($c->blpop([$key], 5), true);
    } catch (Predis\PredisException $e) {
        return redis_describe($e);
    } finally {
        $c->disconnect();
    }
}

Scheduler::maxProcs(1);
$prefix = redis_prefix('predis_read_write_timeout');
// Predis loaded before the witnessed waits (see predis_warm_up()).
go(fn () => predis_warm_up($prefix));
Scheduler::join();
$origin = [];
foreach (['tcp', 'unix'] as $via) {
    $origin[$via] = blpop_past_read_write_timeout($via, "{$prefix}empty-$via");
    echo "in the origin, over $via: $origin[$via]\n";
}
[$inside, $free] = waits_with_witness([
    'tcp' => fn () => blpop_past_read_write_timeout('tcp', "{$prefix}empty-tcp"),
    'unix' => fn () => blpop_past_read_write_timeout('unix', "{$prefix}empty-unix"),
]);
foreach ($inside as $via => $text) {
    echo "in a goroutine, over $via: ", $text === $origin[$via] ? 'the same' : $text, "\n";
}
echo "the thread was free in $free of 2 waits\n";
?>
--EXPECT--
in the origin, over tcp: Predis\Connection\ConnectionException (code 0): Error while reading line from the server. [<redis>]
in the origin, over unix: Predis\Connection\ConnectionException (code 0): Error while reading line from the server. [unix:<redis>]
in a goroutine, over tcp: the same
in a goroutine, over unix: the same
the thread was free in 2 of 2 waits
