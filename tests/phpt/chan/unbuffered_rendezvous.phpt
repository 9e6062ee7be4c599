--TEST--
Chan: an unbuffered send waits for its receiver, and a receive for its sender
--EXTENSIONS--
goos
--FILE--
<?php
use Goos\Chan;
use Goos\Time;

// Elapsed times are on the monotonic clock (hrtime), from before go(): a
// goroutine that starts late can only make them longer.
Goos\Scheduler::maxProcs(2);
$ch = new Chan();
$log = new Chan(10);
$t = hrtime(true);
go(function () use ($ch, $log, $t) {
    $ch->send('hello');                       // nobody receives for 0.1 s
    $log->send(['sent after 0.1 s', hrtime(true) - $t >= 100_000_000]);
});
Time::sleep(0.1);
$log->send(['receiving', true]);              // logged before the receive, so before the send ends
echo $ch->recv(), "\n";
Goos\Scheduler::join();
$log->close();
foreach ($log as [$what, $ok]) echo "$what: ", var_export($ok, true), "\n";

// And the other way round: the receiver (the script) waits for the sender.
$t = hrtime(true);
go(function () use ($ch) { Time::sleep(0.1); $ch->send('late'); });
echo $ch->recv(), ' ', var_export(hrtime(true) - $t >= 100_000_000, true), "\n";
var_dump($ch->capacity(), count($ch));
?>
--EXPECT--
hello
receiving: true
sent after 0.1 s: true
late true
int(0)
int(0)
