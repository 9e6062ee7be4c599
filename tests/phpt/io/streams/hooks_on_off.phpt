--TEST--
Streams (issue 13): the same script with goos.io_hooks on and off (-d goos.io_hooks=1 and 0, the child checking it got them) prints the same, warnings included: refused connects (tcp, a missing unix socket), a connect and an accept that time out, a read that times out, reads from a peer that closed, in the origin and in goroutines
--EXTENSIONS--
goos
--FILE--
<?php
require __DIR__ . '/../fixtures/delay_server.inc';
use Goos\{Chan, Scheduler};

if (($argv[1] ?? '') === 'child') {
    // The script compared: run once with the hooks and once without.
    [, , $line, $silent, $full, $refused, $dir] = $argv;
    $scenario = function () use ($line, $silent, $full, $refused, $dir) {
        $where = Scheduler::id() === 0 ? 'origin' : 'goroutine';
        echo "-- $where: a refused connect\n";
        var_dump(stream_socket_client("tcp://127.0.0.1:$refused", $errno, $errstr, 5), $errno, $errstr);
        var_dump(fsockopen('127.0.0.1', (int) $refused, $errno, $errstr, 5), $errno, $errstr);
        echo "-- $where: a missing unix socket\n";
        var_dump(stream_socket_client("unix://$dir/missing.sock", $errno, $errstr, 5), $errno, $errstr);
        echo "-- $where: a connect that times out\n";
        var_dump(stream_socket_client($full, $errno, $errstr, 0.3), $errno, $errstr);
        echo "-- $where: an accept that times out\n";
        $server = stream_socket_server('tcp://127.0.0.1:0');
        var_dump(stream_socket_accept($server, 0.3));
        echo "-- $where: a read that times out\n";
        $s = stream_socket_client($silent, $errno, $errstr, 5);
        stream_set_timeout($s, 0, 300000);
        var_dump(fread($s, 100), fgets($s), stream_get_meta_data($s)['timed_out'], feof($s));
        echo "-- $where: reads from a peer that closed\n";
        $s = stream_socket_client($line, $errno, $errstr, 5);
        var_dump(fwrite($s, "last\n"), fgets($s), fgets($s), fread($s, 100), stream_get_contents($s), feof($s));
        $r = [$s];
        $w = $e = null;
        var_dump(stream_select($r, $w, $e, 5), count($r));
        var_dump(fclose($s));
    };
    echo 'goos.io_hooks=', var_export(ini_get('goos.io_hooks'), true), "\n";
    Scheduler::maxProcs(1);
    $scenario();
    $done = new Chan();
    go(function (Closure $scenario, Chan $done) {
        $scenario();
        $done->close();
    }, $scenario, $done);
    $done->recv();
    Scheduler::join();
    echo "-- end\n";
    exit(0);
}

$dir = io_tmpdir();
$args = ['child', io_peer('line', ['lines' => 1]), io_peer('silent'), io_peer('full'), io_free_port(), $dir];
$outputs = [];
foreach (['on' => 1, 'off' => 0] as $k => $v) {
    $cmd = io_php() . ' ' . getenv('TEST_PHP_EXTRA_ARGS') . " -d goos.io_hooks=$v -d display_errors=1 -d log_errors=0"
        . ' -d error_reporting=' . E_ALL . ' ' . escapeshellarg(__FILE__) . ' ' . implode(' ', array_map('escapeshellarg', $args));
    exec("$cmd 2>&1", $out, $status);
    // The first line says what the child's setting was: "1" and "0", or the
    // comparison would be of one mode with itself.
    $setting = array_shift($out);
    echo "hooks $k: the child had ", $setting === "goos.io_hooks='$v'" ? 'the setting asked for' : var_export($setting, true), "\n";
    $outputs[$k] = implode("\n", $out) . "\nexit status: $status";
    $out = [];
}
echo 'the same with hooks on and off: ', $outputs['on'] === $outputs['off'] ? 'yes' : "no\n-- off:\n" . $outputs['off'], "\n";
echo $outputs['on'], "\n";
?>
--EXPECTF--
hooks on: the child had the setting asked for
hooks off: the child had the setting asked for
the same with hooks on and off: yes
-- origin: a refused connect

Warning: stream_socket_client(): Unable to connect to tcp://127.0.0.1:%d (Connection refused) in %s on line %d
bool(false)
int(111)
string(18) "Connection refused"

Warning: fsockopen(): Unable to connect to 127.0.0.1:%d (Connection refused) in %s on line %d
bool(false)
int(111)
string(18) "Connection refused"
-- origin: a missing unix socket

Warning: stream_socket_client(): Unable to connect to unix://%s/missing.sock (No such file or directory) in %s on line %d
bool(false)
int(2)
string(25) "No such file or directory"
-- origin: a connect that times out

Warning: stream_socket_client(): Unable to connect to tcp://127.0.0.1:%d (Connection timed out) in %s on line %d
bool(false)
int(110)
string(20) "Connection timed out"
-- origin: an accept that times out

Warning: stream_socket_accept(): Accept failed: Connection timed out in %s on line %d
bool(false)
-- origin: a read that times out
bool(false)
bool(false)
bool(true)
bool(false)
-- origin: reads from a peer that closed
int(5)
string(15) "last after 0.2
"
bool(false)
string(0) ""
string(0) ""
bool(true)
int(1)
int(1)
bool(true)
-- goroutine: a refused connect

Warning: stream_socket_client(): Unable to connect to tcp://127.0.0.1:%d (Connection refused) in %s on line %d
bool(false)
int(111)
string(18) "Connection refused"

Warning: fsockopen(): Unable to connect to 127.0.0.1:%d (Connection refused) in %s on line %d
bool(false)
int(111)
string(18) "Connection refused"
-- goroutine: a missing unix socket

Warning: stream_socket_client(): Unable to connect to unix://%s/missing.sock (No such file or directory) in %s on line %d
bool(false)
int(2)
string(25) "No such file or directory"
-- goroutine: a connect that times out

Warning: stream_socket_client(): Unable to connect to tcp://127.0.0.1:%d (Connection timed out) in %s on line %d
bool(false)
int(110)
string(20) "Connection timed out"
-- goroutine: an accept that times out

Warning: stream_socket_accept(): Accept failed: Connection timed out in %s on line %d
bool(false)
-- goroutine: a read that times out
bool(false)
bool(false)
bool(true)
bool(false)
-- goroutine: reads from a peer that closed
int(5)
string(15) "last after 0.2
"
bool(false)
string(0) ""
string(0) ""
bool(true)
int(1)
int(1)
bool(true)
-- end
exit status: 0
