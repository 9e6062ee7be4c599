--TEST--
Scheduler::join() inside a goroutine throws, and the goroutine goes on
--EXTENSIONS--
goos
--FILE--
<?php
go(function () {
    try {
        Goos\Scheduler::join();
    } catch (Error $e) {
        echo get_class($e), ': ', $e->getMessage(), "\n";
    }
    echo "still running\n";
});
var_dump(Goos\Scheduler::join());
?>
--EXPECT--
Error: Goos\Scheduler::join() cannot be called from a goroutine: it would wait for itself
still running
bool(true)
