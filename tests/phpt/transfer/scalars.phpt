--TEST--
Transfer: null, bool, int, float and string arrive as they were sent
--EXTENSIONS--
goos
--FILE--
<?php
$long = str_repeat("0123456789abcdef", 8192); // 128 KiB
go('var_dump', null, true, false, 0, -1, PHP_INT_MAX, PHP_INT_MIN, 1.5, -0.0, INF, -INF, NAN);
Goos\Scheduler::join();
go('var_dump', '', 'a', "tab\tnew\nline", 'ünïcödé');
Goos\Scheduler::join();
go('printf', "%s %d\n", md5($long), strlen($long));
Goos\Scheduler::join();
echo md5($long), "\n";
?>
--EXPECT--
NULL
bool(true)
bool(false)
int(0)
int(-1)
int(9223372036854775807)
int(-9223372036854775808)
float(1.5)
float(-0)
float(INF)
float(-INF)
float(NAN)
string(0) ""
string(1) "a"
string(12) "tab	new
line"
string(11) "ünïcödé"
ced877c812a6b561fa8c28b99fda69f2 131072
ced877c812a6b561fa8c28b99fda69f2
