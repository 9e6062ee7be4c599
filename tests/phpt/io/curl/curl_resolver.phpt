--TEST--
curl name resolution in goroutines (issue 14): with curl's threaded resolver (CURL_VERSION_ASYNCHDNS) and no CURLOPT_RESOLVE, curl_exec() of http:// and https:// URLs by names that a slow DNS server (fixtures/with_slow_dns.sh) answers 0.2 s later, to servers that answer 0.2 s after that, gets the right bodies (the certificate verified for the name); a lookup and connect alone (CURLOPT_CONNECT_ONLY) reaches 127.0.0.1; a name that does not resolve fails with curl's error 6 as in the origin; on one P the thread is free during each wait, those with nothing but curl's resolver thread to wait for included
--EXTENSIONS--
goos
curl
--SKIPIF--
<?php
if (!extension_loaded('curl')) die('skip ext/curl is not loaded');
require __DIR__ . '/../fixtures/slow_dns.inc';
if (($why = slow_dns_skip_reason()) !== null) die("skip $why");
?>
--FILE--
<?php
require __DIR__ . '/../fixtures/thread_free.php';
require __DIR__ . '/../fixtures/delay_server.inc';
require __DIR__ . '/../fixtures/slow_dns.inc';
use Goos\Scheduler;

if (($argv[1] ?? '') === 'child') {
    // In the namespaces of with_slow_dns.sh, whose loopback is its own: the
    // nginx of the host's loopback is out of reach, so the servers are
    // delay_server.php's, started here (HTTP/1.1, "hello from <path>\n" 0.2 s
    // after the request; over TLS, the handshake 0.2 s late too).
    Scheduler::maxProcs(1);
    echo 'curl resolves names on threads of its own (CURL_VERSION_ASYNCHDNS): ',
        curl_version()['features'] & CURL_VERSION_ASYNCHDNS ? 'yes' : 'no', "\n";
    $cert = io_tls_cert();
    $http = io_port(io_peer('http'));
    $https = io_port(io_peer('http', ['tls' => 1] + $cert));

    $get = function (string $url, array $options = []) use ($cert): string {
        $h = curl_init($url);
        curl_setopt_array($h, $options + [CURLOPT_RETURNTRANSFER => true, CURLOPT_TIMEOUT => 10,
            CURLOPT_CAINFO => $cert['cert'], CURLOPT_SSL_VERIFYPEER => true, CURLOPT_SSL_VERIFYHOST => 2]);
        $t = hrtime(true);
        $body = curl_exec($h);
        return sprintf('%s, errno %d%s, code %d, to %s, no sooner than the lookup: %s',
            json_encode($body), curl_errno($h), curl_errno($h) ? ' (' . curl_error($h) . ')' : '',
            curl_getinfo($h, CURLINFO_RESPONSE_CODE), json_encode(curl_getinfo($h, CURLINFO_PRIMARY_IP)),
            io_no_sooner($t, 0.2));
    };
    // The two waits with nothing but the lookup to wait for: one that connects
    // and stops there (the server's delay comes after a request), one whose
    // name does not resolve.
    $unknown = fn () => $get("http://nx.example:$http/");
    $origin = $unknown();

    [$results, $free] = waits_with_witness([
        'http' => fn () => $get("http://a.goos.test:$http/by-name"),
        // The certificate is for goos.test: curl checks the name it resolved.
        'https' => fn () => $get("https://goos.test:$https/by-name"),
        'lookup and connect only' => fn () => $get("http://b.goos.test:$http/", [CURLOPT_CONNECT_ONLY => true]),
        'not a name' => $unknown,
    ]);
    foreach ($results as $k => $r) {
        echo "$k: $r\n";
    }
    echo 'not a name, as in the origin: ', $results['not a name'] === $origin ? 'yes' : "no: $origin", "\n";
    echo io_free_line($free, 4);
    exit(0);
}

[$out, $status] = slow_dns_run(__FILE__, ['child']);
echo $out, "exit status: $status\n";
?>
--EXPECT--
curl resolves names on threads of its own (CURL_VERSION_ASYNCHDNS): yes
http: "hello from \/by-name\n", errno 0, code 200, to "127.0.0.1", no sooner than the lookup: yes
https: "hello from \/by-name\n", errno 0, code 200, to "127.0.0.1", no sooner than the lookup: yes
lookup and connect only: "", errno 0, code 0, to "127.0.0.1", no sooner than the lookup: yes
not a name: false, errno 6 (Could not resolve host: nx.example), code 0, to "", no sooner than the lookup: yes
not a name, as in the origin: yes
thread free during 4 of 4 waits
exit status: 0
