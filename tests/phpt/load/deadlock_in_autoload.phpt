--TEST--
Autoload, one P: a class file that waits on a channel for a goroutine of its thread that must first autoload (one autoload at a time per thread) is a deadlock, reported with the second goroutine waiting on "code load"
--EXTENSIONS--
goos
--FILE--
<?php
require __DIR__ . '/../go/child.inc';
$dir = __DIR__ . '/fixtures/deadlock';
[$out, $status] = goos_child(<<<PHP
<?php
use Goos\Chan;
final class Dl_Gate
{
    public static Chan \$chan;
}
function dl_first(Chan \$ch): void
{
    Dl_Gate::\$chan = \$ch;
    new Dl_A();
}
function dl_second(Chan \$ch): void
{
    usleep(20000); // the first is inside Dl_A.php by now
    new Dl_B();
    \$ch->send(true);
}
spl_autoload_register(fn (string \$class) => require "$dir/\$class.php");
\$ch = new Chan();
go('dl_first', \$ch);
go('dl_second', \$ch);
Goos\Scheduler::join();
PHP, '-d goos.max_procs=1');
$text = implode("\n", $out);
echo $out[0], "\n";
var_dump(
    (bool) preg_match('/goroutine \d+ \[waiting, chan receive\]/', $text),
    (bool) preg_match('/goroutine \d+ \[waiting, code load\] on P0:\n(  #\d+ .*\n)*  #\d+ [^\n]*dl_second\(/', $text),
    $status,
);
?>
--EXPECT--
fatal error: all goroutines are asleep - deadlock!
bool(true)
bool(true)
int(255)
