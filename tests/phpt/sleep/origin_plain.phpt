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
// PHP's nanosleep() returns early with what is left.
pcntl_async_signals(true);
pcntl_signal(SIGUSR1, function () { echo "signal\n"; });
go(function () {
    usleep(100000);
    posix_kill(posix_getpid(), SIGUSR1);
    usleep(100000);
    posix_kill(posix_getpid(), SIGUSR1);
});
$t = microtime(true);
$left = sleep(10);
var_dump($left > 0 && $left <= 10);
$left = time_nanosleep(10, 0);
var_dump(array_keys($left), $left['seconds'] > 0);
var_dump(microtime(true) - $t < 5);
?>
--EXPECT--
bool(true)
signal
bool(true)
signal
array(2) {
  [0]=>
  string(7) "seconds"
  [1]=>
  string(11) "nanoseconds"
}
bool(true)
bool(true)
