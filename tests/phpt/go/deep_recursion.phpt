--TEST--
Deep recursion through C frames in a goroutine gives PHP's own stack error, bounded by the goroutine's stack
--EXTENSIONS--
goos
--SKIPIF--
<?php if (PHP_VERSION_ID < 80300) die('skip PHP 8.3+ checks the C stack'); ?>
--FILE--
<?php
go(function () {
    $f = function (int $n) use (&$f) { return array_map($f, [$n + 1]); };
    try {
        $f(0);
    } catch (Error $e) {
        echo get_class($e), ': ', substr($e->getMessage(), 0, 23), "\n";
    }
    echo "goroutine survives\n";
});
Goos\Scheduler::join();
?>
--EXPECT--
Error: Maximum call stack size
goroutine survives
