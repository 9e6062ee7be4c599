--TEST--
sleep(), usleep(), time_nanosleep() and time_sleep_until() in goroutines sleep as long and return what they return in the script
--EXTENSIONS--
goos
--FILE--
<?php
use Goos\Scheduler;

// What a call returns, and whether it took at least $seconds.
function timed(float $seconds, callable $call): array
{
    $t = hrtime(true);
    $result = $call();
    return [$result, hrtime(true) - $t >= $seconds * 1e9];
}

function sleeps(): array
{
    return [
        'sleep(1)' => timed(1, fn() => sleep(1)),
        'sleep(0)' => timed(0, fn() => sleep(0)),
        'usleep(50000)' => timed(0.05, fn() => usleep(50000)),
        'usleep(0)' => timed(0, fn() => usleep(0)),
        'time_nanosleep(0, 50000000)' => timed(0.05, fn() => time_nanosleep(0, 50000000)),
        'time_nanosleep(0, 0)' => timed(0, fn() => time_nanosleep(0, 0)),
        // A wall-clock time: awake at or after it.
        'time_sleep_until(now + 0.1)' => (function () {
            $until = microtime(true) + 0.1;
            return [time_sleep_until($until), microtime(true) >= $until - 0.001];
        })(),
    ];
}

$in_script = sleeps();

// Two goroutines on one P: together in about the time of one.
Scheduler::maxProcs(1);
$paths = [tempnam(sys_get_temp_dir(), 'goos'), tempnam(sys_get_temp_dir(), 'goos')];
$t = hrtime(true);
foreach ($paths as $path) {
    go(function (string $path) { file_put_contents($path, serialize(sleeps())); }, $path);
}
Scheduler::join();
$took = (hrtime(true) - $t) / 1e9;
$in_goroutines = [];
foreach ($paths as $path) {
    $in_goroutines[] = unserialize(file_get_contents($path));
    unlink($path);
}

var_dump($in_goroutines[0] === $in_script, $in_goroutines[1] === $in_script);
echo $took < 1.5 * 1.2 ? "overlapped\n" : "serialized: $took s\n";
var_dump($in_script);
?>
--EXPECT--
bool(true)
bool(true)
overlapped
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
