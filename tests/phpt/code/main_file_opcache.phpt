--TEST--
Code: functions, classes, interfaces, traits, enums and constants of the main script are usable in a goroutine (opcache on)
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
interface Greeter
{
    public function greet(string $who): string;
}

trait Loud
{
    public function shout(string $s): string
    {
        return strtoupper($s) . '!';
    }
}

abstract class Base implements Greeter
{
    abstract protected function word(): string;

    public function greet(string $who): string
    {
        return $this->word() . ", $who";
    }
}

final class English extends Base
{
    use Loud;

    protected function word(): string
    {
        return 'hello';
    }
}

enum Suit: string
{
    case Hearts = 'H';
    case Spades = 'S';

    public function color(): string
    {
        return $this === self::Hearts ? 'red' : 'black';
    }
}

function twice(int $x): int
{
    return 2 * $x;
}

const LIMIT = 3;
define('GREETING', ['hello', 'world']);
define('Ns\RATIO', 1.5);

go(function () {
    $e = new English();
    var_dump($e->greet('gopher'), $e->shout('go'), $e instanceof Greeter);
    var_dump(Suit::from('S'), Suit::Hearts->color(), Suit::cases()[1]->name);
    var_dump(twice(21), LIMIT, GREETING, Ns\RATIO);
});
Goos\Scheduler::join();
?>
--EXPECT--
string(13) "hello, gopher"
string(3) "GO!"
bool(true)
enum(Suit::Spades)
string(3) "red"
string(6) "Spades"
int(42)
int(3)
array(2) {
  [0]=>
  string(5) "hello"
  [1]=>
  string(5) "world"
}
float(1.5)
