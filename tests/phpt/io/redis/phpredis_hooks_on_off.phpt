--TEST--
phpredis with the I/O hooks on and off (goos.io_hooks): the same script, in the origin and in a goroutine, prints the same replies, errors and warnings either way (issue 13)
--EXTENSIONS--
goos
--SKIPIF--
<?php
require __DIR__ . '/fixtures/redis_env.php';
redis_skipif('phpredis');
?>
--FILE--
<?php
require __DIR__ . '/fixtures/hooks_on_off.php';

compare_io_hooks_on_and_off(run_with_io_hooks_on_and_off(
    __DIR__ . '/fixtures/phpredis_hooks_child.php', [(string) closed_port()]));
?>
--EXPECT--
hooks on: goos.io_hooks='1'
in the origin:
tcp SET: true
tcp GET: 'v over tcp'
tcp BLPOP 0.1: array (
)
tcp unknown command: array (
  0 => false,
  1 => 'ERR unknown command \'NOSUCHCOMMAND\', with args beginning with: \'a\' ',
)
tcp LPUSH on a string: array (
  0 => false,
  1 => 'WRONGTYPE Operation against a key holding the wrong kind of value',
)
tcp DEL: 1
tcp BLPOP 5 past a read timeout of 0.2: RedisException (code 0): read error on connection to <redis>
unix SET: true
unix GET: 'v over unix'
unix BLPOP 0.1: array (
)
unix unknown command: array (
  0 => false,
  1 => 'ERR unknown command \'NOSUCHCOMMAND\', with args beginning with: \'a\' ',
)
unix LPUSH on a string: array (
  0 => false,
  1 => 'WRONGTYPE Operation against a key holding the wrong kind of value',
)
unix DEL: 1
unix BLPOP 5 past a read timeout of 0.2: RedisException (code 0): read error on connection to <redis>
localhost PING: true
connect to a closed port: RedisException (code 0): Connection refused
connect to a missing socket: RedisException (code 0): No such file or directory
in a goroutine:
tcp SET: true
tcp GET: 'v over tcp'
tcp BLPOP 0.1: array (
)
tcp unknown command: array (
  0 => false,
  1 => 'ERR unknown command \'NOSUCHCOMMAND\', with args beginning with: \'a\' ',
)
tcp LPUSH on a string: array (
  0 => false,
  1 => 'WRONGTYPE Operation against a key holding the wrong kind of value',
)
tcp DEL: 1
tcp BLPOP 5 past a read timeout of 0.2: RedisException (code 0): read error on connection to <redis>
unix SET: true
unix GET: 'v over unix'
unix BLPOP 0.1: array (
)
unix unknown command: array (
  0 => false,
  1 => 'ERR unknown command \'NOSUCHCOMMAND\', with args beginning with: \'a\' ',
)
unix LPUSH on a string: array (
  0 => false,
  1 => 'WRONGTYPE Operation against a key holding the wrong kind of value',
)
unix DEL: 1
unix BLPOP 5 past a read timeout of 0.2: RedisException (code 0): read error on connection to <redis>
localhost PING: true
connect to a closed port: RedisException (code 0): Connection refused
connect to a missing socket: RedisException (code 0): No such file or directory
exit status: 0
hooks off: goos.io_hooks='0'
hooks off: the same output
