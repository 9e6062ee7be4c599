--TEST--
Preemption: a goroutine is preempted inside callbacks that internal functions call (usort's comparator, array_map's callback)
--EXTENSIONS--
goos
--INI--
goos.max_procs=1
--FILE--
<?php
use Goos\{Chan, Scheduler};

// The first callback call tells the other goroutine it is inside the internal
// function, then loops until the other has run: on one P only a preemption in
// the callback lets that happen, whatever the delays. There is no PHP loop of
// the caller's own around the internal call. It gives up after 30 s, which
// only a loop that nothing preempts reaches.
function wait_for_other(Chan $inside, Chan $ran): void
{
    if (!$inside->trySend(true)) return;  // only the first call waits
    $give_up = hrtime(true) + 30_000_000_000;
    while (count($ran) === 0 && hrtime(true) < $give_up) {
    }
}

// The other goroutine waits until the first is inside the internal call:
// before that, a preemption (of a thread load slowed) could let it run first.
function other(string $what, Chan $inside, Chan $ran): void
{
    $inside->recv();
    echo "ran during $what\n";
    $ran->send(true);
}

[$inside, $ran] = [new Chan(1), new Chan(1)];
go(function () use ($inside, $ran) {
    $values = range(1, 200);
    shuffle($values);
    usort($values, function (int $a, int $b) use ($inside, $ran): int {
        wait_for_other($inside, $ran);
        return $a <=> $b;
    });
    echo "usort done, sorted: ", var_export($values === range(1, 200), true), "\n";
});
go('other', 'usort', $inside, $ran);
Scheduler::join();

[$inside, $ran] = [new Chan(1), new Chan(1)];
go(function () use ($inside, $ran) {
    $squares = array_map(function (int $x) use ($inside, $ran): int {
        wait_for_other($inside, $ran);
        return $x * $x;
    }, range(1, 200));
    echo "array_map done, sum: ", array_sum($squares), "\n";
});
go('other', 'array_map', $inside, $ran);
Scheduler::join();
var_dump(Scheduler::stats()[0]['preemptions'] >= 2);
?>
--EXPECT--
ran during usort
usort done, sorted: true
ran during array_map
array_map done, sum: 2686700
bool(true)
