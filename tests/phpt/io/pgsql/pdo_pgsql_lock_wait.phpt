--TEST--
PDO (pdo_pgsql), one P: a goroutine's UPDATE (over the unix socket) waits for a row lock that another goroutine's open transaction (over TLS) holds, and completes on top of that transaction once it commits, which the holder does when the server shows the UPDATE waiting for the lock; the thread runs other goroutines during the wait (issue 14)
--EXTENSIONS--
goos
--SKIPIF--
<?php
require __DIR__ . '/fixtures/pg_env.php';
pg_skipif('pdo');
?>
--FILE--
<?php
use Goos\{Chan, Scheduler};

require __DIR__ . '/fixtures/pg_env.php';
require __DIR__ . '/../fixtures/thread_free.php';

// On one P the holder can only commit while the waiter waits if the wait
// left the thread. A waiter whose thread blocked waits until its lock_timeout
// (10 s: a bound that load does not reach) and fails; the holder, seeing it
// ended, commits anyway. The holder is not one of the witnessed waits: it
// waits on channels and sleeps between its polls, so the witness would run
// inside it whatever the waiter does.
Scheduler::maxProcs(1);
$table = pg_table('pdo_lock_wait');
$db = pg_pdo('tcp');
$db->exec("CREATE TABLE $table (id INT PRIMARY KEY, v VARCHAR(40))");
$db->exec("INSERT INTO $table VALUES (1, 'start')");
$locked = new Chan(1);
$waiter_pid = new Chan(1);
$ended = new Chan(1);
$holder_said = new Chan(1);
go(function () use ($table, $locked, $waiter_pid, $ended, $holder_said) {
    $db = pg_pdo('ssl');
    $db->beginTransaction();
    $db->exec("UPDATE $table SET v = 'holder' WHERE id = 1");
    $locked->send(true);
    $pid = $waiter_pid->recv();
    // pg_locks shows the lock table as it is at each read. (Not
    // pg_stat_activity's wait_event_type = 'Lock': within a transaction, as
    // the holder is, that view shows the snapshot its first read took, until
    // pg_stat_clear_snapshot().)
    $waiting = $db->prepare('SELECT COUNT(*) FROM pg_locks WHERE pid = ? AND NOT granted');
    $seen = false;
    while (!$seen && count($ended) === 0) {
        $waiting->execute([$pid]);
        $seen = $waiting->fetchColumn() > 0;
        usleep(20_000);
    }
    $db->commit();
    $holder_said->send($seen ? 'committed once the waiter was seen waiting' : 'the waiter ended before it was seen waiting');
});
// The waiter starts once the row is locked.
$locked->recv();
[$results, $free] = waits_with_witness([
    'waiter over unix' => function () use ($table, $waiter_pid, $ended) {
        $db = pg_pdo('unix');
        $db->exec("SET lock_timeout = '10s'");
        $waiter_pid->send((int) $db->query('SELECT pg_backend_pid()')->fetchColumn());
        try {
            return 'updated ' . $db->exec("UPDATE $table SET v = v || ' then waiter' WHERE id = 1") . ' row';
        } catch (PDOException $e) {
            return pg_describe($e);
        } finally {
            $ended->send(true);
        }
    },
]);
echo 'holder over ssl: ', $holder_said->recv(), "\n";
echo 'waiter over unix: ', $results['waiter over unix'], "\n";
echo "the thread was free in $free of 1 wait\n";
echo 'the row: ', $db->query("SELECT v FROM $table WHERE id = 1")->fetchColumn(), "\n";
$db->exec("DROP TABLE $table");
?>
--EXPECT--
holder over ssl: committed once the waiter was seen waiting
waiter over unix: updated 1 row
the thread was free in 1 of 1 wait
the row: holder then waiter
