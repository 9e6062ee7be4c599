--TEST--
Transfer: an object reached twice arrives as one object, and cycles survive
--EXTENSIONS--
goos
--FILE--
<?php
class Node
{
    public $next;
    public $self;
    public array $children = [];
    public function __construct(public string $name) {}
}

$a = new Node('a');
$b = new Node('b');
$a->self = $a;          // a cycle through itself
$a->next = $b;
$b->next = $a;          // a cycle through another object
$a->children = [$b, $b];
$date = new DateTime('2000-01-01 00:00:00 UTC');

go(function (Node $a, Node $alsoA, array $list, DateTime $d1, DateTime $d2) {
    var_dump($a === $alsoA, $a->self === $a, $a->next->next === $a);
    var_dump($a->children[0] === $a->children[1], $a->children[0] === $a->next);
    var_dump($list[0] === $a, $list['b'] === $a->next);
    var_dump($d1 === $d2);
    // One object, as on the sending side: a change through one path shows through the other.
    $a->next->name = 'B';
    echo $a->children[1]->name, "\n";
}, $a, $a, [$a, 'b' => $b], $date, $date);
Goos\Scheduler::join();
echo $b->name, "\n";

// A cycle that runs through a closure's $this back to the closure.
class Button
{
    public ?Closure $onClick = null;
    public string $label = 'OK';
    public function wire(): void { $this->onClick = function () { return "clicked {$this->label}"; }; }
}
$button = new Button();
$button->wire();
go(function (Closure $click, Button $button) {
    echo $click(), "\n";
    var_dump($button->onClick === $click);
}, $button->onClick, $button);
Goos\Scheduler::join();
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
B
b
clicked OK
bool(true)
