--TEST--
Chan in the script: max_execution_time ends a recv() that would wait for ever, with PHP's own fatal error
--EXTENSIONS--
goos
--SKIPIF--
<?php
// PHP 8.2 as built here (no ZEND_MAX_EXECUTION_TIMERS) counts max_execution_time
// in CPU time (ITIMER_PROF): a wait uses none, as PHP's own sleep() does not.
if (PHP_VERSION_ID < 80300) die('skip max_execution_time counts CPU time on this PHP');
?>
--FILE--
<?php
require __DIR__ . '/../go/child.inc';
goos_run_child(<<<'PHP'
<?php
set_time_limit(1);
$ch = new Goos\Chan();
go(function () use ($ch) { Goos\Time::sleep(30); $ch->send(1); });
register_shutdown_function(function () { echo "shutdown function runs\n"; });
$ch->recv();
echo "not reached\n";
PHP);
?>
--EXPECTF--
%AFatal error: Maximum execution time of 1 second exceeded in %s on line %d
shutdown function runs
exit status: 255
