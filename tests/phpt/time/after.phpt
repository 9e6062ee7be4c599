--TEST--
Time::after(): a channel that receives the time once, after the delay; it works in select() as a timeout
--EXTENSIONS--
goos
--FILE--
<?php
use Goos\{Chan, Time};
use function Goos\{recv, select};

// How long it took on the monotonic clock (as the delay counts); the value is
// the wall-clock time it fired, between the call and now (an order that holds
// however late the script gets to it).
$t = hrtime(true);
$before = microtime(true);
$ch = Time::after(0.05);
var_dump($ch instanceof Chan, $ch->capacity());
$at = $ch->recv();
var_dump(is_float($at), hrtime(true) - $t >= 50_000_000, $at >= $before, $at <= microtime(true));
var_dump($ch->recv(0.1, $ok), $ok);        // only one value, and never closed

// A timeout for a select in a goroutine, while another case never comes.
$never = new Chan();
$out = new Chan(1);
go(function () use ($never, $out) {
    $s = select(['never' => recv($never), 'timeout' => recv(Time::after(0.03))]);
    $out->send($s->key);
});
echo $out->recv(), "\n";

// A goroutine blocked on an after-channel is not a deadlock: the timer will come.
go(function () use ($out) { $out->send(Time::after(0.1)->recv() > 0); });
var_dump($out->recv());
var_dump(Time::after(0)->recv() > 0);
try { Time::after(-1); } catch (ValueError $e) { echo $e->getMessage(), "\n"; }
?>
--EXPECT--
bool(true)
int(1)
bool(true)
bool(true)
bool(true)
bool(true)
NULL
NULL
timeout
bool(true)
bool(true)
Goos\Time::after(): Argument #1 ($seconds) must be a finite number of seconds, 0 or more
