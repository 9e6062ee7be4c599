--TEST--
Code: declarations of an included file (namespaced) are usable in a goroutine, without the file running again (opcache on)
--EXTENSIONS--
goos
--SKIPIF--
<?php if (!extension_loaded('Zend OPcache')) die('skip opcache is not loaded'); ?>
--INI--
opcache.enable_cli=1
opcache.file_update_protection=0
opcache.protect_memory=0
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
