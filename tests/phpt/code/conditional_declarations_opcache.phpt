--TEST--
Code: conditional functions and classes exist in a goroutine as the script declared them, no more (opcache on)
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
if (PHP_INT_SIZE > 0) {
    function chosen(): string
    {
        return 'the taken branch';
    }
} else {
    function chosen(): string
    {
        return 'the other branch';
    }
}

if (false) {
    function never_declared(): void {}
    class NeverDeclared {}
}

if (!class_exists('Maybe', false)) {
    class Maybe
    {
        public string $v = 'declared at run time';
    }
}

function declare_inner(): void
{
    function inner(): string
    {
        return 'inner, declared by calling declare_inner()';
    }
}
declare_inner();

go(function () {
    var_dump(chosen(), (new Maybe())->v, inner());
    var_dump(function_exists('never_declared'), class_exists('NeverDeclared', false));
});
Goos\Scheduler::join();
?>
--EXPECT--
string(16) "the taken branch"
string(20) "declared at run time"
string(42) "inner, declared by calling declare_inner()"
bool(false)
bool(false)
