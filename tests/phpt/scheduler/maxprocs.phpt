--TEST--
Scheduler::maxProcs() defaults to one P per CPU, returns the previous value as GOMAXPROCS does
--EXTENSIONS--
goos
--FILE--
<?php
use Goos\Scheduler;

$cpus = (int) shell_exec('nproc');
var_dump(Scheduler::maxProcs() === $cpus);
var_dump(Scheduler::maxProcs(5) === $cpus);
var_dump(Scheduler::maxProcs());
var_dump(Scheduler::maxProcs(null));
var_dump(Scheduler::maxProcs(1));
var_dump(Scheduler::maxProcs(0));        // back to one per CPU
var_dump(Scheduler::maxProcs() === $cpus);
?>
--EXPECT--
bool(true)
bool(true)
int(5)
int(5)
int(5)
int(1)
bool(true)
