--TEST--
PDO (pdo_pgsql), one P: in goroutines, over every way to the server, a transaction's rows are invisible to another connection until its commit (made after a pg_sleep(0.2) inside it) and visible after; a rolled-back transaction's rows are seen by its own connection before the rollback and by nobody after; a REPEATABLE READ reader keeps its snapshot across another connection's commit and gets SQLSTATE 40001 when it updates the row that commit changed; the thread was free during every story (issue 14)
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

// The writer's connection goes over $via, the reader's over TCP or, for the
// writer over TCP, over the unix socket.
function transaction_story(string $table, string $via, int $id): array
{
    $writer = pg_pdo($via);
    $reader = pg_pdo($via === 'tcp' ? 'unix' : 'tcp');
    $count = function (PDO $db, int $id) use ($table): int {
        $statement = $db->prepare("SELECT COUNT(*) FROM $table WHERE id = ?");
        $statement->execute([$id]);
        return (int) $statement->fetchColumn();
    };
    $lines = [];
    $writer->beginTransaction();
    $writer->prepare("INSERT INTO $table (id, v) VALUES (?, ?)")->execute([$id, 'committed']);
    // The wait the witness looks into: the server sleeps in the open
    // transaction.
    $writer->query('SELECT pg_sleep(0.2)');
    $lines[] = 'before the commit: the writer sees ' . $count($writer, $id) . ', the reader ' . $count($reader, $id);
    $lines[] = 'commit: ' . var_export($writer->commit(), true) . ', in a transaction: ' . var_export($writer->inTransaction(), true);
    $lines[] = 'after the commit: the writer sees ' . $count($writer, $id) . ', the reader ' . $count($reader, $id);
    $writer->beginTransaction();
    $writer->prepare("INSERT INTO $table (id, v) VALUES (?, ?)")->execute([$id + 1, 'rolled back']);
    $lines[] = 'before the rollback: the writer sees ' . $count($writer, $id + 1) . ', the reader ' . $count($reader, $id + 1);
    $lines[] = 'rollback: ' . var_export($writer->rollBack(), true) . ', in a transaction: ' . var_export($writer->inTransaction(), true);
    $lines[] = 'after the rollback: the writer sees ' . $count($writer, $id + 1) . ', the reader ' . $count($reader, $id + 1);
    // Isolation: the reader's snapshot is taken by its first query.
    $reader->beginTransaction();
    $reader->exec('SET TRANSACTION ISOLATION LEVEL REPEATABLE READ');
    $lines[] = 'repeatable read: the reader sees ' . $count($reader, $id + 2) . ' before the writer inserts';
    $writer->prepare("INSERT INTO $table (id, v) VALUES (?, ?)")->execute([$id + 2, 'autocommitted']);
    $writer->prepare("UPDATE $table SET v = ? WHERE id = ?")->execute(['updated by the writer', $id]);
    $lines[] = 'repeatable read: the reader sees ' . $count($reader, $id + 2) . ' after the writer\'s commit';
    try {
        $reader->prepare("UPDATE $table SET v = ? WHERE id = ?")->execute(['updated by the reader', $id]);
        $lines[] = 'repeatable read: the reader updated the row the writer changed';
    } catch (PDOException $e) {
        $lines[] = 'repeatable read: the reader\'s update: ' . pg_describe($e);
    }
    $reader->rollBack();
    $lines[] = 'after its rollback: the reader sees ' . $count($reader, $id + 2);
    return $lines;
}

Scheduler::maxProcs(1);
$table = pg_table('pdo_transaction');
$db = pg_pdo('tcp');
$db->exec("CREATE TABLE $table (id INT PRIMARY KEY, v VARCHAR(40))");
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
echo 'the table: ', json_encode($db->query("SELECT * FROM $table ORDER BY id")->fetchAll(PDO::FETCH_NUM)), "\n";
$db->exec("DROP TABLE $table");
?>
--EXPECT--
writer over tcp:
  before the commit: the writer sees 1, the reader 0
  commit: true, in a transaction: false
  after the commit: the writer sees 1, the reader 1
  before the rollback: the writer sees 1, the reader 0
  rollback: true, in a transaction: false
  after the rollback: the writer sees 0, the reader 0
  repeatable read: the reader sees 0 before the writer inserts
  repeatable read: the reader sees 0 after the writer's commit
  repeatable read: the reader's update: PDOException (code '40001'): SQLSTATE[40001]: Serialization failure: 7 ERROR:  could not serialize access due to concurrent update
  after its rollback: the reader sees 1
writer over unix:
  before the commit: the writer sees 1, the reader 0
  commit: true, in a transaction: false
  after the commit: the writer sees 1, the reader 1
  before the rollback: the writer sees 1, the reader 0
  rollback: true, in a transaction: false
  after the rollback: the writer sees 0, the reader 0
  repeatable read: the reader sees 0 before the writer inserts
  repeatable read: the reader sees 0 after the writer's commit
  repeatable read: the reader's update: PDOException (code '40001'): SQLSTATE[40001]: Serialization failure: 7 ERROR:  could not serialize access due to concurrent update
  after its rollback: the reader sees 1
writer over ssl:
  before the commit: the writer sees 1, the reader 0
  commit: true, in a transaction: false
  after the commit: the writer sees 1, the reader 1
  before the rollback: the writer sees 1, the reader 0
  rollback: true, in a transaction: false
  after the rollback: the writer sees 0, the reader 0
  repeatable read: the reader sees 0 before the writer inserts
  repeatable read: the reader sees 0 after the writer's commit
  repeatable read: the reader's update: PDOException (code '40001'): SQLSTATE[40001]: Serialization failure: 7 ERROR:  could not serialize access due to concurrent update
  after its rollback: the reader sees 1
writer over ssl verify-full:
  before the commit: the writer sees 1, the reader 0
  commit: true, in a transaction: false
  after the commit: the writer sees 1, the reader 1
  before the rollback: the writer sees 1, the reader 0
  rollback: true, in a transaction: false
  after the rollback: the writer sees 0, the reader 0
  repeatable read: the reader sees 0 before the writer inserts
  repeatable read: the reader sees 0 after the writer's commit
  repeatable read: the reader's update: PDOException (code '40001'): SQLSTATE[40001]: Serialization failure: 7 ERROR:  could not serialize access due to concurrent update
  after its rollback: the reader sees 1
the thread was free in 4 of 4 stories
the table: [[10,"updated by the writer"],[12,"autocommitted"],[20,"updated by the writer"],[22,"autocommitted"],[30,"updated by the writer"],[32,"autocommitted"],[40,"updated by the writer"],[42,"autocommitted"]]
