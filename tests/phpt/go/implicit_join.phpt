--TEST--
The script's end waits for its goroutines (an implicit join)
--EXTENSIONS--
goos
--FILE--
<?php
go(function () {
    Goos\Time::sleep(0.05);
    echo "goroutine finished\n";
});
echo "script body done\n";
?>
--EXPECT--
script body done
goroutine finished
