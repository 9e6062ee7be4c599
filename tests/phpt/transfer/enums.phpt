--TEST--
Transfer: an enum case arrives as the same case of the same enum
--EXTENSIONS--
goos
--FILE--
<?php
enum Suit: string
{
    case Hearts = 'H';
    case Spades = 'S';
    public function color(): string { return $this === self::Hearts ? 'Red' : 'Black'; }
}
enum Status { case Active; case Inactive; }

go(function (Suit $s, Status $st, array $cases) {
    var_dump($s === Suit::Spades, $s->color(), $s->value);
    var_dump($st === Status::Active, $st);
    var_dump($cases[0] === Suit::Hearts, $cases[0] === $cases[1]);
}, Suit::Spades, Status::Active, [Suit::Hearts, Suit::Hearts]);
Goos\Scheduler::join();
?>
--EXPECT--
bool(true)
string(5) "Black"
string(1) "S"
bool(true)
enum(Status::Active)
bool(true)
bool(true)
