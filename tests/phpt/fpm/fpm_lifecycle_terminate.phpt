--TEST--
php-fpm (issue 15): request_terminate_timeout = 1 ends a request whose goroutine runs on forever (a loop of Goos\Time::sleep(0.1)) as it ends any request: fpm's "execution timed out" log line, the child killed, nginx's 502; the next requests are served (by a new child)
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

fpm_private(['GOOS_FPM_CHILDREN' => 1, 'GOOS_FPM_TERMINATE' => 1]);
$forever = fpm_page('terminate_forever', <<<'PHP'
<?php
go(function () { while (true) Goos\Time::sleep(0.1); });
Goos\Scheduler::join();
echo "not reached\n";
PHP);
$ok = fpm_page('terminate_ok', <<<'PHP'
<?php
go(function () { echo "goroutine fine\n"; });
Goos\Scheduler::join();
echo "pid ", getmypid(), "\n";
PHP);
[$status, , $body] = fpm_get($ok);
$first = preg_match('/^goroutine fine\npid (\d+)\n$/', $body, $m) ? $m[1] : null;
echo "before: $status\n";
$log = fpm_log_offset();
$t = microtime(true);
[$status, , $body] = fpm_get($forever);
$took = microtime(true) - $t;
echo "forever: $status, after ", $took >= 0.9 && $took < 10 ? 'about 1 s' : "$took s", "\n";
$lines = fpm_log_wait($log, 'exited on signal');
echo "log: timed out: ", preg_match('/child \d+, script \'[^\']*terminate_forever\.php\' \(request: "GET [^"]*"\) execution timed out \([\d.]+ sec\), terminating/', $lines) ? 'yes' : 'no', "\n";
echo "log: child killed: ", preg_match('/child ' . $first . ' exited on signal (9|15) /', $lines) ? 'yes' : 'no', "\n";
$served = 0;
$pids = [];
for ($n = 0; $n < 3; $n++) {
    [$status, , $body] = fpm_get($ok);
    if ($status === 200 && preg_match('/^goroutine fine\npid (\d+)\n$/', $body, $m)) {
        $served++;
        $pids[$m[1]] = true;
    }
}
echo "after: $served of 3 right, by a new child: ", $first !== null && count($pids) === 1 && !isset($pids[$first]) ? 'yes' : json_encode([$first, array_keys($pids)]), "\n";
if (!str_contains($lines, 'execution timed out')) {
    echo json_encode($lines), "\n";
}
?>
--EXPECT--
before: 200
forever: 502, after about 1 s
log: timed out: yes
log: child killed: yes
after: 3 of 3 right, by a new child: yes
