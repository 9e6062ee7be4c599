--TEST--
PDO (pdo_pgsql), one P: four goroutines, one per way to the server (TCP, the unix socket, TLS, TLS checking the certificate), each with a connection of its own, run server-side prepared statements with bound parameters (named and positional; int, string, null, bytea; bindValue and bindParam), each executed several times, one of them a pg_sleep(0.2); every row reads back as it was written, and the thread was free during every goroutine's work (issue 14)
--EXTENSIONS--
goos
--SKIPIF--
<?php
require __DIR__ . '/fixtures/pg_env.php';
pg_skipif('pdo');
?>
--FILE--
<?php
use Goos\Scheduler;

require __DIR__ . '/fixtures/pg_env.php';
require __DIR__ . '/../fixtures/thread_free.php';

Scheduler::maxProcs(1);
$table = pg_table('pdo_prepared');
$db = pg_pdo('tcp');
$db->exec("CREATE TABLE $table (g INT, n INT, label VARCHAR(64), note VARCHAR(20) NULL, payload BYTEA,
    PRIMARY KEY (g, n))");
$waits = [];
foreach (PG_VIAS as $g => $via) {
    $waits[$g] = function () use ($table, $g, $via) {
        try {
            $db = pg_pdo($via);
            $insert = $db->prepare("INSERT INTO $table (g, n, label, note, payload) VALUES (:g, :n, :label, :note, :payload)");
            foreach ([[1, "it's \"quoted\"", null], [2, 'ünïcödé ✓', 'a note'], [3, '', 'x']] as [$n, $label, $note]) {
                $insert->bindValue(':g', $g, PDO::PARAM_INT);
                $insert->bindValue(':n', $n, PDO::PARAM_INT);
                $insert->bindValue(':label', "$label $g", PDO::PARAM_STR);
                $insert->bindValue(':note', $note, $note === null ? PDO::PARAM_NULL : PDO::PARAM_STR);
                $insert->bindValue(':payload', "\0\xff$g$n\r\n", PDO::PARAM_LOB);
                $insert->execute();
            }
            // The server sleeps inside a prepared statement: the witness
            // runs there if the wait for its answer left the thread.
            $sleep = $db->prepare('SELECT pg_sleep(?) AS slept, ? || ? AS joined');
            $sleep->execute([0.2, $via, ' slept']);
            $out = ["goroutine $g over $via: " . json_encode($sleep->fetchAll(PDO::FETCH_ASSOC))];
            $select = $db->prepare("SELECT n, label, note, encode(payload, 'hex') AS payload FROM $table
                WHERE g = ? AND n >= ? ORDER BY n");
            $select->bindValue(1, $g, PDO::PARAM_INT);
            $select->bindParam(2, $from, PDO::PARAM_INT);
            foreach ([1, 3] as $from) {
                $select->execute();
                $out[] = "goroutine $g over $via, n >= $from: " . json_encode($select->fetchAll(PDO::FETCH_ASSOC), JSON_UNESCAPED_UNICODE);
            }
            return $out;
        } catch (Throwable $e) {
            return [pg_describe($e)];
        }
    };
}
[$results, $free] = waits_with_witness($waits);
echo implode("\n", array_merge(...$results)), "\n";
echo "the thread was free in $free of 4 goroutines' work\n";
$db->exec("DROP TABLE $table");
?>
--EXPECT--
goroutine 0 over tcp: [{"slept":"","joined":"tcp slept"}]
goroutine 0 over tcp, n >= 1: [{"n":1,"label":"it's \"quoted\" 0","note":null,"payload":"00ff30310d0a"},{"n":2,"label":"ünïcödé ✓ 0","note":"a note","payload":"00ff30320d0a"},{"n":3,"label":" 0","note":"x","payload":"00ff30330d0a"}]
goroutine 0 over tcp, n >= 3: [{"n":3,"label":" 0","note":"x","payload":"00ff30330d0a"}]
goroutine 1 over unix: [{"slept":"","joined":"unix slept"}]
goroutine 1 over unix, n >= 1: [{"n":1,"label":"it's \"quoted\" 1","note":null,"payload":"00ff31310d0a"},{"n":2,"label":"ünïcödé ✓ 1","note":"a note","payload":"00ff31320d0a"},{"n":3,"label":" 1","note":"x","payload":"00ff31330d0a"}]
goroutine 1 over unix, n >= 3: [{"n":3,"label":" 1","note":"x","payload":"00ff31330d0a"}]
goroutine 2 over ssl: [{"slept":"","joined":"ssl slept"}]
goroutine 2 over ssl, n >= 1: [{"n":1,"label":"it's \"quoted\" 2","note":null,"payload":"00ff32310d0a"},{"n":2,"label":"ünïcödé ✓ 2","note":"a note","payload":"00ff32320d0a"},{"n":3,"label":" 2","note":"x","payload":"00ff32330d0a"}]
goroutine 2 over ssl, n >= 3: [{"n":3,"label":" 2","note":"x","payload":"00ff32330d0a"}]
goroutine 3 over ssl verify-full: [{"slept":"","joined":"ssl verify-full slept"}]
goroutine 3 over ssl verify-full, n >= 1: [{"n":1,"label":"it's \"quoted\" 3","note":null,"payload":"00ff33310d0a"},{"n":2,"label":"ünïcödé ✓ 3","note":"a note","payload":"00ff33320d0a"},{"n":3,"label":" 3","note":"x","payload":"00ff33330d0a"}]
goroutine 3 over ssl verify-full, n >= 3: [{"n":3,"label":" 3","note":"x","payload":"00ff33330d0a"}]
the thread was free in 4 of 4 goroutines' work