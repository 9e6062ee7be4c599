--TEST--
PDO (pdo_pgsql), one P: goroutines LISTEN, over every way to the server, and wait in pgsqlGetNotify with a 3 s timeout while another goroutine, over a connection of its own, sends each a NOTIFY 0.2 s later; each gets its channel, payload and the sender's pid; a goroutine whose channel gets nothing gets false after its 0.3 s timeout; the thread was free during every wait (issue 14)
--EXTENSIONS--
goos
--SKIPIF--
<?php
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
$channel = pg_table('pdo_notify');
$listening = new Chan(count(PG_VIAS));
$sender_pid = new Chan(1);
// The sender is not one of the witnessed waits: it sleeps before it sends.
go(function () use ($channel, $listening, $sender_pid) {
    for ($i = 0; $i < count(PG_VIAS); $i++) {
        $listening->recv();
    }
    $db = pg_pdo('tcp');
    $sender_pid->send((int) $db->query('SELECT pg_backend_pid()')->fetchColumn());
    usleep(200_000);
    foreach (PG_VIAS as $i => $via) {
        $db->prepare('SELECT pg_notify(?, ?)')->execute(["{$channel}_$i", "hello over $via"]);
    }
});
$waits = [];
foreach (PG_VIAS as $i => $via) {
    $waits[$via] = function () use ($channel, $listening, $i, $via) {
        $db = pg_pdo($via);
        $db->exec("LISTEN {$channel}_$i");
        $listening->send(true);
        return $db->pgsqlGetNotify(PDO::FETCH_ASSOC, 3000);
    };
}
$waits['nothing over unix'] = function () use ($channel) {
    $db = pg_pdo('unix');
    $db->exec("LISTEN {$channel}_silent");
    return $db->pgsqlGetNotify(PDO::FETCH_ASSOC, 300);
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
