--TEST--
Time::tick(): a 20 ms ticker ticks in order and never faster than its period while goroutines work; stop() and reset(); a slow receiver misses ticks instead of queueing them
--EXTENSIONS--
goos
--FILE--
<?php
use Goos\{Chan, Time};

// Only bounds that hold however late the machine runs: elapsed times on the
// monotonic clock are at least what the period makes them, and ticks (the
// wall-clock times they fired) come in order. How soon they come is a
// benchmark's business; the 10 s timeouts below only catch ticks that never come.
Goos\Scheduler::maxProcs(2);
// Busy goroutines on both threads: the ticks must still come.
$stop = new Chan();
for ($i = 0; $i < 2; $i++) {
    go(function () use ($stop) { while (!$stop->tryRecv($ok) && $ok === null) { for ($j = 0; $j < 1000; $j++); } });
}
$t = hrtime(true);
$ticker = Time::tick(0.02);
$ch = $ticker->channel();
$ticks = [];
for ($i = 0; $i < 10; $i++) $ticks[] = $ch->recv(10.0);
$elapsed = hrtime(true) - $t;
$stop->close();
$in_order = true;
for ($i = 1; $i < 10; $i++) $in_order = $in_order && is_float($ticks[$i]) && $ticks[$i] > $ticks[$i - 1];
// The tenth tick is due 10 x 20 ms after the start, or later.
var_dump(is_float($ticks[0]), $in_order, $elapsed >= 200_000_000);

$ticker->stop();
$ch->tryRecv();                       // a tick that came before stop() may wait there
var_dump($ch->recv(0.1, $ok), $ok);   // then nothing

$ticker->reset(0.01);
var_dump(is_float($ch->recv(10.0)));
$ticker->stop();

// A receiver that sleeps 100 ms finds at most one tick waiting, not five: the
// ones due while the channel was full were dropped, so the tick after the one
// it takes fired after it took it (with queued ticks it would be one of the
// old ones).
$slow = Time::tick(0.02);
Time::sleep(0.1);
$woke = microtime(true);
$first = $slow->channel()->recv(10.0);
$next = $slow->channel()->recv(10.0);
var_dump(is_float($first), $next > $woke);
$slow->stop();

// A ticker that nobody holds any more stops by itself. A tick it was firing
// as it went may still come, besides the one waiting; then nothing: the
// receiver finds a 0.1 s gap, where a running 10 ms ticker would keep coming.
$t = Time::tick(0.01);
$c = $t->channel();
var_dump(is_float($c->recv(10.0)));
unset($t);
for ($late = 0; $late < 20 && $c->recv(0.1) !== null; $late++);
var_dump($late <= 2);

foreach ([0, -1, INF] as $bad) {
    try { Time::tick($bad); } catch (ValueError $e) { echo $e->getMessage(), "\n"; }
}
?>
--EXPECT--
bool(true)
bool(true)
bool(true)
NULL
NULL
bool(true)
bool(true)
bool(true)
bool(true)
bool(true)
Goos\Time::tick(): Argument #1 ($seconds) must be a finite number of seconds, more than 0
Goos\Time::tick(): Argument #1 ($seconds) must be a finite number of seconds, more than 0
Goos\Time::tick(): Argument #1 ($seconds) must be a finite number of seconds, more than 0
