--TEST--
I/O hooks (issue 13): an extension loaded after startup with dl() has its imports patched before dl() returns (phpredis imports poll), and goos.io_hooks=0 patches nothing
--EXTENSIONS--
goos
--SKIPIF--
<?php
$so = getenv('GOOS_PHPREDIS_SO');
if (!$so || !is_file($so)) die('skip phpredis not built (GOOS_PHPREDIS_SO: scripts/test.sh builds it with scripts/phpredis.sh)');
?>
--FILE--
<?php
// A child PHP with only goos loaded and phpredis' folder as extension_dir
// (dl() takes a bare file name), which dl()s phpredis and prints the hooks
// line of phpinfo() before and after.
$goos = null;
foreach (file('/proc/self/maps') as $line) {
    if (preg_match('#(/\S+/goos\.so)$#', trim($line), $m)) { $goos = $m[1]; break; }
}
$redis = getenv('GOOS_PHPREDIS_SO');
$script = <<<'PHP'
function hooks_line(): string {
    ob_start();
    phpinfo(INFO_MODULES);
    preg_match('/^I\/O hooks => (.*)$/m', ob_get_clean(), $m);
    return $m[1] ?? 'missing';
}
$before = hooks_line();
echo 'before dl(): redis.so hooked: ', var_export(str_contains($before, 'redis.so'), true), "\n";
var_dump(dl(basename(getenv('REDIS_SO'))));
$after = hooks_line();
echo 'after dl(): redis.so hooked: ', var_export(str_contains($after, 'redis.so'), true), "\n";
echo 'hooks: ', $after === 'off' ? 'off' : 'on', "\n";
PHP;
foreach (['1', '0'] as $on) {
    $cmd = [PHP_BINARY, '-n', '-d', "extension=$goos", '-d', 'extension_dir=' . dirname($redis),
            '-d', "goos.io_hooks=$on", '-r', $script];
    $p = proc_open($cmd, [1 => ['pipe', 'w'], 2 => ['pipe', 'w']], $pipes, null, ['REDIS_SO' => $redis]);
    echo "goos.io_hooks=$on:\n", stream_get_contents($pipes[1]), stream_get_contents($pipes[2]);
    proc_close($p);
}
?>
--EXPECT--
goos.io_hooks=1:
before dl(): redis.so hooked: false
bool(true)
after dl(): redis.so hooked: true
hooks: on
goos.io_hooks=0:
before dl(): redis.so hooked: false
bool(true)
after dl(): redis.so hooked: false
hooks: off
