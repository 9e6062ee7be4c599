--TEST--
An uncaught exception in the script itself while goroutines run: PHP's report, status 255, goroutines end
--EXTENSIONS--
goos
--FILE--
<?php
require __DIR__ . '/child.inc';
// The goroutine goes on once the script's end has begun (not after a set time,
// which a slow script could outlast): a shutdown function registered before
// the first go() runs before the implicit join (implicit_join_order.phpt).
goos_run_child(<<<'PHP'
<?php
$ended = new Goos\Chan();
register_shutdown_function(function () use ($ended) { $ended->close(); });
go(function () use ($ended) { $ended->recv(); echo "goroutine done\n"; });
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
