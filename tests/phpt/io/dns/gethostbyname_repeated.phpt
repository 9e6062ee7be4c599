--TEST--
Names in goroutines (issue 13): ten goroutines on one P each resolving five names one after another with gethostbyname() and gethostbynamel() (answers 0.2 s late, fixtures/with_slow_dns.sh): lookups of one thread's goroutines overlap, a lookup starts while another's answer waits to be read, and every answer is the lookup's own and whole
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
    // PHP keeps gethostbyname()'s result in its thread's globals (the hostent
    // and its buffer): goroutines of one thread that park in lookups must
    // each keep their own, or one's new lookup frees and clears what another
    // has yet to read.
    Scheduler::maxProcs(1);
    $waits = [];
    for ($g = 0; $g < 10; $g++) {
        $waits[sprintf('%02d', $g)] = function () use ($g) {
            $got = [];
            for ($i = 0; $i < 5; $i++) {
                $name = "g$g-$i.goos.test";
                $got[] = $i % 2 === 0 ? gethostbyname($name) : implode(',', gethostbynamel($name) ?: ['none']);
            }
            return implode(' ', $got);
        };
    }
    [$results, $free] = waits_with_witness($waits);
    $wrong = array_filter($results, fn ($r) => $r !== '127.0.0.1 127.0.0.1 127.0.0.1 127.0.0.1 127.0.0.1');
    echo count($results), ' goroutines, every lookup 127.0.0.1: ', $wrong === [] ? 'yes' : 'no: ' . json_encode($wrong), "\n";
    echo io_free_line($free, count($waits));
    exit(0);
}

[$out, $status] = slow_dns_run(__FILE__, ['child']);
echo $out, "exit status: $status\n";
?>
--EXPECT--
10 goroutines, every lookup 127.0.0.1: yes
thread free during 10 of 10 waits
exit status: 0
