--TEST--
PDO (pdo_mysql), two Ps: a hundred goroutines, each with a connection of its own (half over TCP, half over the unix socket), run SELECT SLEEP(0.1) with their number as a bound parameter; every one gets its own row back (issue 13)
--EXTENSIONS--
goos
--SKIPIF--
<?php
require __DIR__ . '/fixtures/mysql_env.php';
mysql_skipif('pdo');
?>
--FILE--
<?php
use Goos\{Chan, Scheduler};

require __DIR__ . '/fixtures/mysql_env.php';

Scheduler::maxProcs(2);
$rows = new Chan(100);
for ($i = 0; $i < 100; $i++) {
    go(function (int $i) use ($rows) {
        try {
            $db = mysql_pdo($i % 2 ? 'unix' : 'tcp');
            $statement = $db->prepare('SELECT SLEEP(0.1) AS slept, ? AS i');
            $statement->bindValue(1, $i, PDO::PARAM_INT);
            $statement->execute();
            $rows->send([$i, $statement->fetchAll(PDO::FETCH_ASSOC)]);
        } catch (Throwable $e) {
            $rows->send([$i, mysql_describe($e)]);
        }
    }, $i);
}
Scheduler::join();
$odd = [];
while (count($rows) > 0) {
    [$i, $got] = $rows->recv();
    if ($got !== [['slept' => 0, 'i' => $i]]) {
        $odd[$i] = $got;
    }
}
echo 100 - count($odd), " of 100 got their row\n";
ksort($odd);
var_dump($odd);
?>
--EXPECT--
100 of 100 got their row
array(0) {
}
