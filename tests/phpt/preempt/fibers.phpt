--TEST--
Preemption: a goroutine looping inside a PHP Fiber is preempted, and its Fiber goes on where it was
--EXTENSIONS--
goos
--INI--
goos.max_procs=1
--FILE--
<?php
use Goos\Scheduler;

go(function () {
    $fiber = new Fiber(function (int $ms): string {
        $n = 0;
        $until = microtime(true) + $ms / 1000;
        while (microtime(true) < $until) {
            $n++;
        }
        $more = Fiber::suspend($n > 0);
        $until = microtime(true) + $ms / 1000;
        while (microtime(true) < $until) {
            $n++;
        }
        return $more;
    });
    var_dump($fiber->start(60));
    var_dump($fiber->resume('resumed'));
    var_dump($fiber->isTerminated(), $fiber->getReturn());
});
go(function () {
    echo "the other goroutine ran\n";
    Scheduler::yield();
    echo "and again\n";
});
Scheduler::join();
var_dump(Scheduler::stats()[0]['preemptions'] >= 2);
?>
--EXPECT--
the other goroutine ran
and again
bool(true)
NULL
bool(true)
string(7) "resumed"
bool(true)
