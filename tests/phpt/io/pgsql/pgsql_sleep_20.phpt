--TEST--
ext/pgsql, one P: twenty goroutines, each with a connection of its own (TCP, the unix socket, TLS and TLS checking the certificate in turn), run SELECT pg_sleep(0.2) with their number as a parameter at the same time; every one gets its own row, and the thread was free during every wait (issue 14)
--EXTENSIONS--
goos
--SKIPIF--
<?php
require __DIR__ . '/fixtures/pg_env.php';
pg_skipif('pgsql');
?>
--FILE--
<?php
use Goos\Scheduler;

require __DIR__ . '/fixtures/pg_env.php';
require __DIR__ . '/../fixtures/thread_free.php';

// Twenty server sleeps on one thread: the witness runs inside each of them
// only if none held the thread (without the hooks they take turns, 4 s).
Scheduler::maxProcs(1);
$waits = [];
for ($i = 0; $i < 20; $i++) {
    $waits[$i] = function () use ($i) {
        $via = PG_VIAS[$i % count(PG_VIAS)];
        try {
            $c = pg_conn($via);
            $rows = pg_fetch_all(pg_query_params($c, 'SELECT pg_sleep(0.2) AS slept, $1::int AS i, (' . PG_SSL_QUERY . ') AS ssl', [$i]));
            pg_close($c);
            return $rows;
        } catch (Throwable $e) {
            return pg_describe($e);
        }
    };
}
[$results, $free] = waits_with_witness($waits);
$odd = [];
foreach ($results as $i => $rows) {
    $via = PG_VIAS[$i % count(PG_VIAS)];
    if ($rows !== [['slept' => '', 'i' => (string) $i, 'ssl' => str_starts_with($via, 'ssl') ? 't' : 'f']]) {
        $odd[$i] = $rows;
    }
}
echo 20 - count($odd), " of 20 got their row\n";
var_dump($odd);
echo "the thread was free in $free of 20 waits\n";
?>
--EXPECT--
20 of 20 got their row
array(0) {
}
the thread was free in 20 of 20 waits
