--TEST--
pcntl_fork() while goroutines run (issue 15): the child refuses go() and channel waits with a clear Error and ends without waiting for the parent's goroutines; the parent's goroutines are unharmed; pcntl_fork() inside a goroutine throws
--EXTENSIONS--
goos
pcntl
--FILE--
<?php
use Goos\{Chan, Scheduler};

Scheduler::maxProcs(2);
$release = new Chan();
// A goroutine that waits for the parent: the child must not wait for it.
go(function (Chan $release) {
    $release->recv();
    echo "parent's goroutine released\n";
}, $release);
go(function () {
    try {
        pcntl_fork();
    } catch (Error $e) {
        echo "in a goroutine: ", $e->getMessage(), "\n";
    }
});
usleep(100000);  // the second goroutine has printed
$pid = pcntl_fork();
if ($pid === 0) {
    foreach ([
        'go()' => fn () => go(fn () => print "never\n"),
        'Chan::recv()' => fn () => (new Chan())->recv(),
    ] as $what => $call) {
        try {
            $call();
            echo "child: $what returned\n";
        } catch (Error $e) {
            echo "child: $what: ", $e->getMessage(), "\n";
        }
    }
    echo "child: join() returns ", json_encode(Scheduler::join()), "\n";
    exit(3);  // the implicit join must not wait for the parent's goroutine
}
pcntl_waitpid($pid, $status);
echo "child exited with ", pcntl_wexitstatus($status), "\n";
$release->send(true);
Scheduler::join();
echo "parent done\n";
?>
--EXPECT--
in a goroutine: pcntl_fork() cannot be called from a goroutine: the child would be one thread of the scheduler, stopped in the middle of a goroutine; fork from the script's own code
child: go(): goos: this process was forked (pcntl_fork()) while its goroutines ran; they stayed in the parent, and no goroutine can run or be waited for in the child
child: Chan::recv(): goos: this process was forked (pcntl_fork()) while its goroutines ran; they stayed in the parent, and no goroutine can run or be waited for in the child
child: join() returns true
child exited with 3
parent's goroutine released
parent done
