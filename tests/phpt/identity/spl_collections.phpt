--TEST--
Identity: SplObjectStorage, WeakMap, in_array (loose and strict), array_search and array_keys find a goos object that came back through a channel, and tell different ones apart
--EXTENSIONS--
goos
--FILE--
<?php
use Goos\{Chan, Mutex};

$list = [new Chan(), new Chan(), new Chan(), new Mutex(), new Mutex()];
$carrier = new Chan(count($list));
foreach ($list as $object) $carrier->send($object);

$store = new SplObjectStorage();
$weak = new WeakMap();
foreach ($list as $i => $object) {
    $store[$object] = $i;
    $weak[$object] = $i;
}

foreach ($list as $i => $object) {
    $got = $carrier->recv();
    echo $i, ': storage ', $store[$got], ' contains ', var_export($store->contains($got), true),
        ', weak ', $weak[$got],
        ', in_array ', var_export(in_array($got, $list), true), '/', var_export(in_array($got, $list, true), true),
        ', search ', array_search($got, $list), '/', array_search($got, $list, true),
        ', keys ', implode(',', array_keys($list, $got)), "\n";
    $store->attach($got, $i);
}
echo 'storage size ', count($store), "\n";

$stranger = new Chan();
var_dump(in_array($stranger, $list), array_search($stranger, $list), $store->contains($stranger));
?>
--EXPECT--
0: storage 0 contains true, weak 0, in_array true/true, search 0/0, keys 0
1: storage 1 contains true, weak 1, in_array true/true, search 1/1, keys 1
2: storage 2 contains true, weak 2, in_array true/true, search 2/2, keys 2
3: storage 3 contains true, weak 3, in_array true/true, search 3/3, keys 3
4: storage 4 contains true, weak 4, in_array true/true, search 4/4, keys 4
storage size 5
bool(false)
bool(false)
bool(false)
