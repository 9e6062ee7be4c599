--TEST--
strict_types in the calling file: a goroutine's sleep functions refuse what PHP's refuse, with PHP's TypeError, and accept an int for a float
--EXTENSIONS--
goos
--FILE--
<?php
declare(strict_types=1);

function attempts(): array
{
    $calls = [
        'sleep("1")' => fn() => sleep("1"),
        'sleep(1.0)' => fn() => sleep(1.0),
        'sleep(null)' => fn() => sleep(null),
        'usleep("5")' => fn() => usleep("5"),
        'time_nanosleep(0, "1")' => fn() => time_nanosleep(0, "1"),
        'time_sleep_until("1")' => fn() => time_sleep_until("1"),
        'time_sleep_until(1)' => fn() => time_sleep_until(1),
        'usleep(1)' => fn() => usleep(1),
    ];
    $out = [];
    foreach ($calls as $name => $call) {
        set_error_handler(function (int $type, string $message) use (&$out, $name) {
            $out[$name][] = "error $type: $message";
            return true;
        });
        try {
            $out[$name][] = 'returned ' . var_export($call(), true);
        } catch (TypeError $e) {
            $out[$name][] = get_class($e) . ': ' . $e->getMessage();
        }
        restore_error_handler();
    }
    return $out;
}

$in_script = attempts();
$path = tempnam(sys_get_temp_dir(), 'goos');
go(function (string $path) { file_put_contents($path, serialize(attempts())); }, $path);
Goos\Scheduler::join();
$in_goroutine = unserialize(file_get_contents($path));
unlink($path);

var_dump($in_goroutine === $in_script);
foreach ($in_goroutine as $name => $seen) {
    echo "$name:\n  ", implode("\n  ", $seen), "\n";
}
?>
--EXPECT--
bool(true)
sleep("1"):
  TypeError: sleep(): Argument #1 ($seconds) must be of type int, string given
sleep(1.0):
  TypeError: sleep(): Argument #1 ($seconds) must be of type int, float given
sleep(null):
  TypeError: sleep(): Argument #1 ($seconds) must be of type int, null given
usleep("5"):
  TypeError: usleep(): Argument #1 ($microseconds) must be of type int, string given
time_nanosleep(0, "1"):
  TypeError: time_nanosleep(): Argument #2 ($nanoseconds) must be of type int, string given
time_sleep_until("1"):
  TypeError: time_sleep_until(): Argument #1 ($timestamp) must be of type float, string given
time_sleep_until(1):
  error 2: time_sleep_until(): Argument #1 ($timestamp) must be greater than or equal to the current time
  returned false
usleep(1):
  returned NULL
