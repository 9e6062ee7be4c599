--TEST--
Chan: foreach receives until the channel is closed and drained, keys count from 0
--EXTENSIONS--
goos
--FILE--
<?php
use Goos\Chan;

$ch = new Chan(2);
go(function () use ($ch) {
    foreach (['a', 'b', 'c', 'd', 'e'] as $v) $ch->send($v);
    $ch->close();
});
foreach ($ch as $k => $v) echo "$k => $v\n";
foreach ($ch as $k => $v) echo "never\n";   // closed and drained: no iteration

$it = (new Chan())->getIterator();
var_dump($it instanceof Iterator, $it instanceof Goos\ChanIterator);

// Values buffered before close() are all delivered.
$b = new Chan(3);
$b->send(1); $b->send(2); $b->close();
echo implode(',', iterator_to_array($b)), "\n";
?>
--EXPECT--
0 => a
1 => b
2 => c
3 => d
4 => e
bool(true)
bool(true)
1,2
