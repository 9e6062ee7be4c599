--TEST--
ext/pgsql, one P: four goroutines, one per way to the server (TCP, the unix socket, TLS, TLS checking the certificate), each with a connection of its own, run named prepared statements (pg_prepare, pg_execute) and parameterized queries (pg_query_params) with int, string, null and bytea parameters, each executed several times, one of them a pg_sleep(0.2); every row reads back as it was written, and the thread was free during every goroutine's work (issue 14)
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

Scheduler::maxProcs(1);
$table = pg_table('pgsql_prepared');
$c = pg_conn('tcp');
pg_query($c, "CREATE TABLE $table (g INT, n INT, label VARCHAR(64), note VARCHAR(20) NULL, payload BYTEA,
    PRIMARY KEY (g, n))");
$waits = [];
foreach (PG_VIAS as $g => $via) {
    $waits[$g] = function () use ($table, $g, $via) {
        try {
            $c = pg_conn($via);
            // Statement names are the connection's: every goroutine uses the
            // same ones on a connection of its own.
            pg_prepare($c, 'insert', "INSERT INTO $table (g, n, label, note, payload) VALUES ($1, $2, $3, $4, $5)");
            foreach ([[1, "it's \"quoted\"", null], [2, 'ünïcödé ✓', 'a note'], [3, '', 'x']] as [$n, $label, $note]) {
                $result = pg_execute($c, 'insert', [$g, $n, "$label $g", $note, pg_escape_bytea($c, "\0\xff$g$n\r\n")]);
                if (pg_affected_rows($result) !== 1) {
                    return ["goroutine $g: the insert of $n affected " . pg_affected_rows($result) . ' rows'];
                }
            }
            // The server sleeps inside a parameterized query: the witness
            // runs there if the wait for its answer left the thread.
            $slept = pg_query_params($c, 'SELECT pg_sleep($1) AS slept, $2 || $3 AS joined', [0.2, $via, ' slept']);
            $out = ["goroutine $g over $via: " . json_encode(pg_fetch_all($slept))];
            pg_prepare($c, 'select', "SELECT n, label, note, payload FROM $table WHERE g = $1 AND n >= $2 ORDER BY n");
            foreach ([1, 3] as $from) {
                $rows = pg_fetch_all(pg_execute($c, 'select', [$g, $from]));
                foreach ($rows as &$row) {
                    $row['payload'] = bin2hex(pg_unescape_bytea($row['payload']));
                }
                unset($row);
                $out[] = "goroutine $g over $via, n >= $from: " . json_encode($rows, JSON_UNESCAPED_UNICODE);
            }
            pg_close($c);
            return $out;
        } catch (Throwable $e) {
            return [pg_describe($e)];
        }
    };
}
[$results, $free] = waits_with_witness($waits);
echo implode("\n", array_merge(...$results)), "\n";
echo "the thread was free in $free of 4 goroutines' work\n";
pg_query($c, "DROP TABLE $table");
?>
--EXPECT--
goroutine 0 over tcp: [{"slept":"","joined":"tcp slept"}]
goroutine 0 over tcp, n >= 1: [{"n":"1","label":"it's \"quoted\" 0","note":null,"payload":"00ff30310d0a"},{"n":"2","label":"ünïcödé ✓ 0","note":"a note","payload":"00ff30320d0a"},{"n":"3","label":" 0","note":"x","payload":"00ff30330d0a"}]
goroutine 0 over tcp, n >= 3: [{"n":"3","label":" 0","note":"x","payload":"00ff30330d0a"}]
goroutine 1 over unix: [{"slept":"","joined":"unix slept"}]
goroutine 1 over unix, n >= 1: [{"n":"1","label":"it's \"quoted\" 1","note":null,"payload":"00ff31310d0a"},{"n":"2","label":"ünïcödé ✓ 1","note":"a note","payload":"00ff31320d0a"},{"n":"3","label":" 1","note":"x","payload":"00ff31330d0a"}]
goroutine 1 over unix, n >= 3: [{"n":"3","label":" 1","note":"x","payload":"00ff31330d0a"}]
goroutine 2 over ssl: [{"slept":"","joined":"ssl slept"}]
goroutine 2 over ssl, n >= 1: [{"n":"1","label":"it's \"quoted\" 2","note":null,"payload":"00ff32310d0a"},{"n":"2","label":"ünïcödé ✓ 2","note":"a note","payload":"00ff32320d0a"},{"n":"3","label":" 2","note":"x","payload":"00ff32330d0a"}]
goroutine 2 over ssl, n >= 3: [{"n":"3","label":" 2","note":"x","payload":"00ff32330d0a"}]
goroutine 3 over ssl verify-full: [{"slept":"","joined":"ssl verify-full slept"}]
goroutine 3 over ssl verify-full, n >= 1: [{"n":"1","label":"it's \"quoted\" 3","note":null,"payload":"00ff33310d0a"},{"n":"2","label":"ünïcödé ✓ 3","note":"a note","payload":"00ff33320d0a"},{"n":"3","label":" 3","note":"x","payload":"00ff33330d0a"}]
goroutine 3 over ssl verify-full, n >= 3: [{"n":"3","label":" 3","note":"x","payload":"00ff33330d0a"}]
the thread was free in 4 of 4 goroutines' work
