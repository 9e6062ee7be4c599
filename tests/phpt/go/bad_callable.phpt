--TEST--
go() and Goos\go(): a non-callable is refused with a TypeError, and nothing starts
--EXTENSIONS--
goos
--FILE--
<?php
foreach (['no_such_function', [new stdClass, 'nope'], 42] as $bad) {
    try {
        go($bad);
    } catch (TypeError $e) {
        echo get_class($e), ': ', $e->getMessage(), "\n";
    }
}
try {
    Goos\go('no_such_function');
} catch (TypeError $e) {
    echo $e->getMessage(), "\n";
}
var_dump(Goos\Scheduler::numGoroutine());
var_dump(Goos\go(fn () => null) > 0);   // the namespaced name is the same function
var_dump(Goos\Scheduler::join());
?>
--EXPECTF--
TypeError: go(): Argument #1 ($fn) must be a valid callback, %s
TypeError: go(): Argument #1 ($fn) must be a valid callback, %s
TypeError: go(): Argument #1 ($fn) must be a valid callback, %s
Goos\go(): Argument #1 ($fn) must be a valid callback, %s
int(0)
bool(true)
bool(true)
