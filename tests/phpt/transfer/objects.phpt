--TEST--
Transfer: an object of a user class arrives as a new object of that class, every property in place, without its constructor
--EXTENSIONS--
goos
--FILE--
<?php
class Base
{
    private string $secret = 'base private';
    protected array $shared = ['p' => 1];
    public function baseSecret(): string { return $this->secret; }
}

#[AllowDynamicProperties]
final class Point extends Base
{
    public int $x;
    public ?float $y = null;
    public readonly string $label;
    private $secret = 'own private'; // same name as the parent's private: another slot
    public int $never;               // typed and never set: stays uninitialised
    public $gone = 'unset below';    // unset: reads go to __get()

    public function __construct(int $x)
    {
        echo "constructor ran\n";
        $this->x = $x;
        $this->label = "p$x";
        unset($this->gone);
    }

    public function __get($name) { return "__get($name)"; }
    public function ownSecret() { return $this->secret; }
}

$p = new Point(3);
$p->y = 1.5;
$p->extra = ['dynamic', 7];
$p->{'123'} = 'numeric name';

go(function (Point $q) {
    var_dump($q);
    var_dump($q->ownSecret(), $q->baseSecret());
    var_dump($q->gone);
    try {
        $q->label = 'changed';
    } catch (Error $e) {
        echo $e->getMessage(), "\n";
    }
    try {
        $q->x = 'not an int';
    } catch (TypeError $e) {
        echo get_class($e), "\n";
    }
    try {
        var_dump($q->never);
    } catch (Error $e) {
        echo $e->getMessage(), "\n";
    }
    $q->x = 99; // the copy is the goroutine's own
}, $p);
Goos\Scheduler::join();
var_dump($p->x);

// stdClass and a readonly class.
final readonly class Money
{
    public function __construct(public int $amount, public string $currency) {}
}
$o = new stdClass();
$o->a = 1;
$o->list = [new Money(5, 'EUR')];
go(function ($o) { var_dump($o); }, $o);
Goos\Scheduler::join();
?>
--EXPECTF--
constructor ran
object(Point)#%d (8) {
  ["secret":"Base":private]=>
  string(12) "base private"
  ["shared":protected]=>
  array(1) {
    ["p"]=>
    int(1)
  }
  ["x"]=>
  int(3)
  ["y"]=>
  float(1.5)
  ["label"]=>
  string(2) "p3"
  ["secret":"Point":private]=>
  string(11) "own private"
  ["never"]=>
  uninitialized(int)
  ["extra"]=>
  array(2) {
    [0]=>
    string(7) "dynamic"
    [1]=>
    int(7)
  }
  ["123"]=>
  string(12) "numeric name"
}
string(11) "own private"
string(12) "base private"
string(11) "__get(gone)"
Cannot modify readonly property Point::$label
TypeError
Typed property Point::$never must not be accessed before initialization
int(3)
object(stdClass)#%d (2) {
  ["a"]=>
  int(1)
  ["list"]=>
  array(1) {
    [0]=>
    object(Money)#%d (2) {
      ["amount"]=>
      int(5)
      ["currency"]=>
      string(3) "EUR"
    }
  }
}
