--TEST--
mysqli, two Ps: in goroutines, a transaction's rows are invisible to another connection until its commit and visible after, and a rolled-back transaction's rows are seen by its own connection before the rollback and by nobody after; over TCP and over the unix socket (issue 13)
--EXTENSIONS--
goos
--SKIPIF--
<?php
require __DIR__ . '/fixtures/mysql_env.php';
mysql_skipif('mysqli');
?>
--FILE--
<?php
use Goos\{Chan, Scheduler};

require __DIR__ . '/fixtures/mysql_env.php';

// The writer's connection goes over $via, the reader's over the other.
function transaction_story(string $table, string $via, int $id): array
{
    $writer = mysql_mysqli($via);
    $reader = mysql_mysqli($via === 'tcp' ? 'unix' : 'tcp');
    $count = fn (mysqli $db, int $id): int
        => (int) $db->execute_query("SELECT COUNT(*) FROM $table WHERE id = ?", [$id])->fetch_row()[0];
    $lines = [];
    $writer->begin_transaction();
    $writer->execute_query("INSERT INTO $table (id, v) VALUES (?, ?)", [$id, 'committed']);
    $lines[] = 'before the commit: the writer sees ' . $count($writer, $id) . ', the reader ' . $count($reader, $id);
    $lines[] = 'commit: ' . var_export($writer->commit(), true);
    $lines[] = 'after the commit: the writer sees ' . $count($writer, $id) . ', the reader ' . $count($reader, $id);
    $writer->begin_transaction();
    $writer->execute_query("INSERT INTO $table (id, v) VALUES (?, ?)", [$id + 1, 'rolled back']);
    $lines[] = 'before the rollback: the writer sees ' . $count($writer, $id + 1) . ', the reader ' . $count($reader, $id + 1);
    $lines[] = 'rollback: ' . var_export($writer->rollback(), true);
    $lines[] = 'after the rollback: the writer sees ' . $count($writer, $id + 1) . ', the reader ' . $count($reader, $id + 1);
    return $lines;
}

Scheduler::maxProcs(2);
$table = mysql_table('mysqli_transaction');
$db = mysql_mysqli('tcp');
$db->query("CREATE TABLE $table (id INT PRIMARY KEY, v VARCHAR(20)) ENGINE=InnoDB");
$stories = new Chan(2);
foreach (['tcp' => 10, 'unix' => 20] as $via => $id) {
    go(function () use ($table, $via, $id, $stories) {
        try {
            $stories->send([$via, transaction_story($table, $via, $id)]);
        } catch (Throwable $e) {
            $stories->send([$via, [mysql_describe($e)]]);
        }
    });
}
Scheduler::join();
$all = [];
while (count($stories) > 0) {
    [$via, $lines] = $stories->recv();
    $all[$via] = $lines;
}
ksort($all);
foreach ($all as $via => $lines) {
    echo "writer over $via:\n  ", implode("\n  ", $lines), "\n";
}
echo 'the table: ', json_encode($db->query("SELECT * FROM $table ORDER BY id")->fetch_all(MYSQLI_NUM)), "\n";
$db->query("DROP TABLE $table");
?>
--EXPECT--
writer over tcp:
  before the commit: the writer sees 1, the reader 0
  commit: true
  after the commit: the writer sees 1, the reader 1
  before the rollback: the writer sees 1, the reader 0
  rollback: true
  after the rollback: the writer sees 0, the reader 0
writer over unix:
  before the commit: the writer sees 1, the reader 0
  commit: true
  after the commit: the writer sees 1, the reader 1
  before the rollback: the writer sees 1, the reader 0
  rollback: true
  after the rollback: the writer sees 0, the reader 0
the table: [["10","committed"],["20","committed"]]
