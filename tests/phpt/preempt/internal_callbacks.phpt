--TEST--
Preemption: a goroutine is preempted inside callbacks that internal functions call (usort's comparator, array_map's callback)
--EXTENSIONS--
goos
--INI--
goos.max_procs=1
--FILE--
<?php
use Goos\Scheduler;

// Each callback call is slow, so the whole internal call runs ~100 ms: longer
// than goos.preempt_ms, with no PHP loop of its own around it.
function slowly(): void
{
    $until = microtime(true) + 0.0005;
    while (microtime(true) < $until) {
    }
}

go(function () {
    $values = range(1, 200);
    shuffle($values);
    usort($values, function (int $a, int $b): int {
        slowly();
        return $a <=> $b;
    });
    echo "usort done, sorted: ", var_export($values === range(1, 200), true), "\n";
});
go(function () {
    echo "ran during usort\n";
});
Scheduler::join();

go(function () {
    $squares = array_map(function (int $x): int {
        slowly();
        return $x * $x;
    }, range(1, 200));
    echo "array_map done, sum: ", array_sum($squares), "\n";
});
go(function () {
    echo "ran during array_map\n";
});
Scheduler::join();
var_dump(Scheduler::stats()[0]['preemptions'] >= 2);
?>
--EXPECT--
ran during usort
usort done, sorted: true
ran during array_map
array_map done, sum: 2686700
bool(true)
