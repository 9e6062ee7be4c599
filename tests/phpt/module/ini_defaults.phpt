--TEST--
goos.* ini entries have their defaults and are system-wide (ini_set refuses them)
--EXTENSIONS--
goos
--FILE--
<?php
foreach (['goos.max_procs', 'goos.preempt_ms', 'goos.stack_size', 'goos.bootstrap'] as $name) {
    var_dump($name, ini_get($name));
    var_dump(ini_set($name, '1'));
}
?>
--EXPECT--
string(14) "goos.max_procs"
string(1) "0"
bool(false)
string(15) "goos.preempt_ms"
string(2) "10"
bool(false)
string(15) "goos.stack_size"
string(2) "2M"
bool(false)
string(14) "goos.bootstrap"
string(0) ""
bool(false)
