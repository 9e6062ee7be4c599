--TEST--
valid goos.* values are taken as given
--EXTENSIONS--
goos
--INI--
goos.max_procs=3
goos.preempt_ms=0
goos.stack_size=512k
goos.bootstrap={PWD}/fixtures/bootstrap.inc
--FILE--
<?php
var_dump(ini_get('goos.max_procs'), Goos\Scheduler::maxProcs());
var_dump(ini_get('goos.preempt_ms'));
var_dump(ini_get('goos.stack_size'));
var_dump(str_ends_with(ini_get('goos.bootstrap'), '/fixtures/bootstrap.inc'));
?>
--EXPECT--
string(1) "3"
int(3)
string(1) "0"
string(4) "512k"
bool(true)
