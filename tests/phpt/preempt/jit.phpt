--TEST--
Preemption with opcache's JIT: tracing JIT code is preempted; in function mode PHP loses variables on VM interrupts, so goos warns and does not preempt
--EXTENSIONS--
goos
--SKIPIF--
<?php
// Child scripts turn the JIT on; their "jit: on" line checks it took.
if (!function_exists('opcache_get_status')) die('skip opcache is not loaded');
?>
--FILE--
<?php
require __DIR__ . '/../go/child.inc';
$script = <<<'PHP'
<?php
Goos\Scheduler::maxProcs(1);
function spin(int $depth): int
{
    // recursion and a loop: both are safe points the JIT keeps
    $n = 0;
    for ($i = 0; $i < 1000; $i++) {
        $n += $i & 1;
    }
    return $depth === 0 ? $n : spin($depth - 1) + $n;
}
go(function () {
    echo 'jit: ', opcache_get_status(false)['jit']['on'] ? 'on' : 'off', "\n";
    $until = microtime(true) + 0.2;
    while (microtime(true) < $until) {
        spin(50);
    }
    echo "hog done\n";
});
go(function () {
    $until = microtime(true) + 0.4;
    for ($i = 0; ; $i++) {
        if ($i % 1000 === 0 && microtime(true) >= $until) break;
    }
    echo "loop done\n";
});
go(function () {
    echo "third ran\n";
});
Goos\Scheduler::join();
echo "preempted: ", Goos\Scheduler::stats()[0]['preemptions'] >= 2 ? 'yes' : 'no', "\n";
PHP;
foreach (['tracing', 'function'] as $mode) {
    echo "== $mode\n";
    [$out, $status] = goos_child($script, "-d opcache.enable_cli=1 -d opcache.jit=$mode -d opcache.jit_buffer_size=16M");
    echo implode("\n", $out), "\nexit status: $status\n";
}
?>
--EXPECTF--
== tracing
jit: on
third ran
hog done
loop done
preempted: yes
exit status: 0
== function
%Ajit: on
hog done
loop done
third ran
preempted: no
exit status: 0
