--TEST--
I/O hooks (issue 13), child processes: exec(), shell_exec(), system(), passthru(), popen() + fread() + pclose() and proc_open() + stream_get_contents() + proc_close() in goroutines, each running a command that sleeps 0.2 s before it answers, park the goroutine, not its thread; output and exit statuses are right
--EXTENSIONS--
goos
--FILE--
<?php
require __DIR__ . '/../fixtures/thread_free.php';
use Goos\Scheduler;

Scheduler::maxProcs(1);

// Each wait returns what the function gave, and whether it took the 0.2 s.
function timed(Closure $call): array
{
    $t = hrtime(true);
    $r = $call();
    return [$r, (hrtime(true) - $t) / 1e9 >= 0.2];
}

[$results, $free] = waits_with_witness([
    'exec' => fn () => timed(function () {
        $last = exec('sleep 0.2; echo exec; echo its second line; exit 3', $out, $status);
        return compact('last', 'out', 'status');
    }),
    'shell_exec' => fn () => timed(fn () => shell_exec('sleep 0.2; echo shell_exec; exit 4')),
    // system() and passthru() print: the goroutine's output buffer keeps it.
    'system' => fn () => timed(function () {
        ob_start();
        $last = system('sleep 0.2; echo system; echo its second line; exit 5', $status);
        $printed = ob_get_clean();
        return compact('last', 'printed', 'status');
    }),
    'passthru' => fn () => timed(function () {
        ob_start();
        $returned = passthru('sleep 0.2; printf "pass\000thru\n"; exit 6', $status);
        $printed = bin2hex(ob_get_clean());
        return compact('returned', 'printed', 'status');
    }),
    'popen' => fn () => timed(function () {
        $h = popen('sleep 0.2; echo popen; sleep 0.1; echo its second line; exit 7', 'r');
        $read = '';
        while (!feof($h)) {
            $read .= fread($h, 100);
        }
        $status = pclose($h);
        return compact('read', 'status');
    }),
    'proc_open' => fn () => timed(function () {
        $p = proc_open(['sh', '-c', 'sleep 0.2; echo proc_open; echo to stderr >&2; exit 8'],
            [0 => ['file', '/dev/null', 'r'], 1 => ['pipe', 'w'], 2 => ['pipe', 'w']], $pipes);
        $stdout = stream_get_contents($pipes[1]);
        $stderr = stream_get_contents($pipes[2]);
        fclose($pipes[1]);
        fclose($pipes[2]);
        $status = proc_close($p);
        return compact('stdout', 'stderr', 'status');
    }),
]);
foreach ($results as $what => [$r, $waited]) {
    echo "$what: ", json_encode($r), ', waited 0.2 s or more: ', json_encode($waited), "\n";
}
echo "thread free during the commands: $free of 6\n";
?>
--EXPECT--
exec: {"last":"its second line","out":["exec","its second line"],"status":3}, waited 0.2 s or more: true
passthru: {"returned":null,"printed":"7061737300746872750a","status":6}, waited 0.2 s or more: true
popen: {"read":"popen\nits second line\n","status":7}, waited 0.2 s or more: true
proc_open: {"stdout":"proc_open\n","stderr":"to stderr\n","status":8}, waited 0.2 s or more: true
shell_exec: "shell_exec\n", waited 0.2 s or more: true
system: {"last":"its second line","printed":"system\nits second line\n","status":5}, waited 0.2 s or more: true
thread free during the commands: 6 of 6
