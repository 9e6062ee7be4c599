--TEST--
Autoload, one P: a goroutine autoloading a class whose file require_once's a file another goroutine is running, whose code autoloads a class: the second goes on inside the first's load instead of both waiting for ever
--EXTENSIONS--
goos
--INI--
goos.preempt_ms=10
--FILE--
<?php
use Goos\{Chan, Scheduler};

Scheduler::maxProcs(1);
$loading_x = new Chan(1);
spl_autoload_register(function (string $class) use ($loading_x): void {
    if ($class === 'Cyc_X') {
        $loading_x->send(true);
    }
    $file = __DIR__ . "/fixtures/cycle/$class.php";
    if (is_file($file)) {
        require $file;
    }
});
$results = new Chan(2);
go(function () use ($results) {
    $results->send('Cyc_X::FROM_Q = ' . Cyc_X::FROM_Q);
});
go(function () use ($loading_x, $results) {
    // Once the first goroutine is inside Cyc_X's autoload (and so holds the
    // lock), before it gets to its require_once (30 ms later).
    $loading_x->recv();
    require_once __DIR__ . '/fixtures/once/cyc_q.php';
    $results->send('CYC_Q = ' . CYC_Q);
});
$lines = [$results->recv(), $results->recv()];
sort($lines);
echo implode("\n", $lines), "\n";
?>
--EXPECT--
CYC_Q = q, which loaded Cyc_Y (y)
Cyc_X::FROM_Q = q, which loaded Cyc_Y (y)
