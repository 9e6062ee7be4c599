--TEST--
exit(3) in a goroutine ends the script with status 3; a sleeping script wakes up to end
--EXTENSIONS--
goos
--FILE--
<?php
require __DIR__ . '/child.inc';
// The script sleeps 50 s: had the exit not woken it, it would end after all
// of them. It ends at once; the 30 s bound leaves load all the room it wants.
goos_run_child(<<<'PHP'
<?php
$t = hrtime(true);
register_shutdown_function(function () use ($t) {
    echo hrtime(true) - $t < 30e9 ? "ended early\n" : "slept on\n";
});
go(function () {
    Goos\Time::sleep(0.05);         // most likely the script sleeps by now
    echo "goroutine exits\n";
    exit(3);
});
Goos\Time::sleep(50);
echo "not reached\n";
PHP);
?>
--EXPECT--
goroutine exits
ended early
exit status: 3
