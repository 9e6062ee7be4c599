--TEST--
php-fpm (issue 15): a pm = dynamic pool (2 children at most) serves pages that go() and join, one after another and several at once, from children of its own that live on
--EXTENSIONS--
curl
--SKIPIF--
<?php
require __DIR__ . '/fixtures/fpm_env.php';
fpm_skipif();
?>
--FILE--
<?php
require __DIR__ . '/fixtures/fpm_env.php';

fpm_private(['GOOS_FPM_PM' => 'dynamic', 'GOOS_FPM_CHILDREN' => 2]);
$path = fpm_page('lifecycle_pm', <<<'PHP'
<?php
$n = (int) $_GET['n'];
$out = new Goos\Chan(3);
for ($i = 0; $i < 3; $i++) {
    go(function () use ($out, $n, $i) { Goos\Time::sleep(0.02); $out->send($n * 10 + $i); });
}
$sum = 0;
for ($i = 0; $i < 3; $i++) {
    $sum += $out->recv();
}
Goos\Scheduler::join();
echo "sum $sum pid ", getmypid(), "\n";
PHP);
$log = fpm_log_offset();
$pids = [];
$ok = 0;
for ($n = 1; $n <= 5; $n++) {
    [$status, , $body] = fpm_get($path, ['n' => $n]);
    $ok += $status === 200 && preg_match('/^sum ' . (30 * $n + 3) . ' pid (\d+)\n$/', $body, $m);
    $pids[$m[1] ?? '?'] = true;
}
echo "one after another: $ok of 5 right\n";
$pending = [];
for ($n = 6; $n <= 11; $n++) {
    $pending[$n] = fpm_get_async($path, ['n' => $n]);
}
$ok = 0;
foreach ($pending as $n => $wait) {
    [$status, $body] = $wait();
    $ok += $status === 200 && preg_match('/^sum ' . (30 * $n + 3) . ' pid (\d+)\n$/', $body, $m);
    $pids[$m[1] ?? '?'] = true;
}
echo "six at once: $ok of 6 right\n";
echo "children that answered: ", count($pids) <= 2 && !isset($pids['?']) ? 'at most 2' : json_encode(array_keys($pids)), "\n";
$lines = fpm_log_since($log);
echo "children that crashed: ", preg_match('/exited on signal|exited with code [1-9]/', $lines) ? json_encode($lines) : 'none', "\n";
?>
--EXPECT--
one after another: 5 of 5 right
six at once: 6 of 6 right
children that answered: at most 2
children that crashed: none
