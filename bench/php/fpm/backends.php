<?php
// The three 50 ms backends of bench/fpm.sh's fan-out pages (issue 15), each
// on a connection of its own opened for this call (connect included, closed
// at the end): what a page that asks three services for one answer each does.
// The servers are scripts/services.sh's; php-fpm's children see its exports
// (GOOS_REDIS_*, GOOS_MYSQL_*, GOOS_NGINX_*: the pool has clear_env no).
// Each returns a short string that the page checks; a wrong answer throws,
// and the request fails with a 500 that wrk counts.

const WAIT = 0.05;

function wait_redis(): string
{
    $r = new Redis();
    $r->connect(getenv('GOOS_REDIS_HOST'), (int) getenv('GOOS_REDIS_PORT'), 5.0);
    // An empty list (a key no one writes): BLPOP times out after 0.05 s.
    $got = $r->blPop(['goos-bench-fpm-empty'], WAIT);
    $r->close();
    if ($got !== [] && $got !== null && $got !== false) throw new Error('BLPOP returned ' . var_export($got, true));
    return 'redis';
}

function wait_mysql(): string
{
    $dsn = sprintf('mysql:host=%s;port=%s;dbname=%s', getenv('GOOS_MYSQL_HOST'), getenv('GOOS_MYSQL_PORT'), getenv('GOOS_MYSQL_DB'));
    $db = new PDO($dsn, getenv('GOOS_MYSQL_USER'), getenv('GOOS_MYSQL_PASSWORD'), [PDO::ATTR_ERRMODE => PDO::ERRMODE_EXCEPTION]);
    $v = $db->query('SELECT SLEEP(' . WAIT . ')')->fetchColumn();
    $db = null;
    if ((string) $v !== '0') throw new Error('SLEEP returned ' . var_export($v, true));
    return 'mysql';
}

function wait_http(): string
{
    $ms = (int) round(WAIT * 1000);
    $ch = curl_init(sprintf('http://%s:%s/delay/%d', getenv('GOOS_NGINX_HOST'), getenv('GOOS_NGINX_PORT'), $ms));
    curl_setopt_array($ch, [CURLOPT_RETURNTRANSFER => true, CURLOPT_TIMEOUT => 10]);
    $body = curl_exec($ch);
    curl_close($ch);
    if ($body !== "delayed $ms\n") throw new Error('nginx answered ' . var_export($body, true));
    return 'http';
}
