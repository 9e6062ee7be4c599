--TEST--
Scheduler::join($timeout): false while goroutines still run, true once they ended; bad timeouts refused
--EXTENSIONS--
goos
--FILE--
<?php
use Goos\Scheduler;
use Goos\Time;

var_dump(Scheduler::join());          // nothing started yet
go(function () { Time::sleep(0.3); });
$t = microtime(true);
var_dump(Scheduler::join(0.05));
$waited = microtime(true) - $t;
var_dump($waited >= 0.04 && $waited < 0.29);
var_dump(Scheduler::numGoroutine());
var_dump(Scheduler::join(5.0));
var_dump(Scheduler::join(0));
foreach ([-1, NAN, INF] as $bad) {
    try { Scheduler::join($bad); } catch (ValueError $e) { echo $e->getMessage(), "\n"; }
}
?>
--EXPECT--
bool(true)
bool(false)
bool(true)
int(1)
bool(true)
bool(true)
Goos\Scheduler::join(): Argument #1 ($timeout) must be a finite number of seconds, 0 or more
Goos\Scheduler::join(): Argument #1 ($timeout) must be a finite number of seconds, 0 or more
Goos\Scheduler::join(): Argument #1 ($timeout) must be a finite number of seconds, 0 or more
