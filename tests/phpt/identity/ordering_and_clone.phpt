--TEST--
Identity: goos objects are unordered (<, >, <=, >= false between two of them or against a value, <=> 1) and refuse clone, for every class
--EXTENSIONS--
goos
--FILE--
<?php
use Goos\{Chan, Mutex, Once, RWMutex, Time, WaitGroup};

function yes(bool $b): string { return $b ? 'true' : 'false'; }

$a = new Chan();
$b = new Chan();
echo 'two channels: ', yes($a < $b), ' ', yes($a > $b), ' ', yes($a <= $b), ' ', yes($a >= $b),
    ' ', yes($b < $a), ' ', yes($b > $a), ' <=> ', $a <=> $b, ' ', $b <=> $a, "\n";
$same = $a;
echo 'one channel: ', yes($a < $same), ' ', yes($a <= $same), ' ', yes($a >= $same), ' <=> ', $a <=> $same, "\n";
$n = 5;
echo 'channel and int: ', yes($a < $n), ' ', yes($a > $n), ' ', yes($n < $a), ' ', yes($n > $a), ' <=> ', $a <=> $n, ' ', $n <=> $a, "\n";
$o = new stdClass();
echo 'channel and stdClass: ', yes($a < $o), ' ', yes($a > $o), ' <=> ', $a <=> $o, ' ', $o <=> $a, "\n";

// Sorting cannot order them, but keeps every one of them.
$list = [new Chan(), $a, new Chan(), $b];
sort($list);
echo count($list), ' ', yes(in_array($a, $list, true) && in_array($b, $list, true)), "\n";

$ticker = Time::tick(3600);
$ticker->stop();
foreach ([$a, new Mutex(), new RWMutex(), new WaitGroup(), new Once(), $ticker] as $object) {
    try {
        $copy = clone $object;
        echo "cloned\n";
    } catch (Error $e) {
        echo $e->getMessage(), "\n";
    }
}
?>
--EXPECT--
two channels: false false false false false false <=> 1 1
one channel: false true true <=> 0
channel and int: false false false false <=> 1 1
channel and stdClass: false false <=> 1 1
4 true
Trying to clone an uncloneable object of class Goos\Chan
Trying to clone an uncloneable object of class Goos\Mutex
Trying to clone an uncloneable object of class Goos\RWMutex
Trying to clone an uncloneable object of class Goos\WaitGroup
Trying to clone an uncloneable object of class Goos\Once
Trying to clone an uncloneable object of class Goos\Ticker
