--TEST--
goos.bootstrap naming a directory is refused at startup
--EXTENSIONS--
goos
--INI--
display_startup_errors=1
goos.bootstrap={PWD}/fixtures
--FILE--
<?php
var_dump(ini_get('goos.bootstrap'));
?>
--EXPECTF--
%AWarning: PHP Startup: Invalid goos.bootstrap: cannot use "%s/fixtures": not a regular file; using the default in Unknown on line 0
string(0) ""
