--TEST--
Identity: a goos object of every class sent through a channel and received in the interpreter that holds it is that object (===, spl_object_id), however often and however nested
--EXTENSIONS--
goos
--FILE--
<?php
use Goos\{Chan, Mutex, Once, RWMutex, Time, WaitGroup};

final class Envelope { public function __construct(public mixed $a, public mixed $b) {} }

$ticker = Time::tick(3600);
$ticker->stop();
$objects = [new Chan(1), new Mutex(), new RWMutex(), new WaitGroup(), new Once(), $ticker];
$carrier = new Chan(3);
foreach ($objects as $object) {
    $carrier->send($object);
    $carrier->send([$object, 'again' => [$object]]);
    $carrier->send(new Envelope($object, $object));
    $once = $carrier->recv();
    $array = $carrier->recv();
    $envelope = $carrier->recv();
    printf("%s: %s %s %s %s %s\n", get_class($object),
        var_export($once === $object, true),
        var_export($array[0] === $object && $array['again'][0] === $object, true),
        var_export($envelope->a === $object && $envelope->b === $object, true),
        var_export(spl_object_id($once) === spl_object_id($object), true),
        var_export($once == $object, true));
}

// The same object is the same state: what one handle does, the other sees.
$chan = $objects[0];
$carrier->send($chan);
$carrier->recv()->send('through the received handle');
echo $chan->recv(), "\n";

// Time::after() makes a new channel each time: different objects.
$t1 = Time::after(3600);
$t2 = Time::after(3600);
var_dump($t1 === $t2, $t1 == $t2);
?>
--EXPECT--
Goos\Chan: true true true true true
Goos\Mutex: true true true true true
Goos\RWMutex: true true true true true
Goos\WaitGroup: true true true true true
Goos\Once: true true true true true
Goos\Ticker: true true true true true
through the received handle
bool(false)
bool(false)
