--TEST--
WaitGroup: waits for goroutines; a negative counter throws and changes nothing; wait() with a timeout; reuse
--EXTENSIONS--
goos
--FILE--
<?php
use Goos\{Chan, Time, WaitGroup};

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
$t = microtime(true);
var_dump($wg->wait(0.05), microtime(true) - $t >= 0.05);
$wg->add(-2);
var_dump($wg->count(), $wg->wait(0));

// Waiting inside goroutines, and reuse for a second round.
$done = new Chan(3);
$wg->add(1);
for ($i = 0; $i < 3; $i++) go(function () use ($wg, $done) { $wg->wait(); $done->send(true); });
Time::sleep(0.02);
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
