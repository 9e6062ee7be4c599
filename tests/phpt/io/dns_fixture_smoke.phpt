--TEST--
The slow DNS fixture (fixtures/with_slow_dns.sh, issue 13): in its namespaces a goos.test name resolves to 127.0.0.1 through the system resolver, no sooner than the delay, a name outside the zone does not resolve, and the host's resolver files are left as they were
--SKIPIF--
<?php
if (PHP_OS_FAMILY !== 'Linux') die('skip Linux only (namespaces)');
if (trim((string) shell_exec('command -v unshare 2>/dev/null')) === '') die('skip unshare (util-linux) is not installed');
// The wrapper says why it cannot run here (exit status 77, the reason on stderr).
$p = proc_open(['bash', __DIR__ . '/fixtures/with_slow_dns.sh', 'true'], [1 => ['pipe', 'w'], 2 => ['pipe', 'w']], $pipes);
stream_get_contents($pipes[1]);
$err = trim(stream_get_contents($pipes[2]));
if (proc_close($p) === 77) die('skip ' . preg_replace('/^with_slow_dns\.sh: skip: /', '', $err));
?>
--FILE--
<?php
$files = ['/etc/resolv.conf', '/etc/hosts', '/etc/nsswitch.conf'];
$before = array_map(fn ($f) => @file_get_contents($f), $files);

// In the namespaces: what the resolver is told, then a name of the zone timed
// (gethostbyname: glibc's resolver, an A query), one outside it, and glibc's
// getaddrinfo through getent.
$child = <<<'PHP'
preg_match('/^nameserver .*/m', file_get_contents('/etc/resolv.conf'), $m);
echo "namespace resolv.conf: $m[0]\n";
$t = hrtime(true);
$ip = gethostbyname('a.goos.test');
$s = (hrtime(true) - $t) / 1e9;
echo "a.goos.test: $ip, no sooner than the delay: ", $s >= 0.2 ? 'yes' : "no ($s s)", "\n";
$nx = gethostbyname('nx.example');
echo 'nx.example: ', $nx === 'nx.example' ? 'not resolved' : "resolved to $nx", "\n";
echo 'getent ahostsv4 b.goos.test: ', preg_replace('/\s+/', ' ', trim((string) shell_exec('getent ahostsv4 b.goos.test | head -1'))), "\n";
PHP;
$php = getenv('TEST_PHP_EXECUTABLE') ?: PHP_BINARY;
$p = proc_open(['bash', __DIR__ . '/fixtures/with_slow_dns.sh', $php, '-n', '-r', $child],
    [0 => ['file', '/dev/null', 'r'], 1 => ['pipe', 'w'], 2 => ['pipe', 'w']], $pipes);
$out = stream_get_contents($pipes[1]);
$err = stream_get_contents($pipes[2]);
$status = proc_close($p);
echo $out;
echo "exit status: $status\n";
if ($err !== '') echo "stderr: $err\n";

foreach ($files as $i => $f) {
    echo "host's $f unchanged: ", @file_get_contents($f) === $before[$i] ? 'yes' : 'no', "\n";
}
?>
--EXPECT--
namespace resolv.conf: nameserver 127.0.0.1
a.goos.test: 127.0.0.1, no sooner than the delay: yes
nx.example: not resolved
getent ahostsv4 b.goos.test: 127.0.0.1 STREAM b.goos.test
exit status: 0
host's /etc/resolv.conf unchanged: yes
host's /etc/hosts unchanged: yes
host's /etc/nsswitch.conf unchanged: yes
