--TEST--
An uncaught exception in a goroutine: PHP's fatal error naming the goroutine, the script ends with 255
--EXTENSIONS--
goos
--FILE--
<?php
require __DIR__ . '/child.inc';
goos_run_child(<<<'PHP'
<?php
go(function () {
    throw new RuntimeException('boom');
});
Goos\Scheduler::join();
echo "not reached\n";
PHP);
?>
--EXPECTF--
%AFatal error: goroutine %d: Uncaught RuntimeException: boom in %s:%d
Stack trace:
#0 [internal function]: {closure%S}()
#1 {main}
  thrown in %s on line %d
exit status: 255
