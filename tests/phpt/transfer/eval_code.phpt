--TEST--
Transfer: a closure declared in eval()'d code cannot cross, and the message says why
--EXTENSIONS--
goos
--FILE--
<?php
$fromEval = eval('return function () { return 1; };');
try {
    go('var_dump', 1, ['cb' => $fromEval]);
} catch (Goos\TransferError $e) {
    echo $e->getMessage(), "\n";
}
?>
--EXPECTF--
$args[1]['cb']: a closure cannot cross to another thread (%s)
