--TEST--
An uncaught exception in the script itself while goroutines run: PHP's report, status 255, goroutines end
--EXTENSIONS--
goos
--FILE--
<?php
require __DIR__ . '/child.inc';
goos_run_child(<<<'PHP'
<?php
go(function () { Goos\Time::sleep(0.05); echo "goroutine done\n"; });
throw new LogicException('script fails');
PHP);
?>
--EXPECTF--
%AFatal error: Uncaught LogicException: script fails in %s:%d
Stack trace:
#0 {main}
  thrown in %s on line %d
goroutine done
exit status: 255
