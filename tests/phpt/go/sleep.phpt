--TEST--
Time::sleep() parks a goroutine, not its thread: on one P, another goroutine runs during each of 100 sleeps of 0.1 s
--EXTENSIONS--
goos
--INI--
goos.max_procs=1
--FILE--
<?php
use Goos\{Chan, Scheduler, Time};

// On one P goroutines take turns on one thread: a note that another goroutine
// took between a sleeper's two clock readings proves that the sleep let the
// thread go. (Wall time would show it too, 10 s for 100 x 0.1 s if the thread
// slept, but load stretches wall time; the order of events holds whatever the
// delays.)

// How many of the windows [from, to] hold a stamp; $stamps are in order.
function covered(array $stamps, array $windows): int
{
    $n = 0;
    foreach ($windows as [$from, $to]) {
        [$lo, $hi] = [0, count($stamps)];           // the first stamp after $from
        while ($lo < $hi) {
            $mid = intdiv($lo + $hi, 2);
            if ($stamps[$mid] <= $from) $lo = $mid + 1; else $hi = $mid;
        }
        $n += $lo < count($stamps) && $stamps[$lo] < $to;
    }
    return $n;
}

$windows = new Chan(100);
// The witness starts first and never waits: it is always in the P's queue,
// ahead of any sleeper whose time has come, so it runs in every sleep that
// leaves the thread.
go(function (Chan $windows) {
    $stamps = [];
    while (count($windows) < 100) {
        $stamps[] = hrtime(true);
        Scheduler::yield();
    }
    $slept = [];
    for ($i = 0; $i < 100; $i++) $slept[] = $windows->recv();
    $long = count(array_filter($slept, fn($w) => $w[1] - $w[0] >= 100_000_000));
    echo "sleeps of 0.1 s or more: $long of 100\n";
    echo "sleeps the witness ran in: ", covered($stamps, $slept), " of 100\n";
}, $windows);
for ($i = 0; $i < 100; $i++) {
    go(function (Chan $windows) {
        // No preemption between the clock readings and the sleep: only the
        // sleep itself can let the witness in.
        $windows->send(Scheduler::noPreempt(function () {
            $from = hrtime(true);
            Time::sleep(0.1);
            return [$from, hrtime(true)];
        }));
    }, $windows);
}
Scheduler::join();

$t = hrtime(true);
Time::sleep(0.05);                     // in the script: a plain sleep
var_dump(hrtime(true) - $t >= 50_000_000);
try { Time::sleep(-1); } catch (ValueError $e) { echo $e->getMessage(), "\n"; }
?>
--EXPECT--
sleeps of 0.1 s or more: 100 of 100
sleeps the witness ran in: 100 of 100
bool(true)
Goos\Time::sleep(): Argument #1 ($seconds) must be a finite number of seconds, 0 or more
