--TEST--
php-fpm (issue 15): 2,000 requests, 50 at a time (curl_multi), each page starting 3 goroutines that echo the request's id and joining them: every response is a 200 whose body is its own id 3 times and the page's line
--EXTENSIONS--
curl
--SKIPIF--
<?php
require __DIR__ . '/fixtures/fpm_env.php';
fpm_skipif();
?>
--FILE--
<?php
// Wall time of the 2,000 requests on the pool of scripts/services.sh (pm
// static, 2 children, opcache), 2 CPUs, debug builds: 3.6 to 4.9 s on 8.4
// alone; 6.5 to 10.3 s on 8.4 and 8.2 with both suites running at once.
require __DIR__ . '/fixtures/fpm_env.php';

$path = fpm_page('load', <<<'PHP'
<?php
$id = $_GET['id'];
for ($i = 0; $i < 3; $i++) {
    go(function () use ($id) { echo "goroutine $id\n"; });
}
Goos\Scheduler::join();
echo "page $id\n";
PHP);
$url = rtrim(getenv('GOOS_FPM_URL'), '/') . $path;

const TOTAL = 2000;
const CONCURRENT = 50;
$mh = curl_multi_init();
$started = 0;
$running = [];
$statuses = [];
$bad = [];
$done = 0;
$add = function () use ($mh, $url, &$started, &$running): void {
    $id = sprintf('r%04d-%s', $started++, bin2hex(random_bytes(3)));
    $h = curl_init("$url?id=$id");
    curl_setopt_array($h, [CURLOPT_RETURNTRANSFER => true, CURLOPT_TIMEOUT => 60]);
    curl_multi_add_handle($mh, $h);
    $running[spl_object_id($h)] = [$h, $id];
};
$t0 = microtime(true);
while ($started < CONCURRENT) {
    $add();
}
do {
    curl_multi_exec($mh, $active);
    while ($info = curl_multi_info_read($mh)) {
        $h = $info['handle'];
        [, $id] = $running[spl_object_id($h)];
        unset($running[spl_object_id($h)]);
        $status = curl_getinfo($h, CURLINFO_RESPONSE_CODE);
        $statuses[$status] = ($statuses[$status] ?? 0) + 1;
        $body = (string) curl_multi_getcontent($h);
        if ($body !== str_repeat("goroutine $id\n", 3) . "page $id\n" && count($bad) < 5) {
            $bad[] = "$id: $status " . json_encode(substr($body, 0, 300)) . ($info['result'] ? ' ' . curl_strerror($info['result']) : '');
        }
        curl_multi_remove_handle($mh, $h);
        $done++;
        if ($started < TOTAL) {
            $add();
        }
    }
    if ($active) {
        curl_multi_select($mh, 0.1);
    }
} while ($done < TOTAL);
$wall = microtime(true) - $t0;
curl_multi_close($mh);
ksort($statuses);
echo "responses by status: ", json_encode($statuses), "\n";
echo "bodies that are not their own id 3 times and the page's line: ", $bad ? "\n" . implode("\n", $bad) : 'none', "\n";
?>
--EXPECT--
responses by status: {"200":2000}
bodies that are not their own id 3 times and the page's line: none
