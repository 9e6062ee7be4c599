--TEST--
phpinfo() has a goos section with the version, the processors and every ini entry
--EXTENSIONS--
goos
--FILE--
<?php
ob_start();
phpinfo(INFO_MODULES);
$info = ob_get_clean();
$section = substr($info, strpos($info, "\ngoos\n"));
$section = substr($section, 0, strpos($section, "\n\n", strpos($section, 'Directive')));
$section = preg_replace('/^(Version|boost\.context) => \d+\.\d+\.\d+(-dev)?$/m', '$1 => X.Y.Z', $section);
$section = preg_replace('/^(CPUs available|Processors \(Ps\)) => [1-9]\d*$/m', '$1 => N', $section);
echo $section, "\n";
?>
--EXPECT--
goos

goos support => enabled
Version => X.Y.Z
boost.context => X.Y.Z
CPUs available => N
Processors (Ps) => N

Directive => Local Value => Master Value
goos.bootstrap => no value => no value
goos.max_procs => 0 => 0
goos.preempt_ms => 10 => 10
goos.stack_size => 2M => 2M
