--TEST--
Preemption: goos.preempt_ms=0 turns it off; a looping goroutine keeps its thread until it is done
--EXTENSIONS--
goos
--INI--
goos.max_procs=1
goos.preempt_ms=0
--FILE--
<?php
use Goos\Scheduler;

var_dump(ini_get('goos.preempt_ms'));
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
var_dump($p['preemptions'], $p['preemptRequests']);
?>
--EXPECT--
string(1) "0"
loop done
the other goroutine ran
int(0)
int(0)
