--TEST--
10k goroutines start, run and end; join() sees them all
--EXTENSIONS--
goos
--FILE--
<?php
use Goos\Scheduler;

$path = tempnam(sys_get_temp_dir(), 'goos');
for ($i = 0; $i < 10000; $i++) {
    go(function (int $n) {
        $sum = 0;
        for ($j = 0; $j < 10; $j++) { $sum += $j; }
        return $n + $sum;
    }, $i);
}
var_dump(Scheduler::join());
var_dump(Scheduler::numGoroutine());
// Every one of them really ran: each appends its id, and 10k ids are there.
for ($i = 0; $i < 10000; $i++) {
    go(function (string $path, int $n) { file_put_contents($path, "$n\n", FILE_APPEND | LOCK_EX); }, $path, $i);
}
Scheduler::join();
var_dump(count(array_unique(file($path, FILE_IGNORE_NEW_LINES))));
unlink($path);
?>
--EXPECT--
bool(true)
int(0)
int(10000)
