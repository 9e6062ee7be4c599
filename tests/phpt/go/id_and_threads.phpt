--TEST--
Scheduler::id() is the goroutine's id inside it (as go() returned it) and 0 in the script
--EXTENSIONS--
goos
--FILE--
<?php
use Goos\Scheduler;

var_dump(Scheduler::id());
$path = tempnam(sys_get_temp_dir(), 'goos');
$id = go(function (string $path) {
    file_put_contents($path, Scheduler::id());
}, $path);
Scheduler::join();
var_dump($id >= 1, (int) file_get_contents($path) === $id);
unlink($path);
?>
--EXPECT--
int(0)
bool(true)
bool(true)
