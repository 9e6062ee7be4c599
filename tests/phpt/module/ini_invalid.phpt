--TEST--
invalid goos.* values give a startup warning that names the entry, and keep the default
--EXTENSIONS--
goos
--INI--
display_startup_errors=1
goos.max_procs=lots
goos.preempt_ms=-3
goos.stack_size=8K
goos.bootstrap={PWD}/fixtures/no-such-file.php
--FILE--
<?php
var_dump(ini_get('goos.max_procs'), ini_get('goos.preempt_ms'), ini_get('goos.stack_size'), ini_get('goos.bootstrap'));
var_dump(Goos\Scheduler::maxProcs() >= 1);
?>
--EXPECTF--
%AWarning: PHP Startup: Invalid goos.max_procs: must be 0 (one per CPU) or a whole number from 1 to 256, got "lots"; using the default in Unknown on line 0
%AWarning: PHP Startup: Invalid goos.preempt_ms: must be 0 (preemption off) or a number of milliseconds from 1 to 60000, got "-3"; using the default in Unknown on line 0
%AWarning: PHP Startup: Invalid goos.stack_size: must be a size from 16K to 1G, such as 256K or 2M, got "8K"; using the default in Unknown on line 0
%AWarning: PHP Startup: Invalid goos.bootstrap: cannot use "%s/fixtures/no-such-file.php": No such file or directory; using the default in Unknown on line 0
string(1) "0"
string(2) "10"
string(2) "2M"
string(0) ""
bool(true)
