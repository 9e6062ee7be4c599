--TEST--
include_once, one P: sixteen goroutines require_once the same files, whose top-level code is preempted before it declares a function, a class and a constant; each goroutine's require_once waits for the run another goroutine started, and finds them (opcache on)
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
const ONCE_PROCS = 1;
const ONCE_PARK_US = 0;
require __DIR__ . '/fixtures/once_scenario.php';
?>
--EXPECT--
00 helper 0, 3, ready
01 outer helper 1, late, ready
02 helper 2, 3, ready
03 outer helper 3, late, ready
04 helper 4, 3, ready
05 outer helper 5, late, ready
06 helper 6, 3, ready
07 outer helper 7, late, ready
08 helper 8, 3, ready
09 outer helper 9, late, ready
10 helper 10, 3, ready
11 outer helper 11, late, ready
12 helper 12, 3, ready
13 outer helper 13, late, ready
14 helper 14, 3, ready
15 outer helper 15, late, ready
bool(false)
