--TEST--
exit() in the script still waits for its goroutines (the implicit join runs at shutdown)
--EXTENSIONS--
goos
--FILE--
<?php
go(function () {
    Goos\Time::sleep(0.05);
    echo "goroutine done\n";
});
exit(0);
?>
--EXPECT--
goroutine done
