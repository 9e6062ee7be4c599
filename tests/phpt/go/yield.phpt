--TEST--
Scheduler::yield() lets the other goroutines of the P run
--EXTENSIONS--
goos
--INI--
goos.max_procs=1
--FILE--
<?php
use Goos\Scheduler;

$path = tempnam(sys_get_temp_dir(), 'goos');
foreach (['a', 'b'] as $name) {
    go(function (string $path, string $name) {
        for ($i = 0; $i < 3; $i++) {
            file_put_contents($path, "$name$i ", FILE_APPEND);
            Scheduler::yield();
        }
    }, $path, $name);
}
Scheduler::join();
echo file_get_contents($path), "\n";
unlink($path);
Scheduler::yield();   // in the script: nothing to do
echo "ok\n";
?>
--EXPECT--
a0 b0 a1 b1 a2 b2 
ok
