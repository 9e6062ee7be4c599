--TEST--
exit(3) in a goroutine ends the script with status 3; a sleeping script wakes up to end
--EXTENSIONS--
goos
--FILE--
<?php
require __DIR__ . '/child.inc';
goos_run_child(<<<'PHP'
<?php
go(function () {
    echo "goroutine exits\n";
    exit(3);
});
$t = microtime(true);
register_shutdown_function(function () use ($t) {
    echo microtime(true) - $t < 5 ? "ended early\n" : "slept on\n";
});
Goos\Time::sleep(10);
echo "not reached\n";
PHP);
?>
--EXPECT--
goroutine exits
ended early
exit status: 3
