--TEST--
Preemption: a goroutine looping inside a PHP Fiber is preempted, and its Fiber goes on where it was
--EXTENSIONS--
goos
--INI--
goos.max_procs=1
--FILE--
<?php
use Goos\{Chan, Scheduler};

// Each loop in the Fiber runs until the other goroutine has done its next
// step, which on one P only a preemption inside the Fiber lets happen: that
// proves it whatever the delays. They give up after 30 s, which only loops
// that nothing preempts reach.
$steps = new Chan(2);
$resumed = new Chan(1);
go(function () use ($steps, $resumed) {
    $give_up = hrtime(true) + 30_000_000_000;
    $fiber = new Fiber(function (int $until_steps) use ($steps, $resumed, $give_up): string {
        $n = 0;
        while (count($steps) < $until_steps && hrtime(true) < $give_up) {
            $n++;
        }
        $more = Fiber::suspend($n > 0);
        $resumed->send(true);            // the other goroutine's second step may come now
        while (count($steps) < 2 && hrtime(true) < $give_up) {
            $n++;
        }
        return $more;
    });
    $started = $fiber->start(1);
    $result = $fiber->resume('resumed');
    var_dump($started, $result, $fiber->isTerminated(), $fiber->getReturn());
});
go(function () use ($steps, $resumed) {
    echo "the other goroutine ran\n";
    $steps->send(1);
    $resumed->recv();
    echo "and again\n";
    $steps->send(2);
});
Scheduler::join();
// One preemption in each loop at least.
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
