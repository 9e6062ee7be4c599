--TEST--
sleep() parks a goroutine, not its thread: 1000 goroutines sleeping 1 s each on 2 Ps end long before the 500 s that blocked threads would take
--EXTENSIONS--
goos
--INI--
; Were the threads blocked, 1000 x 1 s on 2 threads would take 500 s: the
; script's time limit ends that early.
max_execution_time=30
--FILE--
<?php
Goos\Scheduler::maxProcs(2);
$t = hrtime(true);
for ($i = 0; $i < 1000; $i++) {
    go(function () { sleep(1); });
}
Goos\Scheduler::join();
$took = (hrtime(true) - $t) / 1e9;
var_dump($took >= 1.0);
// About 1 s. The bound is for the bug only: blocked threads take 500 s, and
// no load stretches 1 s to 20.
echo $took < 20.0 ? "parked\n" : "took $took s\n";
?>
--EXPECT--
bool(true)
parked
