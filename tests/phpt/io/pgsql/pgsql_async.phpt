--TEST--
ext/pgsql's asynchronous API in goroutines, one P: pg_send_query then pg_get_result, which waits in libpq for a pg_sleep(0.3) while the thread runs other goroutines; pg_connection_busy before and after; several results of one pg_send_query; pg_cancel_query of a running pg_sleep(5) (libpq's cancel request, over a connection of its own); a statement canceled by the server (pg_cancel_backend from another connection) reads back as SQLSTATE 57014; each over TCP, the unix socket and TLS, the same as in the origin over TCP (issue 14)
--EXTENSIONS--
goos
--SKIPIF--
<?php
require __DIR__ . '/fixtures/pg_env.php';
pg_skipif('pgsql');
?>
--FILE--
<?php
use Goos\Scheduler;

require __DIR__ . '/fixtures/pg_env.php';
require __DIR__ . '/../fixtures/thread_free.php';

// Waits until the server runs a statement for the connection of $pid
// ($watcher is another connection): a cancel sent before the statement
// starts would cancel nothing.
function wait_until_active(PgSql\Connection $watcher, int $pid): void
{
    do {
        // pg_stat_activity is a snapshot taken once per transaction: each
        // poll is a transaction of its own.
        $running = pg_fetch_result(pg_query_params($watcher, "SELECT COUNT(*) FROM pg_stat_activity
            WHERE pid = $1 AND state = 'active' AND query = 'SELECT pg_sleep(5)'", [$pid]), 0, 0) === '1';
    } while (!$running && usleep(10_000) === null);
}

function async_story(string $via): array
{
    $c = pg_conn($via);
    $watcher = pg_conn('tcp');
    $lines = [];
    $busy = fn () => 'busy ' . var_export(pg_connection_busy($c), true);
    $lines[] = 'send: ' . var_export(pg_send_query($c, 'SELECT pg_sleep(0.3) AS slept, 1 AS n'), true) . ', ' . $busy();
    // The wait: libpq polls the socket until the answer is there.
    $result = pg_get_result($c);
    $lines[] = 'result: ' . json_encode(pg_fetch_all($result)) . ', status ' . pg_result_status($result)
        . ', next ' . var_export(pg_get_result($c), true) . ', ' . $busy();
    pg_send_query($c, 'SELECT 1 AS first; SELECT pg_sleep(0.1) AS slept, 2 AS second');
    $all = [];
    while (($result = pg_get_result($c)) !== false) {
        $all[] = pg_fetch_all($result);
    }
    $lines[] = 'two statements: ' . json_encode($all) . ', ' . $busy();
    pg_send_query($c, 'SELECT pg_sleep(5)');
    wait_until_active($watcher, pg_get_pid($c));
    $lines[] = 'pg_cancel_query: ' . var_export(pg_cancel_query($c), true) . ', ' . $busy()
        . ', next ' . var_export(pg_get_result($c), true) . ', then ' . pg_fetch_result(pg_query($c, 'SELECT 42'), 0, 0);
    pg_send_query($c, 'SELECT pg_sleep(5)');
    wait_until_active($watcher, pg_get_pid($c));
    $lines[] = 'pg_cancel_backend: ' . pg_fetch_result(pg_query_params($watcher, 'SELECT pg_cancel_backend($1)',
        [pg_get_pid($c)]), 0, 0);
    $result = pg_get_result($c);
    $lines[] = 'the canceled statement: status ' . pg_result_status($result) . ' (PGSQL_FATAL_ERROR is ' . PGSQL_FATAL_ERROR
        . '), SQLSTATE ' . pg_result_error_field($result, PGSQL_DIAG_SQLSTATE) . ', ' . trim(pg_result_error($result))
        . ', next ' . var_export(pg_get_result($c), true) . ', ' . $busy();
    $lines[] = 'then: ' . pg_fetch_result(pg_query($c, 'SELECT 43'), 0, 0);
    pg_close($c);
    pg_close($watcher);
    return $lines;
}

// The origin's story over TCP is the reference: each way to the server
// tells the same one.
$origin = async_story('tcp');
echo "in the origin over tcp:\n  ", implode("\n  ", $origin), "\n";
Scheduler::maxProcs(1);
$waits = [];
foreach (['tcp', 'unix', 'ssl'] as $via) {
    $waits[$via] = function () use ($via) {
        try {
            return async_story($via);
        } catch (Throwable $e) {
            return [pg_describe($e)];
        }
    };
}
[$results, $free] = waits_with_witness($waits);
foreach ($results as $via => $lines) {
    echo "in a goroutine over $via: ", $lines === $origin ? 'the same as in the origin' : "\n  " . implode("\n  ", $lines), "\n";
}
echo "the thread was free in $free of 3 stories\n";
?>
--EXPECT--
in the origin over tcp:
  send: true, busy true
  result: [{"slept":"","n":"1"}], status 2, next false, busy false
  two statements: [[{"first":"1"}],[{"slept":"","second":"2"}]], busy false
  pg_cancel_query: true, busy false, next false, then 42
  pg_cancel_backend: t
  the canceled statement: status 7 (PGSQL_FATAL_ERROR is 7), SQLSTATE 57014, ERROR:  canceling statement due to user request, next false, busy false
  then: 43
in a goroutine over ssl: the same as in the origin
in a goroutine over tcp: the same as in the origin
in a goroutine over unix: the same as in the origin
the thread was free in 3 of 3 stories
