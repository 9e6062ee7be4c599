--TEST--
Transfer: internal objects that can be serialised cross through their serialisation (__serialize()/__unserialize(), or serialize())
--EXTENSIONS--
goos
--FILE--
<?php
$s = new SplObjectStorage();
$s[new DateTime('2001-02-03 04:05:06 UTC')] = 'data';
$q = new SplQueue();
$q->enqueue('first');
$q->enqueue(['second']);
go('var_dump',
    new DateTimeImmutable('2020-02-03 04:05:06.789 Europe/Paris'),
    new DateTimeZone('Asia/Tokyo'),
    new ArrayObject(['a' => 1, 'b' => [2]]),
    $s,
    $q,
    new SplFixedArray(2),
    new Exception('boom', 3),
);
Goos\Scheduler::join();
?>
--EXPECTF--
object(DateTimeImmutable)#%d (3) {
  ["date"]=>
  string(26) "2020-02-03 04:05:06.789000"
  ["timezone_type"]=>
  int(3)
  ["timezone"]=>
  string(12) "Europe/Paris"
}
object(DateTimeZone)#%d (2) {
  ["timezone_type"]=>
  int(3)
  ["timezone"]=>
  string(10) "Asia/Tokyo"
}
object(ArrayObject)#%d (1) {
  ["storage":"ArrayObject":private]=>
  array(2) {
    ["a"]=>
    int(1)
    ["b"]=>
    array(1) {
      [0]=>
      int(2)
    }
  }
}
object(SplObjectStorage)#%d (1) {
  ["storage":"SplObjectStorage":private]=>
  array(1) {
    [0]=>
    array(2) {
      ["obj"]=>
      object(DateTime)#%d (3) {
        ["date"]=>
        string(26) "2001-02-03 04:05:06.000000"
        ["timezone_type"]=>
        int(3)
        ["timezone"]=>
        string(3) "UTC"
      }
      ["inf"]=>
      string(4) "data"
    }
  }
}
object(SplQueue)#%d (2) {
  ["flags":"SplDoublyLinkedList":private]=>
  int(4)
  ["dllist":"SplDoublyLinkedList":private]=>
  array(2) {
    [0]=>
    string(5) "first"
    [1]=>
    array(1) {
      [0]=>
      string(6) "second"
    }
  }
}
object(SplFixedArray)#%d (2) {
  [0]=>
  NULL
  [1]=>
  NULL
}
object(Exception)#%d (7) {
  ["message":protected]=>
  string(4) "boom"
  ["string":"Exception":private]=>
  string(0) ""
  ["code":protected]=>
  int(3)
  ["file":protected]=>
  string(%d) "%s"
  ["line":protected]=>
  int(14)
  ["trace":"Exception":private]=>
  array(0) {
  }
  ["previous":"Exception":private]=>
  NULL
}
