--TEST--
Autoload, one P: a class hierarchy loaded through a chain of autoloads (C extends B extends A, interfaces extending interfaces, a trait, each in its own file whose top-level code is preempted), first used by sixteen goroutines from different members at once (opcache on)
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
const CHAIN_PROCS = 1;
require __DIR__ . '/fixtures/chain_scenario.php';
?>
--EXPECT--
00 Chain_C level 1 i2
01 Chain_B level 1
02 Chain_I1::LEVEL = 1
03 Chain_C is a Chain_I0: true
04 traced by Chain_B
05 Chain_C implements Chain_I0, Chain_I1, Chain_I2
06 Chain_A level 1
07 traced by Chain_C, i2
08 Chain_C level 1 i2
09 Chain_B level 1
10 Chain_I1::LEVEL = 1
11 Chain_C is a Chain_I0: true
12 traced by Chain_B
13 Chain_C implements Chain_I0, Chain_I1, Chain_I2
14 Chain_A level 1
15 traced by Chain_C, i2
bool(false)
