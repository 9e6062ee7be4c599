--TEST--
Scheduler::maxProcs() refuses values out of range and of the wrong type, and keeps its setting
--EXTENSIONS--
goos
--FILE--
<?php
use Goos\Scheduler;

Scheduler::maxProcs(2);
foreach ([-1, 257, PHP_INT_MAX, 'four'] as $bad) {
    try {
        Scheduler::maxProcs($bad);
    } catch (Throwable $e) {
        echo get_class($e), ': ', $e->getMessage(), "\n";
    }
}
var_dump(Scheduler::maxProcs());
?>
--EXPECT--
ValueError: Goos\Scheduler::maxProcs(): Argument #1 ($n) must be between 0 (one per CPU) and 256
ValueError: Goos\Scheduler::maxProcs(): Argument #1 ($n) must be between 0 (one per CPU) and 256
ValueError: Goos\Scheduler::maxProcs(): Argument #1 ($n) must be between 0 (one per CPU) and 256
TypeError: Goos\Scheduler::maxProcs(): Argument #1 ($n) must be of type ?int, string given
int(2)
