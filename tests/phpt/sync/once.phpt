--TEST--
Once: the function runs once across goroutines; callers meanwhile wait for it; a throwing function still counts as done
--EXTENSIONS--
goos
--FILE--
<?php
use Goos\{Chan, Once, Time, WaitGroup};

Goos\Scheduler::maxProcs(2);
$once = new Once();
$ran = new Chan(10);
$after = new Chan(10);
$wg = new WaitGroup();
for ($i = 0; $i < 6; $i++) {
    $wg->add();
    go(function () use ($once, $ran, $after, $wg, $i) {
        $once->do(function (int $who) use ($ran) { Time::sleep(0.05); $ran->send($who); }, $i);
        $after->send(count($ran));      // the function has finished for everybody
        $wg->done();
    });
}
$wg->wait();
var_dump(count($ran), $once->isDone());
$after->close();
echo implode(',', iterator_to_array($after)), "\n";
$once->do(function () { echo "never\n"; });    // the script: done already

$o2 = new Once();
try { $o2->do(function () { throw new LogicException('first call threw'); }); }
catch (LogicException $e) { echo $e->getMessage(), "\n"; }
$o2->do(function () { echo "never either\n"; });
var_dump($o2->isDone());
?>
--EXPECT--
int(1)
bool(true)
1,1,1,1,1,1
first call threw
bool(true)
