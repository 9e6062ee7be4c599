--TEST--
The implicit join runs when the script ends: before shutdown functions registered after go(), and before destructors
--EXTENSIONS--
goos
--FILE--
<?php
class Noisy { function __destruct() { echo "destructor\n"; } }
$keep = new Noisy();
// The goroutine goes on once the script's body has printed its line (not after
// a set time, which a slow script could outlast).
$body_done = new Goos\Chan();
go(function () use ($body_done) {
    $body_done->recv();
    Goos\Time::sleep(0.05);
    echo "goroutine finished\n";
});
register_shutdown_function(function () {
    echo "shutdown function, goroutines left: ", Goos\Scheduler::numGoroutine(), "\n";
});
echo "script body done\n";
$body_done->close();
?>
--EXPECT--
script body done
goroutine finished
shutdown function, goroutines left: 0
destructor
