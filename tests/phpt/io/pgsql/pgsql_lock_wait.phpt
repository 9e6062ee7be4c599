--TEST--
ext/pgsql, one P: a goroutine's UPDATE (over TLS checking the certificate) waits for a row lock that another goroutine's open transaction (over TCP) holds, and completes on top of that transaction once it commits, which the holder does when the server shows the UPDATE waiting for the lock; the thread runs other goroutines during the wait (issue 14)
--EXTENSIONS--
goos
--SKIPIF--
<?php
require __DIR__ . '/fixtures/pg_env.php';
pg_skipif('pgsql');
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
$table = pg_table('pgsql_lock_wait');
$c = pg_conn('tcp');
pg_query($c, "CREATE TABLE $table (id INT PRIMARY KEY, v VARCHAR(40))");
pg_query($c, "INSERT INTO $table VALUES (1, 'start')");
$locked = new Chan(1);
$waiter_pid = new Chan(1);
$ended = new Chan(1);
$holder_said = new Chan(1);
go(function () use ($table, $locked, $waiter_pid, $ended, $holder_said) {
    $c = pg_conn('tcp');
    pg_query($c, 'BEGIN');
    pg_query($c, "UPDATE $table SET v = 'holder' WHERE id = 1");
    $locked->send(true);
    $pid = $waiter_pid->recv();
    // What the server's activity view says about the waiter. Within a
    // transaction, as the holder is, pg_stat_activity shows the snapshot its
    // first read took: pg_stat_clear_snapshot() makes each read a new one.
    $seen = false;
    while (!$seen && count($ended) === 0) {
        pg_query($c, 'SELECT pg_stat_clear_snapshot()');
        $seen = pg_fetch_result(pg_query_params($c, "SELECT COUNT(*) FROM pg_stat_activity
            WHERE pid = $1 AND wait_event_type = 'Lock'", [$pid]), 0, 0) > 0;
        usleep(20_000);
    }
    pg_query($c, 'COMMIT');
    $holder_said->send($seen ? 'committed once the waiter was seen waiting' : 'the waiter ended before it was seen waiting');
});
// The waiter starts once the row is locked.
$locked->recv();
[$results, $free] = waits_with_witness([
    'waiter over ssl verify-full' => function () use ($table, $waiter_pid, $ended) {
        $c = pg_conn('ssl verify-full');
        pg_query($c, "SET lock_timeout = '10s'");
        $waiter_pid->send(pg_get_pid($c));
        $result = @pg_query($c, "UPDATE $table SET v = v || ' then waiter' WHERE id = 1");
        $ended->send(true);
        return $result === false ? pg_describe(pg_last_error($c)) : 'updated ' . pg_affected_rows($result) . ' row';
    },
]);
echo 'holder over tcp: ', $holder_said->recv(), "\n";
echo 'waiter over ssl verify-full: ', $results['waiter over ssl verify-full'], "\n";
echo "the thread was free in $free of 1 wait\n";
echo 'the row: ', pg_fetch_result(pg_query($c, "SELECT v FROM $table WHERE id = 1"), 0, 0), "\n";
pg_query($c, "DROP TABLE $table");
?>
--EXPECT--
holder over tcp: committed once the waiter was seen waiting
waiter over ssl verify-full: updated 1 row
the thread was free in 1 of 1 wait
the row: holder then waiter
