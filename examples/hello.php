<?php
// The goos demo: goroutines running PHP on every core.
use Goos\Scheduler;
use Goos\Time;

printf("goos %s on PHP %s (%s), %d processors\n", Goos\VERSION, PHP_VERSION,
    PHP_ZTS ? 'ZTS' : 'not thread-safe', Scheduler::maxProcs());

// CPU-bound work: primes below $n, counted by trial division.
function count_primes(int $from, int $to): int {
    $count = 0;
    for ($i = max($from, 2); $i < $to; $i++) {
        for ($d = 2; $d * $d <= $i; $d++) {
            if ($i % $d === 0) continue 2;
        }
        $count++;
    }
    return $count;
}

$n = 400000;
$t = microtime(true);
$sequential = count_primes(0, $n);
$sequentialTime = microtime(true) - $t;

// The same work in 16 goroutines; each writes its count to a file of its own
// (channels come later).
$dir = sys_get_temp_dir() . '/goos-demo-' . getmypid();
@mkdir($dir);
$t = microtime(true);
$parts = 16;
for ($p = 0; $p < $parts; $p++) {
    go(function (int $from, int $to, string $file) {
        file_put_contents($file, count_primes($from, $to));
    }, intdiv($n * $p, $parts), intdiv($n * ($p + 1), $parts), "$dir/$p");
}
Scheduler::join();
$parallelTime = microtime(true) - $t;
$parallel = 0;
foreach (glob("$dir/*") as $file) {
    $parallel += (int) file_get_contents($file);
    unlink($file);
}
rmdir($dir);

printf("primes below %d: %d sequentially in %.0f ms, %d in %d goroutines in %.0f ms (%.2fx)\n",
    $n, $sequential, $sequentialTime * 1e3, $parallel, $parts, $parallelTime * 1e3,
    $sequentialTime / $parallelTime);

// 1000 goroutines sleeping 0.1 s each: they park, no thread sleeps.
$t = microtime(true);
for ($i = 0; $i < 1000; $i++) {
    go(function () { Time::sleep(0.1); });
}
Scheduler::join();
printf("1000 goroutines slept 0.1 s each in %.0f ms in all\n", (microtime(true) - $t) * 1e3);
