--TEST--
Predis with the I/O hooks on and off (goos.io_hooks): the same script, in the origin and in a goroutine, prints the same replies, errors and warnings either way (issue 13)
--EXTENSIONS--
goos
--SKIPIF--
<?php
require __DIR__ . '/fixtures/redis_env.php';
redis_skipif('predis');
?>
--INI--
error_reporting=E_ALL & ~E_DEPRECATED
--FILE--
<?php
require __DIR__ . '/fixtures/hooks_on_off.php';

compare_io_hooks_on_and_off(run_with_io_hooks_on_and_off(
    __DIR__ . '/fixtures/predis_hooks_child.php', [(string) closed_port()]));
?>
--EXPECT--
hooks on: goos.io_hooks='1'
in the origin:
tcp SET: 'OK'
tcp GET: 'v over tcp'
tcp BLPOP 0.1: NULL
tcp unknown command: 'ERR unknown command \'NOSUCHCOMMAND\', with args beginning with: \'a\' '
tcp LPUSH on a string: Predis\Response\ServerException (code 0): WRONGTYPE Operation against a key holding the wrong kind of value
tcp DEL: 1
tcp BLPOP 5 past a read_write_timeout of 0.2: Predis\Connection\ConnectionException (code 0): Error while reading line from the server. [<redis>]
unix SET: 'OK'
unix GET: 'v over unix'
unix BLPOP 0.1: NULL
unix unknown command: 'ERR unknown command \'NOSUCHCOMMAND\', with args beginning with: \'a\' '
unix LPUSH on a string: Predis\Response\ServerException (code 0): WRONGTYPE Operation against a key holding the wrong kind of value
unix DEL: 1
unix BLPOP 5 past a read_write_timeout of 0.2: Predis\Connection\ConnectionException (code 0): Error while reading line from the server. [unix:<redis>]
localhost PING: 'PONG'
connect to a closed port: Predis\Connection\ConnectionException (code 111): Connection refused [tcp://127.0.0.1:<closed port>]
connect to a missing socket: Predis\Connection\ConnectionException (code 2): No such file or directory [unix:/nonexistent/goos-redis.sock]
in a goroutine:
tcp SET: 'OK'
tcp GET: 'v over tcp'
tcp BLPOP 0.1: NULL
tcp unknown command: 'ERR unknown command \'NOSUCHCOMMAND\', with args beginning with: \'a\' '
tcp LPUSH on a string: Predis\Response\ServerException (code 0): WRONGTYPE Operation against a key holding the wrong kind of value
tcp DEL: 1
tcp BLPOP 5 past a read_write_timeout of 0.2: Predis\Connection\ConnectionException (code 0): Error while reading line from the server. [<redis>]
unix SET: 'OK'
unix GET: 'v over unix'
unix BLPOP 0.1: NULL
unix unknown command: 'ERR unknown command \'NOSUCHCOMMAND\', with args beginning with: \'a\' '
unix LPUSH on a string: Predis\Response\ServerException (code 0): WRONGTYPE Operation against a key holding the wrong kind of value
unix DEL: 1
unix BLPOP 5 past a read_write_timeout of 0.2: Predis\Connection\ConnectionException (code 0): Error while reading line from the server. [unix:<redis>]
localhost PING: 'PONG'
connect to a closed port: Predis\Connection\ConnectionException (code 111): Connection refused [tcp://127.0.0.1:<closed port>]
connect to a missing socket: Predis\Connection\ConnectionException (code 2): No such file or directory [unix:/nonexistent/goos-redis.sock]
exit status: 0
hooks off: goos.io_hooks='0'
hooks off: the same output