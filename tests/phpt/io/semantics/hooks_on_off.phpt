--TEST--
I/O hooks (issue 13), semantics: a script's output, warnings included, is the same with the hooks on and off (-d goos.io_hooks=1 and =0) for I/O that fails in goroutines: socket_read() and fread() timeouts, refused connects (socket_connect, stream_socket_client, fsockopen, file_get_contents of http://), failing commands (exec, system, shell_exec, popen)
--EXTENSIONS--
goos
sockets
--FILE--
<?php
require __DIR__ . '/child.inc';

// A port that refuses: bound here and not listening, for both runs.
$bound = socket_create(AF_INET, SOCK_STREAM, SOL_TCP);
socket_bind($bound, '127.0.0.1', 0);
socket_getsockname($bound, $addr, $refusing);

// One script file for both runs: its warnings name it. Its goroutines run
// one after the other, on one P.
$file = tempnam(sys_get_temp_dir(), 'goos');
file_put_contents($file, <<<PHP
<?php
\$refusing = $refusing;
PHP . <<<'PHP'

use Goos\Scheduler;
Scheduler::maxProcs(1);
function run(string $what, Closure $fn, ...$args): void
{
    go(function () use ($what, $fn, $args) {
        echo "== $what\n";
        $fn(...$args);
    });
    Scheduler::join();
}

run('socket_read() with SO_RCVTIMEO', function () {
    $l = socket_create(AF_INET, SOCK_STREAM, SOL_TCP);
    socket_bind($l, '127.0.0.1', 0);
    socket_listen($l);
    socket_getsockname($l, $addr, $port);
    $s = socket_create(AF_INET, SOCK_STREAM, SOL_TCP);
    socket_connect($s, '127.0.0.1', $port);
    socket_set_option($s, SOL_SOCKET, SO_RCVTIMEO, ['sec' => 0, 'usec' => 200000]);
    var_dump(socket_read($s, 100), socket_last_error($s), socket_strerror(socket_last_error()));
    var_dump(socket_recv($s, $buf, 100, 0), $buf, socket_last_error($s));
});
run('fread() with stream_set_timeout()', function () {
    $pair = stream_socket_pair(STREAM_PF_UNIX, STREAM_SOCK_STREAM, STREAM_IPPROTO_IP);
    stream_set_timeout($pair[0], 0, 200000);
    var_dump(fread($pair[0], 100), stream_get_meta_data($pair[0])['timed_out']);
    var_dump(fgets($pair[0]), stream_get_meta_data($pair[0])['timed_out']);
});
run('refused connects', function (int $refusing) {
    $s = socket_create(AF_INET, SOCK_STREAM, SOL_TCP);
    var_dump(socket_connect($s, '127.0.0.1', $refusing), socket_last_error($s), socket_last_error());
    var_dump(stream_socket_client("tcp://127.0.0.1:$refusing", $errno, $errstr, 10), $errno, $errstr);
    var_dump(fsockopen('127.0.0.1', $refusing, $errno, $errstr, 10), $errno, $errstr);
    var_dump(file_get_contents("http://127.0.0.1:$refusing/"));
}, $refusing);
run('failing commands', function () {
    var_dump(exec('echo out; ls /nonexistent-goos-path; exit 3', $out, $status), $out, $status);
    var_dump(exec('goos-no-such-command', $out, $status), $status);
    var_dump(system('echo system; exit 4', $status), $status);
    var_dump(shell_exec('echo to stderr >&2; false'));
    $h = popen('goos-no-such-command 2>&1', 'r');
    var_dump(stream_get_contents($h), pclose($h));
});
PHP);

$runs = [];
foreach (['1', '0'] as $on) {
    $runs[$on] = io_child_file($file, "-d goos.io_hooks=$on");
}
unlink($file);
[$out, $status] = $runs['1'];
echo $out, "exit status: $status\n";
echo '== the same with the hooks off: ', json_encode($runs['0'] === $runs['1']), "\n";
if ($runs['0'] !== $runs['1']) {
    echo $runs['0'][0], "exit status: {$runs['0'][1]}\n";
}
?>
--EXPECTF--
== socket_read() with SO_RCVTIMEO
bool(false)
int(11)
string(32) "Resource temporarily unavailable"
bool(false)
NULL
int(11)
== fread() with stream_set_timeout()
bool(false)
bool(true)
bool(false)
bool(true)
== refused connects

Warning: socket_connect(): unable to connect [111]: Connection refused in %s on line %d
bool(false)
int(111)
int(111)

Warning: stream_socket_client(): Unable to connect to tcp://127.0.0.1:%d (Connection refused) in %s on line %d
bool(false)
int(111)
string(18) "Connection refused"

Warning: fsockopen(): Unable to connect to 127.0.0.1:%d (Connection refused) in %s on line %d
bool(false)
int(111)
string(18) "Connection refused"

Warning: file_get_contents(http://127.0.0.1:%d/): Failed to open stream: Connection refused in %s on line %d
bool(false)
== failing commands
ls: cannot access '/nonexistent-goos-path': No such file or directory
string(3) "out"
array(1) {
  [0]=>
  string(3) "out"
}
int(3)
sh: 1: goos-no-such-command: not found
string(0) ""
int(127)
system
string(6) "system"
int(4)
to stderr
NULL
string(%d) "sh: 1: goos-no-such-command: not found
"
int(127)
exit status: 0
== the same with the hooks off: true
