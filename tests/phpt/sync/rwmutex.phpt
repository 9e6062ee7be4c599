--TEST--
RWMutex: readers share the lock, a writer has it alone; misuse throws
--EXTENSIONS--
goos
--FILE--
<?php
use Goos\{Chan, RWMutex, Scheduler, Time, WaitGroup};

// Each step waits for the state it needs (not for a set time, which load
// could fill before the goroutines get there).
Scheduler::maxProcs(2);
$rw = new RWMutex();
$events = new Chan(100);
$wg = new WaitGroup();
$all_in = new WaitGroup();
$all_in->add(3);
$release = new Chan();
for ($r = 0; $r < 3; $r++) {
    $wg->add();
    go(function () use ($rw, $events, $wg, $all_in, $release) {
        $rw->rLock();
        $events->send('+r');
        $all_in->done();
        $release->recv();        // all three readers hold it at once
        $events->send('-r');
        $rw->rUnlock();
        $wg->done();
    });
}
$all_in->wait();
$wg->add();
$writing = new Chan(1);
go(function () use ($rw, $events, $wg, $writing) {
    $rw->lock();                  // waits for the readers
    $writing->send(true);
    $events->send('+w');
    Time::sleep(0.02);
    $events->send('-w');
    $rw->unlock();
    $wg->done();
});
// The readers let go once the writer waits (a dump shows it), or once it has
// the lock, which it must not.
while (!str_contains(Scheduler::dump(), '[waiting, sync.RWMutex.Lock]') && count($writing) === 0) {
    Time::sleep(0.001);
}
$release->close();
$wg->wait();
$events->close();
echo implode(' ', iterator_to_array($events)), "\n";

var_dump($rw->tryRLock(), $rw->tryRLock(), $rw->tryLock());
$rw->rUnlock(); $rw->rUnlock();
var_dump($rw->tryLock(), $rw->tryRLock());
$rw->unlock();
try { $rw->unlock(); } catch (Error $e) { echo $e->getMessage(), "\n"; }
try { $rw->rUnlock(); } catch (Error $e) { echo $e->getMessage(), "\n"; }
$rw->lock(); $rw->unlock(); $rw->rLock(); $rw->rUnlock();   // the script locks too
echo "done\n";
?>
--EXPECT--
+r +r +r -r -r -r +w -w
bool(true)
bool(true)
bool(false)
bool(true)
bool(false)
Goos\RWMutex::unlock(): the lock is not write-locked
Goos\RWMutex::rUnlock(): no reader holds the lock
done
