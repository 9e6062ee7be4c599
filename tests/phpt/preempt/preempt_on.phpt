--TEST--
Preemption: with goos.preempt_ms=10 a goroutine that loops without a safe point of its own lets the other goroutine run first (preempt_off.phpt's loop, ended by the other goroutine instead of the clock)
--EXTENSIONS--
goos
--INI--
goos.max_procs=1
goos.preempt_ms=10
--FILE--
<?php
use Goos\{Chan, Scheduler};

// The loop runs until the other goroutine has run, which on one P only
// preemption lets happen: it proves preemption whatever the delays. It gives
// up after 30 s, which only a loop that nothing preempts reaches.
$ran = new Chan(1);
go(function () use ($ran) {
    $give_up = hrtime(true) + 30_000_000_000;
    while (count($ran) === 0 && hrtime(true) < $give_up) {
    }
    echo "loop done\n";
});
go(function () use ($ran) {
    echo "the other goroutine ran\n";
    $ran->send(true);
});
Scheduler::join();
$p = Scheduler::stats()[0];
var_dump($p['preemptions'] >= 1, $p['preemptRequests'] >= $p['preemptions']);
?>
--EXPECT--
the other goroutine ran
loop done
bool(true)
bool(true)
