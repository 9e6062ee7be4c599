--TEST--
Autoload, one P: class constants, static and instance property defaults and a static variable whose initialisers autoload classes through files that run long, first evaluated by sixteen goroutines at once; every goroutine sees every value, none gets an error (opcache on)
--EXTENSIONS--
goos
--SKIPIF--
<?php if (!extension_loaded('Zend OPcache')) die('skip opcache is not loaded'); ?>
--INI--
opcache.enable_cli=1
opcache.file_update_protection=0
opcache.protect_memory=0
goos.preempt_ms=10
--FILE--
<?php
const STATIC_PROCS = 1;
require __DIR__ . '/fixtures/static_scenario.php';
?>
--EXPECT--
00 pre-mid-label
01 pre-mid
02 7,pre-mid
03 pre-mid
04 counter above 70: true
05 max
06 pre-mid-label
07 ["pre-mid","pre"]
08 pre-mid-label
09 pre-mid
10 7,pre-mid
11 pre-mid
12 counter above 70: true
13 max
14 pre-mid-label
15 ["pre-mid","pre"]
bool(false)
