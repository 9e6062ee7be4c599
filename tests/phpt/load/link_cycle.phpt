--TEST--
Autoload, one P: a goroutine, inside an autoload, needs a class another goroutine is half-way through linking, while that one waits for the autoload to end (its parent to load): the linker goes on inside that autoload, and both get the class
--EXTENSIONS--
goos
--INI--
goos.preempt_ms=0
--FILE--
<?php
use Goos\{Chan, Scheduler};

// The order is set by channels and parks alone (no preemption): the first
// goroutine autoloads Lnk_Q and, holding the autoload lock, lets the second
// start declaring Lnk_C; the second parks in Lnk_C's linking, waiting for the
// lock; then the first needs Lnk_C.
final class Lnk_Sync
{
    public static Chan $holding;
    public static Chan $declaring;
}

Scheduler::maxProcs(1);
spl_autoload_register(function (string $class): void {
    $file = __DIR__ . "/fixtures/link/$class.php";
    if (is_file($file)) {
        require $file;
    }
});
$holding = new Chan(1);
$declaring = new Chan(1);
$results = new Chan(2);
go(function () use ($holding, $declaring, $results) {
    Lnk_Sync::$holding = $holding;
    Lnk_Sync::$declaring = $declaring;
    $results->send(class_exists('Lnk_Q') ? Lnk_Q::$saw : 'no Lnk_Q');
});
go(function () use ($holding, $declaring, $results) {
    $holding->recv();
    $declaring->send(true);
    require __DIR__ . '/fixtures/link/lnk_c.php';
    $results->send('declared ' . Lnk_C::NAME . ', a ' . get_parent_class(new Lnk_C()));
});
$lines = [$results->recv(), $results->recv()];
sort($lines);
echo implode("\n", $lines), "\n";
?>
--EXPECT--
Q saw Lnk_C
declared Lnk_C, a Lnk_P
