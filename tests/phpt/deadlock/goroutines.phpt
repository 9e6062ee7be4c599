--TEST--
Deadlock: goroutines blocked on a channel, a mutex and a wait group while the script waits in join(): each with its state, wait reason and PHP backtrace
--EXTENSIONS--
goos
--FILE--
<?php
require __DIR__ . '/../go/child.inc';
[$out, $status] = goos_child(<<<'PHP'
<?php
use Goos\{Chan, Mutex, WaitGroup};
function receiver(Chan $ch) { $ch->recv(); }
function locker(Mutex $m) { $m->lock(); }
function waiter(WaitGroup $wg) { $wg->wait(); }
$m = new Mutex(); $m->lock();
$wg = new WaitGroup(); $wg->add();
go('receiver', new Chan());
go('locker', $m);
go('waiter', $wg);
Goos\Scheduler::join();
PHP, '-d goos.max_procs=2');
$text = implode("\n", $out);
echo $out[0], "\n";
foreach (['receiver' => 'chan receive', 'locker' => 'sync.Mutex.Lock', 'waiter' => 'sync.WaitGroup.Wait'] as $fn => $reason) {
    // the header of the goroutine, then its frames, the blocking call first
    $found = preg_match('/goroutine (\d+) \[waiting, ' . preg_quote($reason, '/') . '\] on P\d:\n  #0 \S+\(\d+\): Goos\\\\\w+->\w+\(\)\n  #1 \[internal function\]: ' . $fn . '\(Object\(Goos\\\\\w+\)\)/', $text, $m);
    echo "$fn: ", $found ? "goroutine $m[1], $reason" : "missing\n$text", "\n";
}
var_dump(str_contains($text, 'goroutine 0 [script, '), $status);
?>
--EXPECT--
fatal error: all goroutines are asleep - deadlock!
receiver: goroutine 1, chan receive
locker: goroutine 2, sync.Mutex.Lock
waiter: goroutine 3, sync.WaitGroup.Wait
bool(true)
int(255)
