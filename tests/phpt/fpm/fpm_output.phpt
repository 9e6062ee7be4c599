--TEST--
php-fpm (issue 15): goroutines' echo/print/printf reach the response (several goroutines on two Ms: each line once, a goroutine's own lines in order); ob_start() before go() captures what goroutines print; after fastcgi_finish_request() a goroutine runs on (its marker file appears) and what it prints is not in the response, which holds everything printed before
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

// 1. Six goroutines on two Ms, each printing five lines with echo, print and
// printf, yielding and sleeping in between so that their lines interleave.
$path = fpm_page('output_lines', <<<'PHP'
<?php
Goos\Scheduler::maxProcs(2);
echo "page start\n";
for ($g = 0; $g < 6; $g++) {
    go(function (int $g) {
        for ($i = 0; $i < 5; $i++) {
            switch ($i % 3) {
                case 0: echo "g$g line $i\n"; break;
                case 1: print "g$g line $i\n"; break;
                case 2: printf("g%d line %d\n", $g, $i); break;
            }
            $i % 2 ? Goos\Time::sleep(0.002) : Goos\Scheduler::yield();
        }
    }, $g);
}
Goos\Scheduler::join();
echo "page end\n";
PHP);
[$status, , $body] = fpm_get($path);
echo "lines: status $status\n";
$lines = explode("\n", rtrim($body, "\n"));
echo "first: ", $lines[0], ", last: ", end($lines), "\n";
$goroutine_lines = array_slice($lines, 1, -1);
$expected = [];
for ($g = 0; $g < 6; $g++) {
    for ($i = 0; $i < 5; $i++) {
        $expected[] = "g$g line $i";
    }
}
$sorted = $goroutine_lines;
sort($sorted);
echo "each goroutine line exactly once: ", $sorted === $expected ? 'yes' : 'no ' . json_encode($body), "\n";
$in_order = true;
for ($g = 0; $g < 6; $g++) {
    $own = array_values(array_filter($goroutine_lines, fn ($l) => str_starts_with($l, "g$g ")));
    $in_order = $in_order && $own === array_slice($expected, $g * 5, 5);
}
echo "each goroutine's lines in its order: ", $in_order ? 'yes' : 'no ' . json_encode($body), "\n";

// 2. ob_start() in the script before go() catches the goroutines' output.
$path = fpm_page('output_ob', <<<'PHP'
<?php
Goos\Scheduler::maxProcs(2);
ob_start();
echo "script inside the buffer\n";
go(function () { echo "goroutine 1 inside the buffer\n"; });
go(function () { Goos\Time::sleep(0.05); print "goroutine 2 inside the buffer\n"; });
Goos\Scheduler::join();
$captured = ob_get_clean();
echo "outside the buffer\n";
$lines = explode("\n", rtrim($captured, "\n"));
sort($lines);
echo "captured: ", json_encode($lines), "\n";
PHP);
[$status, , $body] = fpm_get($path);
echo "ob: status $status\n", $body;

// 3. fastcgi_finish_request(): the response has what was printed before it
// (a goroutine's line included); a goroutine still running after it goes on
// (it writes the marker file) and its later output is dropped.
$marker = sys_get_temp_dir() . '/goos-fpm-output-' . getmypid() . '-' . bin2hex(random_bytes(4));
@unlink($marker);
$path = fpm_page('output_finish', <<<'PHP'
<?php
Goos\Scheduler::maxProcs(2);
$marker = $_GET['marker'];
echo "before finish (script)\n";
$printed = new Goos\Chan();
go(function () use ($printed) { echo "before finish (goroutine)\n"; $printed->send(true); });
go(function () use ($marker) {
    Goos\Time::sleep(1.0);
    echo "after finish (goroutine)\n";
    file_put_contents($marker, "goroutine ran on after fastcgi_finish_request\n");
});
$printed->recv(); // the script's waits write what goroutines printed
fastcgi_finish_request();
echo "after finish (script)\n";
Goos\Scheduler::join();
PHP);
[$status, , $body] = fpm_get($path, ['marker' => $marker]);
echo "finish: status $status\n", $body;
echo "marker before the response: ", file_exists($marker) ? 'already there' : 'not yet', "\n";
$deadline = microtime(true) + 10;
while (!file_exists($marker) && microtime(true) < $deadline) {
    usleep(10000);
}
echo "marker: ", file_exists($marker) ? file_get_contents($marker) : "missing\n";
@unlink($marker);
?>
--EXPECT--
lines: status 200
first: page start, last: page end
each goroutine line exactly once: yes
each goroutine's lines in its order: yes
ob: status 200
outside the buffer
captured: ["goroutine 1 inside the buffer","goroutine 2 inside the buffer","script inside the buffer"]
finish: status 200
before finish (script)
before finish (goroutine)
marker before the response: not yet
marker: goroutine ran on after fastcgi_finish_request
