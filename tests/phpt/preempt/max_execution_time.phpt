--TEST--
Preemption's interplay: max_execution_time ends the script, and its goroutines, while the script waits in join() or runs a loop of its own
--EXTENSIONS--
goos
--FILE--
<?php
require __DIR__ . '/../go/child.inc';
$loop = <<<'PHP'
go(function () {
    echo "goroutine started\n";
    while (true) {
    }
});
PHP;
$cases = [
    'waiting in join()' => "Goos\\Scheduler::join();\n",
    'looping itself' => "while (true) {\n}\n",
];
foreach ($cases as $what => $tail) {
    echo "== the script $what\n";
    $start = microtime(true);
    [$out, $status] = goos_child("<?php\n$loop\n$tail", '-d max_execution_time=1');
    echo implode("\n", $out), "\nexit status: $status\n";
    echo "ended within 10 s: ", microtime(true) - $start < 10 ? 'yes' : 'no', "\n";
}
?>
--EXPECTF--
== the script waiting in join()
goroutine started
%AFatal error: Maximum execution time of 1 second exceeded in %s on line %d
exit status: 255
ended within 10 s: yes
== the script looping itself
goroutine started
%AFatal error: Maximum execution time of 1 second exceeded in %s on line %d
exit status: 255
ended within 10 s: yes
