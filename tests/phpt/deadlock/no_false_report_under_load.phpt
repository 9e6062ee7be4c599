--TEST--
No deadlock report for programs that can run, while busy processes leave the script's thread (nice 19) without a CPU for long stretches: channel round trips, go()+join(), sleepers, a mutex and a wait group
--EXTENSIONS--
goos
pcntl
posix
--INI--
goos.max_procs=2
--FILE--
<?php
use Goos\{Chan, Mutex, Scheduler, Time, WaitGroup};

// Three busy processes on a 2-core machine, and the script's own thread at the
// lowest priority (setpriority() on Linux names the calling thread only): once
// woken, the script often waits many milliseconds for a CPU. A detector that
// took a woken thread for a blocked one reported a deadlock here.
$hogs = [];
for ($i = 0; $i < 3; $i++) {
    $pid = pcntl_fork();
    if ($pid === 0) { $end = microtime(true) + 60; while (microtime(true) < $end) {} exit(0); }
    $hogs[] = $pid;
}
register_shutdown_function(static function () use ($hogs) {
    foreach ($hogs as $pid) { posix_kill($pid, SIGKILL); pcntl_waitpid($pid, $status); }
});
pcntl_setpriority(19);

// Each phase runs for a bounded time, however slow the machine is.
function for_a_while(float $seconds, callable $round): int {
    $end = microtime(true) + $seconds;
    for ($n = 0; microtime(true) < $end; $n++) $round($n);
    return $n;
}

// 1. The script receives what one goroutine sends, value after value.
$c = new Chan();
go(function (Chan $c) {
    try { for ($i = 0; ; $i++) $c->send($i); } catch (Goos\ChanClosedError) {}
}, $c);
$next = 0;
for_a_while(1.0, function () use ($c, &$next) {
    if ($c->recv() !== $next++) { echo "bad value\n"; exit(1); }
});
$c->close();

// 2. One goroutine at a time, joined.
for_a_while(1.0, function () { go(fn() => 1); Scheduler::join(); });

// 3. Sleepers (a timer each) and goroutines that yield, joined.
for_a_while(1.0, function () {
    for ($i = 0; $i < 50; $i++) go(function () { sleep(0); Time::sleep(0.01); });
    Scheduler::join();
});

// 4. A mutex and a wait group between goroutines and the script.
$counter = 0;
$rounds = for_a_while(1.0, function () use (&$counter) {
    $m = new Mutex();
    $wg = new WaitGroup();
    $total = new Chan(8);
    for ($g = 0; $g < 4; $g++) {
        $wg->add();
        go(function (Mutex $m, WaitGroup $wg, Chan $total) {
            $mine = 0;
            for ($k = 0; $k < 20; $k++) { $m->lock(); $mine++; $m->unlock(); }
            $total->send($mine);
            $wg->done();
        }, $m, $wg, $total);
    }
    $wg->wait();
    for ($g = 0; $g < 4; $g++) $counter += $total->recv();
});
Scheduler::join();
var_dump($counter === $rounds * 80);
echo "no report\n";
?>
--EXPECT--
bool(true)
no report
