--TEST--
go() from inside a goroutine: nested spawning, several levels deep
--EXTENSIONS--
goos
--FILE--
<?php
use Goos\Scheduler;

$path = tempnam(sys_get_temp_dir(), 'goos');
function spawn_tree(string $path, int $depth): void {
    file_put_contents($path, "d$depth\n", FILE_APPEND | LOCK_EX);
    if ($depth < 4) {
        go('spawn_tree', $path, $depth + 1);
        go('spawn_tree', $path, $depth + 1);
    }
}
go('spawn_tree', $path, 0);
Scheduler::join();
$counts = array_count_values(file($path, FILE_IGNORE_NEW_LINES));
ksort($counts);
print_r($counts);
unlink($path);

// A goroutine spawns and returns; its child still runs to the end. The child
// goes on once the parent has printed its line (not after a set time, which a
// slow parent could outlast), then takes a while: the parent has returned.
go(function () {
    $parent_done = new Goos\Chan();
    go(function () use ($parent_done) {
        $parent_done->recv();
        Goos\Time::sleep(0.02);
        echo "child done\n";
    });
    echo "parent done\n";
    $parent_done->close();
});
Scheduler::join();
?>
--EXPECT--
Array
(
    [d0] => 1
    [d1] => 2
    [d2] => 4
    [d3] => 8
    [d4] => 16
)
parent done
child done
