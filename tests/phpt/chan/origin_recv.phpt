--TEST--
Chan: the script blocks on recv() while goroutines on every thread work, and gets each result
--EXTENSIONS--
goos
--FILE--
<?php
use Goos\Chan;

Goos\Scheduler::maxProcs(2);
$results = new Chan();
for ($w = 0; $w < 8; $w++) {
    go(function (int $w) use ($results) {
        $x = 0;
        for ($i = 0; $i < 200000; $i++) $x += $i % 7;   // some work on a worker thread
        $results->send([$w, $x]);
    }, $w);
}
$got = [];
for ($i = 0; $i < 8; $i++) {
    [$w, $x] = $results->recv();
    $got[$w] = $x;
}
ksort($got);
echo implode(',', array_keys($got)), "\n";
var_dump(count(array_unique($got)) === 1);
?>
--EXPECT--
0,1,2,3,4,5,6,7
bool(true)
