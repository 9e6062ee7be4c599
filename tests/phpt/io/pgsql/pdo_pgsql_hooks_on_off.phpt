--TEST--
PDO (pdo_pgsql) with the I/O hooks on and off (goos.io_hooks): the same script, in the origin and in a goroutine, over TCP, the unix socket and TLS, prints the same rows, errors (syntax error, unique violation, statement_timeout's SQLSTATE 57014), exceptions and warnings, and the same connection failures (a closed port, a wrong password, a missing socket, a certificate for another name) either way (issue 14)
--EXTENSIONS--
goos
--SKIPIF--
<?php
require __DIR__ . '/fixtures/pg_env.php';
pg_skipif('pdo');
?>
--FILE--
<?php
require __DIR__ . '/fixtures/pg_env.php';
require __DIR__ . '/../redis/fixtures/hooks_on_off.php';

compare_io_hooks_on_and_off(run_with_io_hooks_on_and_off(
    __DIR__ . '/fixtures/pdo_pgsql_hooks_child.php', [(string) closed_port(), pg_table('pdo_pgsql_hooks')]));
?>
--EXPECTF--
hooks on: goos.io_hooks='1'
in the origin:
tcp pg_sleep(0.1): [{"slept":"","ssl":false}]
tcp prepared INSERT: true
tcp prepared SELECT: [[1,"over tcp"]]
tcp syntax error: PDOException (code '42601'): SQLSTATE[42601]: Syntax error: 7 ERROR:  syntax error at or near "SELEC"
LINE 1: SELEC 1
        ^
tcp unique violation: PDOException (code '23505'): SQLSTATE[23505]: Unique violation: 7 ERROR:  duplicate key value violates unique constraint "<table>_pkey"
DETAIL:  Key (id)=(1) already exists.
tcp SET statement_timeout = 50: 0
tcp pg_sleep(1) past the statement timeout: PDOException (code '57014'): SQLSTATE[57014]: Query canceled: 7 ERROR:  canceling statement due to statement timeout
tcp after the timeout: [{"one":1}]
tcp syntax error, warning mode:
Warning: PDO::query(): SQLSTATE[42601]: Syntax error: 7 ERROR:  syntax error at or near "SELEC"
LINE 1: SELEC 1
        ^ in %s%epdo_pgsql_hooks_child.php on line 40
 [false,["42601",7,"ERROR:  syntax error at or near \"SELEC\"\nLINE 1: SELEC 1\n        ^"]]
tcp unique violation, warning mode:
Warning: PDO::exec(): SQLSTATE[23505]: Unique violation: 7 ERROR:  duplicate key value violates unique constraint "goos_pdo_pgsql_hooks_%d_pkey"
DETAIL:  Key (id)=(1) already exists. in %s%epdo_pgsql_hooks_child.php on line 41
 [false,"23505"]
tcp statement timeout, warning mode:
Warning: PDO::query(): SQLSTATE[57014]: Query canceled: 7 ERROR:  canceling statement due to statement timeout in %s%epdo_pgsql_hooks_child.php on line 42
 [false,"57014"]
tcp bad parameter count, warning mode:
Warning: PDOStatement::execute(): SQLSTATE[HY093]: Invalid parameter number: parameter was not defined in %s%epdo_pgsql_hooks_child.php on line 43
 false
unix pg_sleep(0.1): [{"slept":"","ssl":false}]
unix prepared INSERT: true
unix prepared SELECT: [[1,"over unix"]]
unix syntax error: PDOException (code '42601'): SQLSTATE[42601]: Syntax error: 7 ERROR:  syntax error at or near "SELEC"
LINE 1: SELEC 1
        ^
unix unique violation: PDOException (code '23505'): SQLSTATE[23505]: Unique violation: 7 ERROR:  duplicate key value violates unique constraint "<table>_pkey"
DETAIL:  Key (id)=(1) already exists.
unix SET statement_timeout = 50: 0
unix pg_sleep(1) past the statement timeout: PDOException (code '57014'): SQLSTATE[57014]: Query canceled: 7 ERROR:  canceling statement due to statement timeout
unix after the timeout: [{"one":1}]
unix syntax error, warning mode:
Warning: PDO::query(): SQLSTATE[42601]: Syntax error: 7 ERROR:  syntax error at or near "SELEC"
LINE 1: SELEC 1
        ^ in %s%epdo_pgsql_hooks_child.php on line 40
 [false,["42601",7,"ERROR:  syntax error at or near \"SELEC\"\nLINE 1: SELEC 1\n        ^"]]
unix unique violation, warning mode:
Warning: PDO::exec(): SQLSTATE[23505]: Unique violation: 7 ERROR:  duplicate key value violates unique constraint "goos_pdo_pgsql_hooks_%d_pkey"
DETAIL:  Key (id)=(1) already exists. in %s%epdo_pgsql_hooks_child.php on line 41
 [false,"23505"]
unix statement timeout, warning mode:
Warning: PDO::query(): SQLSTATE[57014]: Query canceled: 7 ERROR:  canceling statement due to statement timeout in %s%epdo_pgsql_hooks_child.php on line 42
 [false,"57014"]
unix bad parameter count, warning mode:
Warning: PDOStatement::execute(): SQLSTATE[HY093]: Invalid parameter number: parameter was not defined in %s%epdo_pgsql_hooks_child.php on line 43
 false
ssl pg_sleep(0.1): [{"slept":"","ssl":true}]
ssl prepared INSERT: true
ssl prepared SELECT: [[1,"over ssl"]]
ssl syntax error: PDOException (code '42601'): SQLSTATE[42601]: Syntax error: 7 ERROR:  syntax error at or near "SELEC"
LINE 1: SELEC 1
        ^
ssl unique violation: PDOException (code '23505'): SQLSTATE[23505]: Unique violation: 7 ERROR:  duplicate key value violates unique constraint "<table>_pkey"
DETAIL:  Key (id)=(1) already exists.
ssl SET statement_timeout = 50: 0
ssl pg_sleep(1) past the statement timeout: PDOException (code '57014'): SQLSTATE[57014]: Query canceled: 7 ERROR:  canceling statement due to statement timeout
ssl after the timeout: [{"one":1}]
ssl syntax error, warning mode:
Warning: PDO::query(): SQLSTATE[42601]: Syntax error: 7 ERROR:  syntax error at or near "SELEC"
LINE 1: SELEC 1
        ^ in %s%epdo_pgsql_hooks_child.php on line 40
 [false,["42601",7,"ERROR:  syntax error at or near \"SELEC\"\nLINE 1: SELEC 1\n        ^"]]
ssl unique violation, warning mode:
Warning: PDO::exec(): SQLSTATE[23505]: Unique violation: 7 ERROR:  duplicate key value violates unique constraint "goos_pdo_pgsql_hooks_%d_pkey"
DETAIL:  Key (id)=(1) already exists. in %s%epdo_pgsql_hooks_child.php on line 41
 [false,"23505"]
ssl statement timeout, warning mode:
Warning: PDO::query(): SQLSTATE[57014]: Query canceled: 7 ERROR:  canceling statement due to statement timeout in %s%epdo_pgsql_hooks_child.php on line 42
 [false,"57014"]
ssl bad parameter count, warning mode:
Warning: PDOStatement::execute(): SQLSTATE[HY093]: Invalid parameter number: parameter was not defined in %s%epdo_pgsql_hooks_child.php on line 43
 false
connect to a closed port: PDOException (code 7): SQLSTATE[08006] [7] connection to server at "127.0.0.1", port <closed port> failed: Connection refused
	Is the server running on that host and accepting TCP/IP connections?
connect with a wrong password: PDOException (code 7): SQLSTATE[08006] [7] connection to server at "127.0.0.1", port <port> failed: FATAL:  password authentication failed for user "goos"
connect with a wrong password over ssl: PDOException (code 7): SQLSTATE[08006] [7] connection to server at "127.0.0.1", port <port> failed: FATAL:  password authentication failed for user "goos"
connect to a missing socket: PDOException (code 7): SQLSTATE[08006] [7] connection to server on socket "/nonexistent/goos-pg/.s.PGSQL.5432" failed: No such file or directory
	Is the server running locally and accepting connections on that socket?
connect over ssl to a wrong host name: PDOException (code 7): SQLSTATE[08006] [7] connection to server at "127.0.0.1", port <port> failed: server certificate for %s does not match host name "goos-wrong-name.invalid"
in a goroutine:
tcp pg_sleep(0.1): [{"slept":"","ssl":false}]
tcp prepared INSERT: true
tcp prepared SELECT: [[1,"over tcp"]]
tcp syntax error: PDOException (code '42601'): SQLSTATE[42601]: Syntax error: 7 ERROR:  syntax error at or near "SELEC"
LINE 1: SELEC 1
        ^
tcp unique violation: PDOException (code '23505'): SQLSTATE[23505]: Unique violation: 7 ERROR:  duplicate key value violates unique constraint "<table>_pkey"
DETAIL:  Key (id)=(1) already exists.
tcp SET statement_timeout = 50: 0
tcp pg_sleep(1) past the statement timeout: PDOException (code '57014'): SQLSTATE[57014]: Query canceled: 7 ERROR:  canceling statement due to statement timeout
tcp after the timeout: [{"one":1}]
tcp syntax error, warning mode:
Warning: PDO::query(): SQLSTATE[42601]: Syntax error: 7 ERROR:  syntax error at or near "SELEC"
LINE 1: SELEC 1
        ^ in %s%epdo_pgsql_hooks_child.php on line 40
 [false,["42601",7,"ERROR:  syntax error at or near \"SELEC\"\nLINE 1: SELEC 1\n        ^"]]
tcp unique violation, warning mode:
Warning: PDO::exec(): SQLSTATE[23505]: Unique violation: 7 ERROR:  duplicate key value violates unique constraint "goos_pdo_pgsql_hooks_%d_pkey"
DETAIL:  Key (id)=(1) already exists. in %s%epdo_pgsql_hooks_child.php on line 41
 [false,"23505"]
tcp statement timeout, warning mode:
Warning: PDO::query(): SQLSTATE[57014]: Query canceled: 7 ERROR:  canceling statement due to statement timeout in %s%epdo_pgsql_hooks_child.php on line 42
 [false,"57014"]
tcp bad parameter count, warning mode:
Warning: PDOStatement::execute(): SQLSTATE[HY093]: Invalid parameter number: parameter was not defined in %s%epdo_pgsql_hooks_child.php on line 43
 false
unix pg_sleep(0.1): [{"slept":"","ssl":false}]
unix prepared INSERT: true
unix prepared SELECT: [[1,"over unix"]]
unix syntax error: PDOException (code '42601'): SQLSTATE[42601]: Syntax error: 7 ERROR:  syntax error at or near "SELEC"
LINE 1: SELEC 1
        ^
unix unique violation: PDOException (code '23505'): SQLSTATE[23505]: Unique violation: 7 ERROR:  duplicate key value violates unique constraint "<table>_pkey"
DETAIL:  Key (id)=(1) already exists.
unix SET statement_timeout = 50: 0
unix pg_sleep(1) past the statement timeout: PDOException (code '57014'): SQLSTATE[57014]: Query canceled: 7 ERROR:  canceling statement due to statement timeout
unix after the timeout: [{"one":1}]
unix syntax error, warning mode:
Warning: PDO::query(): SQLSTATE[42601]: Syntax error: 7 ERROR:  syntax error at or near "SELEC"
LINE 1: SELEC 1
        ^ in %s%epdo_pgsql_hooks_child.php on line 40
 [false,["42601",7,"ERROR:  syntax error at or near \"SELEC\"\nLINE 1: SELEC 1\n        ^"]]
unix unique violation, warning mode:
Warning: PDO::exec(): SQLSTATE[23505]: Unique violation: 7 ERROR:  duplicate key value violates unique constraint "goos_pdo_pgsql_hooks_%d_pkey"
DETAIL:  Key (id)=(1) already exists. in %s%epdo_pgsql_hooks_child.php on line 41
 [false,"23505"]
unix statement timeout, warning mode:
Warning: PDO::query(): SQLSTATE[57014]: Query canceled: 7 ERROR:  canceling statement due to statement timeout in %s%epdo_pgsql_hooks_child.php on line 42
 [false,"57014"]
unix bad parameter count, warning mode:
Warning: PDOStatement::execute(): SQLSTATE[HY093]: Invalid parameter number: parameter was not defined in %s%epdo_pgsql_hooks_child.php on line 43
 false
ssl pg_sleep(0.1): [{"slept":"","ssl":true}]
ssl prepared INSERT: true
ssl prepared SELECT: [[1,"over ssl"]]
ssl syntax error: PDOException (code '42601'): SQLSTATE[42601]: Syntax error: 7 ERROR:  syntax error at or near "SELEC"
LINE 1: SELEC 1
        ^
ssl unique violation: PDOException (code '23505'): SQLSTATE[23505]: Unique violation: 7 ERROR:  duplicate key value violates unique constraint "<table>_pkey"
DETAIL:  Key (id)=(1) already exists.
ssl SET statement_timeout = 50: 0
ssl pg_sleep(1) past the statement timeout: PDOException (code '57014'): SQLSTATE[57014]: Query canceled: 7 ERROR:  canceling statement due to statement timeout
ssl after the timeout: [{"one":1}]
ssl syntax error, warning mode:
Warning: PDO::query(): SQLSTATE[42601]: Syntax error: 7 ERROR:  syntax error at or near "SELEC"
LINE 1: SELEC 1
        ^ in %s%epdo_pgsql_hooks_child.php on line 40
 [false,["42601",7,"ERROR:  syntax error at or near \"SELEC\"\nLINE 1: SELEC 1\n        ^"]]
ssl unique violation, warning mode:
Warning: PDO::exec(): SQLSTATE[23505]: Unique violation: 7 ERROR:  duplicate key value violates unique constraint "goos_pdo_pgsql_hooks_%d_pkey"
DETAIL:  Key (id)=(1) already exists. in %s%epdo_pgsql_hooks_child.php on line 41
 [false,"23505"]
ssl statement timeout, warning mode:
Warning: PDO::query(): SQLSTATE[57014]: Query canceled: 7 ERROR:  canceling statement due to statement timeout in %s%epdo_pgsql_hooks_child.php on line 42
 [false,"57014"]
ssl bad parameter count, warning mode:
Warning: PDOStatement::execute(): SQLSTATE[HY093]: Invalid parameter number: parameter was not defined in %s%epdo_pgsql_hooks_child.php on line 43
 false
connect to a closed port: PDOException (code 7): SQLSTATE[08006] [7] connection to server at "127.0.0.1", port <closed port> failed: Connection refused
	Is the server running on that host and accepting TCP/IP connections?
connect with a wrong password: PDOException (code 7): SQLSTATE[08006] [7] connection to server at "127.0.0.1", port <port> failed: FATAL:  password authentication failed for user "goos"
connect with a wrong password over ssl: PDOException (code 7): SQLSTATE[08006] [7] connection to server at "127.0.0.1", port <port> failed: FATAL:  password authentication failed for user "goos"
connect to a missing socket: PDOException (code 7): SQLSTATE[08006] [7] connection to server on socket "/nonexistent/goos-pg/.s.PGSQL.5432" failed: No such file or directory
	Is the server running locally and accepting connections on that socket?
connect over ssl to a wrong host name: PDOException (code 7): SQLSTATE[08006] [7] connection to server at "127.0.0.1", port <port> failed: server certificate for %s does not match host name "goos-wrong-name.invalid"
exit status: 0
hooks off: goos.io_hooks='0'
hooks off: the same output
