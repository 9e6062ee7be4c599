--TEST--
php-fpm (issue 15): pm.max_requests = 5 recycles the children of a pool whose pages go() and join: 20 requests all answer 200 with their goroutines' output, from children replaced along the way (each served at most 5), none crashing
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

fpm_private(['GOOS_FPM_CHILDREN' => 2, 'GOOS_FPM_MAX_REQUESTS' => 5]);
$path = fpm_page('max_requests', <<<'PHP'
<?php
$n = $_GET['n'];
go(function () use ($n) { Goos\Time::sleep(0.01); echo "goroutine $n\n"; });
go(function () use ($n) { echo "goroutine $n\n"; });
Goos\Scheduler::join();
echo "pid ", getmypid(), "\n";
PHP);
$log = fpm_log_offset();
$ok = 0;
$per_pid = [];
for ($n = 1; $n <= 20; $n++) {
    [$status, , $body] = fpm_get($path, ['n' => $n]);
    if ($status === 200 && preg_match('/^goroutine ' . $n . '\ngoroutine ' . $n . '\npid (\d+)\n$/', $body, $m)) {
        $ok++;
        $per_pid[$m[1]] = ($per_pid[$m[1]] ?? 0) + 1;
    } else {
        echo "request $n: $status ", json_encode($body), "\n";
    }
}
echo "right responses: $ok of 20\n";
echo "children that served: ", count($per_pid) >= 4 ? 'at least 4' : count($per_pid), "\n";
echo "most requests by one child: ", max($per_pid ?: [0]) <= 5 ? 'at most 5' : max($per_pid), "\n";
$lines = fpm_log_wait($log, 'exited with code 0');
echo "recycled children logged: ", str_contains($lines, 'exited with code 0') ? 'yes' : 'no', "\n";
echo "children that crashed: ", preg_match('/exited on signal|exited with code [1-9]/', $lines) ? json_encode($lines) : 'none', "\n";
?>
--EXPECT--
right responses: 20 of 20
children that served: at least 4
most requests by one child: at most 5
recycled children logged: yes
children that crashed: none
