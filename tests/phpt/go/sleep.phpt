--TEST--
Time::sleep() parks a goroutine, not its thread: 100 sleepers of 0.1 s on one P take about 0.1 s
--EXTENSIONS--
goos
--INI--
goos.max_procs=1
--FILE--
<?php
use Goos\Time;

$t = microtime(true);
for ($i = 0; $i < 100; $i++) {
    go(function () { Time::sleep(0.1); });
}
Goos\Scheduler::join();
$took = microtime(true) - $t;
var_dump($took >= 0.1, $took < 2.0);   // 100 x 0.1 s would be 10 s if the thread slept

$t = microtime(true);
Time::sleep(0.05);                     // in the script: a plain sleep
var_dump(microtime(true) - $t >= 0.05);
try { Time::sleep(-1); } catch (ValueError $e) { echo $e->getMessage(), "\n"; }
?>
--EXPECT--
bool(true)
bool(true)
bool(true)
Goos\Time::sleep(): Argument #1 ($seconds) must be a finite number of seconds, 0 or more
