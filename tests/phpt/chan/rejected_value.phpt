--TEST--
Chan: a value that cannot cross throws Goos\TransferError in the sender; nothing is sent and the channel stays usable
--EXTENSIONS--
goos
--FILE--
<?php
use Goos\Chan;
use Goos\TransferError;

$ch = new Chan(2);
$file = fopen('php://memory', 'r');
$x = 1;
$bad = [
    'resource'  => ['db' => $file],
    'reference' => [&$x],
    'in object' => new ArrayObject(['h' => $file]),
];
foreach ($bad as $name => $value) {
    try {
        $ch->send($value);
    } catch (TransferError $e) {
        echo "$name: ", $e->getMessage(), "\n";
    }
}
try { $ch->trySend(['f' => $file]); } catch (TransferError $e) { echo "trySend: ", $e->getMessage(), "\n"; }
try {
    Goos\select(['s' => Goos\send($ch, $file)]);
} catch (TransferError $e) {
    echo "select: ", $e->getMessage(), "\n";
}
var_dump(count($ch));

// Still usable, by goroutines too.
go(function () use ($ch) { $ch->send(['ok' => true]); });
var_dump($ch->recv());
?>
--EXPECT--
resource: $value['db']: a resource of type stream cannot cross to another thread
reference: $value[0]: a reference cannot cross to another thread
in object: $value: a resource of type stream cannot cross to another thread
trySend: $value['f']: a resource of type stream cannot cross to another thread
select: $value: a resource of type stream cannot cross to another thread
int(0)
array(1) {
  ["ok"]=>
  bool(true)
}
