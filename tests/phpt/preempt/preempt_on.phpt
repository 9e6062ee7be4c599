--TEST--
Preemption: the same loop as preempt_off.phpt, with goos.preempt_ms=10, lets the other goroutine run first
--EXTENSIONS--
goos
--INI--
goos.max_procs=1
goos.preempt_ms=10
--FILE--
<?php
use Goos\Scheduler;

go(function () {
    $until = microtime(true) + 0.1;
    while (microtime(true) < $until) {
    }
    echo "loop done\n";
});
go(function () {
    echo "the other goroutine ran\n";
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
