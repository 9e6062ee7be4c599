--TEST--
go() + join(): every goroutine runs once, in parallel interpreters, and its output reaches stdout
--EXTENSIONS--
goos
--INI--
goos.max_procs=2
--FILE--
<?php
use Goos\Scheduler;

$ids = [];
for ($i = 0; $i < 50; $i++) {
    $ids[] = go(function (int $n) {
        echo "line from goroutine $n\n";
    }, $i);
}
var_dump(Scheduler::join());
var_dump(count(array_unique($ids)), min($ids) >= 1);
var_dump(Scheduler::numGoroutine());
?>
--EXPECTF--
%Aline from goroutine 49
%Abool(true)
int(50)
bool(true)
int(0)
