--TEST--
A fatal error in a goroutine (memory_limit, per interpreter) ends the script with 255; a looping goroutine stops too
--EXTENSIONS--
goos
--SKIPIF--
<?php if (getenv("USE_ZEND_ALLOC") === "0") die("skip memory_limit needs the Zend allocator (not under valgrind)"); ?>
--FILE--
<?php
require __DIR__ . '/child.inc';
goos_run_child(<<<'PHP'
<?php
go(function () {
    while (true) { $x = 1; }   // runs until the script ends: unwound at its interrupt check
});
go(function () {
    $a = [];
    while (true) { $a[] = str_repeat('x', 1000); }
});
Goos\Scheduler::join();
echo "not reached\n";
PHP, '-d memory_limit=16M -d goos.max_procs=2');
?>
--EXPECTF--
%AFatal error: goroutine %d: Allowed memory size of 16777216 bytes exhausted%s(tried to allocate %d bytes) in %s on line %d
exit status: 255
