--TEST--
curl handles and goroutines (issue 14), misuse: a CurlHandle, CurlMultiHandle or CurlShareHandle cannot cross to another thread (go() arguments, a closure's use, a channel: Goos\TransferError naming the class); two goroutines of one thread that share a handle through a static property: a second curl_exec() of an easy handle that a first one is waiting in fails with libcurl's own refusal (error 2), and a second curl_multi_select() of a multi handle another goroutine waits in throws Goos\ConnectionBusyError naming that goroutine; the first gets its whole body either way
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
require __DIR__ . '/fixtures/curl_env.php';
use Goos\{Chan, Scheduler};

// One P: one thread for every goroutine.
Scheduler::maxProcs(1);

// A curl handle is an object of the interpreter of the thread that made it
// (and libcurl's handle under it belongs to one thread at a time): goos
// refuses to copy one to a goroutine's thread, as it does a resource.
$handles = ['CurlHandle' => curl_init(), 'CurlMultiHandle' => curl_multi_init(), 'CurlShareHandle' => curl_share_init()];
foreach ($handles as $class => $handle) {
    foreach ([
        'go() argument' => fn () => go(fn ($h) => null, $handle),
        'use' => fn () => go(function () use ($handle) {}),
        'channel' => fn () => (new Chan(1))->send($handle),
    ] as $how => $try) {
        try {
            $try();
            echo "$class as a $how: no error\n";
        } catch (Throwable $e) {
            echo "$class as a $how: ", get_class($e), ': ', $e->getMessage(), "\n";
        }
    }
}

// Goroutines of one thread share its statics: the way two of them can reach
// one handle. A waits (without preemption, so that nothing but its wait lets
// B in) and B, once A has said it is about to wait, uses the same handle.
final class Shared
{
    public static ?CurlHandle $easy = null;
    public static ?CurlMultiHandle $multi = null;
    public static ?CurlHandle $in_multi = null;
}

$out = new Chan(4);
go(function (Chan $out) {
    // A curl_exec() in A, then one in B of the same easy handle.
    Shared::$easy = nginx_handle('http', '/delay/300');
    $waiting = new Chan(1);
    $a = go(function (Chan $waiting, Chan $out) {
        $body = Scheduler::noPreempt(function () use ($waiting) {
            $waiting->send(Scheduler::id());
            return curl_exec(Shared::$easy);
        });
        $out->send(['easy, A', json_encode($body) . ', errno ' . curl_errno(Shared::$easy)]);
    }, $waiting, $out);
    go(function (Chan $waiting, Chan $out) {
        $waiting->recv();
        $body = curl_exec(Shared::$easy);
        $out->send(['easy, B', sprintf('%s, errno %d (%s)', json_encode($body), curl_errno(Shared::$easy),
            curl_error(Shared::$easy))]);
    }, $waiting, $out);
}, $out);
go(function (Chan $out) {
    // A's multi loop waits in curl_multi_select(); B selects on the same
    // multi handle meanwhile: the same sockets, which one goroutine at a
    // time may wait on. A says so once its request is sent: the wait that
    // follows is for the reply, 1 s late, so B's select finds nothing ready
    // and must wait too (while the connect was going on, B could find the
    // socket writable at once, with no wait and no conflict).
    Shared::$multi = curl_multi_init();
    Shared::$in_multi = nginx_handle('https', '/delay/1000');
    curl_multi_add_handle(Shared::$multi, Shared::$in_multi);
    $waiting = new Chan(1);
    go(function (Chan $waiting, Chan $out) {
        $status = Scheduler::noPreempt(function () use ($waiting) {
            $said = false;
            do {
                $status = curl_multi_exec(Shared::$multi, $running);
                if ($running > 0) {
                    if (!$said && curl_getinfo(Shared::$in_multi, CURLINFO_REQUEST_SIZE) > 0) {
                        $said = true;
                        $waiting->send(Scheduler::id());
                    }
                    curl_multi_select(Shared::$multi, 5.0);
                }
            } while ($running > 0 && $status === CURLM_OK);
            return $status;
        });
        $out->send(['multi, A', sprintf('status %d, %s', $status, json_encode(curl_multi_getcontent(Shared::$in_multi)))]);
    }, $waiting, $out);
    go(function (Chan $waiting, Chan $out) {
        $a = $waiting->recv();
        try {
            $ready = curl_multi_select(Shared::$multi, 1.0);
            $out->send(['multi, B', "no exception, curl_multi_select() gave $ready"]);
        } catch (Throwable $e) {
            $out->send(['multi, B', sprintf('%s, naming goroutine A: %s', get_class($e),
                json_encode(str_contains($e->getMessage(), "in use by goroutine $a of the same thread")))]);
        }
    }, $waiting, $out);
}, $out);
Scheduler::join();
$by = [];
while (count($out) > 0) {
    [$who, $what] = $out->recv();
    $by[$who] = $what;
}
ksort($by);
foreach ($by as $who => $what) {
    echo "$who: $what\n";
}
?>
--EXPECT--
CurlHandle as a go() argument: Goos\TransferError: $args[0]: object of class CurlHandle cannot cross to another thread
CurlHandle as a use: Goos\TransferError: $fn (use $handle): object of class CurlHandle cannot cross to another thread
CurlHandle as a channel: Goos\TransferError: $value: object of class CurlHandle cannot cross to another thread
CurlMultiHandle as a go() argument: Goos\TransferError: $args[0]: object of class CurlMultiHandle cannot cross to another thread
CurlMultiHandle as a use: Goos\TransferError: $fn (use $handle): object of class CurlMultiHandle cannot cross to another thread
CurlMultiHandle as a channel: Goos\TransferError: $value: object of class CurlMultiHandle cannot cross to another thread
CurlShareHandle as a go() argument: Goos\TransferError: $args[0]: object of class CurlShareHandle cannot cross to another thread
CurlShareHandle as a use: Goos\TransferError: $fn (use $handle): object of class CurlShareHandle cannot cross to another thread
CurlShareHandle as a channel: Goos\TransferError: $value: object of class CurlShareHandle cannot cross to another thread
easy, A: "delayed 300\n", errno 0
easy, B: false, errno 2 (easy handle already used in multi handle)
multi, A: status 0, "delayed 1000\n"
multi, B: Goos\ConnectionBusyError, naming goroutine A: true
