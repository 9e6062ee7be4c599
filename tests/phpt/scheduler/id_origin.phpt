--TEST--
Scheduler::id() is 0 in the script itself (the origin)
--EXTENSIONS--
goos
--FILE--
<?php
var_dump(Goos\Scheduler::id());
?>
--EXPECT--
int(0)
