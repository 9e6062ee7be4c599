--TEST--
Preemption's interplay: max_execution_time ends the script, and its goroutines, while the script waits in join() or runs a loop of its own
--EXTENSIONS--
goos
--FILE--
<?php
require __DIR__ . '/../go/child.inc';
// The limit starts once the goroutine runs (set_time_limit() counts from its
// call): a script slow to start it cannot run out of time before.
$loop = <<<'PHP'
$started = new Goos\Chan(1);
go(function () use ($started) {
    echo "goroutine started\n";
    $started->send(true);
    while (true) {
    }
});
$started->recv();
set_time_limit(1);
PHP;
$cases = [
    'waiting in join()' => "Goos\\Scheduler::join();\n",
    'looping itself' => "while (true) {\n}\n",
];
foreach ($cases as $what => $tail) {
    echo "== the script $what\n";
    // Its end is the proof: a script the limit failed to end would loop for
    // ever (no clock here: PHP 8.2 counts the limit in CPU time, which load
    // can make arbitrarily slow to accrue).
    [$out, $status] = goos_child("<?php\n$loop\n$tail");
    echo implode("\n", $out), "\nexit status: $status\n";
}
?>
--EXPECTF--
== the script waiting in join()
goroutine started
%AFatal error: Maximum execution time of 1 second exceeded in %s on line %d
exit status: 255
== the script looping itself
goroutine started
%AFatal error: Maximum execution time of 1 second exceeded in %s on line %d
exit status: 255
