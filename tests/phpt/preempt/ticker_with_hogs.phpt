--TEST--
Preemption: a goroutine that sleeps 5 ms at a time keeps waking while a CPU hog runs on every P
--EXTENSIONS--
goos
--FILE--
<?php
use Goos\{Chan, Scheduler, Time};

// The hogs run until the sleeper has woken 20 times (not for a set time, in
// which load could leave it no turn), and the sleeper counts only the wake-ups
// that came while both hogs still ran. Without preemption its timer would wait
// for its P's hog to end: no wake-up at all while they run. The hogs give up
// after 30 s, which only hogs that nothing preempts reach. How late each
// wake-up is, is a benchmark's business (bench/php/preempt_bench.php).
Scheduler::maxProcs(2);
$running = new Chan(2);
$ended = new Chan(2);
$done = new Chan();
$result = new Chan(1);
go(function () use ($running, $ended, $done, $result) {
    $running->recv();
    $running->recv();                // both hogs run
    $during = 0;
    for ($i = 0; $i < 20; $i++) {
        Time::sleep(0.005);
        $during += count($ended) === 0;
    }
    $done->close();
    $result->send($during);
});
for ($p = 0; $p < 2; $p++) {
    go(function () use ($running, $ended, $done) {
        $running->send(true);
        $give_up = hrtime(true) + 30_000_000_000;
        for ($n = 0; !$done->isClosed() && hrtime(true) < $give_up; $n++) {
        }
        $ended->send(true);
    });
}
$during = $result->recv();
Scheduler::join();
echo "wake-ups while both hogs ran: $during of 20\n";
var_dump(array_sum(array_column(Scheduler::stats(), 'preemptions')) > 0);
?>
--EXPECT--
wake-ups while both hogs ran: 20 of 20
bool(true)
