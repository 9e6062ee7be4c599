--TEST--
RWMutex: readers share the lock, a writer has it alone; misuse throws
--EXTENSIONS--
goos
--FILE--
<?php
use Goos\{Chan, RWMutex, Time, WaitGroup};

Goos\Scheduler::maxProcs(2);
$rw = new RWMutex();
$events = new Chan(100);
$wg = new WaitGroup();
for ($r = 0; $r < 3; $r++) {
    $wg->add();
    go(function () use ($rw, $events, $wg) {
        $rw->rLock();
        $events->send('+r');
        Time::sleep(0.05);       // all three readers hold it at once
        $events->send('-r');
        $rw->rUnlock();
        $wg->done();
    });
}
Time::sleep(0.01);
$wg->add();
go(function () use ($rw, $events, $wg) {
    $rw->lock();                  // waits for the readers
    $events->send('+w');
    Time::sleep(0.02);
    $events->send('-w');
    $rw->unlock();
    $wg->done();
});
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
