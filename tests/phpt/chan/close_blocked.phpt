--TEST--
Chan: close() wakes every blocked receiver ($ok false) and sender (ChanClosedError); buffered values are still received
--EXTENSIONS--
goos
--FILE--
<?php
use Goos\Chan;
use Goos\ChanClosedError;
use Goos\Scheduler;
use Goos\Time;

// Returns once $n goroutines wait for $reason: what a dump shows, not a guess
// at how long they take to get there.
function parked(int $n, string $reason): void
{
    while (substr_count(Scheduler::dump(), "[waiting, $reason]") < $n) {
        Time::sleep(0.001);
    }
}

Scheduler::maxProcs(2);
$ch = new Chan();
$out = new Chan(10);
for ($i = 0; $i < 3; $i++) {
    go(function () use ($ch, $out, $i) {
        $v = $ch->recv(null, $ok);
        $out->send("receiver $i: " . var_export($v, true) . ', ok ' . var_export($ok, true));
    });
}
parked(3, 'chan receive');              // every receiver is blocked
$ch->close();
for ($i = 0; $i < 3; $i++) $lines[] = $out->recv();
sort($lines);
echo implode("\n", $lines), "\n";

$full = new Chan(1);
$full->send('kept');
for ($i = 0; $i < 2; $i++) {
    go(function () use ($full, $out, $i) {
        try {
            $full->send("never $i");
            $out->send("sender $i sent");
        } catch (ChanClosedError $e) {
            $out->send("sender $i: " . $e->getMessage());
        }
    });
}
parked(2, 'chan send');                 // both senders are blocked
$full->close();
$lines = [$out->recv(), $out->recv()];
sort($lines);
echo implode("\n", $lines), "\n";
var_dump($full->recv(null, $ok), $ok);       // the buffered value survives close()
var_dump($full->recv(null, $ok), $ok);       // then: closed and drained
var_dump($full->tryRecv($ok), $ok);
try { $full->close(); } catch (ChanClosedError $e) { echo $e->getMessage(), "\n"; }
try { $full->trySend(1); } catch (ChanClosedError $e) { echo $e->getMessage(), "\n"; }
?>
--EXPECT--
receiver 0: NULL, ok false
receiver 1: NULL, ok false
receiver 2: NULL, ok false
sender 0: send on closed channel
sender 1: send on closed channel
string(4) "kept"
bool(true)
NULL
bool(false)
NULL
bool(false)
close of closed channel
send on closed channel
