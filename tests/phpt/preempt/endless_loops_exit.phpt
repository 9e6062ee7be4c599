--TEST--
Preemption: on one P two goroutines that loop forever both make progress, and a third ends the script with exit(0)
--EXTENSIONS--
goos
--FILE--
<?php
require __DIR__ . '/../go/child.inc';
// The third goroutine exits once both loops have made progress (not after a
// set time, which load could fill with one loop alone): on one P only
// preemption lets the second loop, then the third goroutine, in. Were there
// none, the first loop would keep the only thread for ever; the child's time
// limit (far above what the test needs) ends it then.
[$out, $status] = goos_child(<<<'PHP'
<?php
Goos\Scheduler::maxProcs(1);
$progress = new Goos\Chan(2);
foreach (['A', 'B'] as $name) {
    go(function (string $name) use ($progress) {
        for ($i = 1; ; $i++) {
            if ($i % 20000 === 0) {
                echo "$name\n";
                if ($i === 20000) $progress->send($name);
            }
        }
    }, $name);
}
go(function () use ($progress) {
    $progress->recv();
    $progress->recv();
    echo "exit\n";
    exit(0);
});
PHP, '-d max_execution_time=30');
$counts = array_count_values($out);
var_dump($status, $counts['exit'] ?? 0);
var_dump(($counts['A'] ?? 0) > 0, ($counts['B'] ?? 0) > 0);
?>
--EXPECT--
int(0)
int(1)
bool(true)
bool(true)
