<?php
// 100 one-off server-side waits of 100 ms (issues 13 and 14): in goroutines
// on maxProcs(2), against the same loop in plain PHP on one connection.
//
//   php io_wait_bench.php <kind> <mode> [count] [seconds]
//
//   kind  issue 13: pdo (MariaDB SELECT SLEEP through PDO), phpredis, predis
//                   (redis BLPOP on an empty list), exec (sleep)
//         issue 14: curl (curl_exec), guzzle (Guzzle's curl handler), fgc
//                   (file_get_contents over http://): one GET of nginx's
//                   /delay/<ms>; pdo_pgsql (PostgreSQL SELECT pg_sleep through
//                   PDO, over TCP: SCRAM, no TLS), pdo_pgsql_unix (the
//                   same over the unix socket: no SCRAM, the server trusts it)
//   mode  goos    goroutines, each opening its own connection (handle,
//                 client) and doing one wait
//         phases  the same in timed steps: every goroutine connects; once all
//                 have, every one waits; once all have answered, every one
//                 closes its connection and ends (so no server-side teardown
//                 overlaps the waits)
//         plain   goos not loaded: one connection, the waits in sequence
//         multi   curl only, goos not loaded: all the requests in one
//                 curl_multi loop (the best plain PHP can do for HTTP)
//
// Servers come from the environment that scripts/services.sh exports
// (GOOS_MYSQL_*, GOOS_REDIS_*, GOOS_PG_*, GOOS_NGINX_*), Guzzle from the
// autoloader GOOS_GUZZLE_AUTOLOAD names (scripts/php-libs.sh); bench/io.sh
// provides them. Prints
//   RESULT io_<kind>_<mode>_wall <seconds> s
// (phases: io_<kind>_phases_connect_wall from the start until the first wait
// began, io_<kind>_phases_wait_wall from then until the last answer,
// io_<kind>_phases_close_wall from then until the join returned)
// where the wall time covers the whole fan-out: in goos mode the start of the
// runtime (its threads and interpreters), each goroutine's connect, the waits
// and the join; in plain mode one connect and the waits in sequence. Every
// answer is checked (an HTTP body must be "delayed <ms>\n"): a wait that fails
// fast would make a fast figure, so any wrong one ends the run with status 1.
// With GOOS_BENCH_DETAIL=1, DETAIL lines follow: in goos and phases modes the
// distribution of the goroutines' connect and wait times and of when their
// waits began and ended, from the start; in every mode what the kernel saw of
// the process's threads (CPU time, time spent runnable waiting for a CPU).
[$self, $kind, $mode] = $argv + [null, null, null];
$count = (int) ($argv[3] ?? 100);
$seconds = (float) ($argv[4] ?? 0.1);
$kinds = ['pdo', 'phpredis', 'predis', 'exec', 'curl', 'guzzle', 'fgc', 'pdo_pgsql', 'pdo_pgsql_unix'];
if (!in_array($kind, $kinds, true) || !in_array($mode, ['goos', 'phases', 'plain', 'multi'], true)
    || ($mode === 'multi' && $kind !== 'curl')) {
    fwrite(STDERR, 'usage: php io_wait_bench.php <' . implode('|', $kinds) . "> <goos|phases|plain|multi> [count] [seconds]\n"
        . "  (multi: curl only)\n");
    exit(2);
}
if ($kind === 'guzzle') {
    // Loaded once, in the origin: goos registers the script's autoloaders in
    // every interpreter that runs a goroutine (issue 12).
    require getenv('GOOS_GUZZLE_AUTOLOAD') ?: throw new Error('GOOS_GUZZLE_AUTOLOAD is not set (scripts/php-libs.sh)');
}

function delay_url(float $seconds): string
{
    return sprintf('http://%s:%s/delay/%d', getenv('GOOS_NGINX_HOST'), getenv('GOOS_NGINX_PORT'), (int) round($seconds * 1000));
}

function check_body(string|false $body, float $seconds): void
{
    $want = sprintf("delayed %d\n", (int) round($seconds * 1000));
    if ($body !== $want) {
        throw new Error('unexpected answer: ' . var_export($body, true));
    }
}

// Returns a closure doing one wait on a connection it opens once.
function waiter(string $kind, float $seconds): Closure
{
    switch ($kind) {
        case 'pdo':
            $dsn = sprintf('mysql:host=%s;port=%s;dbname=%s', getenv('GOOS_MYSQL_HOST'), getenv('GOOS_MYSQL_PORT'), getenv('GOOS_MYSQL_DB'));
            $db = new PDO($dsn, getenv('GOOS_MYSQL_USER'), getenv('GOOS_MYSQL_PASSWORD'), [PDO::ATTR_ERRMODE => PDO::ERRMODE_EXCEPTION]);
            return fn () => $db->query("SELECT SLEEP($seconds)")->fetchColumn();
        case 'phpredis':
            $r = new Redis();
            $r->connect(getenv('GOOS_REDIS_HOST'), (int) getenv('GOOS_REDIS_PORT'));
            $key = 'bench:empty:' . getmypid() . ':' . mt_rand();
            return fn () => $r->blPop([$key], $seconds);
        case 'predis':
            require_once '/usr/share/php/Predis/Autoloader.php';
            Predis\Autoloader::register();
            $r = new Predis\Client(['host' => getenv('GOOS_REDIS_HOST'), 'port' => (int) getenv('GOOS_REDIS_PORT'), 'read_write_timeout' => 5]);
            $key = 'bench:empty:' . getmypid() . ':' . mt_rand();
            return fn () => $r->blpop([$key], $seconds);
        case 'exec':
            return fn () => exec("sleep $seconds");
        case 'curl':
            // One handle: in plain mode its connection is kept alive and
            // reused, as a PHP user looping over curl_exec gets it.
            $ch = curl_init(delay_url($seconds));
            curl_setopt_array($ch, [CURLOPT_RETURNTRANSFER => true, CURLOPT_TIMEOUT => 10]);
            return fn () => check_body(curl_exec($ch), $seconds);
        case 'guzzle':
            $client = new GuzzleHttp\Client([
                'handler' => GuzzleHttp\HandlerStack::create(new GuzzleHttp\Handler\CurlHandler()),
                'timeout' => 10,
            ]);
            return fn () => check_body((string) $client->get(delay_url($seconds))->getBody(), $seconds);
        case 'fgc':
            // PHP's http:// wrapper: a new connection per request.
            $context = stream_context_create(['http' => ['timeout' => 10]]);
            return fn () => check_body(file_get_contents(delay_url($seconds), false, $context), $seconds);
        case 'pdo_pgsql':
        case 'pdo_pgsql_unix':
            // TCP, so libpq's own connect (and SCRAM) is part of the figure;
            // sslmode=disable: the server offers TLS, and libpq's default
            // (prefer) would add a handshake per connection. The socket
            // variant shows what the password exchange costs.
            $host = $kind === 'pdo_pgsql' ? getenv('GOOS_PG_HOST') . ';sslmode=disable' : getenv('GOOS_PG_SOCKET_DIR');
            $dsn = sprintf('pgsql:host=%s;port=%s;dbname=%s', $host, getenv('GOOS_PG_PORT'), getenv('GOOS_PG_DB'));
            $db = new PDO($dsn, getenv('GOOS_PG_USER'), getenv('GOOS_PG_PASSWORD'), [PDO::ATTR_ERRMODE => PDO::ERRMODE_EXCEPTION]);
            return function () use ($db, $seconds) {
                if ($db->query("SELECT pg_sleep($seconds)")->fetchColumn() !== '') {
                    throw new Error('unexpected answer to pg_sleep');
                }
            };
    }
}

// The distribution of a list of seconds, for DETAIL lines.
function spread(array $values): string
{
    sort($values);
    $at = fn (float $q) => $values[min(count($values) - 1, (int) floor($q * count($values)))];
    return sprintf('min %.3f p50 %.3f p90 %.3f p99 %.3f max %.3f', $values[0], $at(0.5), $at(0.9), $at(0.99), end($values));
}

$result = fn (string $what, float $s) => printf("RESULT io_%s_%s_wall %.3f s\n", $kind, $what, $s);
if ($mode === 'plain') {
    $start = hrtime(true);
    $wait = waiter($kind, $seconds);
    for ($i = 0; $i < $count; $i++) $wait();
    $result($mode, (hrtime(true) - $start) / 1e9);
} elseif ($mode === 'multi') {
    $start = hrtime(true);
    $multi = curl_multi_init();
    $handles = [];
    for ($i = 0; $i < $count; $i++) {
        $handles[$i] = curl_init(delay_url($seconds));
        curl_setopt_array($handles[$i], [CURLOPT_RETURNTRANSFER => true, CURLOPT_TIMEOUT => 10]);
        curl_multi_add_handle($multi, $handles[$i]);
    }
    do {
        $status = curl_multi_exec($multi, $running);
        if ($running > 0 && $status === CURLM_OK) curl_multi_select($multi, 1.0);
    } while ($running > 0 && $status === CURLM_OK);
    foreach ($handles as $ch) {
        check_body(curl_multi_getcontent($ch), $seconds);
        curl_multi_remove_handle($multi, $ch);
    }
    $result($mode, (hrtime(true) - $start) / 1e9);
} else {
    Goos\Scheduler::maxProcs(2);
    // Each goroutine sends back [started, wait began, wait ended] (hrtime,
    // one monotonic clock for every thread).
    $times = new Goos\Chan($count);
    // phases: a goroutine that has connected says so on $connected and waits
    // for $go to close before its wait; one that has its answer says so on
    // $answered and keeps its connection until $done closes. A goroutine of
    // its own closes each once all have said so.
    $connected = new Goos\Chan($count);
    $go = new Goos\Chan();
    $answered = new Goos\Chan($count);
    $done = new Goos\Chan();
    $start = hrtime(true);
    if ($mode === 'phases') {
        go(function (Goos\Chan $connected, Goos\Chan $go, Goos\Chan $answered, Goos\Chan $done, int $count) {
            for ($i = 0; $i < $count; $i++) $connected->recv();
            $go->close();
            for ($i = 0; $i < $count; $i++) $answered->recv();
            $done->close();
        }, $connected, $go, $answered, $done, $count);
    }
    for ($i = 0; $i < $count; $i++) {
        go(function (string $kind, float $seconds, bool $phases, Goos\Chan $connected, Goos\Chan $go, Goos\Chan $answered, Goos\Chan $done, Goos\Chan $times) {
            $started = hrtime(true);
            $wait = waiter($kind, $seconds);
            if ($phases) {
                $connected->send(true);
                $go->recv();
            }
            $began = hrtime(true);
            $wait();
            $times->send([$started, $began, hrtime(true)]);
            if ($phases) {
                $answered->send(true);
                $done->recv();
            }
        }, $kind, $seconds, $mode === 'phases', $connected, $go, $answered, $done, $times);
    }
    Goos\Scheduler::join();
    $end = hrtime(true);
    $started = $began = $ended = [];
    for ($i = 0; $i < $count; $i++) {
        [$s, $b, $e] = $times->recv();
        $started[] = $s;
        $began[] = $b;
        $ended[] = $e;
    }
    if ($mode === 'phases') {
        $result('phases_connect', (min($began) - $start) / 1e9);
        $result('phases_wait', (max($ended) - min($began)) / 1e9);
        $result('phases_close', ($end - max($ended)) / 1e9);
    } else {
        $result($mode, ($end - $start) / 1e9);
    }
    if (getenv('GOOS_BENCH_DETAIL')) {
        $from = fn (array $t) => array_map(fn ($x) => ($x - $start) / 1e9, $t);
        printf("DETAIL io_%s_%s started at    %s\n", $kind, $mode, spread($from($started)));
        if ($mode === 'goos') {
            printf("DETAIL io_%s_%s connect took  %s\n", $kind, $mode, spread(array_map(fn ($s, $b) => ($b - $s) / 1e9, $started, $began)));
        }
        printf("DETAIL io_%s_%s wait began at %s\n", $kind, $mode, spread($from($began)));
        printf("DETAIL io_%s_%s wait took     %s\n", $kind, $mode, spread(array_map(fn ($b, $e) => ($e - $b) / 1e9, $began, $ended)));
        printf("DETAIL io_%s_%s wait ended at %s\n", $kind, $mode, spread($from($ended)));
    }
}
if (getenv('GOOS_BENCH_DETAIL')) {
    // The process's threads (goos's Ms and helpers, still there after
    // join) as the kernel saw them: CPU time, and time spent runnable but
    // waiting for a CPU (the machine's load), in seconds.
    $cpu = $queued = $worst = 0;
    foreach (glob('/proc/self/task/*/schedstat') as $file) {
        [$ran, $waited] = array_map('intval', explode(' ', trim((string) @file_get_contents($file))) + [0, 0]);
        $cpu += $ran;
        $queued += $waited;
        $worst = max($worst, $waited);
    }
    printf("DETAIL io_%s_%s threads %d: CPU %.3f s, run-queue wait %.3f s (one thread at most %.3f s)\n",
        $kind, $mode, count(glob('/proc/self/task/*')), $cpu / 1e9, $queued / 1e9, $worst / 1e9);
}
