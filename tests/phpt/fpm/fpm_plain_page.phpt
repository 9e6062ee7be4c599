--TEST--
php-fpm with goos loaded (issue 15): a page that does not use goos answers through nginx as in a plain fpm: its body, a header it sets, $_GET, $_POST, $_SERVER and a request header, over GET and POST, from a child of the master, which lives on
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

$log = fpm_log_offset();
$path = fpm_page('plain', <<<'PHP'
<?php
header('X-Plain: yes');
echo "method ", $_SERVER['REQUEST_METHOD'], "\n";
echo "x ", $_GET['x'] ?? '-', "\n";
echo "post ", json_encode($_POST), "\n";
echo "header ", $_SERVER['HTTP_X_GOOS_TEST'] ?? '-', "\n";
echo "script ", basename($_SERVER['SCRIPT_FILENAME']), "\n";
echo "goos ", extension_loaded('goos') ? 'loaded' : 'not loaded', "\n";
echo "ppid ", posix_getppid(), "\n";
echo "pid ", getmypid(), "\n";
PHP);
$master = getenv('GOOS_FPM_PID');
$children = [];
$show = function (array $r) use ($master, &$children) {
    [$status, $headers, $body] = $r;
    echo "status $status, X-Plain: ", $headers['x-plain'] ?? '-', "\n";
    if (preg_match('/^pid (\d+)$/m', $body, $m)) {
        $children[$m[1]] = true;
        $body = str_replace($m[0], 'pid: a child', $body);
    }
    echo str_replace("ppid $master\n", "ppid: the master\n", $body);
};
$show(fpm_get($path, ['x' => 'a b&c'], ['X-Goos-Test' => '42']));
$show(fpm_post($path, ['n' => '1', 'word' => 'two words'], ['x' => 'posted']));
// The children that answered did not end (other tests' children may: the
// pool is shared). The master logs an exit after the fact: wait a little.
$ended = 0;
foreach (array_keys($children) as $pid) {
    $ended += str_contains(fpm_log_wait($log, "child $pid exited", 0.3), "child $pid exited");
}
echo count($children) ? "children that answered and ended since: $ended\n" : "no child answered\n";
?>
--EXPECT--
status 200, X-Plain: yes
method GET
x a b&c
post []
header 42
script plain.php
goos loaded
ppid: the master
pid: a child
status 200, X-Plain: yes
method POST
x posted
post {"n":"1","word":"two words"}
header -
script plain.php
goos loaded
ppid: the master
pid: a child
children that answered and ended since: 0
