--TEST--
Code: autoloaders registered by function name and as a static method cross in the script's order (opcache on)
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
function first_loader(string $class): void
{
    echo "first_loader($class)\n";
}

class Loaders
{
    public static function fixtures(string $class): void
    {
        echo "Loaders::fixtures($class)\n";
        $file = __DIR__ . "/fixtures/autoload/$class.php";
        if (is_file($file)) {
            require $file;
        }
    }
}

spl_autoload_register('first_loader');
spl_autoload_register([Loaders::class, 'fixtures']);

go(function () {
    var_dump(spl_autoload_functions());
    var_dump(Auto_Plain::WHERE);
});
Goos\Scheduler::join();
?>
--EXPECT--
array(2) {
  [0]=>
  string(12) "first_loader"
  [1]=>
  array(2) {
    [0]=>
    string(7) "Loaders"
    [1]=>
    string(8) "fixtures"
  }
}
first_loader(Auto_Plain)
Loaders::fixtures(Auto_Plain)
string(10) "autoloaded"
