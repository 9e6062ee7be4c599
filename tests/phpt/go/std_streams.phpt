--TEST--
STDIN, STDOUT and STDERR are defined in goroutines as in the CLI script: a goroutine reads the script's standard input and writes to its standard output, on another thread
--EXTENSIONS--
goos
--STDIN--
first line
second line
--FILE--
<?php
use Goos\{Chan, Scheduler};

Scheduler::maxProcs(2);
$lines = new Chan(2);
go(function (Chan $lines) {
    // Nothing read yet: the goroutine's STDIN reads the script's input.
    $lines->send(fgets(STDIN));
    $lines->send(fgets(STDIN));
    fwrite(STDOUT, "written by a goroutine to STDOUT\n");
    fflush(STDOUT);
    echo implode(', ', array_map(fn ($s) => get_resource_type($s), [STDIN, STDOUT, STDERR])), "\n";
}, $lines);
Scheduler::join();
echo 'read by the goroutine: ', json_encode([$lines->recv(), $lines->recv()]), "\n";
fwrite(STDOUT, "the script's STDOUT still works\n");
?>
--EXPECT--
written by a goroutine to STDOUT
stream, stream, stream
read by the goroutine: ["first line\n","second line\n"]
the script's STDOUT still works
