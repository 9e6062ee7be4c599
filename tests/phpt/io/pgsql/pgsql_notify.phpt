--TEST--
ext/pgsql, one P: goroutines LISTEN, over every way to the server, and wait for their connection's socket (pg_socket) in stream_select, with a 3 s timeout, while another goroutine, over a connection of its own, sends each a NOTIFY 0.2 s later; then pg_consume_input and pg_get_notify give each its channel, payload and the sender's pid; a goroutine whose channel gets nothing sees stream_select time out after 0.3 s and pg_get_notify return false; the thread was free during every wait (issue 14)
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

// pg_get_notify never waits: a listener waits for the connection's socket
// to be readable, reads what came (pg_consume_input), then asks again.
// pg_get_notify is called through a closure: opcache's table of what
// functions return says it never returns false (PHP 8.2 and 8.4), so with
// opcache on a direct `pg_get_notify(...) === false` is folded to false.
function wait_for_notify(PgSql\Connection $c, float $timeout): array|false
{
    $deadline = hrtime(true) + (int) ($timeout * 1e9);
    $socket = pg_socket($c);
    $get_notify = fn () => pg_get_notify($c, PGSQL_ASSOC);
    while (($notify = $get_notify()) === false) {
        $left = $deadline - hrtime(true);
        if ($left <= 0) {
            return false;
        }
        $read = [$socket];
        $write = $except = null;
        if (stream_select($read, $write, $except, 0, intdiv($left, 1000)) === 0) {
            return $get_notify();
        }
        pg_consume_input($c);
    }
    return $notify;
}

// The channels are the database's, shared with every other test run: their
// names are this run's own.
Scheduler::maxProcs(1);
$channel = pg_table('pgsql_notify');
$listening = new Chan(count(PG_VIAS));
$sender_pid = new Chan(1);
// The sender is not one of the witnessed waits: it sleeps before it sends.
go(function () use ($channel, $listening, $sender_pid) {
    for ($i = 0; $i < count(PG_VIAS); $i++) {
        $listening->recv();
    }
    $c = pg_conn('tcp');
    $sender_pid->send(pg_get_pid($c));
    usleep(200_000);
    foreach (PG_VIAS as $i => $via) {
        pg_query_params($c, 'SELECT pg_notify($1, $2)', ["{$channel}_$i", "hello over $via"]);
    }
});
$waits = [];
foreach (PG_VIAS as $i => $via) {
    $waits[$via] = function () use ($channel, $listening, $i, $via) {
        $c = pg_conn($via);
        pg_query($c, "LISTEN {$channel}_$i");
        $listening->send(true);
        return wait_for_notify($c, 3);
    };
}
$waits['nothing over unix'] = function () use ($channel) {
    $c = pg_conn('unix');
    pg_query($c, "LISTEN {$channel}_silent");
    return wait_for_notify($c, 0.3);
};
[$results, $free] = waits_with_witness($waits);
$pid = $sender_pid->recv();
foreach ($results as $via => $notify) {
    if (is_array($notify)) {
        $notify['message'] = str_replace($channel, '<channel>', $notify['message']);
        $notify['pid'] = $notify['pid'] === $pid ? 'the sender\'s' : $notify['pid'];
    }
    echo "$via: ", json_encode($notify), "\n";
}
echo "the thread was free in $free of 5 waits\n";
?>
--EXPECT--
nothing over unix: false
ssl: {"message":"<channel>_2","pid":"the sender's","payload":"hello over ssl"}
ssl verify-full: {"message":"<channel>_3","pid":"the sender's","payload":"hello over ssl verify-full"}
tcp: {"message":"<channel>_0","pid":"the sender's","payload":"hello over tcp"}
unix: {"message":"<channel>_1","pid":"the sender's","payload":"hello over unix"}
the thread was free in 5 of 5 waits
