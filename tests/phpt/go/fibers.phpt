--TEST--
PHP Fibers inside goroutines: suspend/resume, and goroutines that park or yield inside a Fiber
--EXTENSIONS--
goos
--INI--
goos.max_procs=1
--FILE--
<?php
use Goos\Scheduler;
use Goos\Time;

$path = tempnam(sys_get_temp_dir(), 'goos');
for ($g = 0; $g < 3; $g++) {
    go(function (string $path, int $g) {
        $fiber = new Fiber(function (int $x) use ($g): int {
            $y = Fiber::suspend($x + 1);
            Time::sleep(0.01);            // the goroutine parks inside the Fiber
            Scheduler::yield();           // and yields inside it
            $z = Fiber::suspend($y * 2);
            return $z + $g;
        });
        $a = $fiber->start(10 * $g);
        $b = $fiber->resume(5);
        $fiber->resume(100);
        file_put_contents($path, "g$g: $a $b {$fiber->getReturn()}\n", FILE_APPEND);
    }, $path, $g);
}
Scheduler::join();
$lines = file($path, FILE_IGNORE_NEW_LINES);
sort($lines);
echo implode("\n", $lines), "\n";
unlink($path);
?>
--EXPECT--
g0: 1 10 100
g1: 11 10 101
g2: 21 10 102
