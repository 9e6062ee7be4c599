--TEST--
I/O hooks (issue 13), child processes: 50 goroutines on two Ps each run exec() of a command that sleeps 0.1 s; every one completes with its own output and exit status
--EXTENSIONS--
goos
--FILE--
<?php
use Goos\{Chan, Scheduler};

Scheduler::maxProcs(2);

$results = new Chan(50);
for ($i = 0; $i < 50; $i++) {
    go(function (Chan $results, int $i) {
        $last = exec('sleep 0.1; echo goroutine ' . $i . '; exit ' . ($i % 4), $out, $status);
        $results->send([$i, $last, $out, $status]);
    }, $results, $i);
}
Scheduler::join();

$right = 0;
$seen = [];
while (count($results) > 0) {
    [$i, $last, $out, $status] = $results->recv();
    $seen[$i] = true;
    if ($last === "goroutine $i" && $out === ["goroutine $i"] && $status === $i % 4) {
        $right++;
    } else {
        echo "goroutine $i: ", json_encode([$last, $out, $status]), "\n";
    }
}
echo count($seen), " goroutines reported, $right of them right\n";
?>
--EXPECT--
50 goroutines reported, 50 of them right
