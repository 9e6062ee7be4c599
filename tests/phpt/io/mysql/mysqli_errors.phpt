--TEST--
mysqli: SQL errors in a goroutine are the ones the origin gets: a syntax error and a duplicate key (from query, prepare and a prepared statement), over TCP and over the unix socket, give the same exception, message, code and SQLSTATE, and with reporting by warnings or off the same warning, errno, error and sqlstate (issue 13)
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

// mysqli_report() is the thread's: each story sets what it uses.
function mysqli_error_story(string $table, string $via): array
{
    $lines = [];
    mysqli_report(MYSQLI_REPORT_ERROR | MYSQLI_REPORT_STRICT);
    $db = mysql_mysqli($via);
    $try = function (string $what, callable $fn) use (&$lines) {
        try {
            $fn();
            $lines[] = "$what: no error";
        } catch (mysqli_sql_exception $e) {
            $lines[] = "$what: " . mysql_describe($e) . ' sqlstate ' . $e->getSqlState();
        }
    };
    $try('syntax error (query)', fn () => $db->query('SELEC 1'));
    $try('syntax error (prepare)', fn () => $db->prepare("INSERT INTO $table VALUES (?, ?"));
    $try('duplicate key (query)', fn () => $db->query("INSERT INTO $table VALUES (1, 'again')"));
    $try('duplicate key (prepared)', fn () => $db->execute_query("INSERT INTO $table VALUES (?, ?)", [1, 'again']));
    $try('no such table', fn () => $db->query("SELECT * FROM {$table}_missing"));
    set_error_handler(function (int $type, string $message) use (&$lines) {
        $lines[] = "  warning: $message";
        return true;
    });
    foreach (['warnings' => MYSQLI_REPORT_ERROR, 'off' => MYSQLI_REPORT_OFF] as $mode => $report) {
        mysqli_report($report);
        $lines[] = "syntax error (query, reporting $mode): " . var_export($db->query('SELEC 1'), true)
            . " errno $db->errno sqlstate $db->sqlstate error $db->error";
        $lines[] = "duplicate key (query, reporting $mode): " . var_export($db->query("INSERT INTO $table VALUES (1, 'again')"), true)
            . " errno $db->errno sqlstate $db->sqlstate error $db->error";
    }
    restore_error_handler();
    mysqli_report(MYSQLI_REPORT_ERROR | MYSQLI_REPORT_STRICT);
    return $lines;
}

Scheduler::maxProcs(2);
$table = mysql_table('mysqli_errors');
$db = mysql_mysqli('tcp');
$db->query("CREATE TABLE $table (id INT PRIMARY KEY, v VARCHAR(20)) ENGINE=InnoDB");
$db->query("INSERT INTO $table VALUES (1, 'first')");
$origin = [];
foreach (['tcp', 'unix'] as $via) {
    $origin[$via] = mysqli_error_story($table, $via);
}
echo "in the origin:\n", str_replace([getenv('GOOS_MYSQL_DB') . ".$table", $table], ['<db>.<table>', '<table>'],
    implode("\n", $origin['tcp'])), "\n";
echo 'over unix: ', $origin['unix'] === $origin['tcp'] ? 'the same' : "\n" . implode("\n", $origin['unix']), "\n";
// One goroutine at a time: mysqli_report()'s setting is the thread's,
// shared by the goroutines on it (README, "Per thread"), and a goroutine
// parked in a query would let another one change it under its feet.
$inside = new Chan(1);
foreach (['tcp', 'unix'] as $via) {
    go(fn () => $inside->send(mysqli_error_story($table, $via)));
    $lines = $inside->recv();
    echo "in a goroutine over $via: ", $lines === $origin[$via] ? 'the same as in the origin' : "\n" . implode("\n", $lines), "\n";
}
Scheduler::join();
$db->query("DROP TABLE $table");
?>
--EXPECT--
in the origin:
syntax error (query): mysqli_sql_exception (code 1064): You have an error in your SQL syntax; check the manual that corresponds to your MariaDB server version for the right syntax to use near 'SELEC 1' at line 1 sqlstate 42000
syntax error (prepare): mysqli_sql_exception (code 1064): You have an error in your SQL syntax; check the manual that corresponds to your MariaDB server version for the right syntax to use near '' at line 1 sqlstate 42000
duplicate key (query): mysqli_sql_exception (code 1062): Duplicate entry '1' for key 'PRIMARY' sqlstate 23000
duplicate key (prepared): mysqli_sql_exception (code 1062): Duplicate entry '1' for key 'PRIMARY' sqlstate 23000
no such table: mysqli_sql_exception (code 1146): Table '<db>.<table>_missing' doesn't exist sqlstate 42S02
  warning: mysqli::query(): (42000/1064): You have an error in your SQL syntax; check the manual that corresponds to your MariaDB server version for the right syntax to use near 'SELEC 1' at line 1
syntax error (query, reporting warnings): false errno 1064 sqlstate 42000 error You have an error in your SQL syntax; check the manual that corresponds to your MariaDB server version for the right syntax to use near 'SELEC 1' at line 1
  warning: mysqli::query(): (23000/1062): Duplicate entry '1' for key 'PRIMARY'
duplicate key (query, reporting warnings): false errno 1062 sqlstate 23000 error Duplicate entry '1' for key 'PRIMARY'
syntax error (query, reporting off): false errno 1064 sqlstate 42000 error You have an error in your SQL syntax; check the manual that corresponds to your MariaDB server version for the right syntax to use near 'SELEC 1' at line 1
duplicate key (query, reporting off): false errno 1062 sqlstate 23000 error Duplicate entry '1' for key 'PRIMARY'
over unix: the same
in a goroutine over tcp: the same as in the origin
in a goroutine over unix: the same as in the origin