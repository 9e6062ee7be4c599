--TEST--
Transfer: arrays are deep-copied with their keys and their order
--EXTENSIONS--
goos
--FILE--
<?php
$packed = [10, 20, 30];
$hash = ['b' => 1, 'a' => 2, 7 => 'seven', -3 => 'minus', '' => 'empty key', 'nested' => ['x' => [1, [2, [3]]]]];
$holes = [0 => 'a', 5 => 'f', 2 => 'c'];
go('var_dump', $packed, $hash, $holes, [], [[]]);
Goos\Scheduler::join();
?>
--EXPECT--
array(3) {
  [0]=>
  int(10)
  [1]=>
  int(20)
  [2]=>
  int(30)
}
array(6) {
  ["b"]=>
  int(1)
  ["a"]=>
  int(2)
  [7]=>
  string(5) "seven"
  [-3]=>
  string(5) "minus"
  [""]=>
  string(9) "empty key"
  ["nested"]=>
  array(1) {
    ["x"]=>
    array(2) {
      [0]=>
      int(1)
      [1]=>
      array(2) {
        [0]=>
        int(2)
        [1]=>
        array(1) {
          [0]=>
          int(3)
        }
      }
    }
  }
}
array(3) {
  [0]=>
  string(1) "a"
  [5]=>
  string(1) "f"
  [2]=>
  string(1) "c"
}
array(0) {
}
array(1) {
  [0]=>
  array(0) {
  }
}
