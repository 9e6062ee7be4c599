--TEST--
curl timeouts in goroutines (issue 14): on one P, CURLOPT_TIMEOUT_MS of 500 against nginx's /delay/5000 (http and https) and CURLOPT_CONNECTTIMEOUT_MS of 300 against a server whose backlog is full (the kernel drops the SYNs: the handshake never completes) end with CURLE_OPERATION_TIMEDOUT (28) and curl's own messages, as in the origin; the thread is free during each wait
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

// delay_server.php's "full" peer: it listens with a backlog of 0 filled by
// a connection of its own that it never accepts, so the kernel drops every
// later SYN and a connect neither succeeds nor is refused.
$full = io_port(io_peer('full'));

$probes = [
    'http total' => fn () => nginx_handle('http', '/delay/5000', [CURLOPT_TIMEOUT_MS => 500]),
    'https total' => fn () => nginx_handle('https', '/delay/5000', [CURLOPT_TIMEOUT_MS => 500]),
    'connect' => function () use ($full) {
        $h = curl_init("http://127.0.0.1:$full/");
        curl_setopt_array($h, [CURLOPT_RETURNTRANSFER => true, CURLOPT_CONNECTTIMEOUT_MS => 300]);
        return $h;
    },
];
// Curl's messages carry the milliseconds it measured and the port: the
// figures differ from run to run (%d in the expectation), so the comparison
// with the origin takes them out.
// A connect timeout's message is one of two (curl_steady()): it is shown
// in that form.
$run = function (Closure $make): string {
    $h = $make();
    $body = curl_exec($h);
    $error = curl_error($h);
    return sprintf('%s, errno %d (%s), error %s', var_export($body, true), curl_errno($h),
        curl_errno($h) === CURLE_OPERATION_TIMEDOUT ? 'CURLE_OPERATION_TIMEDOUT' : 'another error',
        str_starts_with(curl_steady($error), 'Connection timeout after') ? curl_steady($error) : $error);
};
$origin = array_map(fn ($make) => curl_steady($run($make)), $probes);

Scheduler::maxProcs(1);
[$results, $free] = waits_with_witness(array_map(fn ($make) => fn () => $run($make), $probes));
foreach ($results as $k => $r) {
    echo "$k: $r\n";
    echo '  as in the origin: ', curl_steady($r) === $origin[$k] ? 'yes' : "no: $origin[$k]", "\n";
}
echo io_free_line($free, count($probes));
?>
--EXPECTF--
connect: false, errno 28 (CURLE_OPERATION_TIMEDOUT), error Connection timeout after <n> ms
  as in the origin: yes
http total: false, errno 28 (CURLE_OPERATION_TIMEDOUT), error Operation timed out after %d milliseconds with 0 bytes received
  as in the origin: yes
https total: false, errno 28 (CURLE_OPERATION_TIMEDOUT), error Operation timed out after %d milliseconds with 0 bytes received
  as in the origin: yes
thread free during 3 of 3 waits
