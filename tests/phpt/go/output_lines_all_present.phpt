--TEST--
go(): each goroutine's output arrives whole, whichever thread it ran on
--EXTENSIONS--
goos
--INI--
goos.max_procs=2
--FILE--
<?php
$out = tempnam(sys_get_temp_dir(), 'goos');
for ($i = 0; $i < 200; $i++) {
    go(function (string $path, int $n) {
        file_put_contents($path, "g$n\n", FILE_APPEND | LOCK_EX);
    }, $out, $i);
}
Goos\Scheduler::join();
$lines = file($out, FILE_IGNORE_NEW_LINES);
sort($lines, SORT_NATURAL);
var_dump(count($lines), $lines[0], $lines[199]);
unlink($out);
?>
--EXPECT--
int(200)
string(2) "g0"
string(4) "g199"
