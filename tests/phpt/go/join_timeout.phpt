--TEST--
Scheduler::join($timeout): false while goroutines still run, true once they ended; bad timeouts refused
--EXTENSIONS--
goos
--FILE--
<?php
use Goos\Chan;
use Goos\Scheduler;

var_dump(Scheduler::join());          // nothing started yet
// The goroutine runs until the script releases it: join(0.05) can only
// return by its timeout, whatever the delays.
$release = new Chan();
go(function () use ($release) { $release->recv(); });
$t = hrtime(true);
var_dump(Scheduler::join(0.05));
var_dump(hrtime(true) - $t >= 50_000_000);     // the monotonic clock, as timeouts
var_dump(Scheduler::numGoroutine());
$release->close();
// Returns as the goroutine ends. A join that missed the end would return false
// at its timeout: 30 s is there only for that case.
var_dump(Scheduler::join(30.0));
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
