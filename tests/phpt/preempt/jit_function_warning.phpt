--TEST--
Preemption and opcache.jit=function: a warning says why preemption is off
--EXTENSIONS--
goos
--SKIPIF--
<?php
if (!function_exists('opcache_get_status')) die('skip opcache is not loaded');
?>
--FILE--
<?php
require __DIR__ . '/../go/child.inc';
$script = <<<'PHP'
<?php
go(function () { echo "goroutine ran\n"; });
PHP;
foreach (['function', '1215', 'tracing', '1255'] as $mode) {
    echo "== $mode\n";
    goos_run_child($script, "-d opcache.enable_cli=1 -d opcache.jit=$mode -d opcache.jit_buffer_size=16M");
}
echo "== function, preemption off already\n";
goos_run_child($script, '-d opcache.enable_cli=1 -d opcache.jit=function -d opcache.jit_buffer_size=16M -d goos.preempt_ms=0');
?>
--EXPECTF--
== function

Warning: go(): preemption is off: with opcache.jit in function mode PHP loses local variables when the VM is interrupted in JIT-compiled code (a php-src bug, hit by pcntl's signals too); use opcache.jit=tracing in %s on line 2
goroutine ran
exit status: 0
== 1215

Warning: go(): preemption is off: %s
goroutine ran
exit status: 0
== tracing
goroutine ran
exit status: 0
== 1255
goroutine ran
exit status: 0
== function, preemption off already
goroutine ran
exit status: 0
