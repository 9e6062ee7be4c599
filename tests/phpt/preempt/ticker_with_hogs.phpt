--TEST--
Preemption: a 5 ms ticker keeps firing while a CPU hog runs on every P
--EXTENSIONS--
goos
--FILE--
<?php
use Goos\Scheduler;
use Goos\Time;

Scheduler::maxProcs(2);
$start = microtime(true);
$path = tempnam(sys_get_temp_dir(), 'goos');
// The ticker runs from 0.1 s to 0.7 s, while both hogs run (0 to 0.8 s).
go(function (float $start, string $path) {
    Time::sleep(0.1);
    $late = [];
    while (microtime(true) - $start < 0.7) {
        $due = microtime(true) + 0.005;
        Time::sleep(0.005);
        $late[] = microtime(true) - $due;
    }
    sort($late);
    file_put_contents($path, serialize([count($late), $late[intdiv(count($late), 2)]]));
}, $start, $path);
for ($p = 0; $p < 2; $p++) {
    go(function (float $start) {
        $n = 0;
        while (microtime(true) - $start < 0.8) {
            $n++;
        }
    }, $start);
}
Scheduler::join();
[$ticks, $median] = unserialize(file_get_contents($path));
unlink($path);
// Without preemption the ticker's timer waits for a hog to end: no tick at all
// inside the window. With it a wake-up is late by about goos.preempt_ms at most.
var_dump($ticks >= 10);
var_dump($median < 0.020);
$stats = Scheduler::stats();
var_dump(array_sum(array_column($stats, 'preemptions')) > 0);
?>
--EXPECT--
bool(true)
bool(true)
bool(true)
