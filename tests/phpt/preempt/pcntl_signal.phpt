--TEST--
Preemption's interplay: pcntl's asynchronous signals reach the script's handler while the script waits in join() or Time::sleep()
--EXTENSIONS--
goos
pcntl
posix
--FILE--
<?php
use Goos\{Chan, Scheduler, Time};

// The goroutines go on only once the handler has run (not after a set time,
// which load could fill before it runs). They wait with a timeout, again and
// again: while a signal waits for the script's thread to get a CPU, nothing
// else is pending, and the deadlock detector cannot see a signal that thread
// has not taken yet.
function await(Chan $c): void
{
    while ($c->recv(0.01, $ok) === null && $ok === null);
}

pcntl_async_signals(true);
$handled = new Chan(10);
pcntl_signal(SIGUSR1, function (int $signo) use ($handled) {
    echo "handler ran in goroutine ", Scheduler::id(), "\n";
    $handled->send(true);
});
// Goroutines' threads block the signal: the script's thread takes it, as in a
// PHP without goos. The goroutine waits for the handler: were signals not
// taken during join(), the two would wait for each other.
go(function () use ($handled) {
    Time::sleep(0.05);
    posix_kill(posix_getpid(), SIGUSR1);
    await($handled);
    echo "goroutine done\n";
});
Scheduler::join();

// A signal does not cut Time::sleep() short. The script sleeps 0.1 s at a time
// until the handler has run: a signal that comes late finds it still asleep.
go(function () {
    Time::sleep(0.05);
    posix_kill(posix_getpid(), SIGUSR1);
});
$short = 0;
do {
    $t = hrtime(true);
    Time::sleep(0.1);
    $short += hrtime(true) - $t < 100_000_000;
} while (count($handled) === 0);
$handled->recv();
echo "slept on: ", $short === 0 ? 'yes' : 'no', "\n";

// A handler that throws: the exception comes out of join(). (go() is in the
// try too: a script slow to reach join() takes the signal right after go().)
pcntl_signal(SIGUSR1, function () {
    throw new RuntimeException('thrown by the handler');
});
$release = new Chan();
try {
    go(function () use ($release) {
        Time::sleep(0.05);
        posix_kill(posix_getpid(), SIGUSR1);
        await($release);
    });
    Scheduler::join();
} catch (RuntimeException $e) {
    echo $e->getMessage(), ", goroutines left: ", Scheduler::numGoroutine(), "\n";
}
$release->close();
?>
--EXPECT--
handler ran in goroutine 0
goroutine done
handler ran in goroutine 0
slept on: yes
thrown by the handler, goroutines left: 1
