--TEST--
Identity: goroutines on other threads see one PHP object per goos object in their interpreter (received twice, through go() and a channel), and what they pass back is the origin's own object
--EXTENSIONS--
goos
--FILE--
<?php
use Goos\{Chan, Mutex, WaitGroup};

Goos\Scheduler::maxProcs(2);

$chan = new Chan(1);
$mutex = new Mutex();
$to = new Chan(4);
$back = new Chan(4);
$report = new Chan(16);
$wg = new WaitGroup();

for ($g = 0; $g < 4; $g++) {
    $wg->add(1);
    go(function (Chan $chanArg, Mutex $mutexArg) use ($to, $back, $report, $wg) {
        // Received three times in this interpreter: the go() argument and
        // two sends; and a mutex beside it.
        [$c1, $m1] = $to->recv();
        [$c2, $m2] = $to->recv();
        $same = $c1 === $c2 && $c1 === $chanArg && $m1 === $m2 && $m1 === $mutexArg && $c1 !== $m1;
        $store = new SplObjectStorage();
        $store[$c1] = 'seen';
        $same = $same && isset($store[$c2]) && count($store) === 1 && $store[$chanArg] === 'seen';
        $report->send($same);
        $back->send([$c2, $m2]);
        $wg->done();
    }, $chan, $mutex);
    $to->send([$chan, $mutex]);
    $to->send([$chan, $mutex]);
    [$c, $m] = $back->recv();
    $theirs = $report->recv();
    var_dump($c === $chan && $m === $mutex && $theirs);
}
$wg->wait();

// A channel ping-ponged between the origin and two goroutines many times:
// each side keeps its first copy and compares every arrival with it.
$ball = new Chan();
$ping = new Chan();
$pong = new Chan();
$done = new Chan(2);
for ($g = 0; $g < 2; $g++) {
    go(function () use ($ping, $pong, $done) {
        $first = null;
        $same = true;
        foreach ($ping as $got) {
            $first ??= $got;
            $same = $same && $got === $first && $got == $first;
            $pong->send($got);
        }
        $done->send($same);
    });
}
$same = true;
for ($i = 0; $i < 50; $i++) {
    $ping->send($ball);
    $got = $pong->recv();
    $same = $same && $got === $ball;
}
$ping->close();
var_dump($same, $done->recv(), $done->recv());
?>
--EXPECT--
bool(true)
bool(true)
bool(true)
bool(true)
bool(true)
bool(true)
bool(true)
