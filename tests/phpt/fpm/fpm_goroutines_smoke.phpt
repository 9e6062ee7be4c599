--TEST--
php-fpm with goos loaded (issue 15): a page starts a goroutine that prints and joins it; the response is a 200 with the goroutine's line and the page's own
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

$path = fpm_page('goroutines_smoke', <<<'PHP'
<?php
go(fn() => print "hello from a goroutine\n");
Goos\Scheduler::join();
echo "done\n";
PHP);
[$status, , $body] = fpm_get($path);
echo "status $status\n", $body;
?>
--EXPECT--
status 200
hello from a goroutine
done
