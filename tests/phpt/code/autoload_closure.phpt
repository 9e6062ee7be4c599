--TEST--
Code: classes autoloaded by a closure before go() are there; classes first met in the goroutine autoload through the script's autoloader (opcache off)
--EXTENSIONS--
goos
--INI--
opcache.enable_cli=0
--FILE--
<?php
spl_autoload_register(function (string $class): void {
    echo "autoload $class (goroutine ", Goos\Scheduler::id() === 0 ? 'no' : 'yes', ")\n";
    $file = __DIR__ . "/fixtures/autoload/$class.php";
    if (is_file($file)) {
        require $file;
    }
});

// Auto_Child: autoloaded, and its parent and interface with it (the child's
// file is compiled first, so it is linked when its parent is there).
var_dump(Auto_Child::WHERE, Auto_Status::On);

go(function () {
    var_dump(new Auto_Child() instanceof Auto_Marker, Auto_Status::from(0));
    // Not loaded by the script: the goroutine's interpreter asks the
    // script's autoloader.
    var_dump((new Auto_Late())->hello());
    var_dump(class_exists('Auto_Missing'));
});
Goos\Scheduler::join();
var_dump(class_exists('Auto_Late', false));
?>
--EXPECT--
autoload Auto_Child (goroutine no)
autoload Auto_Plain (goroutine no)
autoload Auto_Marker (goroutine no)
autoload Auto_Status (goroutine no)
string(10) "autoloaded"
enum(Auto_Status::On)
bool(true)
enum(Auto_Status::Off)
autoload Auto_Late (goroutine yes)
string(35) "Auto_Late, first met in a goroutine"
autoload Auto_Missing (goroutine yes)
bool(false)
bool(false)
