--TEST--
Code: a script given on standard input or with php -r has no file to compile: its closures and autoloaders fail at go() with a clear error (opcache off)
--EXTENSIONS--
goos
--INI--
opcache.enable_cli=0
--FILE--
<?php
$php = getenv('TEST_PHP_EXECUTABLE');
$args = getenv('TEST_PHP_EXTRA_ARGS');
$code = 'class K {} function f() { return 1; } const C = 5; '
    . 'go(function () { echo "no\n"; }); ';
$desc = [0 => ['pipe', 'r'], 1 => ['pipe', 'w'], 2 => ['pipe', 'w']];
$run = function (string $cmd, string $stdin) use ($desc) {
    $p = proc_open($cmd, $desc, $pipes);
    fwrite($pipes[0], $stdin);
    fclose($pipes[0]);
    $out = stream_get_contents($pipes[1]) . stream_get_contents($pipes[2]);
    echo trim(preg_replace('/\s+Stack trace:.*/s', '', $out)), "\nexit status: ", proc_close($p), "\n";
};
$run("$php $args -d display_errors=1 -d log_errors=0", "<?php $code");
$run("$php $args -d display_errors=1 -d log_errors=0 -r " . escapeshellarg("spl_autoload_register('f'); $code"), '');
// Its functions and classes are not there (no file to compile them from);
// its constants are (they cross by value).
$run("$php $args -d display_errors=1 -d log_errors=0 -r " . escapeshellarg(
    'class K {} function f() { return 1; } const C = 5; '
    . 'require "' . __DIR__ . '/fixtures/probe.inc"; go("probe");'), '');
?>
--EXPECTF--
%AFatal error: Uncaught Goos\TransferError: $fn: %Sit was declared in Standard input code, which is not a file the script included (code given with php -r or on standard input cannot run in a goroutine: put it in a file)%S in Standard input code:1
exit status: 255
%AFatal error: Uncaught Goos\TransferError: autoloader #1: it was declared in Command line code, which is not a file the script included (code given with php -r or on standard input cannot run in a goroutine: put it in a file) in Command line code:1
exit status: 255
bool(false)
bool(false)
bool(true)
exit status: 0
