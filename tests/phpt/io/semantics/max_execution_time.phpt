--TEST--
I/O hooks (issue 13), semantics: max_execution_time ends a script whose goroutines wait on I/O for ever (socket_read, fread, socket_accept), with PHP's own fatal error, while the script waits in join() or in a Chan::recv() nothing will answer
--EXTENSIONS--
goos
sockets
--SKIPIF--
<?php
// PHP 8.2 as built here (no ZEND_MAX_EXECUTION_TIMERS) counts max_execution_time
// in CPU time (ITIMER_PROF): a wait uses none, as PHP's own sleep() does not.
if (PHP_VERSION_ID < 80300) die('skip max_execution_time counts CPU time on this PHP');
?>
--FILE--
<?php
require __DIR__ . '/child.inc';
// The limit starts once the goroutines wait (set_time_limit() counts from its
// call). The script's end is the proof: one the limit failed to end would be
// killed after 20 s (no clock bound here: load slows everything).
$cases = [
    'waiting in join()' => "Goos\\Scheduler::join();\n",
    'waiting in Chan::recv()' => "(new Goos\\Chan())->recv();\n",
];
foreach ($cases as $what => $wait) {
    echo "== the script $what\n";
    io_run_child("<?php\n" . IO_FOREVER . "\n"
        . "register_shutdown_function(function () { echo \"shutdown function runs\\n\"; });\n"
        . "set_time_limit(1);\n$wait"
        . "echo \"not reached\\n\";\n");
}
?>
--EXPECTF--
== the script waiting in join()
%AFatal error: Maximum execution time of 1 second exceeded in %s on line %d
shutdown function runs
exit status: 255
== the script waiting in Chan::recv()
%AFatal error: Maximum execution time of 1 second exceeded in %s on line %d
shutdown function runs
exit status: 255
