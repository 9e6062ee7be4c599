--TEST--
mysqli over TCP, one P: three goroutines, each with a connection of its own, run SELECT SLEEP(0.2); each gets its row, and the thread runs another goroutine while the server sleeps (issue 13)
--EXTENSIONS--
goos
--SKIPIF--
<?php
require __DIR__ . '/fixtures/mysql_env.php';
mysql_skipif('mysqli');
?>
--FILE--
<?php
use Goos\Scheduler;

require __DIR__ . '/fixtures/mysql_env.php';
require __DIR__ . '/../fixtures/thread_free.php';

Scheduler::maxProcs(1);
$waits = [];
for ($i = 0; $i < 3; $i++) {
    $waits[$i] = function () {
        $db = mysql_mysqli('tcp');
        $rows = $db->query('SELECT SLEEP(0.2) AS slept')->fetch_all(MYSQLI_ASSOC);
        $db->close();
        return $rows;
    };
}
[$results, $free] = waits_with_witness($waits);
foreach ($results as $i => $rows) {
    echo "goroutine $i: ", json_encode($rows), "\n";
}
echo "the thread was free in $free of 3 waits\n";
?>
--EXPECT--
goroutine 0: [{"slept":"0"}]
goroutine 1: [{"slept":"0"}]
goroutine 2: [{"slept":"0"}]
the thread was free in 3 of 3 waits
