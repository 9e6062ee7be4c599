--TEST--
select(): among cases ready at once, each is chosen uniformly at random (two always-ready cases: 45-55% each of 10000)
--EXTENSIONS--
goos
--FILE--
<?php
use Goos\Chan;
use function Goos\{recv, select, send};

$x = new Chan(); $x->close();       // a receive on a closed channel is always ready
$y = new Chan(); $y->close();
$count = ['x' => 0, 'y' => 0];
for ($i = 0; $i < 10000; $i++) $count[select(['x' => recv($x), 'y' => recv($y)])->key]++;
var_dump($count['x'] >= 4500 && $count['x'] <= 5500, $count['x'] + $count['y']);

// The same with send cases on buffered channels that always have room, in a goroutine.
$p = new Chan(1); $q = new Chan(1);
$res = new Chan(1);
go(function () use ($p, $q, $res) {
    $count = [0, 0];
    for ($i = 0; $i < 10000; $i++) {
        $k = select([send($p, 1), send($q, 2)])->key;
        $count[$k]++;
        ($k === 0 ? $p : $q)->recv();    // room again
    }
    $res->send($count);
});
[$first, $second] = $res->recv();
var_dump($first >= 4500 && $first <= 5500, $first + $second);
?>
--EXPECT--
bool(true)
int(10000)
bool(true)
int(10000)
