<?php
// bench/fpm.sh (a), plain fpm: the three 50 ms backends one after another.
require __DIR__ . '/backends.php';

$out = [wait_redis(), wait_mysql(), wait_http()];
echo implode(' ', $out), "\n";
