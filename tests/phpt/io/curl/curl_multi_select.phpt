--TEST--
curl_multi_exec() and curl_multi_select() in goroutines (issue 14): on one P, two goroutines each drive a multi handle of four transfers (one over http, one over https, nginx's /delay/200 to /delay/350) with the usual loop; curl_multi_select() parks the goroutine: the thread is free during each loop, every transfer gets its own body, and curl_multi_info_read() reports each done
--EXTENSIONS--
goos
curl
--SKIPIF--
<?php
require __DIR__ . '/fixtures/curl_env.php';
curl_skipif();
?>
--FILE--
<?php
require __DIR__ . '/../fixtures/thread_free.php';
require __DIR__ . '/../fixtures/delay_server.inc';
require __DIR__ . '/fixtures/curl_env.php';
use Goos\Scheduler;

Scheduler::maxProcs(1);

// Besides waits_with_witness()'s proof for each loop as a whole: a ticker
// goroutine counts its turns until both loops are over, and each loop reads
// the count before and after each curl_multi_select(). A count that moved
// across a select means the thread ran another goroutine while that select
// waited: the goroutine parked in curl_multi_select() itself.
final class Ticker
{
    public static int $ticks = 0;
    public static int $loops_left = 2;
}

// The loop of the PHP manual: curl_multi_exec() while it has work, and
// curl_multi_select() until a socket of the transfers is ready. Returns
// what the transfers got, and how many selects found something to do (at
// least one: the transfers are 200 ms late, so one select had to wait).
function multi_loop(string $scheme): array
{
    $m = curl_multi_init();
    $handles = [];
    foreach ([200, 250, 300, 350] as $ms) {
        $handles[$ms] = nginx_handle($scheme, "/delay/$ms");
        curl_multi_add_handle($m, $handles[$ms]);
    }
    $selects = 0;
    $parked_selects = 0;
    do {
        $status = curl_multi_exec($m, $running);
        if ($running > 0 && $status === CURLM_OK) {
            $ticks = Ticker::$ticks;
            // 5 s: a bound the transfers never reach.
            if (curl_multi_select($m, 5.0) > 0) {
                $selects++;
            }
            if (Ticker::$ticks !== $ticks) {
                $parked_selects++;
            }
        }
    } while ($running > 0 && $status === CURLM_OK);
    Ticker::$loops_left--;
    $done = [];
    while (($info = curl_multi_info_read($m)) !== false) {
        $ms = array_search($info['handle'], $handles, true);
        $done[$ms] = $info['msg'] === CURLMSG_DONE ? curl_strerror($info['result']) : "message {$info['msg']}";
    }
    ksort($done);
    $bodies = [];
    foreach ($handles as $ms => $h) {
        $body = curl_multi_getcontent($h);
        $bodies[] = sprintf('/delay/%d: %s, code %d, %s', $ms,
            json_encode($body === "delayed $ms\n" ? 'its own body' : $body),
            curl_getinfo($h, CURLINFO_RESPONSE_CODE), $done[$ms] ?? 'not reported done');
        curl_multi_remove_handle($m, $h);
    }
    return [$status === CURLM_OK ? 'CURLM_OK' : curl_multi_strerror($status), $selects > 0, $parked_selects > 0, $bodies];
}

go(function () {
    while (Ticker::$loops_left > 0) {
        Ticker::$ticks++;
        Scheduler::yield();
    }
});
[$results, $free] = waits_with_witness([
    'http' => fn () => multi_loop('http'),
    'https' => fn () => multi_loop('https'),
]);
foreach ($results as $k => [$status, $selected, $parked, $bodies]) {
    echo "$k: loop ended with $status, a select found the transfers ready: ", json_encode($selected),
        ", another goroutine ran during a curl_multi_select(): ", json_encode($parked), "\n";
    foreach ($bodies as $b) {
        echo "  $b\n";
    }
}
echo io_free_line($free, 2);
?>
--EXPECT--
http: loop ended with CURLM_OK, a select found the transfers ready: true, another goroutine ran during a curl_multi_select(): true
  /delay/200: "its own body", code 200, No error
  /delay/250: "its own body", code 200, No error
  /delay/300: "its own body", code 200, No error
  /delay/350: "its own body", code 200, No error
https: loop ended with CURLM_OK, a select found the transfers ready: true, another goroutine ran during a curl_multi_select(): true
  /delay/200: "its own body", code 200, No error
  /delay/250: "its own body", code 200, No error
  /delay/300: "its own body", code 200, No error
  /delay/350: "its own body", code 200, No error
thread free during 2 of 2 waits
