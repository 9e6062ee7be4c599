--TEST--
ext/pgsql, one P: in goroutines, over every way to the server, a transaction's rows are invisible to another connection until its COMMIT (made after a pg_sleep(0.2) inside it) and visible after; a rolled-back transaction's rows are seen by its own connection before the ROLLBACK and by nobody after; pg_transaction_status follows; a REPEATABLE READ reader keeps its snapshot across another connection's commit and gets SQLSTATE 40001 when it updates the row that commit changed; the thread was free during every story (issue 14)
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

function transaction_status(PgSql\Connection $c): string
{
    return match (pg_transaction_status($c)) {
        PGSQL_TRANSACTION_IDLE => 'idle',
        PGSQL_TRANSACTION_INTRANS => 'in a transaction',
        PGSQL_TRANSACTION_INERROR => 'in a failed transaction',
        default => 'status ' . pg_transaction_status($c),
    };
}

// The writer's connection goes over $via, the reader's over TCP or, for the
// writer over TCP, over the unix socket.
function transaction_story(string $table, string $via, int $id): array
{
    $writer = pg_conn($via);
    $reader = pg_conn($via === 'tcp' ? 'unix' : 'tcp');
    $count = fn (PgSql\Connection $c, int $id): int
        => (int) pg_fetch_result(pg_query_params($c, "SELECT COUNT(*) FROM $table WHERE id = $1", [$id]), 0, 0);
    $lines = [];
    pg_query($writer, 'BEGIN');
    pg_query_params($writer, "INSERT INTO $table (id, v) VALUES ($1, $2)", [$id, 'committed']);
    // The wait the witness looks into: the server sleeps in the open
    // transaction.
    pg_query($writer, 'SELECT pg_sleep(0.2)');
    $lines[] = 'before the commit: the writer sees ' . $count($writer, $id) . ', the reader ' . $count($reader, $id)
        . '; the writer is ' . transaction_status($writer);
    pg_query($writer, 'COMMIT');
    $lines[] = 'after the commit: the writer sees ' . $count($writer, $id) . ', the reader ' . $count($reader, $id)
        . '; the writer is ' . transaction_status($writer);
    pg_query($writer, 'BEGIN');
    pg_query_params($writer, "INSERT INTO $table (id, v) VALUES ($1, $2)", [$id + 1, 'rolled back']);
    $lines[] = 'before the rollback: the writer sees ' . $count($writer, $id + 1) . ', the reader ' . $count($reader, $id + 1);
    pg_query($writer, 'ROLLBACK');
    $lines[] = 'after the rollback: the writer sees ' . $count($writer, $id + 1) . ', the reader ' . $count($reader, $id + 1)
        . '; the writer is ' . transaction_status($writer);
    // Isolation: the reader's snapshot is taken by its first query.
    pg_query($reader, 'BEGIN ISOLATION LEVEL REPEATABLE READ');
    $lines[] = 'repeatable read: the reader sees ' . $count($reader, $id + 2) . ' before the writer inserts';
    pg_query_params($writer, "INSERT INTO $table (id, v) VALUES ($1, $2)", [$id + 2, 'autocommitted']);
    pg_query_params($writer, "UPDATE $table SET v = $1 WHERE id = $2", ['updated by the writer', $id]);
    $lines[] = 'repeatable read: the reader sees ' . $count($reader, $id + 2) . ' after the writer\'s commit';
    // The error as a result, to read its SQLSTATE (pg_query returns false).
    pg_send_query_params($reader, "UPDATE $table SET v = $1 WHERE id = $2", ['updated by the reader', $id]);
    $result = pg_get_result($reader);
    $more = pg_get_result($reader);
    $lines[] = 'repeatable read: the reader\'s update: SQLSTATE ' . pg_result_error_field($result, PGSQL_DIAG_SQLSTATE)
        . ', ' . trim(pg_result_error($result)) . '; then ' . var_export($more, true) . '; the reader is '
        . transaction_status($reader);
    pg_query($reader, 'ROLLBACK');
    $lines[] = 'after its rollback: the reader sees ' . $count($reader, $id + 2) . '; the reader is ' . transaction_status($reader);
    return $lines;
}

Scheduler::maxProcs(1);
$table = pg_table('pgsql_transaction');
$c = pg_conn('tcp');
pg_query($c, "CREATE TABLE $table (id INT PRIMARY KEY, v VARCHAR(40))");
$waits = [];
foreach (PG_VIAS as $i => $via) {
    $waits[$via] = function () use ($table, $via, $i) {
        try {
            return transaction_story($table, $via, 10 * ($i + 1));
        } catch (Throwable $e) {
            return [pg_describe($e)];
        }
    };
}
[$results, $free] = waits_with_witness($waits);
foreach (PG_VIAS as $via) {
    echo "writer over $via:\n  ", implode("\n  ", $results[$via]), "\n";
}
echo "the thread was free in $free of 4 stories\n";
echo 'the table: ', json_encode(pg_fetch_all(pg_query($c, "SELECT * FROM $table ORDER BY id"), PGSQL_NUM)), "\n";
pg_query($c, "DROP TABLE $table");
?>
--EXPECT--
writer over tcp:
  before the commit: the writer sees 1, the reader 0; the writer is in a transaction
  after the commit: the writer sees 1, the reader 1; the writer is idle
  before the rollback: the writer sees 1, the reader 0
  after the rollback: the writer sees 0, the reader 0; the writer is idle
  repeatable read: the reader sees 0 before the writer inserts
  repeatable read: the reader sees 0 after the writer's commit
  repeatable read: the reader's update: SQLSTATE 40001, ERROR:  could not serialize access due to concurrent update; then false; the reader is in a failed transaction
  after its rollback: the reader sees 1; the reader is idle
writer over unix:
  before the commit: the writer sees 1, the reader 0; the writer is in a transaction
  after the commit: the writer sees 1, the reader 1; the writer is idle
  before the rollback: the writer sees 1, the reader 0
  after the rollback: the writer sees 0, the reader 0; the writer is idle
  repeatable read: the reader sees 0 before the writer inserts
  repeatable read: the reader sees 0 after the writer's commit
  repeatable read: the reader's update: SQLSTATE 40001, ERROR:  could not serialize access due to concurrent update; then false; the reader is in a failed transaction
  after its rollback: the reader sees 1; the reader is idle
writer over ssl:
  before the commit: the writer sees 1, the reader 0; the writer is in a transaction
  after the commit: the writer sees 1, the reader 1; the writer is idle
  before the rollback: the writer sees 1, the reader 0
  after the rollback: the writer sees 0, the reader 0; the writer is idle
  repeatable read: the reader sees 0 before the writer inserts
  repeatable read: the reader sees 0 after the writer's commit
  repeatable read: the reader's update: SQLSTATE 40001, ERROR:  could not serialize access due to concurrent update; then false; the reader is in a failed transaction
  after its rollback: the reader sees 1; the reader is idle
writer over ssl verify-full:
  before the commit: the writer sees 1, the reader 0; the writer is in a transaction
  after the commit: the writer sees 1, the reader 1; the writer is idle
  before the rollback: the writer sees 1, the reader 0
  after the rollback: the writer sees 0, the reader 0; the writer is idle
  repeatable read: the reader sees 0 before the writer inserts
  repeatable read: the reader sees 0 after the writer's commit
  repeatable read: the reader's update: SQLSTATE 40001, ERROR:  could not serialize access due to concurrent update; then false; the reader is in a failed transaction
  after its rollback: the reader sees 1; the reader is idle
the thread was free in 4 of 4 stories
the table: [["10","updated by the writer"],["12","autocommitted"],["20","updated by the writer"],["22","autocommitted"],["30","updated by the writer"],["32","autocommitted"],["40","updated by the writer"],["42","autocommitted"]]
