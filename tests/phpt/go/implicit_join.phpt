--TEST--
The script's end waits for its goroutines (an implicit join)
--EXTENSIONS--
goos
--FILE--
<?php
// The goroutine goes on once the script's body has printed its line (not after
// a set time, which a slow script could outlast), then takes a while: without
// the implicit join the process would end first.
$body_done = new Goos\Chan();
go(function () use ($body_done) {
    $body_done->recv();
    Goos\Time::sleep(0.05);
    echo "goroutine finished\n";
});
echo "script body done\n";
$body_done->close();
?>
--EXPECT--
script body done
goroutine finished
