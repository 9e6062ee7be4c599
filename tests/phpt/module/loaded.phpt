--TEST--
goos is loaded, reports its version, and is listed by `php -m` and `php --ri`
--EXTENSIONS--
goos
--FILE--
<?php
var_dump(extension_loaded('goos'));
var_dump(in_array('goos', get_loaded_extensions(), true));
var_dump(phpversion('goos') === Goos\VERSION);
var_dump((bool) preg_match('/^\d+\.\d+\.\d+(-dev)?$/', Goos\VERSION));

// Run the PHP binary itself, loading only goos.so (found where this process mapped it).
$so = null;
foreach (file('/proc/self/maps') as $line) {
    if (preg_match('#(/\S+/goos\.so)$#', trim($line), $m)) { $so = $m[1]; break; }
}
var_dump($so !== null);
$php = escapeshellarg(PHP_BINARY) . ' -n -d extension=' . escapeshellarg($so);
$modules = explode("\n", shell_exec("$php -m"));
var_dump(in_array('goos', $modules, true));
$info = shell_exec("$php --ri goos");
var_dump(str_contains($info, 'goos support => enabled'));
var_dump(str_contains($info, 'Version => ' . Goos\VERSION));
?>
--EXPECT--
bool(true)
bool(true)
bool(true)
bool(true)
bool(true)
bool(true)
bool(true)
bool(true)
