--TEST--
Transfer: a value that fails to rebuild in the goroutine is an uncaught exception there, and its half-built objects see no destructor
--EXTENSIONS--
goos
--FILE--
<?php
// Globals are per interpreter: $origin is unset in the goroutine's thread.
$origin = true;
function report(string $class): void
{
    if (!isset($GLOBALS['origin'])) {
        echo "$class destructed in the goroutine's thread\n";
    }
}
class Fragile extends ArrayObject
{
    public function __unserialize(array $data): void
    {
        if (Goos\Scheduler::id() !== 0) {
            throw new RuntimeException('cannot be rebuilt here');
        }
    }
    public function __destruct() { report('Fragile'); }
}
class Box
{
    public $inner;
    public function __destruct() { report('Box'); }
}
$box = new Box();
$box->inner = new Fragile([1]);
go(function (Box $box) { echo "not reached\n"; }, $box);
Goos\Scheduler::join();
echo "not reached either\n";
?>
--EXPECTF--
Fatal error: goroutine %d: Uncaught RuntimeException: cannot be rebuilt here in %s:%d
Stack trace:
#0 [internal function]: Fragile->__unserialize(Array)
#1 {main}
  thrown in %s on line %d
