--TEST--
Mutex: a counter in a file, incremented 10000 times by each of 8 goroutines on 2 Ps, comes out exact
--EXTENSIONS--
goos
--FILE--
<?php
use Goos\{Mutex, WaitGroup};

Goos\Scheduler::maxProcs(2);
$file = tempnam(sys_get_temp_dir(), 'goos-counter');
file_put_contents($file, '0');
$mu = new Mutex();
$wg = new WaitGroup();
for ($g = 0; $g < 8; $g++) {
    $wg->add();
    go(function () use ($mu, $wg, $file) {
        $h = fopen($file, 'r+');
        for ($i = 0; $i < 10000; $i++) {
            $mu->lock();
            // read, modify, write: without the lock, two goroutines on two
            // threads would read the same value and lose an increment
            rewind($h);
            $n = (int) fread($h, 32);
            rewind($h);
            ftruncate($h, 0);
            fwrite($h, (string) ($n + 1));
            $mu->unlock();
        }
        fclose($h);
        $wg->done();
    });
}
$wg->wait();
var_dump(file_get_contents($file));
unlink($file);

var_dump($mu->tryLock(), $mu->tryLock());
$mu->unlock();
try { $mu->unlock(); } catch (Error $e) { echo $e->getMessage(), "\n"; }
?>
--EXPECT--
string(5) "80000"
bool(true)
bool(false)
Goos\Mutex::unlock(): the mutex is not locked
