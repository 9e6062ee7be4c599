--TEST--
Pdo\Pgsql (PHP 8.4), one P: goroutines LISTEN, over TCP and over TLS, and wait in Pdo\Pgsql::getNotify with a 3 s timeout while another goroutine, over a connection of its own, sends each a NOTIFY 0.2 s later; each gets its channel, payload and the sender's pid; a goroutine whose channel gets nothing gets false after its 0.3 s timeout; the thread was free during every wait (issue 14)
--EXTENSIONS--
goos
--SKIPIF--
<?php
if (PHP_VERSION_ID < 80400) {
    die('skip Pdo\Pgsql is PHP 8.4\'s (pdo_pgsql_notify.phpt tests PDO::pgsqlGetNotify)');
}
require __DIR__ . '/fixtures/pg_env.php';
pg_skipif('pdo');
?>
--FILE--
<?php
use Goos\{Chan, Scheduler};

require __DIR__ . '/fixtures/pg_env.php';
require __DIR__ . '/../fixtures/thread_free.php';

// The channels are the database's, shared with every other test run: their
// names are this run's own.
Scheduler::maxProcs(1);
$channel = pg_table('pdo_notify_84');
$vias = ['tcp', 'ssl'];
$listening = new Chan(count($vias));
$sender_pid = new Chan(1);
// The sender is not one of the witnessed waits: it sleeps before it sends.
go(function () use ($channel, $vias, $listening, $sender_pid) {
    for ($i = 0; $i < count($vias); $i++) {
        $listening->recv();
    }
    $db = pg_pdo('unix', [], Pdo\Pgsql::class);
    $sender_pid->send((int) $db->query('SELECT pg_backend_pid()')->fetchColumn());
    usleep(200_000);
    foreach ($vias as $via) {
        $db->exec("NOTIFY {$channel}_$via, 'hello over $via'");
    }
});
$waits = [];
foreach ($vias as $via) {
    $waits[$via] = function () use ($channel, $listening, $via) {
        $db = pg_pdo($via, [], Pdo\Pgsql::class);
        $db->exec("LISTEN {$channel}_$via");
        $listening->send(true);
        return $db->getNotify(PDO::FETCH_ASSOC, 3000);
    };
}
$waits['nothing over ssl verify-full'] = function () use ($channel) {
    $db = pg_pdo('ssl verify-full', [], Pdo\Pgsql::class);
    $db->exec("LISTEN {$channel}_silent");
    return $db->getNotify(PDO::FETCH_ASSOC, 300);
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
echo "the thread was free in $free of 3 waits\n";
?>
--EXPECT--
nothing over ssl verify-full: false
ssl: {"message":"<channel>_ssl","pid":"the sender's","payload":"hello over ssl"}
tcp: {"message":"<channel>_tcp","pid":"the sender's","payload":"hello over tcp"}
the thread was free in 3 of 3 waits
