--TEST--
Preemption: Scheduler::noPreempt() runs a critical section that is not preempted; the preemption asked meanwhile happens when it returns
--EXTENSIONS--
goos
--INI--
goos.max_procs=1
--FILE--
<?php
use Goos\Scheduler;

go(function () {
    $result = Scheduler::noPreempt(function (int $ms, string $tag): string {
        $until = microtime(true) + $ms / 1000;
        while (microtime(true) < $until) {
            // sections nest; the outer one still holds
            Scheduler::noPreempt(fn () => null);
        }
        $p = Scheduler::stats()[0];
        echo "in the section: asked ", $p['preemptRequests'] > 0 ? 'yes' : 'no',
            ", preempted {$p['preemptions']}\n";
        return $tag;
    }, 100, tag: 'done');
    echo "section returned $result\n";
    echo "after it: preempted ", Scheduler::stats()[0]['preemptions'], "\n";
});
go(function () {
    echo "the other goroutine ran\n";
});
Scheduler::join();

// In the script itself (never preempted) it simply calls.
var_dump(Scheduler::noPreempt('strtoupper', 'origin'));
try {
    Scheduler::noPreempt(function () { throw new RuntimeException('thrown inside'); });
} catch (RuntimeException $e) {
    echo $e->getMessage(), "\n";
}
try {
    Scheduler::noPreempt('no such function');
} catch (TypeError $e) {
    echo $e->getMessage(), "\n";
}
// An exception inside a goroutine's section leaves it, and the goroutine goes on.
go(function () {
    try {
        Scheduler::noPreempt(function () {
            $until = microtime(true) + 0.03;
            while (microtime(true) < $until) {
            }
            throw new LogicException('thrown in a goroutine section');
        });
    } catch (LogicException $e) {
        echo $e->getMessage(), "\n";
    }
});
go(function () { echo "the other ran as the section ended\n"; });
?>
--EXPECT--
in the section: asked yes, preempted 0
the other goroutine ran
section returned done
after it: preempted 1
string(6) "ORIGIN"
thrown inside
Goos\Scheduler::noPreempt(): Argument #1 ($fn) must be a valid callback, function "no such function" not found or invalid function name
the other ran as the section ended
thrown in a goroutine section
