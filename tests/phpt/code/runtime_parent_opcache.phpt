--TEST--
Code: a class whose parent and interface are in another file, declared at run time, is declared in the goroutine too (opcache on)
--EXTENSIONS--
goos
--SKIPIF--
<?php if (!extension_loaded('Zend OPcache')) die('skip opcache is not loaded'); ?>
--INI--
opcache.enable_cli=1
opcache.file_update_protection=0
opcache.protect_memory=0
--FILE--
<?php
// dog.inc compiles before base.inc is loaded: Dog waits for its
// DECLARE_CLASS to run. A goroutine compiles both and binds Dog itself.
spl_autoload_register(function (string $class): void {
    require __DIR__ . '/fixtures/base.inc';
});
require __DIR__ . '/fixtures/dog.inc';

go(function () {
    $dog = new Dog();
    var_dump($dog->speak(), $dog->owner(), $dog instanceof Animal, $dog instanceof Pet);
    var_dump(get_parent_class($dog));
});
Goos\Scheduler::join();
?>
--EXPECT--
string(13) "Dog says woof"
string(5) "alice"
bool(true)
bool(true)
string(6) "Animal"
