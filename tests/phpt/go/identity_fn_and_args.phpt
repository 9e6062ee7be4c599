--TEST--
go(): one object reached from both the closure and the arguments arrives as one object
--EXTENSIONS--
goos
--FILE--
<?php
class Box { public int $n = 0; }
$box = new Box();
go(function (Box $arg) use ($box) {
    $arg->n = 5;
    var_dump($box === $arg, $box->n);
}, $box);
Goos\Scheduler::join();
var_dump($box->n);   // the goroutine had a copy
?>
--EXPECT--
bool(true)
int(5)
int(0)
