--TEST--
Deadlock: the script receives from a channel nobody will send on: Go's message, the script's backtrace, status 255
--EXTENSIONS--
goos
--FILE--
<?php
require __DIR__ . '/../go/child.inc';
goos_run_child(<<<'PHP'
<?php
function wait_for(Goos\Chan $ch) { return $ch->recv(); }
register_shutdown_function(function () { echo "shutdown functions still run\n"; });
echo "before\n";
wait_for(new Goos\Chan());
echo "not reached\n";
PHP);
?>
--EXPECTF--
before
fatal error: all goroutines are asleep - deadlock!

goroutine 0 [script, chan receive]:
  #0 %s(%d): Goos\Chan->recv()
  #1 %s(%d): wait_for(Object(Goos\Chan))
  #2 {main}
shutdown functions still run
exit status: 255
