--TEST--
mysqli, one P: four goroutines, two over TCP and two over the unix socket, each with a connection of its own, run prepared statements with bound parameters (int, string, null, binary; bind_param by reference, execute_query), each executed several times; every row reads back as it was written (issue 13)
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

Scheduler::maxProcs(1);
$table = mysql_table('mysqli_prepared');
$db = mysql_mysqli('tcp');
$db->query("CREATE TABLE $table (g INT, n INT, label VARCHAR(64), note VARCHAR(20) NULL, payload VARBINARY(16),
    PRIMARY KEY (g, n)) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4");
$lines = new Chan(4);
for ($g = 0; $g < 4; $g++) {
    go(function (int $g) use ($table, $lines) {
        $via = $g % 2 ? 'unix' : 'tcp';
        try {
            $db = mysql_mysqli($via);
            $insert = $db->prepare("INSERT INTO $table (g, n, label, note, payload) VALUES (?, ?, ?, ?, ?)");
            $insert->bind_param('iisss', $g, $n, $label, $note, $payload);
            foreach ([[1, "it's \"quoted\"", null], [2, 'ünïcödé ✓', 'a note'], [3, '', 'x']] as [$n, $text, $note]) {
                $label = "$text $g";
                $payload = "\0\xff$g$n\r\n";
                $insert->execute();
            }
            $out = [];
            foreach ([1, 3] as $from) {
                $result = $db->execute_query("SELECT n, label, note, HEX(payload) AS payload FROM $table WHERE g = ? AND n >= ? ORDER BY n", [$g, $from]);
                $out[] = "goroutine $g over $via, n >= $from: " . json_encode($result->fetch_all(MYSQLI_ASSOC), JSON_UNESCAPED_UNICODE);
            }
            $lines->send([$g, $out]);
        } catch (Throwable $e) {
            $lines->send([$g, [mysql_describe($e)]]);
        }
    }, $g);
}
Scheduler::join();
$all = [];
while (count($lines) > 0) {
    [$g, $out] = $lines->recv();
    $all[$g] = $out;
}
ksort($all);
echo implode("\n", array_merge(...$all)), "\n";
$db->query("DROP TABLE $table");
?>
--EXPECT--
goroutine 0 over tcp, n >= 1: [{"n":1,"label":"it's \"quoted\" 0","note":null,"payload":"00FF30310D0A"},{"n":2,"label":"ünïcödé ✓ 0","note":"a note","payload":"00FF30320D0A"},{"n":3,"label":" 0","note":"x","payload":"00FF30330D0A"}]
goroutine 0 over tcp, n >= 3: [{"n":3,"label":" 0","note":"x","payload":"00FF30330D0A"}]
goroutine 1 over unix, n >= 1: [{"n":1,"label":"it's \"quoted\" 1","note":null,"payload":"00FF31310D0A"},{"n":2,"label":"ünïcödé ✓ 1","note":"a note","payload":"00FF31320D0A"},{"n":3,"label":" 1","note":"x","payload":"00FF31330D0A"}]
goroutine 1 over unix, n >= 3: [{"n":3,"label":" 1","note":"x","payload":"00FF31330D0A"}]
goroutine 2 over tcp, n >= 1: [{"n":1,"label":"it's \"quoted\" 2","note":null,"payload":"00FF32310D0A"},{"n":2,"label":"ünïcödé ✓ 2","note":"a note","payload":"00FF32320D0A"},{"n":3,"label":" 2","note":"x","payload":"00FF32330D0A"}]
goroutine 2 over tcp, n >= 3: [{"n":3,"label":" 2","note":"x","payload":"00FF32330D0A"}]
goroutine 3 over unix, n >= 1: [{"n":1,"label":"it's \"quoted\" 3","note":null,"payload":"00FF33310D0A"},{"n":2,"label":"ünïcödé ✓ 3","note":"a note","payload":"00FF33320D0A"},{"n":3,"label":" 3","note":"x","payload":"00FF33330D0A"}]
goroutine 3 over unix, n >= 3: [{"n":3,"label":" 3","note":"x","payload":"00FF33330D0A"}]
