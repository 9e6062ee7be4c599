--TEST--
Preemption: on one P two goroutines that loop forever both make progress, and a third ends the script with exit(0)
--EXTENSIONS--
goos
--FILE--
<?php
require __DIR__ . '/../go/child.inc';
[$out, $status] = goos_child(<<<'PHP'
<?php
Goos\Scheduler::maxProcs(1);
$start = microtime(true);
foreach (['A', 'B'] as $name) {
    go(function (string $name) {
        for ($i = 1; ; $i++) {
            if ($i % 20000 === 0) echo "$name\n";
        }
    }, $name);
}
go(function (float $start) {
    Goos\Time::sleep(0.2);
    printf("exit after %.1f s\n", microtime(true) - $start);
    exit(0);
}, $start);
PHP);
$counts = array_count_values($out);
$exit = preg_grep('/^exit after/', $out);
var_dump($status, count($exit));
// Without preemption the first loop would keep the only thread forever.
var_dump(($counts['A'] ?? 0) > 0, ($counts['B'] ?? 0) > 0);
preg_match('/([\d.]+) s/', reset($exit), $m);
var_dump((float) $m[1] < 10);
?>
--EXPECT--
int(0)
int(1)
bool(true)
bool(true)
bool(true)
