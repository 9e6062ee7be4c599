--TEST--
A goroutine ends the script with exit() while others sleep for 100 s in sleep(), usleep(), time_nanosleep(), time_sleep_until(): the script ends at once, as with Time::sleep()
--EXTENSIONS--
goos
--FILE--
<?php
require __DIR__ . '/../go/child.inc';
$t = hrtime(true);
goos_run_child(<<<'PHP'
<?php
go(function () { sleep(100); echo "not reached\n"; });
go(function () { usleep(100000000); echo "not reached\n"; });
go(function () { time_nanosleep(100, 0); echo "not reached\n"; });
go(function () { time_sleep_until(microtime(true) + 100); echo "not reached\n"; });
go(function () { Goos\Time::sleep(100); echo "not reached\n"; });
go(function () {
    // Until a dump shows all five asleep (however long load makes that take).
    while (substr_count(Goos\Scheduler::dump(), '[waiting, sleep]') < 5) {
        Goos\Time::sleep(0.01);
    }
    echo "exit\n";
    exit(3);
});
PHP);
// The sleepers would take 100 s: the bound, far above what load can add to a
// script that ends at once, is there for that case only.
echo hrtime(true) - $t < 30e9 ? "ended early\n" : "slept on\n";
?>
--EXPECT--
exit
exit status: 3
ended early
