--TEST--
Time::tick(): a 20 ms ticker's cadence while goroutines work, stop() and reset(); a slow receiver misses ticks instead of queueing them
--EXTENSIONS--
goos
--FILE--
<?php
use Goos\{Chan, Time};

Goos\Scheduler::maxProcs(2);
// Busy goroutines on both threads: the ticks must still come on time.
$stop = new Chan();
for ($i = 0; $i < 2; $i++) {
    go(function () use ($stop) { while (!$stop->tryRecv($ok) && $ok === null) { for ($j = 0; $j < 1000; $j++); } });
}
$ticker = Time::tick(0.02);
$ch = $ticker->channel();
$start = microtime(true);
$ticks = [];
for ($i = 0; $i < 10; $i++) $ticks[] = $ch->recv();
$elapsed = microtime(true) - $start;
$stop->close();
$gaps = [];
for ($i = 1; $i < 10; $i++) $gaps[] = $ticks[$i] - $ticks[$i - 1];
// 10 ticks of 20 ms: about 0.2 s. Bounds are loose: the machine is shared.
var_dump($elapsed >= 0.18, $elapsed < 0.5, min($gaps) > 0.005, max($gaps) < 0.1);

$ticker->stop();
$ch->tryRecv();                       // a tick that came before stop() may wait there
var_dump($ch->recv(0.1, $ok), $ok);   // then nothing

$ticker->reset(0.01);
var_dump(is_float($ch->recv(1.0)));
$ticker->stop();

// A receiver that sleeps 100 ms finds one tick waiting, not five.
$slow = Time::tick(0.02);
Time::sleep(0.1);
var_dump(count($slow->channel()));
$slow->stop();

// A ticker that nobody holds any more stops by itself.
$t = Time::tick(0.01);
$c = $t->channel();
var_dump(is_float($c->recv(1.0)));
unset($t);
$c->tryRecv();
var_dump($c->recv(0.1, $ok), $ok);

foreach ([0, -1, INF] as $bad) {
    try { Time::tick($bad); } catch (ValueError $e) { echo $e->getMessage(), "\n"; }
}
?>
--EXPECT--
bool(true)
bool(true)
bool(true)
bool(true)
NULL
NULL
bool(true)
int(1)
bool(true)
NULL
NULL
Goos\Time::tick(): Argument #1 ($seconds) must be a finite number of seconds, more than 0
Goos\Time::tick(): Argument #1 ($seconds) must be a finite number of seconds, more than 0
Goos\Time::tick(): Argument #1 ($seconds) must be a finite number of seconds, more than 0
