--TEST--
Names in goroutines (issue 13): dns_get_record(), checkdnsrr() and getmxrr() (the resolver library's queries, not getaddrinfo) answered 0.2 s later by a slow DNS server (fixtures/with_slow_dns.sh), with the results of the origin; on one P the thread is free during each query
--EXTENSIONS--
goos
--SKIPIF--
<?php
require __DIR__ . '/../fixtures/slow_dns.inc';
if (!function_exists('dns_get_record')) die('skip no dns_get_record()');
if (($why = slow_dns_skip_reason()) !== null) die("skip $why");
?>
--FILE--
<?php
require __DIR__ . '/../fixtures/thread_free.php';
require __DIR__ . '/../fixtures/delay_server.inc';
require __DIR__ . '/../fixtures/slow_dns.inc';
use Goos\Scheduler;

if (($argv[1] ?? '') === 'child') {
    Scheduler::maxProcs(1);
    $queries = [
        'dns_get_record' => function () {
            $t = hrtime(true);
            $records = dns_get_record('record.goos.test', DNS_A);
            $short = array_map(fn ($r) => "$r[host] $r[type] $r[ip] ttl $r[ttl]", $records ?: []);
            return json_encode($short) . ', no sooner than the delay: ' . io_no_sooner($t, 0.2);
        },
        'checkdnsrr' => function () {
            $t = hrtime(true);
            return var_export(checkdnsrr('check.goos.test', 'A'), true) . ', no sooner than the delay: ' . io_no_sooner($t, 0.2);
        },
        'getmxrr' => function () {
            $t = hrtime(true);
            $found = getmxrr('mx.goos.test', $hosts);
            return var_export($found, true) . ' ' . json_encode($hosts) . ', no sooner than the delay: ' . io_no_sooner($t, 0.2);
        },
    ];
    $origin = array_map(fn ($q) => $q(), $queries);
    [$results, $free] = waits_with_witness($queries);
    foreach ($results as $k => $r) {
        echo "$k: $r\n", '  as in the origin: ', $r === $origin[$k] ? 'yes' : "no: $origin[$k]", "\n";
    }
    echo io_free_line($free, count($queries));
    exit(0);
}

[$out, $status] = slow_dns_run(__FILE__, ['child']);
echo $out, "exit status: $status\n";
?>
--EXPECT--
checkdnsrr: true, no sooner than the delay: yes
  as in the origin: yes
dns_get_record: ["record.goos.test A 127.0.0.1 ttl 0"], no sooner than the delay: yes
  as in the origin: yes
getmxrr: false [], no sooner than the delay: yes
  as in the origin: yes
thread free during 3 of 3 waits
exit status: 0
