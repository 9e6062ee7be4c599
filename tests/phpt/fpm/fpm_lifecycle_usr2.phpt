--TEST--
php-fpm (issue 15): a SIGUSR2 reload of the master while a request's goroutine sleeps (Goos\\Time::sleep(0.5)) lets that request finish with a 200 and its output, and the reloaded pool serves go() pages
--EXTENSIONS--
curl
posix
--SKIPIF--
<?php
require __DIR__ . '/fixtures/fpm_env.php';
fpm_skipif();
?>
--FILE--
<?php
require __DIR__ . '/fixtures/fpm_env.php';

$fpm = fpm_private(['GOOS_FPM_CHILDREN' => 2]);
$signal = SIGUSR2;
$master = (int) $fpm['GOOS_FPM_PID'];
$path = fpm_page('signal_sleep', <<<'PHP'
<?php
$marker = $_GET['marker'];
go(function () use ($marker) {
    file_put_contents($marker, "started\n");
    Goos\Time::sleep(0.5);
    echo "goroutine slept\n";
});
Goos\Scheduler::join();
echo "page done\n";
PHP);
$marker = sys_get_temp_dir() . '/goos-fpm-signal-' . getmypid() . '-' . bin2hex(random_bytes(4));
$log = fpm_log_offset();
$wait = fpm_get_async($path, ['marker' => $marker]);
// The goroutine runs (its marker is written): the request is in flight.
$deadline = microtime(true) + 10;
$wait(fn () => file_exists($marker) || microtime(true) > $deadline);
echo "goroutine started: ", file_exists($marker) ? 'yes' : 'no', "\n";
@unlink($marker);
posix_kill($master, $signal);
[$status, $body] = $wait();
echo "request in flight: $status\n$body";
if ($signal === SIGUSR2) {
    echo "pool answers again: ", fpm_wait_ping() ? 'yes' : 'no', "\n";
    $ok = 0;
    for ($n = 0; $n < 4; $n++) {
        [$status, , $body] = fpm_get($path, ['marker' => "$marker-$n"]);
        @unlink("$marker-$n");
        $ok += $status === 200 && $body === "goroutine slept\npage done\n";
    }
    echo "requests after the reload: $ok of 4 right\n";
    $lines = fpm_log_wait($log, 'ready to handle connections');
    echo "reloaded: ", str_contains($lines, 'Reloading in progress') ? 'yes' : json_encode($lines), "\n";
} else {
    $deadline = microtime(true) + 10;
    while (posix_kill($master, 0) && microtime(true) < $deadline) {
        usleep(20000);
    }
    echo "master exited: ", posix_kill($master, 0) ? 'no' : 'yes', "\n";
    $lines = fpm_log_since($log);
}
echo "children that crashed: ", preg_match('/exited on signal (?!3 |15 )|exited with code [1-9]/', $lines) ? json_encode($lines) : 'none', "\n";
?>
--EXPECT--
goroutine started: yes
request in flight: 200
goroutine slept
page done
pool answers again: yes
requests after the reload: 4 of 4 right
reloaded: yes
children that crashed: none
