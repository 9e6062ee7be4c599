--TEST--
Transfer: first-class callables and other callables of internal and user functions and methods
--EXTENSIONS--
goos
--FILE--
<?php
function greet(string $who): string { return "hello $who"; }
class Tools
{
    public function __construct(private string $prefix) {}
    public static function twice(int $v): int { return $v * 2; }
    public function tag(string $s): string { return "{$this->prefix}:$s"; }
    private function hidden(): string { return 'hidden'; }
    public function hiddenCallable(): Closure { return $this->hidden(...); }
}
$tools = new Tools('t');
$date = new DateTimeImmutable('2024-05-06 07:08:09 UTC');

$show = function (Closure ...$fs) {
    echo $fs[0]('abcd'), "\n";
    echo $fs[1]('world'), "\n";
    echo $fs[2](21), "\n";
    echo $fs[3]('x'), "\n";
    echo $fs[4](), "\n";
    echo $fs[5]('Y-m-d'), "\n";
    echo $fs[6]('a,b'), "\n";
};
go($show, strlen(...), greet(...), Tools::twice(...), $tools->tag(...), $tools->hiddenCallable(),
    $date->format(...), Closure::fromCallable('strtoupper'));
Goos\Scheduler::join();

// A first-class callable as the goroutine itself, and string and array callables.
function say(string $what): void { echo $what, "\n"; }
class Speaker
{
    public function __construct(private string $name) {}
    public function say(string $what): void { echo "{$this->name}: $what\n"; }
    public static function announce(string $what): void { echo "announce: $what\n"; }
}
go(say(...), 'first-class');
Goos\Scheduler::join();
go('say', 'string callable');
Goos\Scheduler::join();
go([new Speaker('bob'), 'say'], 'array callable');
Goos\Scheduler::join();
go('Speaker::announce', 'static string callable');
Goos\Scheduler::join();
go([Speaker::class, 'announce'], 'static array callable');
Goos\Scheduler::join();

// A callable of a magic __call() has no code to find again.
class Magic { public function __call($name, $args) { return $name; } }
try {
    go((new Magic())->anything(...));
} catch (Goos\TransferError $e) {
    echo $e->getMessage(), "\n";
}
?>
--EXPECT--
4
hello world
42
t:x
hidden
2024-05-06
A,B
first-class
string callable
bob: array callable
announce: static string callable
announce: static array callable
$fn: a closure of a magic method call cannot cross to another thread
