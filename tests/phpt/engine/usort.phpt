--TEST--
Engine state, one P: usort()'s comparator is the goroutine's own; two goroutines preempted inside their comparators sort with their own (ascending and descending)
--EXTENSIONS--
goos
--INI--
goos.preempt_ms=10
--FILE--
<?php
use Goos\{Chan, Scheduler};

Scheduler::maxProcs(1);
// A comparison that takes 3 ms: a sort of 8 values is preempted several times.
function slow_compare(int $a, int $b): int
{
    $until = hrtime(true) + 3_000_000;
    while (hrtime(true) < $until) {
    }
    return $a <=> $b;
}

$results = new Chan(2);
go(function () use ($results) {
    $values = [5, 3, 8, 1, 7, 2, 6, 4];
    usort($values, fn (int $a, int $b) => slow_compare($a, $b));
    $results->send('ascending:  ' . implode(',', $values));
});
go(function () use ($results) {
    $values = [5, 3, 8, 1, 7, 2, 6, 4];
    uasort($values, fn (int $a, int $b) => slow_compare($b, $a));
    $results->send('descending: ' . implode(',', $values));
});
$lines = [$results->recv(), $results->recv()];
sort($lines);
echo implode("\n", $lines), "\n";
var_dump(Scheduler::stats()[0]['preemptions'] > 0);
?>
--EXPECT--
ascending:  1,2,3,4,5,6,7,8
descending: 8,7,6,5,4,3,2,1
bool(true)
