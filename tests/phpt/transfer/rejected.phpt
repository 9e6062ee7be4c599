--TEST--
Transfer: references, resources and internal objects that cannot be rebuilt are rejected with the path to them
--EXTENSIONS--
goos
pdo_sqlite
--FILE--
<?php
function attempt(callable $start): void
{
    try {
        $start();
        echo "started\n";
    } catch (Goos\TransferError $e) {
        echo get_class($e), ': ', $e->getMessage(), "\n";
    }
}

class Holder { public $conn; public $list = []; }

$x = 1;
$pdo = new PDO('sqlite::memory:');
$file = fopen('php://memory', 'r');

// References: an element that is one, even with a refcount of 1, and a by-reference use.
$withRef = [1, 2];
$r = &$withRef[1];
attempt(fn() => go('var_dump', $withRef));
$alone = [[1]];
$r2 = &$alone[0][0];
unset($r2); // refcount 1 now: still a reference
attempt(fn() => go('var_dump', 0, $alone));
attempt(fn() => go(function () use (&$x) { return $x; }));

// Resources.
attempt(fn() => go('var_dump', $file));
attempt(fn() => go('var_dump', 1, ['db' => $file]));

// Internal objects without a way to be rebuilt.
attempt(fn() => go('var_dump', 1, $pdo));
attempt(fn() => go('var_dump', 'a', ['db' => $pdo]));
attempt(fn() => go('var_dump', (function () { yield 1; })()));
attempt(fn() => go('var_dump', new Fiber(fn() => 1)));
attempt(fn() => go('var_dump', new WeakMap()));
attempt(fn() => go('var_dump', WeakReference::create($pdo)));
attempt(fn() => go('var_dump', new finfo()));

// Inside objects, and inside what an internal object serialises.
$h = new Holder();
$h->list = ['ok', ['db' => $pdo]];
attempt(fn() => go('var_dump', $h));
$h2 = new Holder();
$h2->conn = $file;
attempt(fn() => go('var_dump', [$h2]));
attempt(fn() => go('var_dump', new ArrayObject([$pdo])));

// Closures: a `use` variable, $this.
attempt(fn() => go(function () use ($pdo) { return $pdo; }));
attempt(fn() => go(function () use ($x, $h) { return $h; }));
class Service
{
    public $db;
    function __construct($db) { $this->db = $db; }
    function task(): Closure { return function () { return $this->db; }; }
}
attempt(fn() => go((new Service($pdo))->task()));

// Named arguments are keys of $args.
attempt(fn() => go('var_dump', value: $file));

// Nothing was started.
var_dump(Goos\Scheduler::numGoroutine());
// The sender's values are intact.
var_dump($withRef, $x, $h->list[0], get_resource_type($file));
?>
--EXPECT--
Goos\TransferError: $args[0][1]: a reference cannot cross to another thread
Goos\TransferError: $args[1][0][0]: a reference cannot cross to another thread
Goos\TransferError: $fn (use $x): a reference cannot cross to another thread
Goos\TransferError: $args[0]: a resource of type stream cannot cross to another thread
Goos\TransferError: $args[1]['db']: a resource of type stream cannot cross to another thread
Goos\TransferError: $args[1]: object of class PDO cannot cross to another thread
Goos\TransferError: $args[1]['db']: object of class PDO cannot cross to another thread
Goos\TransferError: $args[0]: object of class Generator cannot cross to another thread
Goos\TransferError: $args[0]: object of class Fiber cannot cross to another thread
Goos\TransferError: $args[0]: object of class WeakMap cannot cross to another thread
Goos\TransferError: $args[0]: object of class WeakReference cannot cross to another thread
Goos\TransferError: $args[0]: object of class finfo cannot cross to another thread
Goos\TransferError: $args[0]->list[1]['db']: object of class PDO cannot cross to another thread
Goos\TransferError: $args[0][0]->conn: a resource of type stream cannot cross to another thread
Goos\TransferError: $args[0]: object of class PDO cannot cross to another thread
Goos\TransferError: $fn (use $pdo): object of class PDO cannot cross to another thread
Goos\TransferError: $fn (use $h)->list[1]['db']: object of class PDO cannot cross to another thread
Goos\TransferError: $fn ($this)->db: object of class PDO cannot cross to another thread
Goos\TransferError: $args['value']: a resource of type stream cannot cross to another thread
int(0)
array(2) {
  [0]=>
  int(1)
  [1]=>
  &int(2)
}
int(1)
string(2) "ok"
string(6) "stream"
