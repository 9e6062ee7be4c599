--TEST--
Preemption: Scheduler::noPreempt() runs a critical section that is not preempted; the preemption asked meanwhile happens when it returns
--EXTENSIONS--
goos
--INI--
goos.max_procs=1
--FILE--
<?php
use Goos\Scheduler;

// Each section runs until sysmon has asked for a preemption that has not
// happened yet (rather than for a set time, in which a starved sysmon might
// ask nothing). Requests that can never happen, made for runs that ended
// first, are $stale; the rest are honoured, so more than that is one waiting.
// It gives up after 30 s, which only a runtime that never asks reaches; true
// when a request waits.
function until_asked(int $stale): bool
{
    $give_up = hrtime(true) + 30_000_000_000;
    do {
        // sections nest; the outer one still holds
        Scheduler::noPreempt(fn () => null);
        $p = Scheduler::stats()[0];
        $waiting = $p['preemptRequests'] - $p['preemptions'] > $stale;
    } while (!$waiting && hrtime(true) < $give_up);
    return $waiting;
}

// The other goroutine starts inside the section: it cannot run before it.
go(function () {
    $result = Scheduler::noPreempt(function (string $tag): array {
        $before = Scheduler::stats()[0]['preemptions'];
        go(function () { echo "the other goroutine ran\n"; });
        $asked = until_asked(0);         // nothing ran before on this P
        $p = Scheduler::stats()[0];
        echo "in the section: asked ", $asked ? 'yes' : 'no', ", preempted ", $p['preemptions'] - $before, "\n";
        return [$tag, $p['preemptions']];
    }, tag: 'done');
    echo "section returned $result[0]\n";
    echo "after it: preempted ", Scheduler::stats()[0]['preemptions'] > $result[1] ? 'yes' : 'no', "\n";
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
$p = Scheduler::stats()[0];                      // every goroutine has ended
go(function (int $stale) {
    try {
        Scheduler::noPreempt(function () use ($stale) {
            go(function () { echo "the other ran as the section ended\n"; });
            until_asked($stale);
            throw new LogicException('thrown in a goroutine section');
        });
    } catch (LogicException $e) {
        echo $e->getMessage(), "\n";
    }
}, $p['preemptRequests'] - $p['preemptions']);
?>
--EXPECT--
in the section: asked yes, preempted 0
the other goroutine ran
section returned done
after it: preempted yes
string(6) "ORIGIN"
thrown inside
Goos\Scheduler::noPreempt(): Argument #1 ($fn) must be a valid callback, function "no such function" not found or invalid function name
the other ran as the section ended
thrown in a goroutine section
