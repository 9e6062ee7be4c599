--TEST--
Identity: goroutines on one thread share their interpreter, so they hold one PHP object for one goos object (the same spl_object_id while both hold it)
--EXTENSIONS--
goos
--FILE--
<?php
use Goos\Chan;

Goos\Scheduler::maxProcs(1);

$shared = new Chan();
$carrier = new Chan(2);
$ids = new Chan(2);
$hold = new Chan();
for ($g = 0; $g < 2; $g++) {
    go(function () use ($carrier, $ids, $hold) {
        $mine = $carrier->recv();
        $ids->send(spl_object_id($mine));
        $hold->recv();  // keeps $mine alive until both have reported
    });
}
$carrier->send($shared);
$carrier->send($shared);
$a = $ids->recv();
$b = $ids->recv();
var_dump($a === $b);
$hold->close();
?>
--EXPECT--
bool(true)
