--TEST--
php-fpm (issue 15): two pages of the same shape in two directories, served one after the other by the same child, each run their own goroutine's closure (page Y must not run page X's closure, nor fail to find it once X is deleted)
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

// One child, so that every request reaches the same interpreter.
fpm_private(['GOOS_FPM_CHILDREN' => 1]);
$root = rtrim(getenv('GOOS_FPM_ROOT'), '/');
// Pages written just now: opcache does not cache them yet
// (opcache.file_update_protection), so each request compiles its page into
// request memory, at the same addresses as the previous request's page.
$page = function (string $dir, string $who) use ($root): string {
    @mkdir("$root/$dir", 0755);
    file_put_contents("$root/$dir/p.php", "<?php\ngo(function () { echo \"I am $who\\n\"; });\nGoos\\Scheduler::join();\n");
    return "/$dir/p.php";
};
$x = $page('x', 'X');
$y = $page('y', 'Y');
$z = $page('z', 'Z');
$show = function (string $what, array $r): void {
    echo "$what: $r[0] ", trim($r[2]), "\n";
};
$show('x', fpm_get($x));
$show('x', fpm_get($x));
$show('y', fpm_get($y));
$show('y', fpm_get($y));
unlink("$root/y/p.php");
rmdir("$root/y");
$show('z', fpm_get($z));
$show('x', fpm_get($x));
@unlink("$root/x/p.php");
@unlink("$root/z/p.php");
@rmdir("$root/x");
@rmdir("$root/z");
?>
--EXPECT--
x: 200 I am X
x: 200 I am X
y: 200 I am Y
y: 200 I am Y
z: 200 I am Z
x: 200 I am X
