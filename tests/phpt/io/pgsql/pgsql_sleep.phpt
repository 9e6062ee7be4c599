--TEST--
ext/pgsql, one P: over TCP, the unix socket, TLS (sslmode=require) and TLS checking the certificate (verify-full), two goroutines each connect and run SELECT pg_sleep(0.3) with pg_query; each gets its row, and the thread runs another goroutine while the server sleeps, TLS included (issue 14)
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

// One way at a time, so that a wait that blocks the thread is told apart by
// the way it took. libpq waits for the answer in poll() and reads it with
// recv(), through OpenSSL over TLS: the hooks reach both.
Scheduler::maxProcs(1);
foreach (PG_VIAS as $via) {
    $waits = [];
    for ($i = 0; $i < 2; $i++) {
        $waits[$i] = function () use ($via) {
            $c = pg_conn($via);
            $rows = pg_fetch_all(pg_query($c, 'SELECT pg_sleep(0.3) AS slept, (' . PG_SSL_QUERY . ') AS ssl'));
            pg_close($c);
            return $rows;
        };
    }
    [$results, $free] = waits_with_witness($waits);
    echo "over $via: ", json_encode($results), ", the thread was free in $free of 2 waits\n";
}
?>
--EXPECT--
over tcp: [[{"slept":"","ssl":"f"}],[{"slept":"","ssl":"f"}]], the thread was free in 2 of 2 waits
over unix: [[{"slept":"","ssl":"f"}],[{"slept":"","ssl":"f"}]], the thread was free in 2 of 2 waits
over ssl: [[{"slept":"","ssl":"t"}],[{"slept":"","ssl":"t"}]], the thread was free in 2 of 2 waits
over ssl verify-full: [[{"slept":"","ssl":"t"}],[{"slept":"","ssl":"t"}]], the thread was free in 2 of 2 waits
