--TEST--
The sleep functions park a goroutine however they are called: first-class callable, call_user_func(), array_map(), inside a PHP Fiber
--EXTENSIONS--
goos
--FILE--
<?php
use Goos\{Chan, Scheduler};

// On one P goroutines take turns on one thread: a note that another goroutine
// took between a sleeper's two clock readings proves that the sleep let the
// thread go. (Wall time would show it too, 0.8 s for four sleeps of 0.2 s if
// they blocked the thread, but load stretches wall time; the order of events
// holds whatever the delays.)
Scheduler::maxProcs(1);

// Whether a stamp lies in the window [from, to]; $stamps are in order.
function covered(array $stamps, array $window): bool
{
    [$from, $to] = $window;
    [$lo, $hi] = [0, count($stamps)];               // the first stamp after $from
    while ($lo < $hi) {
        $mid = intdiv($lo + $hi, 2);
        if ($stamps[$mid] <= $from) $lo = $mid + 1; else $hi = $mid;
    }
    return $lo < count($stamps) && $stamps[$lo] < $to;
}

$forms = [
    'usleep(...)' => function () { $f = usleep(...); $f(200000); },
    'call_user_func' => function () { call_user_func('usleep', 200000); },
    'array_map' => function () { array_map('time_nanosleep', [0], [200000000]); },
    'Fiber' => function () {
        $fiber = new Fiber(function () { time_sleep_until(microtime(true) + 0.2); });
        $fiber->start();
    },
];
$windows = new Chan(count($forms));
$result = new Chan(1);
// The witness starts first and never waits: it is always in the P's queue,
// ahead of any sleeper whose time has come, so it runs in every sleep that
// leaves the thread.
go(function (Chan $windows, Chan $result, int $n) {
    $stamps = [];
    while (count($windows) < $n) {
        $stamps[] = hrtime(true);
        Scheduler::yield();
    }
    $result->send($stamps);
}, $windows, $result, count($forms));
foreach ($forms as $name => $form) {
    go(function (string $name, Closure $form, Chan $windows) {
        // No preemption between the clock readings and the sleep: only the
        // sleep itself can let the witness in.
        $windows->send([$name, Scheduler::noPreempt(function () use ($form) {
            $from = hrtime(true);
            $form();
            return [$from, hrtime(true)];
        })]);
    }, $name, $form, $windows);
}
$stamps = $result->recv();
Scheduler::join();
$seen = [];
for ($i = 0; $i < count($forms); $i++) {
    [$name, $window] = $windows->recv();
    $seen[$name] = $name . (covered($stamps, $window) ? ": another goroutine ran during it" : ": blocked the thread");
}
ksort($seen);
echo implode("\n", $seen), "\n";
?>
--EXPECT--
Fiber: another goroutine ran during it
array_map: another goroutine ran during it
call_user_func: another goroutine ran during it
usleep(...): another goroutine ran during it
