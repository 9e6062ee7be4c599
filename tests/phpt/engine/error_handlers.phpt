--TEST--
Engine state, one P: set_error_handler() and restore_error_handler() are a goroutine's own; four goroutines preempted between the two each get their own warnings, and one that sets none gets PHP's report
--EXTENSIONS--
goos
--INI--
goos.preempt_ms=10
--FILE--
<?php
use Goos\{Chan, Scheduler};

Scheduler::maxProcs(1);
$results = new Chan(5);
for ($i = 0; $i < 4; $i++) {
    go(function (int $i) use ($results) {
        $seen = [];
        set_error_handler(function (int $no, string $message) use (&$seen, $i): bool {
            $seen[] = "handler $i saw \"$message\"";
            return true;
        });
        // Preempted here: the others set their handlers meanwhile.
        $until = hrtime(true) + 30_000_000;
        while (hrtime(true) < $until) {
        }
        trigger_error("warning of goroutine $i", E_USER_WARNING);
        restore_error_handler();
        $results->send(implode('; ', $seen));
    }, $i);
}
go(function () use ($results) {
    $until = hrtime(true) + 30_000_000;
    while (hrtime(true) < $until) {
    }
    trigger_error('nobody handles this', E_USER_NOTICE);
    $results->send('the last goroutine had no handler');
});
$lines = [];
for ($n = 0; $n < 5; $n++) {
    $lines[] = $results->recv();
}
sort($lines);
echo implode("\n", $lines), "\n";
var_dump(Scheduler::stats()[0]['preemptions'] > 0);
// The script's own handler is untouched.
var_dump(set_error_handler(null));
?>
--EXPECTF--
Notice: nobody handles this in %s on line %d
handler 0 saw "warning of goroutine 0"
handler 1 saw "warning of goroutine 1"
handler 2 saw "warning of goroutine 2"
handler 3 saw "warning of goroutine 3"
the last goroutine had no handler
bool(true)
NULL
