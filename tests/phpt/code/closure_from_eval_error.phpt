--TEST--
Code: a closure whose code is in no file (eval) cannot cross: Goos\TransferError at go() (opcache off)
--EXTENSIONS--
goos
--INI--
opcache.enable_cli=0
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
