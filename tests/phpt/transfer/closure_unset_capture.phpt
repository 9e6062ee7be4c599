--TEST--
Transfer: an arrow function that captures a variable that was never set
--EXTENSIONS--
goos
--FILE--
<?php
$factor = 3;
go(fn($v) => var_dump($v * $factor, isset($undefined), $undefined ?? 'default'), 7);
Goos\Scheduler::join();
?>
--EXPECT--
int(21)
bool(false)
string(7) "default"
