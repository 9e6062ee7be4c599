--TEST--
Preemption's interplay: pcntl's asynchronous signals reach the script's handler while the script waits in join() or Time::sleep()
--EXTENSIONS--
goos
pcntl
posix
--FILE--
<?php
use Goos\Scheduler;
use Goos\Time;

pcntl_async_signals(true);
pcntl_signal(SIGUSR1, function (int $signo) {
    echo "handler ran in goroutine ", Scheduler::id(), "\n";
});
// Goroutines' threads block the signal: the script's thread takes it, as in a
// PHP without goos.
go(function () {
    Time::sleep(0.05);
    posix_kill(posix_getpid(), SIGUSR1);
    Time::sleep(0.5);
    echo "goroutine done\n";
});
Scheduler::join();

go(function () {
    Time::sleep(0.05);
    posix_kill(posix_getpid(), SIGUSR1);
});
$start = microtime(true);
Time::sleep(0.5);
echo "slept on: ", microtime(true) - $start >= 0.45 ? 'yes' : 'no', "\n";

// A handler that throws: the exception comes out of join().
pcntl_signal(SIGUSR1, function () {
    throw new RuntimeException('thrown by the handler');
});
go(function () {
    Time::sleep(0.05);
    posix_kill(posix_getpid(), SIGUSR1);
    Time::sleep(0.2);
});
try {
    Scheduler::join();
} catch (RuntimeException $e) {
    echo $e->getMessage(), ", goroutines left: ", Scheduler::numGoroutine(), "\n";
}
?>
--EXPECT--
handler ran in goroutine 0
goroutine done
handler ran in goroutine 0
slept on: yes
thrown by the handler, goroutines left: 1
