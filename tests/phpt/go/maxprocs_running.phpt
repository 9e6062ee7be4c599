--TEST--
Scheduler::maxProcs(): set before the first go(), read after; a change once running is refused
--EXTENSIONS--
goos
--FILE--
<?php
use Goos\Scheduler;

Scheduler::maxProcs(3);
go(function () {});
Scheduler::join();
var_dump(Scheduler::maxProcs());
var_dump(Scheduler::maxProcs(3));       // the same value: fine
try {
    Scheduler::maxProcs(1);
} catch (Error $e) {
    echo $e->getMessage(), "\n";
}
var_dump(Scheduler::maxProcs());
?>
--EXPECT--
int(3)
int(3)
Goos\Scheduler::maxProcs(): the scheduler runs 3 processors since the first go(); set it before that
int(3)
