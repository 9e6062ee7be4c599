--TEST--
Identity: a script that ends abruptly (exit() in a goroutine leaving another blocked with goos objects it received; fatal errors in the script and in a goroutine) frees every goos object and its interpreter's map cleanly
--EXTENSIONS--
goos
--FILE--
<?php
require __DIR__ . '/../go/child.inc';

// A goroutine blocks forever holding a channel and a mutex it received
// twice; another ends the script. The blocked one is abandoned: its
// interpreter ends with its objects still referenced.
goos_run_child(<<<'PHP'
<?php
Goos\Scheduler::maxProcs(2);
$chan = new Goos\Chan(1);
$mutex = new Goos\Mutex();
$carrier = new Goos\Chan(4);
$ready = new Goos\Chan(1);
go(function () use ($carrier, $ready) {
    $a = $carrier->recv();
    $b = $carrier->recv();
    $ready->send($a === $b);
    (new Goos\Chan())->recv();
});
$carrier->send([$chan, $mutex]);
$carrier->send([$chan, $mutex]);
var_dump($ready->recv());
go(function () { echo "exiting\n"; exit(3); });
Goos\Time::sleep(10);
PHP);

// Fatal errors that bail out (an allocation too large to compute, whichever
// allocator runs): Zend then frees the objects without their destructor
// phase, in the script's interpreter and in a goroutine's.
goos_run_child(<<<'PHP'
<?php
$chan = new Goos\Chan(1);
$carrier = new Goos\Chan(1);
$carrier->send($chan);
$again = $carrier->recv();
var_dump($again === $chan);
go(function () use ($chan) { $chan->send('from the goroutine'); });
echo $chan->recv(), "\n";
$big = str_repeat('xxx', PHP_INT_MAX);
PHP);
goos_run_child(<<<'PHP'
<?php
$chan = new Goos\Chan(1);
go(function () use ($chan) {
    $carrier = new Goos\Chan(1);
    $carrier->send($chan);
    $again = $carrier->recv();
    var_dump($again === $chan);
    $big = str_repeat('xxx', PHP_INT_MAX);
});
Goos\Scheduler::join();
PHP);
?>
--EXPECTF--
bool(true)
exiting
exit status: 3
bool(true)
from the goroutine
%AFatal error: Possible integer overflow in memory allocation (%s) in %s on line %d
exit status: 255
bool(true)
%AFatal error: goroutine %d: Possible integer overflow in memory allocation (%s) in %s on line %d
exit status: 255
