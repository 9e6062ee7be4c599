--TEST--
Code: declarations of an included file (namespaced) are usable in a goroutine, without the file running again (opcache off)
--EXTENSIONS--
goos
--INI--
opcache.enable_cli=0
--FILE--
<?php
require __DIR__ . '/fixtures/shapes.inc';

use Shapes\Square;
use Shapes\Unit;

go(function () {
    $s = Shapes\square(3);
    var_dump($s->area(), $s->describe(), $s instanceof Shapes\Shape);
    var_dump(Unit::M->label(), Unit::tryFrom('km'));
    var_dump(Shapes\SIDES, Shapes\NAME, (new Square(2))->area());
});
Goos\Scheduler::join();
?>
--EXPECT--
shapes.inc ran
float(9)
string(23) "Shapes\Square of area 9"
bool(true)
string(1) "M"
NULL
int(4)
string(6) "shapes"
float(4)
