--TEST--
include_once, one P: two files that require_once each other, started by two goroutines at once while their top-level code is preempted; neither waits for ever, as on one thread the inner require_once returns
--EXTENSIONS--
goos
--INI--
goos.preempt_ms=10
--FILE--
<?php
use Goos\{Chan, Scheduler};

Scheduler::maxProcs(1);
$results = new Chan(2);
go(function () use ($results) {
    require_once __DIR__ . '/fixtures/once/cycle_a.php';
    $results->send('from a: ' . cycle_a() . cycle_b());
});
go(function () use ($results) {
    require_once __DIR__ . '/fixtures/once/cycle_b.php';
    $results->send('from b: ' . cycle_a() . cycle_b());
});
$lines = [$results->recv(), $results->recv()];
sort($lines);
echo implode("\n", $lines), "\n";
?>
--EXPECT--
from a: ab
from b: ab
