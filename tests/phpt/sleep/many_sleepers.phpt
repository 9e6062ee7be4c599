--TEST--
sleep() parks a goroutine, not its thread: 1000 goroutines sleeping 1 s each on 2 Ps take about 1 s
--EXTENSIONS--
goos
--INI--
; Were the threads blocked, 1000 x 1 s on 2 threads would take 500 s: the
; script's time limit ends that early.
max_execution_time=30
--FILE--
<?php
Goos\Scheduler::maxProcs(2);
$t = microtime(true);
for ($i = 0; $i < 1000; $i++) {
    go(function () { sleep(1); });
}
Goos\Scheduler::join();
$took = microtime(true) - $t;
var_dump($took >= 1.0);
echo $took < 2.0 ? "parked\n" : "took $took s\n";
?>
--EXPECT--
bool(true)
parked
