--TEST--
select(): receive and send cases, timeout, non-blocking, null cases, closed channels
--EXTENSIONS--
goos
--FILE--
<?php
use Goos\Chan;
use function Goos\{recv, select, send};

$a = new Chan(1);
$b = new Chan(1);
$a->send('from a');
$s = select(['a' => recv($a), 'b' => recv($b)]);
var_dump($s->key, $s->value, $s->ok);

// Timeout: nothing ready. (Elapsed time on the monotonic clock, as timeouts are.)
$t = hrtime(true);
$s = select(['a' => recv($a), 'b' => recv($b)], 0.05);
var_dump($s->key, $s->value, $s->ok, hrtime(true) - $t >= 50_000_000);

// Non-blocking (Go's default:).
$s = select([recv($a)], null, false);
var_dump($s->key);

// A send case; int keys are kept.
$s = select([7 => send($b, 'to b'), 8 => recv($a)]);
var_dump($s->key, $s->value, $s->ok, $b->recv());

// A null case is never ready, as a nil channel in Go.
$s = select(['off' => null, 'b' => recv($b)], 0.01);
var_dump($s->key);

// A goroutine makes a case ready while select waits.
go(function () use ($b) { Goos\Time::sleep(0.05); $b->send('late'); });
$s = select(['a' => recv($a), 'b' => recv($b)]);
var_dump($s->key, $s->value);

// Closed channels: a receive is ready at once with ok false; a send throws.
$b->close();
$s = select(['b' => recv($b)]);
var_dump($s->key, $s->value, $s->ok);
try { select(['b' => send($b, 1)]); } catch (Goos\ChanClosedError $e) { echo $e->getMessage(), "\n"; }

// No case: with a timeout, waits for it.
$t = hrtime(true);
var_dump(select([], 0.02)->key, hrtime(true) - $t >= 20_000_000);

try { select(['x' => 42]); } catch (TypeError $e) { echo $e->getMessage(), "\n"; }
try { select([recv($a)], -1); } catch (ValueError $e) { echo $e->getMessage(), "\n"; }
var_dump(recv($a) instanceof Goos\SelectCase);
?>
--EXPECT--
string(1) "a"
string(6) "from a"
bool(true)
NULL
NULL
bool(false)
bool(true)
NULL
int(7)
NULL
bool(true)
string(4) "to b"
NULL
string(1) "b"
string(4) "late"
string(1) "b"
NULL
bool(false)
send on closed channel
NULL
bool(true)
Goos\select(): Argument #1 ($cases) must contain only Goos\SelectCase or null, int given
Goos\select(): Argument #2 ($timeout) must be a finite number of seconds, 0 or more
bool(true)
