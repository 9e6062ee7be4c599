--TEST--
usleep() in goroutines on one P: two goroutines' sleeps overlap, and a third goroutine runs while they sleep
--EXTENSIONS--
goos
--FILE--
<?php
use Goos\{Chan, Scheduler};

// On one P goroutines take turns on one thread, so the order of their clock
// readings shows what ran inside a sleep, whatever the delays (wall time would
// show it too, but load stretches wall time).
Scheduler::maxProcs(1);

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

$finished = new Chan(2);
$result = new Chan(1);
// The witness starts first and never waits: it is always in the P's queue,
// ahead of any sleeper whose time has come, so it runs in every sleep that
// leaves the thread. It notes when it ran until both sleepers are done.
go(function (Chan $finished, Chan $result) {
    $stamps = [];
    while (count($finished) < 2) {
        $stamps[] = hrtime(true);
        Scheduler::yield();
    }
    $result->send([$stamps, $finished->recv(), $finished->recv()]);
}, $finished, $result);
// Both sleepers exist before either sleeps, so that neither can be done
// before the other has started (a script slow to start the second could
// otherwise see them follow each other).
$gate = new Chan();
for ($g = 0; $g < 2; $g++) {
    go(function (Chan $finished, Chan $gate) {
        $gate->recv();
        $sleeps = [];
        for ($i = 0; $i < 5; $i++) {
            // No preemption between the clock readings and the sleep: only
            // the sleep itself can let the other goroutines in.
            $sleeps[] = Scheduler::noPreempt(function () {
                $start = hrtime(true);
                usleep(20000);
                return [$start, hrtime(true)];
            });
        }
        $finished->send($sleeps);
    }, $finished, $gate);
}
$gate->close();
[$stamps, $a, $b] = $result->recv();
Scheduler::join();

// A blocked thread would let the witness into none of the ten.
$covered = covered($stamps, array_merge($a, $b));
echo $covered === 10 ? "ran during the sleeps\n" : "ran during $covered sleeps of 10\n";
// Overlap: one goroutine started a sleep while the other was in one. With
// blocked threads the windows could only follow each other.
$overlap = false;
foreach ($a as [$from_a, $to_a]) {
    foreach ($b as [$from_b, $to_b]) {
        $overlap = $overlap || ($from_b < $to_a && $from_a < $to_b);
    }
}
echo $overlap ? "overlapped\n" : "serialized\n";
?>
--EXPECT--
ran during the sleeps
overlapped
