--TEST--
Chan: a three-stage producer/consumer pipeline across threads keeps every value, in order
--EXTENSIONS--
goos
--FILE--
<?php
use Goos\Chan;

Goos\Scheduler::maxProcs(2);
$numbers = new Chan(16);
$squares = new Chan();          // unbuffered: a rendezvous between threads
$results = new Chan(4);

go(function (Chan $out) {
    for ($i = 1; $i <= 2000; $i++) $out->send($i);
    $out->close();
}, $numbers);
go(function (Chan $in, Chan $out) {
    foreach ($in as $n) $out->send(['n' => $n, 'sq' => $n * $n, 'thread' => Goos\Scheduler::id()]);
    $out->close();
}, $numbers, $squares);
go(function (Chan $in, Chan $out) {
    $sum = 0; $last = 0; $inOrder = true;
    foreach ($in as $item) {
        $inOrder = $inOrder && $item['n'] === $last + 1;
        $last = $item['n'];
        $sum += $item['sq'];
    }
    $out->send([$sum, $last, $inOrder]);
}, $squares, $results);

[$sum, $last, $inOrder] = $results->recv();
var_dump($sum === array_sum(array_map(fn ($i) => $i * $i, range(1, 2000))), $last, $inOrder);
var_dump($numbers->isClosed(), $squares->isClosed(), count($numbers));
?>
--EXPECT--
bool(true)
int(2000)
bool(true)
bool(true)
bool(true)
int(0)
