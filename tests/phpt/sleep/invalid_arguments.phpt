--TEST--
Arguments PHP refuses or converts: in a goroutine, exactly PHP's exceptions, warnings, deprecations and return values, each once, without sleeping
--EXTENSIONS--
goos
--FILE--
<?php
// Everything a call raises and returns, in order, and whether it slept.
function attempt(callable $call): array
{
    $seen = [];
    set_error_handler(function (int $type, string $message) use (&$seen) {
        $seen[] = "error $type: $message";
        return true;
    });
    $t = hrtime(true);
    try {
        $seen[] = 'returned ' . var_export($call(), true);
    } catch (Throwable $e) {
        $seen[] = get_class($e) . ': ' . $e->getMessage();
    }
    // A call that wrongly slept would sleep 1 s at least (sleep(1, 2)), up to
    // for ever (sleep(-1) is 2^32 - 1 s): 1 s catches every one of them, and is
    // far more than load can add to a call that returns at once.
    $seen[] = hrtime(true) - $t < 1_000_000_000 ? 'at once' : 'slept';
    restore_error_handler();
    return $seen;
}

function attempts(): array
{
    $calls = [
        'sleep(-1)' => fn() => sleep(-1),
        'sleep(-1.5)' => fn() => sleep(-1.5),
        'sleep("-2")' => fn() => sleep("-2"),
        'sleep("soon")' => fn() => sleep("soon"),
        'sleep([])' => fn() => sleep([]),
        'sleep()' => fn() => sleep(),
        'sleep(1, 2)' => fn() => sleep(1, 2),
        'sleep(1e100)' => fn() => sleep(1e100),
        'sleep(null)' => fn() => sleep(null),
        'sleep(0.5)' => fn() => sleep(0.5),
        'usleep(-1)' => fn() => usleep(-1),
        'usleep(-0.5)' => fn() => usleep(-0.5),
        'usleep(1.5)' => fn() => usleep(1.5),
        'time_nanosleep(-1, 0)' => fn() => time_nanosleep(-1, 0),
        'time_nanosleep(0, -1)' => fn() => time_nanosleep(0, -1),
        'time_nanosleep(1, 1000000000)' => fn() => time_nanosleep(1, 1000000000),
        'time_nanosleep(0, "5")' => fn() => time_nanosleep(0, "5"),
        'time_nanosleep(0)' => fn() => time_nanosleep(0),
        'time_sleep_until(-1)' => fn() => time_sleep_until(-1),
        'time_sleep_until(1e300)' => fn() => time_sleep_until(1e300),
        'time_sleep_until(NAN)' => fn() => time_sleep_until(NAN),
        'time_sleep_until(1.0)' => fn() => time_sleep_until(1.0),
        'time_sleep_until("1")' => fn() => time_sleep_until("1"),
        'time_sleep_until(null)' => fn() => time_sleep_until(null),
        'time_sleep_until("later")' => fn() => time_sleep_until("later"),
    ];
    $out = [];
    foreach ($calls as $name => $call) {
        $out[$name] = attempt($call);
    }
    // An error handler that throws: the deprecation becomes the exception,
    // and PHP's ValueError never comes.
    set_error_handler(function (int $type, string $message) {
        throw new ErrorException($message, 0, $type);
    });
    try {
        usleep(-1.5);
    } catch (ErrorException $e) {
        $out['usleep(-1.5), throwing handler'] = $e->getMessage();
    }
    restore_error_handler();
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
    echo "$name:\n  ", implode("\n  ", (array) $seen), "\n";
}
?>
--EXPECT--
bool(true)
sleep(-1):
  ValueError: sleep(): Argument #1 ($seconds) must be greater than or equal to 0
  at once
sleep(-1.5):
  error 8192: Implicit conversion from float -1.5 to int loses precision
  ValueError: sleep(): Argument #1 ($seconds) must be greater than or equal to 0
  at once
sleep("-2"):
  ValueError: sleep(): Argument #1 ($seconds) must be greater than or equal to 0
  at once
sleep("soon"):
  TypeError: sleep(): Argument #1 ($seconds) must be of type int, string given
  at once
sleep([]):
  TypeError: sleep(): Argument #1 ($seconds) must be of type int, array given
  at once
sleep():
  ArgumentCountError: sleep() expects exactly 1 argument, 0 given
  at once
sleep(1, 2):
  ArgumentCountError: sleep() expects exactly 1 argument, 2 given
  at once
sleep(1e100):
  TypeError: sleep(): Argument #1 ($seconds) must be of type int, float given
  at once
sleep(null):
  error 8192: sleep(): Passing null to parameter #1 ($seconds) of type int is deprecated
  returned 0
  at once
sleep(0.5):
  error 8192: Implicit conversion from float 0.5 to int loses precision
  returned 0
  at once
usleep(-1):
  ValueError: usleep(): Argument #1 ($microseconds) must be greater than or equal to 0
  at once
usleep(-0.5):
  error 8192: Implicit conversion from float -0.5 to int loses precision
  returned NULL
  at once
usleep(1.5):
  error 8192: Implicit conversion from float 1.5 to int loses precision
  returned NULL
  at once
time_nanosleep(-1, 0):
  ValueError: time_nanosleep(): Argument #1 ($seconds) must be greater than or equal to 0
  at once
time_nanosleep(0, -1):
  ValueError: time_nanosleep(): Argument #2 ($nanoseconds) must be greater than or equal to 0
  at once
time_nanosleep(1, 1000000000):
  ValueError: Nanoseconds was not in the range 0 to 999 999 999 or seconds was negative
  at once
time_nanosleep(0, "5"):
  returned true
  at once
time_nanosleep(0):
  ArgumentCountError: time_nanosleep() expects exactly 2 arguments, 1 given
  at once
time_sleep_until(-1):
  ValueError: time_sleep_until(): Argument #1 ($timestamp) must be between 0 and 18446744073
  at once
time_sleep_until(1e300):
  ValueError: time_sleep_until(): Argument #1 ($timestamp) must be between 0 and 18446744073
  at once
time_sleep_until(NAN):
  ValueError: time_sleep_until(): Argument #1 ($timestamp) must be between 0 and 18446744073
  at once
time_sleep_until(1.0):
  error 2: time_sleep_until(): Argument #1 ($timestamp) must be greater than or equal to the current time
  returned false
  at once
time_sleep_until("1"):
  error 2: time_sleep_until(): Argument #1 ($timestamp) must be greater than or equal to the current time
  returned false
  at once
time_sleep_until(null):
  error 8192: time_sleep_until(): Passing null to parameter #1 ($timestamp) of type float is deprecated
  error 2: time_sleep_until(): Argument #1 ($timestamp) must be greater than or equal to the current time
  returned false
  at once
time_sleep_until("later"):
  TypeError: time_sleep_until(): Argument #1 ($timestamp) must be of type float, string given
  at once
usleep(-1.5), throwing handler:
  Implicit conversion from float -1.5 to int loses precision
