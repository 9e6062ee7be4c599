<?php
// goos's PHP-level figures, for the peers table of DESIGN.md ("Where the peers
// stand"). Run on a release ZTS PHP with opcache: bench/php/run.sh.
// Prints "RESULT <name> <value> <unit>" lines; the median of 5 repetitions.
use Goos\Scheduler;
use Goos\Time;

function median(array $xs): float { sort($xs); return $xs[intdiv(count($xs), 2)]; }
function result(string $name, float $value, string $unit): void {
    printf("RESULT %s %.3f %s\n", $name, $value, $unit);
}

// 1. spawn + finish an empty goroutine, from the script (across threads: the
//    script's thread never runs goroutines), per goroutine.
$n = 100000;
$per = [];
for ($rep = 0; $rep < 5; $rep++) {
    $t = hrtime(true);
    for ($i = 0; $i < $n; $i++) {
        go(static function () {});
    }
    Scheduler::join();
    $per[] = (hrtime(true) - $t) / $n;
}
result('spawn_finish_from_script_ns', median($per), 'ns');

// 2. The same from inside a goroutine (the child goes to the spawner's P first).
$per = [];
for ($rep = 0; $rep < 5; $rep++) {
    $file = tempnam(sys_get_temp_dir(), 'goos');
    go(static function (int $n, string $file) {
        $t = hrtime(true);
        for ($i = 0; $i < $n; $i++) {
            go(static function () {});
        }
        file_put_contents($file, hrtime(true) - $t);
    }, $n, $file);
    $t = hrtime(true);
    Scheduler::join();
    $per[] = (hrtime(true) - $t) / $n;
    unlink($file);
}
result('spawn_finish_from_goroutine_ns', median($per), 'ns');

// 3. 10k goroutines x Time::sleep(0.1): wall time for all.
$walls = [];
for ($rep = 0; $rep < 5; $rep++) {
    $t = hrtime(true);
    for ($i = 0; $i < 10000; $i++) {
        go(static function () { Time::sleep(0.1); });
    }
    Scheduler::join();
    $walls[] = (hrtime(true) - $t) / 1e9;
}
result('sleep_10k_x_0.1s_wall_s', median($walls), 's');

// 4. CPU-bound work on every P against the same work in the script alone.
function work(int $rounds): int {
    $x = 0;
    for ($i = 0; $i < $rounds; $i++) { $x = ($x * 31 + $i) % 1000003; }
    return $x;
}
$procs = Scheduler::maxProcs();
$rounds = 4000000;
$seq = $par = [];
for ($rep = 0; $rep < 5; $rep++) {
    $t = hrtime(true);
    for ($p = 0; $p < $procs; $p++) { work($rounds); }
    $seq[] = hrtime(true) - $t;
    $t = hrtime(true);
    for ($p = 0; $p < $procs; $p++) { go('work', $rounds); }
    Scheduler::join();
    $par[] = hrtime(true) - $t;
}
result('cpu_sequential_ms', median($seq) / 1e6, 'ms');
result('cpu_goroutines_ms', median($par) / 1e6, 'ms');
result('cpu_speedup_' . $procs . 'p', median($seq) / median($par), 'x');
