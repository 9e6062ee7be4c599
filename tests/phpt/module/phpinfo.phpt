--TEST--
phpinfo() has a goos section with the version, the processors, what the I/O hooks reach and every ini entry
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
// The I/O hooks line: what the executable's calls reach is fixed by PHP's
// own code (these five at least, on both PHP lines); which libraries are
// loaded depends on the build.
$section = preg_replace_callback('/^I\/O hooks => on; php: ([a-z_0-9 ]+); also in \d+ libraries: .*$/m',
    fn ($m) => 'I/O hooks => on; php: ' . implode(' ', array_intersect(['connect', 'getaddrinfo', 'poll', 'read', 'select'], explode(' ', $m[1]))) . '; also in N libraries',
    $section);
echo $section, "\n";
?>
--EXPECT--
goos

goos support => enabled
Version => X.Y.Z
boost.context => X.Y.Z
CPUs available => N
Processors (Ps) => N
I/O hooks => on; php: connect getaddrinfo poll read select; also in N libraries

Directive => Local Value => Master Value
goos.bootstrap => no value => no value
goos.io_hooks => On => On
goos.max_procs => 0 => 0
goos.preempt_ms => 10 => 10
goos.stack_size => 2M => 2M
