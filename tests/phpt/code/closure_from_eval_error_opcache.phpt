--TEST--
Code: a closure whose code is in no file (eval) cannot cross: Goos\TransferError at go() (opcache on)
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
$f = eval('return fn () => 1;');
try {
    go($f);
} catch (Goos\TransferError $e) {
    echo get_class($e), ': ', $e->getMessage(), "\n";
}
Goos\Scheduler::join();
?>
--EXPECTF--
Goos\TransferError: $fn: %Sit was declared in eval()'d code%S
