--TEST--
Names in goroutines (issue 13): stream_socket_client(), fsockopen(), ssl:// and file_get_contents('http://...') by names that a slow DNS server (fixtures/with_slow_dns.sh) answers 0.2 s later, to servers that answer 0.2 s after that; a name that does not resolve fails with the warnings of the origin; on one P the thread is free during each wait
--EXTENSIONS--
goos
--SKIPIF--
<?php
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
    // In the namespaces of with_slow_dns.sh: the servers are started here,
    // on this namespace's loopback.
    Scheduler::maxProcs(1);
    $cert = io_tls_cert();
    $line = io_port(io_peer('line'));
    $tls = io_port(io_peer('line', ['tls' => 1] + $cert));
    $http = io_port(io_peer('http'));

    $unknown = function () use ($line) {
        return io_capture(function () use ($line) {
            $t = hrtime(true);
            $s = stream_socket_client("tcp://nx.example:$line", $errno, $errstr, 5);
            return sprintf('%s, errno %d, errstr %s, no sooner than the delay: %s',
                var_export($s, true), $errno, json_encode($errstr), io_no_sooner($t, 0.2));
        });
    };
    $origin = $unknown();

    $waits = [
        'stream_socket_client' => function () use ($line) {
            $t = hrtime(true);
            $s = stream_socket_client("tcp://a.goos.test:$line", $errno, $errstr, 10);
            $connected = io_no_sooner($t, 0.2);
            fwrite($s, "by name\n");
            return sprintf('connected to %s (no sooner than the lookup: %s), read %s (no sooner than both delays: %s)',
                stream_socket_get_name($s, true) === "127.0.0.1:$line" ? '127.0.0.1' : stream_socket_get_name($s, true),
                $connected, json_encode(fgets($s)), io_no_sooner($t, 0.4));
        },
        'fsockopen' => function () use ($line) {
            $t = hrtime(true);
            $s = fsockopen('b.goos.test', $line, $errno, $errstr, 10);
            $connected = io_no_sooner($t, 0.2);
            fwrite($s, "fsockopen\n");
            return sprintf('connected (no sooner than the lookup: %s), read %s (no sooner than both delays: %s)',
                $connected, json_encode(fgets($s)), io_no_sooner($t, 0.4));
        },
        'ssl' => function () use ($tls, $cert) {
            $ctx = stream_context_create(['ssl' => ['cafile' => $cert['cert'], 'peer_name' => 'goos.test']]);
            $t = hrtime(true);
            $s = stream_socket_client("ssl://c.goos.test:$tls", $errno, $errstr, 10, STREAM_CLIENT_CONNECT, $ctx);
            if ($s === false) {
                return "connect failed: $errno $errstr";
            }
            fwrite($s, "over tls\n");
            return sprintf('read %s (no sooner than the lookup, the handshake and the reply: %s)',
                json_encode(fgets($s)), io_no_sooner($t, 0.6));
        },
        'http' => function () use ($http) {
            $t = hrtime(true);
            $body = file_get_contents("http://d.goos.test:$http/by-name");
            return sprintf('%s, %s (no sooner than both delays: %s)',
                $http_response_header[0] ?? '?', json_encode($body), io_no_sooner($t, 0.4));
        },
        'not a name' => $unknown,
    ];
    [$results, $free] = waits_with_witness($waits);
    foreach ($results as $k => $r) {
        if ($k === 'not a name') {
            echo "$k: $r[0]\n";
            foreach ($r[1] as $n) echo "  $n\n";
            echo '  as in the origin: ', $r === $origin ? 'yes' : 'no: ' . json_encode($origin), "\n";
        } else {
            echo "$k: $r\n";
        }
    }
    echo io_free_line($free, count($waits));
    exit(0);
}

[$out, $status] = slow_dns_run(__FILE__, ['child']);
echo $out, "exit status: $status\n";
?>
--EXPECTF--
fsockopen: connected (no sooner than the lookup: yes), read "fsockopen after 0.2\n" (no sooner than both delays: yes)
http: HTTP/1.1 200 OK, "hello from \/by-name\n" (no sooner than both delays: yes)
not a name: false, errno 0, errstr "php_network_getaddresses: getaddrinfo for nx.example failed: Name or service not known", no sooner than the delay: yes
  stream_socket_client(): php_network_getaddresses: getaddrinfo for nx.example failed: Name or service not known
  stream_socket_client(): Unable to connect to tcp://nx.example:%d (php_network_getaddresses: getaddrinfo for nx.example failed: Name or service not known)
  as in the origin: yes
ssl: read "over tls after 0.2\n" (no sooner than the lookup, the handshake and the reply: yes)
stream_socket_client: connected to 127.0.0.1 (no sooner than the lookup: yes), read "by name after 0.2\n" (no sooner than both delays: yes)
thread free during 5 of 5 waits
exit status: 0
