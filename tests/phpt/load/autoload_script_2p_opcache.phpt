--TEST--
Autoload, two Ps: twenty goroutines first-use the same classes through the script's autoloader while each class file's top-level code is preempted; every goroutine gets every class, none is loaded twice in an interpreter (opcache on)
--EXTENSIONS--
goos
--SKIPIF--
<?php if (!extension_loaded('Zend OPcache')) die('skip opcache is not loaded'); ?>
--INI--
opcache.enable_cli=1
opcache.file_update_protection=0
opcache.protect_memory=0
goos.preempt_ms=10
--FLAKY--
PHP's opcache (8.2 at least) leaks a request's copy of a class when two threads link the same class at once: both miss the inheritance cache, the first adds the linked class, and the second gets the first's entry back (zend_accel_inheritance_cache_add()'s "found" path) without its own copy's interfaces and method table being freed. The memory goes with the request's heap; only debug builds report it ("zend_inheritance.c(3005)", "(2756)"), rarely. Two Ps linking the same classes is what this test does. Retried once.
--FILE--
<?php
const BUSY_PROCS = 2;
const BUSY_REGISTER = 'script';
const BUSY_PARK_US = 0;
require __DIR__ . '/fixtures/busy_scenario.php';
// The loads were cut by preemption (what the test is about).
var_dump(array_sum(array_column(Goos\Scheduler::stats(), 'preemptions')) > 0);
?>
--EXPECT--
00 Busy_Leaf (marker)
01 hello from Busy_PairTwin / twin
02 Busy_Pair (marker)
03 marker yes
04 hello from Busy_Leaf
05 Busy_Leaf (marker)
06 hello from Busy_PairTwin / twin
07 Busy_Pair (marker)
08 marker yes
09 hello from Busy_Leaf
10 Busy_Leaf (marker)
11 hello from Busy_PairTwin / twin
12 Busy_Pair (marker)
13 marker yes
14 hello from Busy_Leaf
15 Busy_Leaf (marker)
16 hello from Busy_PairTwin / twin
17 Busy_Pair (marker)
18 marker yes
19 hello from Busy_Leaf
bool(false)
bool(true)
