--TEST--
Chan: goos objects cross as the same object (a channel of channels, a mutex); user objects and closures are copied
--EXTENSIONS--
goos
--FILE--
<?php
use Goos\Chan;

final class Job { public function __construct(public int $n, public ?Chan $reply = null) {} }

Goos\Scheduler::maxProcs(2);
$jobs = new Chan();
go(function () use ($jobs) {
    foreach ($jobs as $job) {
        $job->reply->send($job->n * 10);          // answers on the channel that came in the job
    }
});
for ($i = 1; $i <= 3; $i++) {
    $reply = new Chan(1);
    $jobs->send(new Job($i, $reply));
    echo $reply->recv(), "\n";
}

// A channel sent through a channel is the same channel.
$inner = new Chan(5);
$carrier = new Chan(1);
$carrier->send($inner);
go(function () use ($carrier) { $carrier->recv()->send('through the inner channel'); });
echo $inner->recv(), "\n";

// A closure crosses; its bound variables are copied.
$base = 7;
$fn = fn (int $x) => $x + $base;
$fns = new Chan(1);
$fns->send($fn);
go(function () use ($fns, $inner) { $inner->send(($fns->recv())(35)); });
echo $inner->recv(), "\n";
$jobs->close();

try { clone $inner; } catch (Error $e) { echo $e->getMessage(), "\n"; }
try { serialize($inner); } catch (Exception $e) { echo $e->getMessage(), "\n"; }
?>
--EXPECT--
10
20
30
through the inner channel
42
Trying to clone an uncloneable object of class Goos\Chan
Serialization of 'Goos\Chan' is not allowed
