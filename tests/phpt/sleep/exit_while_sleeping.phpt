--TEST--
A goroutine ends the script with exit() while others sleep for 100 s in sleep(), usleep(), time_nanosleep(), time_sleep_until(): the script ends at once, as with Time::sleep()
--EXTENSIONS--
goos
--FILE--
<?php
require __DIR__ . '/../go/child.inc';
$t = microtime(true);
goos_run_child(<<<'PHP'
<?php
go(function () { sleep(100); echo "not reached\n"; });
go(function () { usleep(100000000); echo "not reached\n"; });
go(function () { time_nanosleep(100, 0); echo "not reached\n"; });
go(function () { time_sleep_until(microtime(true) + 100); echo "not reached\n"; });
go(function () { Goos\Time::sleep(100); echo "not reached\n"; });
go(function () {
    Goos\Time::sleep(0.2);
    echo "exit\n";
    exit(3);
});
PHP);
echo microtime(true) - $t < 20 ? "ended early\n" : "slept on\n";
?>
--EXPECT--
exit
exit status: 3
ended early
