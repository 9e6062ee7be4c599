--TEST--
mysqli, one P: a goroutine's UPDATE waits for a row lock that another goroutine's open transaction holds, and completes on top of that transaction once it commits, which the holder does when the server shows the UPDATE waiting; the thread runs other goroutines during the wait (issue 13)
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
require __DIR__ . '/../fixtures/thread_free.php';

// On one P the holder can only commit while the waiter waits if the wait
// left the thread. A waiter whose thread blocked waits until its lock wait
// timeout (10 s: a bound that load does not reach) and fails; the holder,
// seeing it ended, commits anyway. The holder is not one of the witnessed
// waits: it waits on channels and sleeps between its polls, so the witness
// would run inside it whatever the waiter does.
Scheduler::maxProcs(1);
$table = mysql_table('mysqli_lock_wait');
$db = mysql_mysqli('tcp');
$db->query("CREATE TABLE $table (id INT PRIMARY KEY, v VARCHAR(40)) ENGINE=InnoDB");
$db->query("INSERT INTO $table VALUES (1, 'start')");
$locked = new Chan(1);
$waiter_id = new Chan(1);
$ended = new Chan(1);
$holder_said = new Chan(1);
go(function () use ($table, $locked, $waiter_id, $ended, $holder_said) {
    $db = mysql_mysqli('tcp');
    $db->begin_transaction();
    $db->query("UPDATE $table SET v = 'holder' WHERE id = 1");
    $locked->send(true);
    $id = $waiter_id->recv();
    $waiting = $db->prepare('SELECT COUNT(*) FROM information_schema.INNODB_TRX
        WHERE trx_mysql_thread_id = ? AND trx_state = \'LOCK WAIT\'');
    $waiting->bind_param('i', $id);
    $seen = false;
    while (!$seen && count($ended) === 0) {
        $waiting->execute();
        $seen = $waiting->get_result()->fetch_row()[0] == 1;
        // InnoDB refreshes what INNODB_TRX shows only when nobody read it for
        // 100 ms: polling faster would keep showing the table as it was
        // before the waiter's UPDATE started waiting.
        usleep(150_000);
    }
    $db->commit();
    $holder_said->send($seen ? 'committed once the waiter was seen waiting' : 'the waiter ended before it was seen waiting');
});
// The waiter starts once the row is locked.
$locked->recv();
[$results, $free] = waits_with_witness([
    'waiter over unix' => function () use ($table, $waiter_id, $ended) {
        $db = mysql_mysqli('unix');
        $db->query('SET SESSION innodb_lock_wait_timeout = 10');
        $waiter_id->send($db->thread_id);
        try {
            $db->query("UPDATE $table SET v = CONCAT(v, ' then waiter') WHERE id = 1");
            return "updated $db->affected_rows row";
        } catch (mysqli_sql_exception $e) {
            return mysql_describe($e);
        } finally {
            $ended->send(true);
        }
    },
]);
echo 'holder over tcp: ', $holder_said->recv(), "\n";
echo 'waiter over unix: ', $results['waiter over unix'], "\n";
echo "the thread was free in $free of 1 wait\n";
echo 'the row: ', $db->query("SELECT v FROM $table WHERE id = 1")->fetch_row()[0], "\n";
$db->query("DROP TABLE $table");
?>
--EXPECT--
holder over tcp: committed once the waiter was seen waiting
waiter over unix: updated 1 row
the thread was free in 1 of 1 wait
the row: holder then waiter
