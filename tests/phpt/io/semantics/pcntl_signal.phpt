--TEST--
I/O hooks (issue 13), semantics: a pcntl signal (SIGTERM from another process, asynchronous signals on) reaches the script's handler, which exits, while its goroutines wait on I/O for ever (socket_read, fread, socket_accept) and the script waits in join() or in a Chan::recv() nothing will answer
--EXTENSIONS--
goos
sockets
pcntl
--FILE--
<?php
require __DIR__ . '/child.inc';
// The signal is sent by a child process 0.3 s after the goroutines are about
// to wait. The script's end is the proof: one the signal failed to end would
// be killed after 20 s.
$cases = [
    'waiting in join()' => "Goos\\Scheduler::join();\n",
    'waiting in Chan::recv()' => "(new Goos\\Chan())->recv();\n",
];
$prologue = <<<'PHP'
pcntl_async_signals(true);
pcntl_signal(SIGTERM, function () {
    echo "SIGTERM handled in goroutine ", Goos\Scheduler::id(), "\n";
    exit(4);
});
register_shutdown_function(function () { echo "shutdown function runs\n"; });
PHP;
$kill = <<<'PHP'
$null = ['file', '/dev/null', 'w'];
$kill = proc_open(['sh', '-c', 'sleep 0.3; kill -TERM ' . getmypid()], [0 => ['file', '/dev/null', 'r'], 1 => $null, 2 => $null], $pipes);
PHP;
foreach ($cases as $what => $wait) {
    echo "== the script $what\n";
    io_run_child("<?php\n$prologue\n" . IO_FOREVER . "\n$kill\n$wait" . "echo \"not reached\\n\";\n");
}
?>
--EXPECT--
== the script waiting in join()
SIGTERM handled in goroutine 0
shutdown function runs
exit status: 4
== the script waiting in Chan::recv()
SIGTERM handled in goroutine 0
shutdown function runs
exit status: 4
