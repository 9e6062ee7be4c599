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

// The goroutine that ends each wait does so once the handler has run (not
// after a set time, which load could fill before the signal comes): were
// handlers not run during the wait, the two would wait for each other.
// It waits with a timeout, again and again: while a signal waits for the
// script's thread to get a CPU, nothing else is pending, and the deadlock
// detector cannot see a signal that thread has not taken yet.
function handled(Chan $handled): void
{
    while ($handled->recv(0.01) === null);
}

pcntl_async_signals(true);
$signals = 0;
$handled = new Chan(10);
pcntl_signal(SIGUSR1, function () use (&$signals, $handled) { $signals++; $handled->send(true); });
$kick = function (float $after) {
    go(function () use ($after) { Time::sleep($after); posix_kill(posix_getpid(), SIGUSR1); });
};

$ch = new Chan();
$kick(0.03);
go(function () use ($ch, $handled) { handled($handled); $ch->send('value'); });
echo $ch->recv(), " after $signals signal(s)\n";

$kick(0.03);
$got = new Chan(1);
go(function () use ($ch, $got, $handled) { handled($handled); $got->send($ch->recv()); });
var_dump($ch->send('sent'));
echo "received ", $got->recv(), "\n";

// select() with a timeout, again until the handler has run: a signal that
// comes late finds the script in the next one.
$kick(0.03);
do {
    $s = select(['c' => recv($ch)], 0.1);
} while ($signals < 3);
$handled->recv();
var_dump($s->key, $signals);

$wg = new WaitGroup();
$wg->add();
$kick(0.03);
go(function () use ($wg, $handled) { handled($handled); $wg->done(); });
var_dump($wg->wait(), $signals);

// A handler that throws ends the wait; the value sent later is not lost.
// ($kick is in the try too: a script slow to reach recv() takes the signal
// before it. The script waits with a timeout, again and again, for the
// reason handled() does.)
pcntl_signal(SIGUSR1, function () { throw new RuntimeException('interrupted'); });
try {
    $kick(0.03);
    while (true) $ch->recv(0.01);
} catch (RuntimeException $e) {
    echo "recv(): ", $e->getMessage(), "\n";
}
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
