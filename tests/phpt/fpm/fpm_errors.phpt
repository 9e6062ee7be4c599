--TEST--
php-fpm (issue 15): a goroutine's fatal error and its uncaught exception each give a 500 and fpm's log line ("goroutine N: ..."), and the same child serves the next request; header(), setcookie() and http_response_code() in a goroutine warn in the log and change nothing (status 200, no such header or cookie)
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

// One child: "the same child serves the next request" is then its pid again.
fpm_private(['GOOS_FPM_CHILDREN' => 1]);

$ok = fpm_page('errors_ok', <<<'PHP'
<?php
go(function () { echo "goroutine fine\n"; });
Goos\Scheduler::join();
echo "pid ", getmypid(), "\n";
PHP);
$fatal = fpm_page('errors_fatal', <<<'PHP'
<?php
// Nothing printed before: output_buffering is off, so output would send the
// headers (a 200) before the error, as with the script's own errors.
go(function () {
    ini_set('memory_limit', '16M');
    $s = str_repeat('x', 64 << 20); // Allowed memory size ... exhausted: a fatal error
    echo "not reached\n";
});
Goos\Scheduler::join();
echo "after join: not reached\n";
PHP);
$exception = fpm_page('errors_exception', <<<'PHP'
<?php
// Nothing printed before: output_buffering is off, so output would send the
// headers (a 200) before the error, as with the script's own errors.
go(function () { throw new RuntimeException("boom from a goroutine"); });
Goos\Scheduler::join();
echo "after join: not reached\n";
PHP);
$headers = fpm_page('errors_headers', <<<'PHP'
<?php
go(function () {
    $r = [
        header('X-From-Goroutine: yes'),
        setcookie('from_goroutine', 'yes'),
        http_response_code(404),
    ];
    echo "goroutine done: ", json_encode($r), "\n";
});
Goos\Scheduler::join();
echo "script status ", http_response_code(), "\n";
PHP);

$pid_of = function (array $r): ?string {
    return preg_match('/^pid (\d+)$/m', $r[2], $m) ? $m[1] : null;
};
$first = fpm_get($ok);
$pid = $pid_of($first);
echo "ok: $first[0]\n";

foreach (['fatal' => [$fatal, 'Allowed memory size'], 'exception' => [$exception, 'Uncaught RuntimeException: boom from a goroutine']] as $what => [$path, $needle]) {
    $log = fpm_log_offset();
    [$status, , $body] = fpm_get($path);
    echo "$what: $status ", json_encode($body), "\n";
    $lines = fpm_log_wait($log, $needle);
    echo "  log: ", preg_match('/PHP Fatal error: +goroutine \d+: [^\n]*' . preg_quote($needle, '/') . '/', $lines) ? 'goroutine N: ' . $needle : 'missing: ' . json_encode($lines), "\n";
    $next = fpm_get($ok);
    echo "  next request: $next[0], same child: ", $pid_of($next) === $pid ? 'yes' : json_encode([$pid, $next[2]]), "\n";
    $lines = fpm_log_since($log);
    echo "  child exited: ", preg_match('/exited|signal/', $lines) ? json_encode($lines) : 'no', "\n";
}

$log = fpm_log_offset();
[$status, $got, $body] = fpm_get($headers);
echo "headers: $status\n$body";
echo "  X-From-Goroutine: ", $got['x-from-goroutine'] ?? 'absent', ", Set-Cookie: ", $got['set-cookie'] ?? 'absent', "\n";
$lines = fpm_log_wait($log, 'http_response_code()');
foreach (['header', 'setcookie', 'http_response_code'] as $fn) {
    $warned = preg_match("/PHP Warning: +goroutine \\d+: $fn\\(\\): A goroutine cannot set the response's status, headers or cookies/", $lines)
        || preg_match("/PHP Warning: +$fn\\(\\): A goroutine cannot set the response's status, headers or cookies/", $lines);
    echo "  $fn warned: ", $warned ? 'yes' : 'no', "\n";
}
if (!str_contains($lines, 'A goroutine cannot set')) {
    echo json_encode($lines), "\n";
}
?>
--EXPECT--
ok: 200
fatal: 500 ""
  log: goroutine N: Allowed memory size
  next request: 200, same child: yes
  child exited: no
exception: 500 ""
  log: goroutine N: Uncaught RuntimeException: boom from a goroutine
  next request: 200, same child: yes
  child exited: no
headers: 200
goroutine done: [null,false,false]
script status 200
  X-From-Goroutine: absent, Set-Cookie: absent
  header warned: yes
  setcookie warned: yes
  http_response_code warned: yes
