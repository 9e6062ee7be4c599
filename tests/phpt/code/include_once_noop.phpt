--TEST--
Code: include_once/require_once in a goroutine of a file the script loaded does not run it again (opcache off)
--EXTENSIONS--
goos
--INI--
opcache.enable_cli=0
--FILE--
<?php
require_once __DIR__ . '/fixtures/once.inc';

go(function () {
    var_dump(require_once __DIR__ . '/fixtures/once.inc');
    var_dump(include_once __DIR__ . '/fixtures/../fixtures/once.inc');
    var_dump(once_fn());
    var_dump(in_array(realpath(__DIR__ . '/fixtures/once.inc'), get_included_files(), true));
});
Goos\Scheduler::join();
?>
--EXPECT--
once.inc ran
bool(true)
bool(true)
string(7) "once_fn"
bool(true)
