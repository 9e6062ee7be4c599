<?php
// bench/fpm.sh (a), goos: the three 50 ms backends in three goroutines, each
// opening its own connection; their answers come back on a channel, then the
// request joins its goroutines.
require __DIR__ . '/backends.php';

$answers = new Goos\Chan(3);
go(fn () => $answers->send(wait_redis()));
go(fn () => $answers->send(wait_mysql()));
go(fn () => $answers->send(wait_http()));
$out = [];
for ($i = 0; $i < 3; $i++) $out[] = $answers->recv();
Goos\Scheduler::join();
sort($out);
echo implode(' ', $out), "\n";
