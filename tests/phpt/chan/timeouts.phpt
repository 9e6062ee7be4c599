--TEST--
Chan: send/recv with a timeout, trySend/tryRecv, and what $ok says
--EXTENSIONS--
goos
--FILE--
<?php
use Goos\Chan;

$ch = new Chan(1);
// Elapsed time on the monotonic clock (hrtime), as the timeouts are counted.
$t = hrtime(true);
var_dump($ch->recv(0.05, $ok), $ok);              // timeout: null, $ok null
var_dump(hrtime(true) - $t >= 50_000_000);
var_dump($ch->send('x', 0.05));                     // a free slot: at once
$t = hrtime(true);
var_dump($ch->send('y', 0.05), hrtime(true) - $t >= 50_000_000);   // full: false after the timeout
var_dump(count($ch), $ch->recv(0, $ok), $ok);       // 'y' was not sent
var_dump($ch->tryRecv($ok), $ok);                   // empty: null, $ok null
var_dump($ch->trySend(1), $ch->trySend(2), count($ch));
var_dump($ch->tryRecv($ok), $ok);
var_dump($ch->recv(0), $ch->send(3, 0));

$unbuffered = new Chan();
var_dump($unbuffered->trySend('nobody listens'), $unbuffered->send('nor now', 0.01));

foreach ([-1, NAN, INF] as $bad) {
    try { $ch->recv($bad); } catch (ValueError $e) { echo $e->getMessage(), "\n"; }
}
try { $ch->send(1, -0.5); } catch (ValueError $e) { echo $e->getMessage(), "\n"; }
try { new Chan(-1); } catch (ValueError $e) { echo $e->getMessage(), "\n"; }
try { new Chan(PHP_INT_MAX); } catch (ValueError $e) { echo $e->getMessage(), "\n"; }
?>
--EXPECT--
NULL
NULL
bool(true)
bool(true)
bool(false)
bool(true)
int(1)
string(1) "x"
bool(true)
NULL
NULL
bool(true)
bool(false)
int(1)
int(1)
bool(true)
NULL
bool(true)
bool(false)
bool(false)
Goos\Chan::recv(): Argument #1 ($timeout) must be a finite number of seconds, 0 or more
Goos\Chan::recv(): Argument #1 ($timeout) must be a finite number of seconds, 0 or more
Goos\Chan::recv(): Argument #1 ($timeout) must be a finite number of seconds, 0 or more
Goos\Chan::send(): Argument #2 ($timeout) must be a finite number of seconds, 0 or more
Goos\Chan::__construct(): Argument #1 ($capacity) must be 0 or more
Goos\Chan::__construct(): Argument #1 ($capacity) is too large
