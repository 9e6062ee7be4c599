--TEST--
Streams in goroutines (issue 13): the http:// wrapper, file_get_contents() and fopen() of a server that answers 0.2 s after the request, and a request never answered that times out after 0.3 s (the context's timeout) as in the origin; on one P the thread is free during each wait
--EXTENSIONS--
goos
--FILE--
<?php
require __DIR__ . '/../fixtures/thread_free.php';
require __DIR__ . '/../fixtures/delay_server.inc';
use Goos\Scheduler;

Scheduler::maxProcs(1);
$http = str_replace('tcp://', 'http://', io_peer('http'));

$silent = function () use ($http) {
    return io_capture(function () use ($http) {
        $ctx = stream_context_create(['http' => ['timeout' => 0.3]]);
        $t = hrtime(true);
        $got = file_get_contents("$http/silent", false, $ctx);
        return sprintf('%s, no sooner than the timeout: %s', var_export($got, true), io_no_sooner($t, 0.3));
    });
};
$origin = $silent();

$waits = [];
foreach (['/one', '/two?x=1'] as $path) {
    $waits["file_get_contents $path"] = function () use ($http, $path) {
        $t = hrtime(true);
        $body = file_get_contents($http . $path);
        return sprintf('%s, status %s, no sooner than the delay: %s',
            json_encode($body), $http_response_header[0] ?? '?', io_no_sooner($t, 0.2));
    };
}
$waits['fopen'] = function () use ($http) {
    $t = hrtime(true);
    $f = fopen("$http/three", 'r');
    $opened = io_no_sooner($t, 0.2);
    $headers = stream_get_meta_data($f)['wrapper_data'];
    $body = stream_get_contents($f);
    return sprintf('opened no sooner than the delay: %s, %s, %s', $opened, $headers[0], json_encode($body));
};
$waits['never answered'] = $silent;
[$results, $free] = waits_with_witness($waits);
[$r, $notes] = $results['never answered'];
unset($results['never answered']);
foreach ($results as $k => $r2) echo "$k: $r2\n";
echo "never answered: $r\n";
foreach ($notes as $n) echo '  ', rtrim($n), "\n";
echo '  as in the origin: ', [$r, $notes] === $origin ? 'yes' : 'no: ' . json_encode($origin), "\n";
echo io_free_line($free, count($waits) );
?>
--EXPECTF--
file_get_contents /one: "hello from \/one\n", status HTTP/1.1 200 OK, no sooner than the delay: yes
file_get_contents /two?x=1: "hello from \/two?x=1\n", status HTTP/1.1 200 OK, no sooner than the delay: yes
fopen: opened no sooner than the delay: yes, HTTP/1.1 200 OK, "hello from \/three\n"
never answered: false, no sooner than the timeout: yes
  file_get_contents(http://127.0.0.1:%d/silent): Failed to open stream: HTTP request failed!
  as in the origin: yes
thread free during 4 of 4 waits
