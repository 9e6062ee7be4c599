--TEST--
WaitGroup: waits for goroutines; a negative counter throws and changes nothing; wait() with a timeout; reuse
--EXTENSIONS--
goos
--FILE--
<?php
use Goos\{Chan, Scheduler, Time, WaitGroup};

// Returns once $n goroutines wait for $reason: what a dump shows, not a guess
// at how long they take to get there.
function parked(int $n, string $reason): void
{
    while (substr_count(Scheduler::dump(), "[waiting, $reason]") < $n) {
        Time::sleep(0.001);
    }
}

$wg = new WaitGroup();
$out = new Chan(10);
for ($i = 0; $i < 5; $i++) {
    $wg->add();
    go(function () use ($wg, $out, $i) { Time::sleep(0.01 * $i); $out->send($i); $wg->done(); });
}
var_dump($wg->wait(), count($out), $wg->count());

var_dump($wg->wait());                       // zero: at once
try { $wg->done(); } catch (Error $e) { echo $e->getMessage(), "\n"; }
$wg->add(2);
try { $wg->add(-3); } catch (Error $e) { echo $e->getMessage(), "\n"; }
var_dump($wg->count());
$t = hrtime(true);
var_dump($wg->wait(0.05), hrtime(true) - $t >= 50_000_000);   // the monotonic clock, as timeouts
$wg->add(-2);
var_dump($wg->count(), $wg->wait(0));

// Waiting inside goroutines, and reuse for a second round.
$done = new Chan(3);
$wg->add(1);
for ($i = 0; $i < 3; $i++) go(function () use ($wg, $done) { $wg->wait(); $done->send(true); });
parked(3, 'sync.WaitGroup.Wait');            // all three wait: done() must wake them
var_dump(count($done));
$wg->done();
for ($i = 0; $i < 3; $i++) $done->recv();
echo "all waiters woke\n";
?>
--EXPECT--
bool(true)
int(5)
int(0)
bool(true)
Goos\WaitGroup::done(): the counter would go below zero (more done() than add())
Goos\WaitGroup::add(): the counter (2) would go below zero or overflow
int(2)
bool(false)
bool(true)
int(0)
bool(true)
int(0)
all waiters woke
