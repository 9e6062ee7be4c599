--TEST--
Mutex in the script: it waits for a goroutine to unlock; a signal handler runs during the wait, and one that throws ends it cleanly
--EXTENSIONS--
goos
pcntl
posix
--FILE--
<?php
use Goos\{Chan, Mutex, Time};

// The goroutines go on only once the script has taken the signal (not after a
// set time, which load could fill before it does). They wait with a timeout,
// again and again: while a signal waits for the script's thread to get a CPU,
// nothing else is pending, and the deadlock detector cannot see a signal that
// thread has not taken yet.
function await(Chan $c): void
{
    while ($c->recv(0.01, $ok) === null && $ok === null);
}

pcntl_async_signals(true);
$handled = new Chan(1);
pcntl_signal(SIGUSR1, function () use ($handled) {
    echo "signal while waiting\n";
    $handled->send(true);
});
$mu = new Mutex();
$mu->lock();
go(function () use ($mu, $handled) {
    Time::sleep(0.05);
    posix_kill(posix_getpid(), SIGUSR1);
    await($handled);             // the script's wait ran the handler and went on
    echo "goroutine unlocks\n";
    $mu->unlock();               // any party may unlock, as in Go
});
$mu->lock();                     // the script waits for the goroutine
echo "script has the lock\n";
$mu->unlock();

pcntl_signal(SIGUSR1, function () { throw new RuntimeException('handler threw'); });
$mu->lock();
$caught = new Chan();
try {
    // go() in the try too: a script slow to reach lock() takes the signal
    // right after go().
    go(function () use ($mu, $caught) {
        Time::sleep(0.05);
        posix_kill(posix_getpid(), SIGUSR1);
        await($caught);          // unlocks once the attempt has been abandoned
        $mu->unlock();
    });
    $mu->lock();
    echo "not reached\n";
} catch (RuntimeException $e) {
    echo "lock() ended: ", $e->getMessage(), "\n";
}
$caught->close();
Goos\Scheduler::join();
// The abandoned attempt left no trace: the lock is free.
var_dump($mu->tryLock());
?>
--EXPECT--
signal while waiting
goroutine unlocks
script has the lock
lock() ended: handler threw
bool(true)
