--TEST--
Code: what the script declares after a go() is seen by the goroutines started after it, not by those before (opcache on)
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
use Goos\Scheduler;

go(function () {
    var_dump(function_exists('lib_greet'), defined('LATE'), class_exists('Later', false));
});
Scheduler::join();

$closure = require __DIR__ . '/fixtures/lib.inc';
define('LATE', 'defined after the first go()');
if (true) {
    class Later
    {
    }
}

go(function () use ($closure) {
    var_dump(lib_greet('gopher'), LATE, new Later() instanceof Later, $closure(7));
});
Scheduler::join();
?>
--EXPECT--
bool(false)
bool(false)
bool(false)
string(21) "hello gopher from lib"
string(28) "defined after the first go()"
bool(true)
string(13) "lib closure 7"
