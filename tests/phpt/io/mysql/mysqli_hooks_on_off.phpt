--TEST--
mysqli with the I/O hooks on and off (goos.io_hooks): the same script, in the origin and in a goroutine, prints the same rows, errors and warnings either way (issue 13)
--EXTENSIONS--
goos
--SKIPIF--
<?php
require __DIR__ . '/fixtures/mysql_env.php';
mysql_skipif('mysqli');
?>
--FILE--
<?php
require __DIR__ . '/../redis/fixtures/hooks_on_off.php';

compare_io_hooks_on_and_off(run_with_io_hooks_on_and_off(
    __DIR__ . '/fixtures/mysqli_hooks_child.php', [(string) closed_port()]));
?>
--EXPECTF--
hooks on: goos.io_hooks='1'
in the origin:
tcp SLEEP(0.2): [{"slept":"0"}]
tcp prepared INSERT: true
tcp prepared SELECT: [[1,"over tcp"]]
tcp syntax error: mysqli_sql_exception (code 1064): You have an error in your SQL syntax; check the manual that corresponds to your MariaDB server version for the right syntax to use near 'SELEC 1' at line 1
tcp duplicate key: mysqli_sql_exception (code 1062): Duplicate entry '1' for key 'PRIMARY'
tcp syntax error, reporting warnings:
Warning: mysqli::query(): (42000/1064): You have an error in your SQL syntax; check the manual that corresponds to your MariaDB server version for the right syntax to use near 'SELEC 1' at line 1 in %s%emysqli_hooks_child.php on line 33
 [false,1064,"You have an error in your SQL syntax; check the manual that corresponds to your MariaDB server version for the right syntax to use near 'SELEC 1' at line 1"]
tcp duplicate key, reporting warnings:
Warning: mysqli::query(): (23000/1062): Duplicate entry '1' for key 'PRIMARY' in %s%emysqli_hooks_child.php on line 34
 [false,1062,"Duplicate entry '1' for key 'PRIMARY'"]
unix SLEEP(0.2): [{"slept":"0"}]
unix prepared INSERT: true
unix prepared SELECT: [[1,"over unix"]]
unix syntax error: mysqli_sql_exception (code 1064): You have an error in your SQL syntax; check the manual that corresponds to your MariaDB server version for the right syntax to use near 'SELEC 1' at line 1
unix duplicate key: mysqli_sql_exception (code 1062): Duplicate entry '1' for key 'PRIMARY'
unix syntax error, reporting warnings:
Warning: mysqli::query(): (42000/1064): You have an error in your SQL syntax; check the manual that corresponds to your MariaDB server version for the right syntax to use near 'SELEC 1' at line 1 in %s%emysqli_hooks_child.php on line 33
 [false,1064,"You have an error in your SQL syntax; check the manual that corresponds to your MariaDB server version for the right syntax to use near 'SELEC 1' at line 1"]
unix duplicate key, reporting warnings:
Warning: mysqli::query(): (23000/1062): Duplicate entry '1' for key 'PRIMARY' in %s%emysqli_hooks_child.php on line 34
 [false,1062,"Duplicate entry '1' for key 'PRIMARY'"]
tcp SLEEP(3) past a read timeout of 1 s: mysqli_sql_exception (code 2006): MySQL server has gone away
connect to a closed port, reporting exceptions: mysqli_sql_exception (code 2002): Connection refused
connect with a wrong password, reporting exceptions: mysqli_sql_exception (code 1045): Access denied for user 'goos'@'127.0.0.1' (using password: YES)
connect to a missing socket, reporting exceptions: mysqli_sql_exception (code 2002): No such file or directory
connect to a closed port, reporting warnings:
Warning: mysqli::__construct(): (HY000/2002): Connection refused in %s%emysqli_hooks_child.php on line 48
 "Connection refused"
connect with a wrong password, reporting warnings:
Warning: mysqli::__construct(): (HY000/1045): Access denied for user 'goos'@'127.0.0.1' (using password: YES) in %s%emysqli_hooks_child.php on line 49
 "Access denied for user 'goos'@'127.0.0.1' (using password: YES)"
connect to a missing socket, reporting warnings:
Warning: mysqli::__construct(): (HY000/2002): No such file or directory in %s%emysqli_hooks_child.php on line 51
 "No such file or directory"
in a goroutine:
tcp SLEEP(0.2): [{"slept":"0"}]
tcp prepared INSERT: true
tcp prepared SELECT: [[1,"over tcp"]]
tcp syntax error: mysqli_sql_exception (code 1064): You have an error in your SQL syntax; check the manual that corresponds to your MariaDB server version for the right syntax to use near 'SELEC 1' at line 1
tcp duplicate key: mysqli_sql_exception (code 1062): Duplicate entry '1' for key 'PRIMARY'
tcp syntax error, reporting warnings:
Warning: mysqli::query(): (42000/1064): You have an error in your SQL syntax; check the manual that corresponds to your MariaDB server version for the right syntax to use near 'SELEC 1' at line 1 in %s%emysqli_hooks_child.php on line 33
 [false,1064,"You have an error in your SQL syntax; check the manual that corresponds to your MariaDB server version for the right syntax to use near 'SELEC 1' at line 1"]
tcp duplicate key, reporting warnings:
Warning: mysqli::query(): (23000/1062): Duplicate entry '1' for key 'PRIMARY' in %s%emysqli_hooks_child.php on line 34
 [false,1062,"Duplicate entry '1' for key 'PRIMARY'"]
unix SLEEP(0.2): [{"slept":"0"}]
unix prepared INSERT: true
unix prepared SELECT: [[1,"over unix"]]
unix syntax error: mysqli_sql_exception (code 1064): You have an error in your SQL syntax; check the manual that corresponds to your MariaDB server version for the right syntax to use near 'SELEC 1' at line 1
unix duplicate key: mysqli_sql_exception (code 1062): Duplicate entry '1' for key 'PRIMARY'
unix syntax error, reporting warnings:
Warning: mysqli::query(): (42000/1064): You have an error in your SQL syntax; check the manual that corresponds to your MariaDB server version for the right syntax to use near 'SELEC 1' at line 1 in %s%emysqli_hooks_child.php on line 33
 [false,1064,"You have an error in your SQL syntax; check the manual that corresponds to your MariaDB server version for the right syntax to use near 'SELEC 1' at line 1"]
unix duplicate key, reporting warnings:
Warning: mysqli::query(): (23000/1062): Duplicate entry '1' for key 'PRIMARY' in %s%emysqli_hooks_child.php on line 34
 [false,1062,"Duplicate entry '1' for key 'PRIMARY'"]
tcp SLEEP(3) past a read timeout of 1 s: mysqli_sql_exception (code 2006): MySQL server has gone away
connect to a closed port, reporting exceptions: mysqli_sql_exception (code 2002): Connection refused
connect with a wrong password, reporting exceptions: mysqli_sql_exception (code 1045): Access denied for user 'goos'@'127.0.0.1' (using password: YES)
connect to a missing socket, reporting exceptions: mysqli_sql_exception (code 2002): No such file or directory
connect to a closed port, reporting warnings:
Warning: mysqli::__construct(): (HY000/2002): Connection refused in %s%emysqli_hooks_child.php on line 48
 "Connection refused"
connect with a wrong password, reporting warnings:
Warning: mysqli::__construct(): (HY000/1045): Access denied for user 'goos'@'127.0.0.1' (using password: YES) in %s%emysqli_hooks_child.php on line 49
 "Access denied for user 'goos'@'127.0.0.1' (using password: YES)"
connect to a missing socket, reporting warnings:
Warning: mysqli::__construct(): (HY000/2002): No such file or directory in %s%emysqli_hooks_child.php on line 51
 "No such file or directory"
exit status: 0
hooks off: goos.io_hooks='0'
hooks off: the same output