--TEST--
Mutex in the script: it waits for a goroutine to unlock; a signal handler runs during the wait, and one that throws ends it cleanly
--EXTENSIONS--
goos
pcntl
posix
--FILE--
<?php
use Goos\{Mutex, Time};

pcntl_async_signals(true);
pcntl_signal(SIGUSR1, function () { echo "signal while waiting\n"; });
$mu = new Mutex();
$mu->lock();
go(function () use ($mu) {
    Time::sleep(0.05);
    posix_kill(posix_getpid(), SIGUSR1);
    Time::sleep(0.05);
    echo "goroutine unlocks\n";
    $mu->unlock();               // any party may unlock, as in Go
});
$mu->lock();                     // the script waits for the goroutine
echo "script has the lock\n";
$mu->unlock();

pcntl_signal(SIGUSR1, function () { throw new RuntimeException('handler threw'); });
$mu->lock();
go(function () use ($mu) {
    Time::sleep(0.05);
    posix_kill(posix_getpid(), SIGUSR1);
    Time::sleep(0.05);
    $mu->unlock();
});
try {
    $mu->lock();
    echo "not reached\n";
} catch (RuntimeException $e) {
    echo "lock() ended: ", $e->getMessage(), "\n";
}
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
