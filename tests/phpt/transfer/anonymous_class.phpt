--TEST--
Transfer: an object of an anonymous class arrives as an object of that class
--EXTENSIONS--
goos
--FILE--
<?php
$point = new class (1, 2) {
    public function __construct(public int $x, private int $y) {}
    public function sum(): int { return $this->x + $this->y; }
};
go(function (object $p) use ($point) {
    var_dump($p->sum(), $p instanceof (get_class($point)) ? 'same class' : 'other');
}, $point);
Goos\Scheduler::join();
?>
--EXPECT--
int(3)
string(10) "same class"
