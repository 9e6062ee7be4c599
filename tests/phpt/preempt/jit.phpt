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
// Where goos preempts, the hog loops until the third goroutine has run, and
// the loop until the hog is done: on one P only preemption of both lets the
// third in, whatever the delays (the hog gives up after 30 s, which only JIT
// code that nothing preempts reaches). In function mode nothing preempts, so
// the hog stops by the clock, after 0.2 s, and each runs to its end in turn.
$preempts = ini_get('opcache.jit') !== 'function';
$third_ran = new Goos\Chan(1);
$hog_done = new Goos\Chan(1);
$jit_told = new Goos\Chan(1);
go(function () use ($preempts, $third_ran, $hog_done, $jit_told) {
    echo 'jit: ', opcache_get_status(false)['jit']['on'] ? 'on' : 'off', "\n";
    $jit_told->send(true);           // the third goroutine prints after this line
    $until = hrtime(true) + ($preempts ? 30_000_000_000 : 200_000_000);
    while (count($third_ran) === 0 && hrtime(true) < $until) {
        spin(50);
    }
    echo "hog done\n";
    $hog_done->send(true);
});
go(function () use ($hog_done) {
    for ($i = 0; ; $i++) {
        if ($i % 1000 === 0 && count($hog_done) > 0) break;
    }
    echo "loop done\n";
});
go(function () use ($third_ran, $jit_told) {
    $jit_told->recv();
    echo "third ran\n";
    $third_ran->send(true);
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
