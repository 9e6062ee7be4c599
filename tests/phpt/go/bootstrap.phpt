--TEST--
goos.bootstrap: every worker includes the file at start; the script itself does not
--EXTENSIONS--
goos
--INI--
goos.bootstrap={PWD}/fixtures/bootstrap_worker.inc
goos.max_procs=2
--FILE--
<?php
var_dump(function_exists('goos_bootstrapped_helper'));
$path = tempnam(sys_get_temp_dir(), 'goos');
for ($i = 0; $i < 4; $i++) {
    go(function (string $path) {
        file_put_contents($path, goos_bootstrapped_helper() . ' ' . GOOS_WORKER_BOOTSTRAPPED . "\n", FILE_APPEND | LOCK_EX);
    }, $path);
}
Goos\Scheduler::join();
echo implode('', array_unique(file($path)));
unlink($path);
?>
--EXPECT--
bool(false)
helper from the bootstrap file 42
