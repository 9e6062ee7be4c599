--TEST--
Code, one P (parent and children share one interpreter): a goroutine that includes a file and starts goroutines passes them its functions, classes and closures (opcache on)
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

Scheduler::maxProcs(1);

$log = tempnam(sys_get_temp_dir(), 'goos');
go(function () use ($log) {
    $closure = require __DIR__ . '/fixtures/lib.inc';
    for ($i = 0; $i < 8; $i++) {
        go(function (int $i) use ($closure, $log) {
            $c = new LibCounter($i);
            file_put_contents($log, lib_greet("child $i") . ', ' . $closure($c->n) . "\n", FILE_APPEND | LOCK_EX);
            // A grandchild: the file's code crosses twice.
            go(fn () => file_put_contents($log, "grandchild: " . $closure(10 * $i) . "\n", FILE_APPEND | LOCK_EX));
        }, $i);
    }
});
Scheduler::join();
$lines = file($log, FILE_IGNORE_NEW_LINES);
sort($lines);
echo implode("\n", $lines), "\n";
unlink($log);
var_dump(function_exists('lib_greet'));
?>
--EXPECT--
grandchild: lib closure 0
grandchild: lib closure 10
grandchild: lib closure 20
grandchild: lib closure 30
grandchild: lib closure 40
grandchild: lib closure 50
grandchild: lib closure 60
grandchild: lib closure 70
hello child 0 from lib, lib closure 0
hello child 1 from lib, lib closure 1
hello child 2 from lib, lib closure 2
hello child 3 from lib, lib closure 3
hello child 4 from lib, lib closure 4
hello child 5 from lib, lib closure 5
hello child 6 from lib, lib closure 6
hello child 7 from lib, lib closure 7
bool(false)
