--TEST--
usleep() in goroutines on one P: two goroutines' sleeps overlap, and a third goroutine runs while they sleep
--EXTENSIONS--
goos
--FILE--
<?php
use Goos\Scheduler;

Scheduler::maxProcs(1);

// The serial time of the ten sleeps, on this machine now: usleep() in the
// script is PHP's own.
$t = hrtime(true);
for ($i = 0; $i < 10; $i++) {
    usleep(20000);
}
$serial = hrtime(true) - $t;

$paths = [tempnam(sys_get_temp_dir(), 'goos'), tempnam(sys_get_temp_dir(), 'goos')];
$t = hrtime(true);
foreach ($paths as $path) {
    go(function (string $path) {
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
        file_put_contents($path, serialize($sleeps));
    }, $path);
}
// Runs until the sleepers are done, noting when it ran. On one P, a note
// taken inside a sleep proves that the sleep left the thread free.
go(function (array $paths) {
    $stamps = [];
    while (Scheduler::numGoroutine() > 1) {
        $stamps[] = hrtime(true);
        Scheduler::yield();
    }
    $sleeps = array_merge(...array_map(fn($path) => unserialize(file_get_contents($path)), $paths));
    $covered = 0;
    foreach ($sleeps as [$from, $to]) {
        foreach ($stamps as $stamp) {
            if ($stamp > $from && $stamp < $to) {
                $covered++;
                break;
            }
        }
    }
    // A blocked thread would let this goroutine into none of the ten.
    echo $covered >= 8 ? "ran during the sleeps\n" : "ran during $covered sleeps of 10\n";
}, $paths);
Scheduler::join();
$took = hrtime(true) - $t;
array_map('unlink', $paths);

// About half the serial time; blocked threads would take all of it.
echo $took < 0.75 * $serial ? "overlapped\n" : "serialized: $took ns, serial $serial ns\n";
?>
--EXPECT--
ran during the sleeps
overlapped
