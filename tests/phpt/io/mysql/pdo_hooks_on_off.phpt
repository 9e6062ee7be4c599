--TEST--
PDO (pdo_mysql) with the I/O hooks on and off (goos.io_hooks): the same script, in the origin and in a goroutine, prints the same rows, errors and warnings either way (issue 13)
--EXTENSIONS--
goos
--SKIPIF--
<?php
require __DIR__ . '/fixtures/mysql_env.php';
mysql_skipif('pdo');
?>
--FILE--
<?php
require __DIR__ . '/../redis/fixtures/hooks_on_off.php';

compare_io_hooks_on_and_off(run_with_io_hooks_on_and_off(
    __DIR__ . '/fixtures/pdo_hooks_child.php', [(string) closed_port()]));
?>
--EXPECTF--
hooks on: goos.io_hooks='1'
in the origin:
tcp SLEEP(0.2): [{"slept":0}]
tcp prepared INSERT: true
tcp prepared SELECT: [[1,"over tcp"]]
tcp syntax error: PDOException (code '42000'): SQLSTATE[42000]: Syntax error or access violation: 1064 You have an error in your SQL syntax; check the manual that corresponds to your MariaDB server version for the right syntax to use near 'SELEC 1' at line 1
tcp duplicate key: PDOException (code '23000'): SQLSTATE[23000]: Integrity constraint violation: 1062 Duplicate entry '1' for key 'PRIMARY'
tcp syntax error, warning mode:
Warning: PDO::query(): SQLSTATE[42000]: Syntax error or access violation: 1064 You have an error in your SQL syntax; check the manual that corresponds to your MariaDB server version for the right syntax to use near 'SELEC 1' at line 1 in %s%epdo_hooks_child.php on line 35
 false
tcp duplicate key, warning mode:
Warning: PDO::exec(): SQLSTATE[23000]: Integrity constraint violation: 1062 Duplicate entry '1' for key 'PRIMARY' in %s%epdo_hooks_child.php on line 36
 false
tcp bad parameter count, warning mode:
Warning: PDOStatement::execute(): SQLSTATE[HY093]: Invalid parameter number in %s%epdo_hooks_child.php on line 37
 false
unix SLEEP(0.2): [{"slept":0}]
unix prepared INSERT: true
unix prepared SELECT: [[1,"over unix"]]
unix syntax error: PDOException (code '42000'): SQLSTATE[42000]: Syntax error or access violation: 1064 You have an error in your SQL syntax; check the manual that corresponds to your MariaDB server version for the right syntax to use near 'SELEC 1' at line 1
unix duplicate key: PDOException (code '23000'): SQLSTATE[23000]: Integrity constraint violation: 1062 Duplicate entry '1' for key 'PRIMARY'
unix syntax error, warning mode:
Warning: PDO::query(): SQLSTATE[42000]: Syntax error or access violation: 1064 You have an error in your SQL syntax; check the manual that corresponds to your MariaDB server version for the right syntax to use near 'SELEC 1' at line 1 in %s%epdo_hooks_child.php on line 35
 false
unix duplicate key, warning mode:
Warning: PDO::exec(): SQLSTATE[23000]: Integrity constraint violation: 1062 Duplicate entry '1' for key 'PRIMARY' in %s%epdo_hooks_child.php on line 36
 false
unix bad parameter count, warning mode:
Warning: PDOStatement::execute(): SQLSTATE[HY093]: Invalid parameter number in %s%epdo_hooks_child.php on line 37
 false
connect to a closed port: PDOException (code 2002): SQLSTATE[HY000] [2002] Connection refused
connect with a wrong password: PDOException (code 1045): SQLSTATE[HY000] [1045] Access denied for user 'goos'@'127.0.0.1' (using password: YES)
connect to a missing socket: PDOException (code 2002): SQLSTATE[HY000] [2002] No such file or directory
in a goroutine:
tcp SLEEP(0.2): [{"slept":0}]
tcp prepared INSERT: true
tcp prepared SELECT: [[1,"over tcp"]]
tcp syntax error: PDOException (code '42000'): SQLSTATE[42000]: Syntax error or access violation: 1064 You have an error in your SQL syntax; check the manual that corresponds to your MariaDB server version for the right syntax to use near 'SELEC 1' at line 1
tcp duplicate key: PDOException (code '23000'): SQLSTATE[23000]: Integrity constraint violation: 1062 Duplicate entry '1' for key 'PRIMARY'
tcp syntax error, warning mode:
Warning: PDO::query(): SQLSTATE[42000]: Syntax error or access violation: 1064 You have an error in your SQL syntax; check the manual that corresponds to your MariaDB server version for the right syntax to use near 'SELEC 1' at line 1 in %s%epdo_hooks_child.php on line 35
 false
tcp duplicate key, warning mode:
Warning: PDO::exec(): SQLSTATE[23000]: Integrity constraint violation: 1062 Duplicate entry '1' for key 'PRIMARY' in %s%epdo_hooks_child.php on line 36
 false
tcp bad parameter count, warning mode:
Warning: PDOStatement::execute(): SQLSTATE[HY093]: Invalid parameter number in %s%epdo_hooks_child.php on line 37
 false
unix SLEEP(0.2): [{"slept":0}]
unix prepared INSERT: true
unix prepared SELECT: [[1,"over unix"]]
unix syntax error: PDOException (code '42000'): SQLSTATE[42000]: Syntax error or access violation: 1064 You have an error in your SQL syntax; check the manual that corresponds to your MariaDB server version for the right syntax to use near 'SELEC 1' at line 1
unix duplicate key: PDOException (code '23000'): SQLSTATE[23000]: Integrity constraint violation: 1062 Duplicate entry '1' for key 'PRIMARY'
unix syntax error, warning mode:
Warning: PDO::query(): SQLSTATE[42000]: Syntax error or access violation: 1064 You have an error in your SQL syntax; check the manual that corresponds to your MariaDB server version for the right syntax to use near 'SELEC 1' at line 1 in %s%epdo_hooks_child.php on line 35
 false
unix duplicate key, warning mode:
Warning: PDO::exec(): SQLSTATE[23000]: Integrity constraint violation: 1062 Duplicate entry '1' for key 'PRIMARY' in %s%epdo_hooks_child.php on line 36
 false
unix bad parameter count, warning mode:
Warning: PDOStatement::execute(): SQLSTATE[HY093]: Invalid parameter number in %s%epdo_hooks_child.php on line 37
 false
connect to a closed port: PDOException (code 2002): SQLSTATE[HY000] [2002] Connection refused
connect with a wrong password: PDOException (code 1045): SQLSTATE[HY000] [1045] Access denied for user 'goos'@'127.0.0.1' (using password: YES)
connect to a missing socket: PDOException (code 2002): SQLSTATE[HY000] [2002] No such file or directory
exit status: 0
hooks off: goos.io_hooks='0'
hooks off: the same output