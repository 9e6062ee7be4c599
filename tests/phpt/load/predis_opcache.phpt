--TEST--
Autoload, one P: Predis (Debian's php-nrk-predis) loaded, registered and used by twenty goroutines at once against a redis-server the test starts; every goroutine sets and gets its key (issue 12's report; opcache on)
--EXTENSIONS--
goos
--SKIPIF--
<?php
if (!extension_loaded('Zend OPcache')) die('skip opcache is not loaded');
if (!is_file('/usr/share/php/Predis/Autoloader.php')) die('skip php-nrk-predis is not installed (scripts/test.sh installs it from Debian)');
require __DIR__ . '/fixtures/redis.php';
$server = redis_start();
if (is_string($server)) die("skip $server");
redis_stop($server);
?>
--INI--
opcache.enable_cli=1
opcache.file_update_protection=0
opcache.protect_memory=0
goos.preempt_ms=1
error_reporting=E_ALL & ~E_DEPRECATED
--FILE--
<?php
const PREDIS_PROCS = 1;
require __DIR__ . '/fixtures/predis_scenario.php';
?>
--EXPECT--
20 of 20 goroutines set and got their key

bool(false)
