--TEST--
Scheduler::dump(): every goroutine's id, state, wait reason and backtrace, from the script and from a goroutine; the goroutines go on afterwards
--EXTENSIONS--
goos
--INI--
goos.max_procs=2
--FILE--
<?php
use Goos\{Chan, Scheduler, Time};

function parked(Chan $ch) { return $ch->recv(); }
function sleeper(Chan $stop) { while (!$stop->isClosed()) Time::sleep(0.2); }

$ch = new Chan();
$stop = new Chan();
$a = go('parked', $ch);
$b = go('sleeper', $stop);
// A dump shows each goroutine as it is at that moment: take them until both
// wait (how long they take to get there is the machine's business).
while (!str_contains($dump = Scheduler::dump(), '[waiting, chan receive]')
    || !str_contains($dump, '[waiting, sleep]')) {
    Time::sleep(0.001);
}
echo preg_replace('/\S+\.php/', 'FILE', $dump), "\n";

$out = new Chan(1);
go(function () use ($out) { $out->send(Scheduler::dump()); });
$inner = $out->recv();
var_dump(str_contains($inner, "goroutine 0 [script]:\n  (running in the script's thread)"));
var_dump((bool) preg_match('/goroutine \d+ \[running\] on P\d:\n  #0 \S+\(\d+\): Goos\\\\Scheduler::dump\(\)\n  #1 \[internal function\]: \{closure[^}]*\}\(\)/', $inner));

$stop->close();
$ch->send('still works');
Scheduler::join();
echo "done\n";
?>
--EXPECTF--
goroutine 0 [script]:
  #0 FILE(%d): Goos\Scheduler::dump()
  #1 {main}

goroutine 1 [waiting, chan receive] on P%d:
  #0 FILE(%d): Goos\Chan->recv()
  #1 [internal function]: parked(Object(Goos\Chan))

goroutine 2 [waiting, sleep] on P%d:
  #0 FILE(%d): Goos\Time::sleep(0.2)
  #1 [internal function]: sleeper(Object(Goos\Chan))

bool(true)
bool(true)
done
