--TEST--
Chan: an unbuffered send waits for its receiver, and a receive for its sender
--EXTENSIONS--
goos
--FILE--
<?php
use Goos\Chan;
use Goos\Time;

Goos\Scheduler::maxProcs(2);
$ch = new Chan();
$log = new Chan(10);
go(function () use ($ch, $log) {
    $t = microtime(true);
    $ch->send('hello');                       // nobody receives for 0.1 s
    $log->send(['sent after', microtime(true) - $t >= 0.09]);
});
Time::sleep(0.1);
$log->send(['receiving', true]);
echo $ch->recv(), "\n";
Goos\Scheduler::join();
$log->close();
foreach ($log as [$what, $ok]) echo "$what: ", var_export($ok, true), "\n";

// And the other way round: the receiver (the script) waits for the sender.
go(function () use ($ch) { Time::sleep(0.1); $ch->send('late'); });
$t = microtime(true);
echo $ch->recv(), ' ', var_export(microtime(true) - $t >= 0.09, true), "\n";
var_dump($ch->capacity(), count($ch));
?>
--EXPECT--
hello
receiving: true
sent after: true
late true
int(0)
int(0)
