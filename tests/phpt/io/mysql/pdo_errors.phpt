--TEST--
PDO (pdo_mysql): SQL errors in a goroutine are the ones the origin gets: a syntax error and a duplicate key (from query, exec and a prepared statement), over TCP and over the unix socket, give the same exception class, message, code and errorInfo, in exception mode and in warning mode (issue 13)
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

function pdo_error_story(string $table, string $via): array
{
    $lines = [];
    $db = mysql_pdo($via);
    $try = function (string $what, callable $fn) use (&$lines) {
        try {
            $fn();
            $lines[] = "$what: no error";
        } catch (PDOException $e) {
            $lines[] = "$what: " . mysql_describe($e) . ' errorInfo ' . json_encode($e->errorInfo);
        }
    };
    $try('syntax error (query)', fn () => $db->query('SELEC 1'));
    $try('syntax error (prepare)', fn () => $db->prepare("INSERT INTO $table VALUES (?, ?"));
    $try('duplicate key (exec)', fn () => $db->exec("INSERT INTO $table VALUES (1, 'again')"));
    $try('duplicate key (prepared)', fn () => $db->prepare("INSERT INTO $table VALUES (?, ?)")->execute([1, 'again']));
    $try('no such table', fn () => $db->query("SELECT * FROM {$table}_missing"));
    // Warning mode: the warning's text, false, and the handle's errorInfo.
    $db->setAttribute(PDO::ATTR_ERRMODE, PDO::ERRMODE_WARNING);
    set_error_handler(function (int $type, string $message) use (&$lines) {
        $lines[] = "  warning: $message";
        return true;
    });
    $lines[] = 'syntax error (query, warning mode): ' . var_export($db->query('SELEC 1'), true) . ' errorInfo ' . json_encode($db->errorInfo());
    $lines[] = 'duplicate key (exec, warning mode): ' . var_export($db->exec("INSERT INTO $table VALUES (1, 'again')"), true) . ' errorInfo ' . json_encode($db->errorInfo());
    restore_error_handler();
    return $lines;
}

Scheduler::maxProcs(2);
$table = mysql_table('pdo_errors');
$db = mysql_pdo('tcp');
$db->exec("CREATE TABLE $table (id INT PRIMARY KEY, v VARCHAR(20)) ENGINE=InnoDB");
$db->exec("INSERT INTO $table VALUES (1, 'first')");
$origin = [];
foreach (['tcp', 'unix'] as $via) {
    $origin[$via] = pdo_error_story($table, $via);
}
echo "in the origin:\n", str_replace([getenv('GOOS_MYSQL_DB') . ".$table", $table], ['<db>.<table>', '<table>'],
    implode("\n", $origin['tcp'])), "\n";
echo 'over unix: ', $origin['unix'] === $origin['tcp'] ? 'the same' : "\n" . implode("\n", $origin['unix']), "\n";
$inside = new Chan(2);
foreach (['tcp', 'unix'] as $via) {
    go(fn () => $inside->send([$via, pdo_error_story($table, $via)]));
}
Scheduler::join();
while (count($inside) > 0) {
    [$via, $lines] = $inside->recv();
    $same[$via] = $lines === $origin[$via] ? 'the same as in the origin' : "\n" . implode("\n", $lines);
}
ksort($same);
foreach ($same as $via => $text) {
    echo "in a goroutine over $via: $text\n";
}
$db->exec("DROP TABLE $table");
?>
--EXPECT--
in the origin:
syntax error (query): PDOException (code '42000'): SQLSTATE[42000]: Syntax error or access violation: 1064 You have an error in your SQL syntax; check the manual that corresponds to your MariaDB server version for the right syntax to use near 'SELEC 1' at line 1 errorInfo ["42000",1064,"You have an error in your SQL syntax; check the manual that corresponds to your MariaDB server version for the right syntax to use near 'SELEC 1' at line 1"]
syntax error (prepare): PDOException (code '42000'): SQLSTATE[42000]: Syntax error or access violation: 1064 You have an error in your SQL syntax; check the manual that corresponds to your MariaDB server version for the right syntax to use near '' at line 1 errorInfo ["42000",1064,"You have an error in your SQL syntax; check the manual that corresponds to your MariaDB server version for the right syntax to use near '' at line 1"]
duplicate key (exec): PDOException (code '23000'): SQLSTATE[23000]: Integrity constraint violation: 1062 Duplicate entry '1' for key 'PRIMARY' errorInfo ["23000",1062,"Duplicate entry '1' for key 'PRIMARY'"]
duplicate key (prepared): PDOException (code '23000'): SQLSTATE[23000]: Integrity constraint violation: 1062 Duplicate entry '1' for key 'PRIMARY' errorInfo ["23000",1062,"Duplicate entry '1' for key 'PRIMARY'"]
no such table: PDOException (code '42S02'): SQLSTATE[42S02]: Base table or view not found: 1146 Table '<db>.<table>_missing' doesn't exist errorInfo ["42S02",1146,"Table '<db>.<table>_missing' doesn't exist"]
  warning: PDO::query(): SQLSTATE[42000]: Syntax error or access violation: 1064 You have an error in your SQL syntax; check the manual that corresponds to your MariaDB server version for the right syntax to use near 'SELEC 1' at line 1
syntax error (query, warning mode): false errorInfo ["42000",1064,"You have an error in your SQL syntax; check the manual that corresponds to your MariaDB server version for the right syntax to use near 'SELEC 1' at line 1"]
  warning: PDO::exec(): SQLSTATE[23000]: Integrity constraint violation: 1062 Duplicate entry '1' for key 'PRIMARY'
duplicate key (exec, warning mode): false errorInfo ["23000",1062,"Duplicate entry '1' for key 'PRIMARY'"]
over unix: the same
in a goroutine over tcp: the same as in the origin
in a goroutine over unix: the same as in the origin