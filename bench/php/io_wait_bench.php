<?php
// 100 one-off server-side waits of 100 ms (issue 13's figure): in goroutines
// on maxProcs(2), against the same loop in plain PHP on one connection.
//
//   php io_wait_bench.php <pdo|phpredis|predis|exec> <goos|plain> [count] [seconds]
//
// Servers come from the environment that scripts/services.sh exports
// (GOOS_MYSQL_*, GOOS_REDIS_*); bench/io.sh starts them. Prints
//   RESULT io_<kind>_<mode>_wall <seconds> s
// where the wall time covers the whole fan-out: in goos mode the start of the
// runtime (its threads and interpreters), each goroutine's connect, the waits
// and the join; in plain mode one connect and the waits in sequence.
[$self, $kind, $mode] = $argv + [null, null, null];
$count = (int) ($argv[3] ?? 100);
$seconds = (float) ($argv[4] ?? 0.1);
if (!in_array($kind, ['pdo', 'phpredis', 'predis', 'exec'], true) || !in_array($mode, ['goos', 'plain'], true)) {
    fwrite(STDERR, "usage: php io_wait_bench.php <pdo|phpredis|predis|exec> <goos|plain> [count] [seconds]\n");
    exit(2);
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
    }
}

if ($mode === 'plain') {
    $start = hrtime(true);
    $wait = waiter($kind, $seconds);
    for ($i = 0; $i < $count; $i++) $wait();
} else {
    Goos\Scheduler::maxProcs(2);
    $start = hrtime(true);
    for ($i = 0; $i < $count; $i++) {
        go(function (string $kind, float $seconds) {
            $wait = waiter($kind, $seconds);
            $wait();
        }, $kind, $seconds);
    }
    Goos\Scheduler::join();
}
printf("RESULT io_%s_%s_wall %.3f s\n", $kind, $mode, (hrtime(true) - $start) / 1e9);
