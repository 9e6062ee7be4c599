--TEST--
Chan in the script: signal handlers run while it waits in recv(), send(), select() and WaitGroup::wait(); a throwing handler ends the wait and nothing is lost
--EXTENSIONS--
goos
pcntl
posix
--FILE--
<?php
use Goos\{Chan, Time, WaitGroup};
use function Goos\{recv, select};

pcntl_async_signals(true);
$signals = 0;
pcntl_signal(SIGUSR1, function () use (&$signals) { $signals++; });
$kick = function (float $after) {
    go(function () use ($after) { Time::sleep($after); posix_kill(posix_getpid(), SIGUSR1); });
};

$ch = new Chan();
$kick(0.03);
go(function () use ($ch) { Time::sleep(0.08); $ch->send('value'); });
echo $ch->recv(), " after $signals signal(s)\n";

$kick(0.03);
$got = new Chan(1);
go(function () use ($ch, $got) { Time::sleep(0.08); $got->send($ch->recv()); });
var_dump($ch->send('sent'));
echo "received ", $got->recv(), "\n";

$kick(0.03);
$s = select(['c' => recv($ch)], 0.1);
var_dump($s->key, $signals);

$wg = new WaitGroup();
$wg->add();
$kick(0.03);
go(function () use ($wg) { Time::sleep(0.08); $wg->done(); });
var_dump($wg->wait(), $signals);

// A handler that throws ends the wait; the value sent later is not lost.
pcntl_signal(SIGUSR1, function () { throw new RuntimeException('interrupted'); });
$kick(0.03);
try { $ch->recv(); } catch (RuntimeException $e) { echo "recv(): ", $e->getMessage(), "\n"; }
go(function () use ($ch) { $ch->send('still there'); });
echo $ch->recv(), "\n";
?>
--EXPECT--
value after 1 signal(s)
bool(true)
received sent
NULL
int(3)
bool(true)
int(4)
recv(): interrupted
still there
