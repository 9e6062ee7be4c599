--TEST--
Transfer: a closure arrives as its code with its bound variables: use variables, $this, scope, static
--EXTENSIONS--
goos
--FILE--
<?php
$n = 10;
$list = [1, 2, 3];
$popped = [1, 2, 3];
unset($popped[2]);        // the next free index stays 3
$bin = "bin\0ary\xff";
$big = range(1, 100000);

// `use` by value: the value at go(), not later changes.
$f = function (int $k) use ($n, $list, $popped, $bin, $big) {
    $popped[] = 'next';
    var_dump($n + $k, $list, array_keys($popped), bin2hex($bin), count($big), array_sum($big));
};
go($f, 5);
$n = 1000;
Goos\Scheduler::join();

// An arrow function captures by value what it uses.
$factor = 3;
go(fn($v) => var_dump($v * $factor), 7);
Goos\Scheduler::join();

// A closure nested in a `use` variable, and closures in arguments.
$inner = fn($x) => "inner($x)";
go(function ($outerArg) use ($inner) { echo $inner($outerArg($n ?? 'u')), "\n"; }, fn($v) => "arg($v)");
Goos\Scheduler::join();

// $this, its private state, and the class scope.
class Counter
{
    private int $count = 40;
    private static string $kind = 'counter';
    public function adder(): Closure
    {
        return function (int $by) { $this->count += $by; return static::class . ' ' . self::$kind . " {$this->count}"; };
    }
    public static function maker(): Closure
    {
        return static function () { return static::class; };
    }
}
class SubCounter extends Counter {}
go(function (Closure $add) { echo $add(2), "\n"; }, (new Counter())->adder());
Goos\Scheduler::join();
go(function (Closure $make) { echo $make(), "\n"; }, SubCounter::maker());
Goos\Scheduler::join();

// Closure::bind() to another scope: private access goes with it.
class Vault { private $gold = 'gold bars'; }
$peek = Closure::bind(function () { return $this->gold; }, new Vault(), Vault::class);
go(function ($peek) { echo $peek(), "\n"; }, $peek);
Goos\Scheduler::join();

// Static variables are per interpreter: the goroutine's closure starts afresh.
$tick = function () { static $calls = 0; return ++$calls; };
$tick();
$tick();
go(function ($tick) { var_dump($tick(), $tick()); }, $tick);
Goos\Scheduler::join();
var_dump($tick());
?>
--EXPECT--
int(15)
array(3) {
  [0]=>
  int(1)
  [1]=>
  int(2)
  [2]=>
  int(3)
}
array(3) {
  [0]=>
  int(0)
  [1]=>
  int(1)
  [2]=>
  int(3)
}
string(16) "62696e00617279ff"
int(100000)
int(5000050000)
int(21)
inner(arg(u))
Counter counter 42
SubCounter
gold bars
int(1)
int(2)
int(3)
