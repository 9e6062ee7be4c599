--TEST--
sleep(), usleep(), time_nanosleep() and time_sleep_until() in goroutines sleep as long and return what they return in the script
--EXTENSIONS--
goos
--FILE--
<?php
use Goos\{Chan, Scheduler};

// Calls $call with no preemption around it (in a goroutine, only the call
// itself can then let other goroutines in): what it returned and how long it
// took. The window [start, end] of each call that should wait goes to $windows.
function call_timed(callable $call, bool $waits, array &$windows): array
{
    [$result, $start, $end] = Scheduler::noPreempt(function () use ($call) {
        $start = hrtime(true);
        $result = $call();
        return [$result, $start, hrtime(true)];
    });
    if ($waits) $windows[] = [$start, $end];
    return [$result, $end - $start];
}

// What a call returns, and whether it took at least $seconds.
function timed(float $seconds, callable $call, array &$windows): array
{
    [$result, $took] = call_timed($call, $seconds > 0, $windows);
    return [$result, $took >= $seconds * 1e9];
}

function sleeps(array &$windows): array
{
    return [
        'sleep(1)' => timed(1, fn() => sleep(1), $windows),
        'sleep(0)' => timed(0, fn() => sleep(0), $windows),
        'usleep(50000)' => timed(0.05, fn() => usleep(50000), $windows),
        'usleep(0)' => timed(0, fn() => usleep(0), $windows),
        'time_nanosleep(0, 50000000)' => timed(0.05, fn() => time_nanosleep(0, 50000000), $windows),
        'time_nanosleep(0, 0)' => timed(0, fn() => time_nanosleep(0, 0), $windows),
        // A wall-clock time: awake at or after it.
        'time_sleep_until(now + 0.1)' => (function () use (&$windows) {
            $until = microtime(true) + 0.1;
            [$result] = call_timed(fn() => time_sleep_until($until), true, $windows);
            return [$result, microtime(true) >= $until - 0.001];
        })(),
    ];
}

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

$unused = [];
$in_script = sleeps($unused);

// Two goroutines on one P, and a witness that notes when it runs. On one P
// goroutines take turns on one thread: a note taken inside a goroutine's sleep
// proves that the sleep let the thread go, whatever the delays. (Wall time
// would show it too, the two together in the time of one, but load stretches
// wall time.) The witness starts first and never waits: it is always in the
// P's queue, ahead of any sleeper whose time has come, so it runs in every
// sleep that leaves the thread.
Scheduler::maxProcs(1);
$finished = new Chan(2);
$stamps = new Chan(1);
go(function (Chan $finished, Chan $stamps) {
    $noted = [];
    while (count($finished) < 2) {
        $noted[] = hrtime(true);
        Scheduler::yield();
    }
    $stamps->send($noted);
}, $finished, $stamps);
for ($g = 0; $g < 2; $g++) {
    go(function (Chan $finished) {
        $windows = [];
        $results = sleeps($windows);
        $finished->send([$results, $windows]);
    }, $finished);
}
$noted = $stamps->recv();
Scheduler::join();
[[$results_a, $windows_a], [$results_b, $windows_b]] = [$finished->recv(), $finished->recv()];

var_dump($results_a === $in_script, $results_b === $in_script);
$windows = array_merge($windows_a, $windows_b);
$covered = count(array_filter($windows, fn($w) => covered($noted, $w)));
echo $covered === count($windows) ? "another goroutine ran during each of the "
    . count($windows) . " waits\n" : "another goroutine ran during $covered waits of " . count($windows) . "\n";
var_dump($in_script);
?>
--EXPECT--
bool(true)
bool(true)
another goroutine ran during each of the 8 waits
array(7) {
  ["sleep(1)"]=>
  array(2) {
    [0]=>
    int(0)
    [1]=>
    bool(true)
  }
  ["sleep(0)"]=>
  array(2) {
    [0]=>
    int(0)
    [1]=>
    bool(true)
  }
  ["usleep(50000)"]=>
  array(2) {
    [0]=>
    NULL
    [1]=>
    bool(true)
  }
  ["usleep(0)"]=>
  array(2) {
    [0]=>
    NULL
    [1]=>
    bool(true)
  }
  ["time_nanosleep(0, 50000000)"]=>
  array(2) {
    [0]=>
    bool(true)
    [1]=>
    bool(true)
  }
  ["time_nanosleep(0, 0)"]=>
  array(2) {
    [0]=>
    bool(true)
    [1]=>
    bool(true)
  }
  ["time_sleep_until(now + 0.1)"]=>
  array(2) {
    [0]=>
    bool(true)
    [1]=>
    bool(true)
  }
}
