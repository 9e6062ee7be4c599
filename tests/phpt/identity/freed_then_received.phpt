--TEST--
Identity: once the last PHP reference to a goos object goes (unset, the garbage collector, a destructor during collection), receiving its native object again makes a new PHP object that works; no stale object is handed out
--EXTENSIONS--
goos
--FILE--
<?php
use Goos\Chan;

$carrier = new Chan(4);

// unset: the next received one is a new object over the same channel, even
// where another object took the freed one's memory and handle.
$chan = new Chan(2);
$chan->send('kept in the channel');
$carrier->send($chan);
unset($chan);
$squatters = [new stdClass(), new ArrayObject(), new stdClass()];
$back = $carrier->recv();
var_dump($back instanceof Chan, $back->capacity());
echo $back->recv(), "\n";
$carrier->send($back);
var_dump($carrier->recv() === $back);
unset($back);

// The garbage collector: the only PHP object sits in a cycle.
$chan = new Chan(1);
$chan->send('after the collector');
$carrier->send($chan);
$cycle = new stdClass();
$cycle->self = $cycle;
$cycle->chan = $chan;
unset($chan, $cycle);
gc_collect_cycles();
$squatters[] = new stdClass();
$back = $carrier->recv();
var_dump($back instanceof Chan);
echo $back->recv(), "\n";
unset($back);

// A destructor, run by the collector, receives the native object whose only
// PHP object is garbage in that same collection: it must get an object that
// lives on, not one the collector frees next.
final class Receiver
{
    public ?Receiver $self = null;
    public function __construct(private Chan $from) {}
    public function __destruct() { $GLOBALS['got'] = $this->from->recv(); }
}
$chan = new Chan(1);
$chan->send('received in a destructor');
$carrier->send($chan);
$garbage = new stdClass();
$garbage->self = $garbage;
$garbage->chan = $chan;
$receiver = new Receiver($carrier);
$receiver->self = $receiver;
unset($chan, $garbage, $receiver);
gc_collect_cycles();
gc_collect_cycles();
$squatters[] = new stdClass();
$squatters[] = new ArrayObject([1, 2, 3]);
var_dump($got instanceof Chan, $got->capacity());
echo $got->recv(), "\n";
// Equal (one channel) whichever destructor the collector ran first; if the
// receiver's ran before the channel's, $got is the old object brought back,
// which left the map at its own destructor, and this is a second PHP object.
$carrier->send($got);
var_dump($carrier->recv() == $got);
echo "done\n";
?>
--EXPECT--
bool(true)
int(2)
kept in the channel
bool(true)
bool(true)
after the collector
bool(true)
int(1)
received in a destructor
bool(true)
done
