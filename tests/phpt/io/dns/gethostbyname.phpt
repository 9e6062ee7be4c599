--TEST--
Names in goroutines (issue 13): gethostbyname() and gethostbynamel() of ten different names, each answered 0.2 s later by a slow DNS server (fixtures/with_slow_dns.sh), all resolve; a name outside the zone fails as in the origin; on one P the thread is free during each lookup
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
    // In the namespaces of with_slow_dns.sh.
    Scheduler::maxProcs(1);
    $unknown = function () {
        $t = hrtime(true);
        return [gethostbyname('nx.example'), gethostbynamel('nx.example'), io_no_sooner($t, 0.2)];
    };
    $origin = $unknown();
    $waits = [];
    for ($i = 0; $i < 10; $i++) {
        $waits[sprintf('%02d', $i)] = $i % 2 === 0
            ? function () use ($i) {
                $t = hrtime(true);
                $ip = gethostbyname("name-$i.goos.test");
                return sprintf('gethostbyname(name-%d.goos.test) %s, no sooner than the delay: %s', $i, $ip, io_no_sooner($t, 0.2));
            }
            : function () use ($i) {
                $t = hrtime(true);
                $ips = gethostbynamel("name-$i.goos.test");
                return sprintf('gethostbynamel(name-%d.goos.test) %s, no sooner than the delay: %s', $i, json_encode($ips), io_no_sooner($t, 0.2));
            };
    }
    $waits['nx'] = $unknown;
    [$results, $free] = waits_with_witness($waits);
    [$nx, $nxl, $waited] = $results['nx'];
    unset($results['nx']);
    echo implode("\n", $results), "\n";
    echo 'nx.example: ', var_export($nx, true), ', ', var_export($nxl, true), ", no sooner than the delay: $waited\n";
    echo 'as in the origin: ', $origin === [$nx, $nxl, $waited] ? 'yes' : 'no: ' . json_encode($origin), "\n";
    echo io_free_line($free, count($waits));
    exit(0);
}

[$out, $status] = slow_dns_run(__FILE__, ['child']);
echo $out, "exit status: $status\n";
?>
--EXPECT--
gethostbyname(name-0.goos.test) 127.0.0.1, no sooner than the delay: yes
gethostbynamel(name-1.goos.test) ["127.0.0.1"], no sooner than the delay: yes
gethostbyname(name-2.goos.test) 127.0.0.1, no sooner than the delay: yes
gethostbynamel(name-3.goos.test) ["127.0.0.1"], no sooner than the delay: yes
gethostbyname(name-4.goos.test) 127.0.0.1, no sooner than the delay: yes
gethostbynamel(name-5.goos.test) ["127.0.0.1"], no sooner than the delay: yes
gethostbyname(name-6.goos.test) 127.0.0.1, no sooner than the delay: yes
gethostbynamel(name-7.goos.test) ["127.0.0.1"], no sooner than the delay: yes
gethostbyname(name-8.goos.test) 127.0.0.1, no sooner than the delay: yes
gethostbynamel(name-9.goos.test) ["127.0.0.1"], no sooner than the delay: yes
nx.example: 'nx.example', false, no sooner than the delay: yes
as in the origin: yes
thread free during 11 of 11 waits
exit status: 0
