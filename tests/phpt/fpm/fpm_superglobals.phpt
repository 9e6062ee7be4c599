--TEST--
php-fpm (issue 15): goroutines see the request's $_GET, $_POST (urlencoded), $_COOKIE, $_FILES (a multipart upload whose tmp_name they read), $_REQUEST and $_SERVER (method, URI, a request header) as the script does
--EXTENSIONS--
curl
--SKIPIF--
<?php
require __DIR__ . '/fixtures/fpm_env.php';
fpm_skipif();
?>
--FILE--
<?php
require __DIR__ . '/fixtures/fpm_env.php';

// The page prints the script's view and each of three goroutines' (on two
// Ms) as one JSON line each; a goroutine also reads the uploaded files.
$path = fpm_page('superglobals', <<<'PHP'
<?php
Goos\Scheduler::maxProcs(2);
function view(): array
{
    $files = $_FILES;
    foreach ($files as &$file) {
        $file['content'] = is_readable($file['tmp_name']) ? file_get_contents($file['tmp_name']) : null;
        unset($file['full_path']); // 8.1+, present or not in both views alike
    }
    unset($file);
    $server = [];
    foreach (['REQUEST_METHOD', 'REQUEST_URI', 'QUERY_STRING', 'SCRIPT_FILENAME', 'HTTP_X_GOOS_PROBE', 'CONTENT_TYPE'] as $k) {
        $server[$k] = $_SERVER[$k] ?? null;
    }
    return ['get' => $_GET, 'post' => $_POST, 'cookie' => $_COOKIE, 'files' => $files,
            'request' => $_REQUEST, 'server' => $server, 'server_count' => count($_SERVER)];
}
echo "script ", json_encode(view()), "\n";
$views = new Goos\Chan(3);
for ($i = 0; $i < 3; $i++) {
    go(function () use ($views) {
        Goos\Scheduler::yield();
        $views->send(json_encode(view()));
    });
}
for ($i = 0; $i < 3; $i++) {
    echo "goroutine ", $views->recv(), "\n";
}
PHP);

$check = function (string $what, array $r, array $must): void {
    [$status, , $body] = $r;
    $script = null;
    $same = 0;
    $others = [];
    foreach (explode("\n", rtrim($body, "\n")) as $line) {
        [$who, $json] = explode(' ', $line, 2) + [1 => ''];
        if ($who === 'script') {
            $script = $json;
        } elseif ($json === $script) {
            $same++;
        } else {
            $others[] = $json;
        }
    }
    echo "$what: status $status, goroutines with the script's view: $same of 3\n";
    foreach ($others as $other) {
        echo "  differs: $other\n  script:  $script\n";
    }
    $view = json_decode((string) $script, true);
    foreach ($must as $key => $value) {
        $got = $view;
        foreach (explode('.', $key) as $part) {
            $got = $got[$part] ?? null;
        }
        echo "  $key: ", json_encode($got) === json_encode($value) ? 'as sent' : 'got ' . json_encode($got), "\n";
    }
};

$check('GET', fpm_get($path, ['a' => '1', 'list' => ['x', 'y']], ['X-Goos-Probe' => 'get-probe', 'Cookie' => 'c1=one; c2=two%20words']), [
    'get' => ['a' => '1', 'list' => ['x', 'y']],
    'cookie' => ['c1' => 'one', 'c2' => 'two words'],
    'server.REQUEST_METHOD' => 'GET',
    'server.HTTP_X_GOOS_PROBE' => 'get-probe',
]);
$check('POST', fpm_post($path, ['p' => 'posted value', 'n' => ['k' => 'v']], ['q' => 'query'], ['X-Goos-Probe' => 'post-probe']), [
    'get' => ['q' => 'query'],
    'post' => ['p' => 'posted value', 'n' => ['k' => 'v']],
    'request' => ['q' => 'query', 'p' => 'posted value', 'n' => ['k' => 'v']],
    'server.REQUEST_METHOD' => 'POST',
    'server.CONTENT_TYPE' => 'application/x-www-form-urlencoded',
]);
$upload = tempnam(sys_get_temp_dir(), 'goos-fpm-upload');
file_put_contents($upload, "uploaded line 1\nuploaded line 2\n" . str_repeat('0123456789', 1000));
$r = fpm_post($path, ['field' => 'with a file', 'doc' => new CURLFile($upload, 'text/plain', 'notes.txt')], [],
    ['X-Goos-Probe' => 'upload-probe']);
$check('multipart', $r, [
    'post' => ['field' => 'with a file'],
    'files.doc.name' => 'notes.txt',
    'files.doc.type' => 'text/plain',
    'files.doc.size' => filesize($upload),
    'files.doc.error' => 0,
    'files.doc.content' => file_get_contents($upload),
    'server.REQUEST_METHOD' => 'POST',
]);
unlink($upload);
$uri = json_decode(explode(' ', explode("\n", $r[2])[0], 2)[1] ?? 'null', true)['server']['REQUEST_URI'] ?? null;
echo "REQUEST_URI is the page's: ", $uri === $path ? 'yes' : json_encode($uri), "\n";
?>
--EXPECT--
GET: status 200, goroutines with the script's view: 3 of 3
  get: as sent
  cookie: as sent
  server.REQUEST_METHOD: as sent
  server.HTTP_X_GOOS_PROBE: as sent
POST: status 200, goroutines with the script's view: 3 of 3
  get: as sent
  post: as sent
  request: as sent
  server.REQUEST_METHOD: as sent
  server.CONTENT_TYPE: as sent
multipart: status 200, goroutines with the script's view: 3 of 3
  post: as sent
  files.doc.name: as sent
  files.doc.type: as sent
  files.doc.size: as sent
  files.doc.error: as sent
  files.doc.content: as sent
  server.REQUEST_METHOD: as sent
REQUEST_URI is the page's: yes
