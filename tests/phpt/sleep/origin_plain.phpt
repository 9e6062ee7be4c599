--TEST--
In the script (the origin), the sleep functions are PHP's own, with goroutines running: they block its thread, and a signal cuts them short with PHP's results
--EXTENSIONS--
goos
pcntl
posix
--FILE--
<?php
use Goos\Scheduler;

Scheduler::maxProcs(1);
go(function () { usleep(300000); });   // the runtime and its thread run

$t = hrtime(true);
usleep(50000);
var_dump(hrtime(true) - $t >= 50000000);

// Goroutines' threads block signals: the script's thread takes them, and
// PHP's nanosleep() returns early with what is left. A goroutine signals every
// 0.1 s until the script has had its two sleeps cut short: a signal that comes
// before a sleep (a slow script) cannot leave that sleep to run its 10 s.
pcntl_async_signals(true);
$signals = 0;
pcntl_signal(SIGUSR1, function () use (&$signals) { $signals++; });
$done = new Goos\Chan();
go(function () use ($done) {
    while (!$done->isClosed()) {
        usleep(100000);
        posix_kill(posix_getpid(), SIGUSR1);
    }
});
$left = sleep(10);
var_dump($left > 0 && $left <= 10);
$left = time_nanosleep(10, 0);
var_dump(array_keys($left), $left['seconds'] > 0);
$done->close();
var_dump($signals >= 2);
?>
--EXPECT--
bool(true)
bool(true)
array(2) {
  [0]=>
  string(7) "seconds"
  [1]=>
  string(11) "nanoseconds"
}
bool(true)
bool(true)
