--TEST--
Identity: == and != on goos objects of every class are true for one native object only; false against another object, another class or any other value, without a notice
--EXTENSIONS--
goos
--FILE--
<?php
use Goos\{Chan, Mutex, Once, RWMutex, Time, WaitGroup};

function yes(bool $b): string { return $b ? 'true' : 'false'; }

$make = [
    'Chan' => fn () => new Chan(1),
    'Mutex' => fn () => new Mutex(),
    'RWMutex' => fn () => new RWMutex(),
    'WaitGroup' => fn () => new WaitGroup(),
    'Once' => fn () => new Once(),
    'Ticker' => function () { $t = Time::tick(3600); $t->stop(); return $t; },
];
// Held in variables: PHP compiles `$x == true` with a literal true or false
// into `(bool) $x`, which is true for every object, goos's too.
$values = [null, true, false, 0, 1, 1.5, '', '1', 'Goos\Chan', [], [1], new stdClass(), new ArrayObject()];

$objects = [];
foreach ($make as $class => $new) {
    $a = $new();
    $b = $new();
    $same = $a;
    echo "$class: same ", yes($a == $same), ' ', yes($a === $same), ' ', yes($a != $same),
        ' | another ', yes($a == $b), ' ', yes($b == $a), ' ', yes($a === $b), ' ', yes($a != $b), ' ', yes($a !== $b);
    $equal = 0;
    foreach ($values as $v) {
        $equal += ($a == $v) + ($v == $a) + !($a != $v) + !($v != $a);
    }
    echo " | equal to other values: $equal\n";
    $objects[$class] = $a;
}

// Two objects of different goos classes are never equal, either way round.
$equal = 0;
foreach ($objects as $x) {
    foreach ($objects as $y) {
        if ($x !== $y) $equal += ($x == $y) + !($x != $y);
    }
}
echo "equal across classes: $equal\n";

// A Ticker's channel is one channel: the same object each time, equal to itself only.
$ticker = $objects['Ticker'];
var_dump($ticker->channel() === $ticker->channel(), $ticker->channel() == $objects['Chan']);
echo "done\n";
?>
--EXPECT--
Chan: same true true false | another false false false true true | equal to other values: 0
Mutex: same true true false | another false false false true true | equal to other values: 0
RWMutex: same true true false | another false false false true true | equal to other values: 0
WaitGroup: same true true false | another false false false true true | equal to other values: 0
Once: same true true false | another false false false true true | equal to other values: 0
Ticker: same true true false | another false false false true true | equal to other values: 0
equal across classes: 0
bool(true)
bool(false)
done
