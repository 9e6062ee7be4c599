--TEST--
curl_exec() following redirects in goroutines (issue 14): on one P, over http and over https, one handle first fetches nginx's /delay/250, then follows /redirect/3 to "arrived" (three redirects counted, ending at the path /redirect/0), and a chain longer than CURLOPT_MAXREDIRS fails with curl's error 47 as in the origin; the thread is free during each wait
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

// nginx answers each hop at once: the delay first, on the same handle, makes
// the wait long enough for the witness whatever the load.
function chain(string $scheme): string
{
    $h = nginx_handle($scheme, '/delay/250');
    $delayed = curl_exec($h);
    curl_setopt_array($h, [CURLOPT_URL => nginx_url($scheme, '/redirect/3'), CURLOPT_FOLLOWLOCATION => true]);
    $body = curl_exec($h);
    return sprintf('%s, then %s after %d redirects, code %d, ended at the path %s',
        json_encode($delayed), json_encode($body), curl_getinfo($h, CURLINFO_REDIRECT_COUNT),
        curl_getinfo($h, CURLINFO_RESPONSE_CODE),
        parse_url(curl_getinfo($h, CURLINFO_EFFECTIVE_URL), PHP_URL_PATH));
}

function too_many(string $scheme): string
{
    $h = nginx_handle($scheme, '/delay/250');
    $delayed = curl_exec($h);
    curl_setopt_array($h, [CURLOPT_URL => nginx_url($scheme, '/redirect/5'), CURLOPT_FOLLOWLOCATION => true,
        CURLOPT_MAXREDIRS => 2]);
    return sprintf('%s, then %s, errno %d (%s), code %d', json_encode($delayed),
        var_export(curl_exec($h), true), curl_errno($h), curl_error($h), curl_getinfo($h, CURLINFO_RESPONSE_CODE));
}

$origin = ['http' => too_many('http'), 'https' => too_many('https')];

Scheduler::maxProcs(1);
[$results, $free] = waits_with_witness([
    'http chain' => fn () => chain('http'),
    'https chain' => fn () => chain('https'),
    'http too many' => fn () => too_many('http'),
    'https too many' => fn () => too_many('https'),
]);
foreach ($results as $k => $r) {
    echo "$k: $r\n";
}
foreach (['http', 'https'] as $scheme) {
    echo "$scheme too many as in the origin: ", $results["$scheme too many"] === $origin[$scheme] ? 'yes' : "no: $origin[$scheme]", "\n";
}
echo io_free_line($free, 4);
?>
--EXPECT--
http chain: "delayed 250\n", then "arrived\n" after 3 redirects, code 200, ended at the path /redirect/0
http too many: "delayed 250\n", then false, errno 47 (Maximum (2) redirects followed), code 302
https chain: "delayed 250\n", then "arrived\n" after 3 redirects, code 200, ended at the path /redirect/0
https too many: "delayed 250\n", then false, errno 47 (Maximum (2) redirects followed), code 302
http too many as in the origin: yes
https too many as in the origin: yes
thread free during 4 of 4 waits
