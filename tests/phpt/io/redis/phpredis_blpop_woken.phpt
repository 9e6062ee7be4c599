--TEST--
phpredis, one P: a goroutine's BLPOP over TCP and another's over the unix socket are woken by a third goroutine's RPUSH, which it sends once the server shows both blocked; each pop gets its value, and the thread runs other goroutines while they wait (issue 13)
--EXTENSIONS--
goos
--SKIPIF--
<?php
require __DIR__ . '/fixtures/redis_env.php';
redis_skipif('phpredis');
?>
--FILE--
<?php
use Goos\{Chan, Scheduler};

require __DIR__ . '/fixtures/redis_env.php';
require __DIR__ . '/../fixtures/thread_free.php';

// On one P the pusher can only run while the pops wait if their waits left
// the thread. A pop whose thread blocked runs to its timeout (10 s: a bound
// that load does not reach), and the pusher, seeing it ended, gives up. The
// pusher is not one of the witnessed waits: it sleeps between its polls, so
// the witness would run inside it whatever the pops do.
Scheduler::maxProcs(1);
$prefix = redis_prefix('phpredis_blpop_woken');
$ended = new Chan(2);
$pusher_said = new Chan(1);
go(function () use ($prefix, $ended, $pusher_said) {
    $r = phpredis_connect('tcp');
    $waiting = ['tcp', 'unix'];
    while ($waiting) {
        if (count($ended) > 0) {
            $pusher_said->send('a pop ended before it was seen blocked: ' . $ended->recv());
            return;
        }
        $list = $r->rawCommand('CLIENT', 'LIST');
        $waiting = array_filter($waiting,
            fn ($via) => !redis_client_blocked($list, strtr("{$prefix}pop-$via", ':', '-')));
        usleep(1000);
    }
    $r->rPush("{$prefix}list-tcp", 'to tcp');
    $r->rPush("{$prefix}list-unix", 'to unix');
    $pusher_said->send('pushed');
});
$pop = function (string $via) use ($prefix, $ended) {
    $r = phpredis_connect($via);
    $r->client('setname', strtr("{$prefix}pop-$via", ':', '-'));
    $reply = $r->blPop(["{$prefix}list-$via"], 10);
    $ended->send($via);
    return $reply;
};
[$replies, $free] = waits_with_witness([
    'pop over tcp' => fn () => $pop('tcp'),
    'pop over unix' => fn () => $pop('unix'),
]);
foreach ($replies as $name => $reply) {
    echo "$name: ", json_encode(is_array($reply) ? array_map(fn ($v) => str_replace($prefix, '', $v), $reply) : $reply), "\n";
}
echo 'pusher: ', $pusher_said->recv(), "\n";
echo "the thread was free in $free of 2 waits\n";
phpredis_connect('tcp')->del("{$prefix}list-tcp", "{$prefix}list-unix");
?>
--EXPECT--
pop over tcp: ["list-tcp","to tcp"]
pop over unix: ["list-unix","to unix"]
pusher: pushed
the thread was free in 2 of 2 waits
