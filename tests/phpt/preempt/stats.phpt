--TEST--
Scheduler::stats(): one entry per P with its counters, zero before the first go()
--EXTENSIONS--
goos
--INI--
goos.max_procs=2
--FILE--
<?php
use Goos\Scheduler;

$before = Scheduler::stats();
var_dump(count($before), array_sum(array_merge(...array_map('array_values', $before))));
var_dump(array_keys($before[0]));

for ($i = 0; $i < 100; $i++) {
    go(function () {
        Scheduler::yield();
    });
}
Scheduler::join();
$after = Scheduler::stats();
var_dump(array_keys($after));
var_dump(array_sum(array_column($after, 'spawned')));
// each goroutine ran at least twice (it yielded once)
var_dump(array_sum(array_column($after, 'switches')) >= 200);
var_dump(array_sum(array_column($after, 'runq')));
?>
--EXPECT--
int(2)
int(0)
array(6) {
  [0]=>
  string(4) "runq"
  [1]=>
  string(8) "switches"
  [2]=>
  string(6) "steals"
  [3]=>
  string(7) "spawned"
  [4]=>
  string(11) "preemptions"
  [5]=>
  string(15) "preemptRequests"
}
array(2) {
  [0]=>
  int(0)
  [1]=>
  int(1)
}
int(100)
bool(true)
int(0)
