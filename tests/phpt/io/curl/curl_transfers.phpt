--TEST--
curl uploads and downloads of 3 MiB in goroutines (issue 14): on one P, six at once over http and https: GET /bytes/<3 MiB> into a string and through CURLOPT_WRITEFUNCTION, POST with CURLOPT_POSTFIELDS, PUT with CURLOPT_UPLOAD from a php://temp stream, from a file stream (CURLOPT_INFILE) and through CURLOPT_READFUNCTION, to nginx's /echo; every byte is right (SHA-256), the callbacks run mid-transfer, and with curl's rate limits making it wait between reads and writes, the thread is free during each transfer
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

const SIZE = 3 << 20;
// 24 MiB/s each way: curl pauses a transfer that got ahead of its rate (a
// wait on a timer inside libcurl's poll), so each transfer lasts over 0.1 s
// and waits in libcurl whatever the load: the witness's proof does not
// depend on loopback being slower than the CPU.
const LIMITS = [CURLOPT_MAX_RECV_SPEED_LARGE => 24 << 20, CURLOPT_MAX_SEND_SPEED_LARGE => 24 << 20];

$expected = nginx_bytes(SIZE);
$expected_hash = hash('sha256', $expected);
// What is uploaded: another pattern than the download's, and not periodic
// on any chunk size curl or nginx uses.
$upload = '';
for ($i = 0; strlen($upload) < SIZE; $i++) {
    $upload .= hash('sha256', "upload $i", true);
}
$upload = substr($upload, 0, SIZE);
$upload_hash = hash('sha256', $upload);
$file = io_tmpdir() . '/upload.bin';
file_put_contents($file, $upload);

// A line per transfer: the body's size, whether its bytes are the expected
// ones, curl's errno and the HTTP code, and what the callbacks saw.
function report(CurlHandle $h, string|false $body, string $want_hash, string $extra = ''): string
{
    return sprintf('%s bytes, right: %s, errno %d, code %d%s',
        $body === false ? 'false' : strlen($body), json_encode($body !== false && hash('sha256', $body) === $want_hash),
        curl_errno($h), curl_getinfo($h, CURLINFO_RESPONSE_CODE), $extra);
}

Scheduler::maxProcs(1);
[$results, $free] = waits_with_witness([
    'GET http into a string' => function () use ($expected_hash) {
        $h = nginx_handle('http', '/bytes/' . SIZE, LIMITS);
        return report($h, curl_exec($h), $expected_hash);
    },
    'GET https through CURLOPT_WRITEFUNCTION' => function () use ($expected_hash) {
        $h = nginx_handle('https', '/bytes/' . SIZE, LIMITS);
        $hash = hash_init('sha256');
        $calls = 0;
        $same_handle = true;
        $received = 0;
        curl_setopt($h, CURLOPT_WRITEFUNCTION, function (CurlHandle $from, string $data) use ($h, $hash, &$calls, &$same_handle, &$received) {
            $calls++;
            $same_handle = $same_handle && $from === $h;
            $received += strlen($data);
            hash_update($hash, $data);
            return strlen($data);
        });
        $ok = curl_exec($h);
        return sprintf('%s, %d bytes, right: %s, errno %d, code %d, called more than once: %s, with its handle: %s',
            var_export($ok, true), $received, json_encode(hash_final($hash) === $expected_hash), curl_errno($h),
            curl_getinfo($h, CURLINFO_RESPONSE_CODE), json_encode($calls > 1), json_encode($same_handle));
    },
    'POST https with CURLOPT_POSTFIELDS' => function () use ($upload, $upload_hash) {
        $h = nginx_handle('https', '/echo', LIMITS + [CURLOPT_POSTFIELDS => $upload]);
        return report($h, curl_exec($h), $upload_hash);
    },
    'PUT http from php://temp' => function () use ($upload, $upload_hash) {
        $in = fopen('php://temp', 'w+');
        fwrite($in, $upload);
        rewind($in);
        $h = nginx_handle('http', '/echo', LIMITS + [CURLOPT_UPLOAD => true, CURLOPT_INFILE => $in,
            CURLOPT_INFILESIZE => SIZE]);
        return report($h, curl_exec($h), $upload_hash, ', sent ' . curl_getinfo($h, CURLINFO_SIZE_UPLOAD));
    },
    'PUT https from a file' => function () use ($file, $upload_hash) {
        $in = fopen($file, 'r');
        $h = nginx_handle('https', '/echo', LIMITS + [CURLOPT_UPLOAD => true, CURLOPT_INFILE => $in,
            CURLOPT_INFILESIZE => filesize($file)]);
        return report($h, curl_exec($h), $upload_hash, ', sent ' . curl_getinfo($h, CURLINFO_SIZE_UPLOAD));
    },
    'PUT http through CURLOPT_READFUNCTION' => function () use ($upload, $upload_hash) {
        $offset = 0;
        $calls = 0;
        $h = nginx_handle('http', '/echo', LIMITS + [CURLOPT_UPLOAD => true, CURLOPT_INFILESIZE => SIZE,
            CURLOPT_READFUNCTION => function (CurlHandle $from, $stream, int $length) use ($upload, &$offset, &$calls) {
                $calls++;
                $chunk = substr($upload, $offset, $length);
                $offset += strlen($chunk);
                return $chunk;
            }]);
        return report($h, curl_exec($h), $upload_hash, ', called more than once: ' . json_encode($calls > 1));
    },
]);
foreach ($results as $k => $r) {
    echo "$k: $r\n";
}
echo io_free_line($free, 6);
?>
--EXPECT--
GET http into a string: 3145728 bytes, right: true, errno 0, code 200
GET https through CURLOPT_WRITEFUNCTION: true, 3145728 bytes, right: true, errno 0, code 200, called more than once: true, with its handle: true
POST https with CURLOPT_POSTFIELDS: 3145728 bytes, right: true, errno 0, code 200
PUT http from php://temp: 3145728 bytes, right: true, errno 0, code 200, sent 3145728
PUT http through CURLOPT_READFUNCTION: 3145728 bytes, right: true, errno 0, code 200, called more than once: true
PUT https from a file: 3145728 bytes, right: true, errno 0, code 200, sent 3145728
thread free during 6 of 6 waits
