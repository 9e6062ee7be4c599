--TEST--
Predis, one P: four goroutines, two over TCP and two over the unix socket, each with a client of its own, SET and GET a short value, a binary one and a 1 MiB one, in turns on one thread; every value comes back as it was sent (issue 13)
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
use Goos\{Chan, Scheduler};

require __DIR__ . '/fixtures/redis_env.php';

// A 1 MiB value does not fit in a socket's buffers: its write and the
// reply's read each take several system calls, between which (with the I/O
// hooks) the other goroutines run on the same thread.
Scheduler::maxProcs(1);
$prefix = redis_prefix('predis_set_get');
$results = new Chan(4);
for ($g = 0; $g < 4; $g++) {
    go(function (int $g) use ($prefix, $results) {
        $via = $g % 2 ? 'unix' : 'tcp';
        $values = [
            'short' => "value $g",
            'binary' => "\0\r\n$g\xff\r\n\0",
            'large' => str_repeat(chr(ord('a') + $g) . random_bytes(15), 65536),
        ];
        try {
            $c = predis_connect($via);
            $lines = [];
            foreach ($values as $name => $value) {
                $set = (string) $c->set("$prefix$g:$name", $value);
                $got = $c->get("$prefix$g:$name");
                $lines[] = "goroutine $g over $via, $name (" . strlen($value) . " bytes): SET $set, GET "
                    . ($got === $value ? 'the same value' : 'ANOTHER value');
            }
            $c->del(array_map(fn ($name) => "$prefix$g:$name", array_keys($values)));
            $results->send([$g, $lines]);
        } catch (Throwable $e) {
            $results->send([$g, [redis_describe($e)]]);
        }
    }, $g);
}
Scheduler::join();
$all = [];
while (count($results) > 0) {
    [$g, $lines] = $results->recv();
    $all[$g] = $lines;
}
ksort($all);
echo implode("\n", array_merge(...$all)), "\n";
?>
--EXPECT--
goroutine 0 over tcp, short (7 bytes): SET OK, GET the same value
goroutine 0 over tcp, binary (8 bytes): SET OK, GET the same value
goroutine 0 over tcp, large (1048576 bytes): SET OK, GET the same value
goroutine 1 over unix, short (7 bytes): SET OK, GET the same value
goroutine 1 over unix, binary (8 bytes): SET OK, GET the same value
goroutine 1 over unix, large (1048576 bytes): SET OK, GET the same value
goroutine 2 over tcp, short (7 bytes): SET OK, GET the same value
goroutine 2 over tcp, binary (8 bytes): SET OK, GET the same value
goroutine 2 over tcp, large (1048576 bytes): SET OK, GET the same value
goroutine 3 over unix, short (7 bytes): SET OK, GET the same value
goroutine 3 over unix, binary (8 bytes): SET OK, GET the same value
goroutine 3 over unix, large (1048576 bytes): SET OK, GET the same value
