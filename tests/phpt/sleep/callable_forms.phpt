--TEST--
The sleep functions park a goroutine however they are called: first-class callable, call_user_func(), array_map(), inside a PHP Fiber
--EXTENSIONS--
goos
--FILE--
<?php
use Goos\Scheduler;

Scheduler::maxProcs(1);
$forms = [
    'usleep(...)' => function () { $f = usleep(...); $f(200000); },
    'call_user_func' => function () { call_user_func('usleep', 200000); },
    'array_map' => function () { array_map('time_nanosleep', [0], [200000000]); },
    'Fiber' => function () {
        $fiber = new Fiber(function () { time_sleep_until(microtime(true) + 0.2); });
        $fiber->start();
    },
];
$t = microtime(true);
foreach ($forms as $name => $form) {
    go(function (string $name, Closure $form) {
        $form();
        echo "$name\n";
    }, $name, $form);
}
Scheduler::join();
$took = microtime(true) - $t;
// Four sleeps of 0.2 s on one thread: 0.8 s if they blocked it.
echo $took < 0.6 * 0.8 ? "overlapped\n" : "serialized: $took s\n";
?>
--EXPECTF--
%s
%s
%s
%s
overlapped
