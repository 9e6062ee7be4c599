--TEST--
ext/pgsql with the I/O hooks on and off (goos.io_hooks): the same script, in the origin and in a goroutine, over TCP, the unix socket and TLS, prints the same rows, errors (syntax error, unique violation, statement_timeout's SQLSTATE 57014), warnings, pg_last_error, pg_last_notice and result error fields, and the same connection failures (a closed port, a wrong password, a missing socket, a certificate for another name) either way (issue 14)
--EXTENSIONS--
goos
--SKIPIF--
<?php
require __DIR__ . '/fixtures/pg_env.php';
pg_skipif('pgsql');
?>
--FILE--
<?php
require __DIR__ . '/fixtures/pg_env.php';
require __DIR__ . '/../redis/fixtures/hooks_on_off.php';

compare_io_hooks_on_and_off(run_with_io_hooks_on_and_off(
    __DIR__ . '/fixtures/pgsql_hooks_child.php', [(string) closed_port(), pg_table('pgsql_hooks')]));
?>
--EXPECTF--
hooks on: goos.io_hooks='1'
in the origin:
tcp pg_sleep(0.1): [{"slept":"","ssl":"f"}]
tcp pg_query_params INSERT: 1
tcp pg_prepare, pg_execute SELECT: [["1","over tcp"]]
tcp syntax error:
Warning: pg_query(): Query failed: ERROR:  syntax error at or near "SELEC"
LINE 1: SELEC 1
        ^ in %s%epgsql_hooks_child.php on line 44
 [false,"ERROR:  syntax error at or near \"SELEC\"\nLINE 1: SELEC 1\n        ^"]
tcp syntax error's fields: [7,"42601","syntax error at or near \"SELEC\""]
tcp unique violation:
Warning: pg_query_params(): Query failed: ERROR:  duplicate key value violates unique constraint "goos_pgsql_hooks_%d_pkey"
DETAIL:  Key (id)=(1) already exists. in %s%epgsql_hooks_child.php on line 46
 [false,"ERROR:  duplicate key value violates unique constraint \"<table>_pkey\"\nDETAIL:  Key (id)=(1) already exists."]
tcp unique violation's fields: [7,"23505","duplicate key value violates unique constraint \"<table>_pkey\""]
tcp bad prepare:
Warning: pg_prepare(): Query failed: ERROR:  syntax error at end of input
LINE 1: SELECT $1 FROM
                      ^ in %s%epgsql_hooks_child.php on line 49
 [false,"ERROR:  syntax error at end of input\nLINE 1: SELECT $1 FROM\n                      ^"]
tcp SET statement_timeout = 50: 1
tcp pg_sleep(1) past the statement timeout:
Warning: pg_query(): Query failed: ERROR:  canceling statement due to statement timeout in %s%epgsql_hooks_child.php on line 51
 [false,"ERROR:  canceling statement due to statement timeout"]
tcp statement timeout's fields: [7,"57014","canceling statement due to statement timeout"]
tcp after the timeout: [{"one":"1"}]
tcp a notice: [1,"NOTICE:  hello over tcp"]
unix pg_sleep(0.1): [{"slept":"","ssl":"f"}]
unix pg_query_params INSERT: 1
unix pg_prepare, pg_execute SELECT: [["1","over unix"]]
unix syntax error:
Warning: pg_query(): Query failed: ERROR:  syntax error at or near "SELEC"
LINE 1: SELEC 1
        ^ in %s%epgsql_hooks_child.php on line 44
 [false,"ERROR:  syntax error at or near \"SELEC\"\nLINE 1: SELEC 1\n        ^"]
unix syntax error's fields: [7,"42601","syntax error at or near \"SELEC\""]
unix unique violation:
Warning: pg_query_params(): Query failed: ERROR:  duplicate key value violates unique constraint "goos_pgsql_hooks_%d_pkey"
DETAIL:  Key (id)=(1) already exists. in %s%epgsql_hooks_child.php on line 46
 [false,"ERROR:  duplicate key value violates unique constraint \"<table>_pkey\"\nDETAIL:  Key (id)=(1) already exists."]
unix unique violation's fields: [7,"23505","duplicate key value violates unique constraint \"<table>_pkey\""]
unix bad prepare:
Warning: pg_prepare(): Query failed: ERROR:  syntax error at end of input
LINE 1: SELECT $1 FROM
                      ^ in %s%epgsql_hooks_child.php on line 49
 [false,"ERROR:  syntax error at end of input\nLINE 1: SELECT $1 FROM\n                      ^"]
unix SET statement_timeout = 50: 1
unix pg_sleep(1) past the statement timeout:
Warning: pg_query(): Query failed: ERROR:  canceling statement due to statement timeout in %s%epgsql_hooks_child.php on line 51
 [false,"ERROR:  canceling statement due to statement timeout"]
unix statement timeout's fields: [7,"57014","canceling statement due to statement timeout"]
unix after the timeout: [{"one":"1"}]
unix a notice: [1,"NOTICE:  hello over unix"]
ssl pg_sleep(0.1): [{"slept":"","ssl":"t"}]
ssl pg_query_params INSERT: 1
ssl pg_prepare, pg_execute SELECT: [["1","over ssl"]]
ssl syntax error:
Warning: pg_query(): Query failed: ERROR:  syntax error at or near "SELEC"
LINE 1: SELEC 1
        ^ in %s%epgsql_hooks_child.php on line 44
 [false,"ERROR:  syntax error at or near \"SELEC\"\nLINE 1: SELEC 1\n        ^"]
ssl syntax error's fields: [7,"42601","syntax error at or near \"SELEC\""]
ssl unique violation:
Warning: pg_query_params(): Query failed: ERROR:  duplicate key value violates unique constraint "goos_pgsql_hooks_%d_pkey"
DETAIL:  Key (id)=(1) already exists. in %s%epgsql_hooks_child.php on line 46
 [false,"ERROR:  duplicate key value violates unique constraint \"<table>_pkey\"\nDETAIL:  Key (id)=(1) already exists."]
ssl unique violation's fields: [7,"23505","duplicate key value violates unique constraint \"<table>_pkey\""]
ssl bad prepare:
Warning: pg_prepare(): Query failed: ERROR:  syntax error at end of input
LINE 1: SELECT $1 FROM
                      ^ in %s%epgsql_hooks_child.php on line 49
 [false,"ERROR:  syntax error at end of input\nLINE 1: SELECT $1 FROM\n                      ^"]
ssl SET statement_timeout = 50: 1
ssl pg_sleep(1) past the statement timeout:
Warning: pg_query(): Query failed: ERROR:  canceling statement due to statement timeout in %s%epgsql_hooks_child.php on line 51
 [false,"ERROR:  canceling statement due to statement timeout"]
ssl statement timeout's fields: [7,"57014","canceling statement due to statement timeout"]
ssl after the timeout: [{"one":"1"}]
ssl a notice: [1,"NOTICE:  hello over ssl"]
connect to a closed port:
Warning: pg_connect(): Unable to connect to PostgreSQL server: connection to server at "127.0.0.1", port %d failed: Connection refused
	Is the server running on that host and accepting TCP/IP connections? in %s%epgsql_hooks_child.php on line 60
 false
connect with a wrong password:
Warning: pg_connect(): Unable to connect to PostgreSQL server: connection to server at "127.0.0.1", port %d failed: FATAL:  password authentication failed for user "goos" in %s%epgsql_hooks_child.php on line 60
 false
connect with a wrong password over ssl:
Warning: pg_connect(): Unable to connect to PostgreSQL server: connection to server at "127.0.0.1", port %d failed: FATAL:  password authentication failed for user "goos" in %s%epgsql_hooks_child.php on line 60
 false
connect to a missing socket:
Warning: pg_connect(): Unable to connect to PostgreSQL server: connection to server on socket "/nonexistent/goos-pg/.s.PGSQL.5432" failed: No such file or directory
	Is the server running locally and accepting connections on that socket? in %s%epgsql_hooks_child.php on line 60
 false
connect over ssl to a wrong host name:
Warning: pg_connect(): Unable to connect to PostgreSQL server: connection to server at "127.0.0.1", port %d failed: server certificate for %s does not match host name "goos-wrong-name.invalid" in %s%epgsql_hooks_child.php on line 60
 false
in a goroutine:
tcp pg_sleep(0.1): [{"slept":"","ssl":"f"}]
tcp pg_query_params INSERT: 1
tcp pg_prepare, pg_execute SELECT: [["1","over tcp"]]
tcp syntax error:
Warning: pg_query(): Query failed: ERROR:  syntax error at or near "SELEC"
LINE 1: SELEC 1
        ^ in %s%epgsql_hooks_child.php on line 44
 [false,"ERROR:  syntax error at or near \"SELEC\"\nLINE 1: SELEC 1\n        ^"]
tcp syntax error's fields: [7,"42601","syntax error at or near \"SELEC\""]
tcp unique violation:
Warning: pg_query_params(): Query failed: ERROR:  duplicate key value violates unique constraint "goos_pgsql_hooks_%d_pkey"
DETAIL:  Key (id)=(1) already exists. in %s%epgsql_hooks_child.php on line 46
 [false,"ERROR:  duplicate key value violates unique constraint \"<table>_pkey\"\nDETAIL:  Key (id)=(1) already exists."]
tcp unique violation's fields: [7,"23505","duplicate key value violates unique constraint \"<table>_pkey\""]
tcp bad prepare:
Warning: pg_prepare(): Query failed: ERROR:  syntax error at end of input
LINE 1: SELECT $1 FROM
                      ^ in %s%epgsql_hooks_child.php on line 49
 [false,"ERROR:  syntax error at end of input\nLINE 1: SELECT $1 FROM\n                      ^"]
tcp SET statement_timeout = 50: 1
tcp pg_sleep(1) past the statement timeout:
Warning: pg_query(): Query failed: ERROR:  canceling statement due to statement timeout in %s%epgsql_hooks_child.php on line 51
 [false,"ERROR:  canceling statement due to statement timeout"]
tcp statement timeout's fields: [7,"57014","canceling statement due to statement timeout"]
tcp after the timeout: [{"one":"1"}]
tcp a notice: [1,"NOTICE:  hello over tcp"]
unix pg_sleep(0.1): [{"slept":"","ssl":"f"}]
unix pg_query_params INSERT: 1
unix pg_prepare, pg_execute SELECT: [["1","over unix"]]
unix syntax error:
Warning: pg_query(): Query failed: ERROR:  syntax error at or near "SELEC"
LINE 1: SELEC 1
        ^ in %s%epgsql_hooks_child.php on line 44
 [false,"ERROR:  syntax error at or near \"SELEC\"\nLINE 1: SELEC 1\n        ^"]
unix syntax error's fields: [7,"42601","syntax error at or near \"SELEC\""]
unix unique violation:
Warning: pg_query_params(): Query failed: ERROR:  duplicate key value violates unique constraint "goos_pgsql_hooks_%d_pkey"
DETAIL:  Key (id)=(1) already exists. in %s%epgsql_hooks_child.php on line 46
 [false,"ERROR:  duplicate key value violates unique constraint \"<table>_pkey\"\nDETAIL:  Key (id)=(1) already exists."]
unix unique violation's fields: [7,"23505","duplicate key value violates unique constraint \"<table>_pkey\""]
unix bad prepare:
Warning: pg_prepare(): Query failed: ERROR:  syntax error at end of input
LINE 1: SELECT $1 FROM
                      ^ in %s%epgsql_hooks_child.php on line 49
 [false,"ERROR:  syntax error at end of input\nLINE 1: SELECT $1 FROM\n                      ^"]
unix SET statement_timeout = 50: 1
unix pg_sleep(1) past the statement timeout:
Warning: pg_query(): Query failed: ERROR:  canceling statement due to statement timeout in %s%epgsql_hooks_child.php on line 51
 [false,"ERROR:  canceling statement due to statement timeout"]
unix statement timeout's fields: [7,"57014","canceling statement due to statement timeout"]
unix after the timeout: [{"one":"1"}]
unix a notice: [1,"NOTICE:  hello over unix"]
ssl pg_sleep(0.1): [{"slept":"","ssl":"t"}]
ssl pg_query_params INSERT: 1
ssl pg_prepare, pg_execute SELECT: [["1","over ssl"]]
ssl syntax error:
Warning: pg_query(): Query failed: ERROR:  syntax error at or near "SELEC"
LINE 1: SELEC 1
        ^ in %s%epgsql_hooks_child.php on line 44
 [false,"ERROR:  syntax error at or near \"SELEC\"\nLINE 1: SELEC 1\n        ^"]
ssl syntax error's fields: [7,"42601","syntax error at or near \"SELEC\""]
ssl unique violation:
Warning: pg_query_params(): Query failed: ERROR:  duplicate key value violates unique constraint "goos_pgsql_hooks_%d_pkey"
DETAIL:  Key (id)=(1) already exists. in %s%epgsql_hooks_child.php on line 46
 [false,"ERROR:  duplicate key value violates unique constraint \"<table>_pkey\"\nDETAIL:  Key (id)=(1) already exists."]
ssl unique violation's fields: [7,"23505","duplicate key value violates unique constraint \"<table>_pkey\""]
ssl bad prepare:
Warning: pg_prepare(): Query failed: ERROR:  syntax error at end of input
LINE 1: SELECT $1 FROM
                      ^ in %s%epgsql_hooks_child.php on line 49
 [false,"ERROR:  syntax error at end of input\nLINE 1: SELECT $1 FROM\n                      ^"]
ssl SET statement_timeout = 50: 1
ssl pg_sleep(1) past the statement timeout:
Warning: pg_query(): Query failed: ERROR:  canceling statement due to statement timeout in %s%epgsql_hooks_child.php on line 51
 [false,"ERROR:  canceling statement due to statement timeout"]
ssl statement timeout's fields: [7,"57014","canceling statement due to statement timeout"]
ssl after the timeout: [{"one":"1"}]
ssl a notice: [1,"NOTICE:  hello over ssl"]
connect to a closed port:
Warning: pg_connect(): Unable to connect to PostgreSQL server: connection to server at "127.0.0.1", port %d failed: Connection refused
	Is the server running on that host and accepting TCP/IP connections? in %s%epgsql_hooks_child.php on line 60
 false
connect with a wrong password:
Warning: pg_connect(): Unable to connect to PostgreSQL server: connection to server at "127.0.0.1", port %d failed: FATAL:  password authentication failed for user "goos" in %s%epgsql_hooks_child.php on line 60
 false
connect with a wrong password over ssl:
Warning: pg_connect(): Unable to connect to PostgreSQL server: connection to server at "127.0.0.1", port %d failed: FATAL:  password authentication failed for user "goos" in %s%epgsql_hooks_child.php on line 60
 false
connect to a missing socket:
Warning: pg_connect(): Unable to connect to PostgreSQL server: connection to server on socket "/nonexistent/goos-pg/.s.PGSQL.5432" failed: No such file or directory
	Is the server running locally and accepting connections on that socket? in %s%epgsql_hooks_child.php on line 60
 false
connect over ssl to a wrong host name:
Warning: pg_connect(): Unable to connect to PostgreSQL server: connection to server at "127.0.0.1", port %d failed: server certificate for %s does not match host name "goos-wrong-name.invalid" in %s%epgsql_hooks_child.php on line 60
 false
exit status: 0
hooks off: goos.io_hooks='0'
hooks off: the same output
