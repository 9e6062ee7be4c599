<?php
// PHP channels and sleeping goroutines, against the Go programs of the same
// names (bench/go). Run on a release ZTS PHP with opcache: bench/php/run.sh.
//
//   php chan_bench.php            the driver: prints RESULT lines (min and median)
//   php chan_bench.php <figure>   one child: prints its samples as JSON
//
// Scheduler::maxProcs() only sets the P count the runtime starts with, so every
// figure runs in child processes of its own. A channel child grows its round
// count until one repetition takes 200 ms (the warm-up, as Go's harness does),
// then times REPS repetitions; the driver runs CHILDREN of them. A sleepers
// child times one cold run (the runtime's threads and interpreters start inside
// it) and one warm run after it.
//
// Placement. A goroutine is pinned to the M (thread) that first runs it, and
// one started by a goroutine goes to its P's runnext slot, so "two Ps" alone
// does not put a pair on two threads. The *_apart figures force it as
// bench/chan_bench.cc does: the script starts the first goroutine and waits
// until it runs; the first then spins, never giving up its P (noPreempt), until
// the second, started from the script into the global queue, reports that it
// runs, which can only be on the other P. Each goroutine reads its thread id
// (/proc/thread-self), every repetition compares them and drops a pair that
// shared a thread, and the per-P `switches` of Scheduler::stats() over the timed
// loop show who did the work. The other 2-P figures start the pair from a
// goroutine, as Go's programs do, and report how often it came apart.
use Goos\Chan;
use Goos\Scheduler;
use Goos\Time;

const REPS = 5;
const CHILDREN = 3;
const SLEEP_RUNS = 7;
const SLEEPERS = 10_000;
const MIN_REP_NS = 200_000_000;
const BUFFER = 128;

function thread_id(): int { return (int) basename((string) readlink('/proc/thread-self')); }

function switches_per_p(): array { return array_column(Scheduler::stats(), 'switches'); }

function delta(array $after, array $before): array {
    return array_map(static fn ($a, $b) => $a - $b, $after, $before);
}

// Spins until $started holds the partner's thread id, keeping this P busy so
// that the partner must start on another one. Gives up (null) after a second.
function await_partner(Chan $started): ?int {
    return Scheduler::noPreempt(static function (Chan $started): ?int {
        $until = hrtime(true) + 1_000_000_000;
        do {
            $tid = $started->tryRecv($ok);
            if ($ok === true) return $tid;
        } while (hrtime(true) < $until);
        return null;
    }, $started);
}

// ---------------------------------------------------------------------------
// Unbuffered ping-pong: the driver sends i on ping, the echo answers i+1 on
// pong (Go's chanPingPong). One round trip is a send and a receive each side.

function echo_loop(Chan $ping, Chan $pong, Chan $started): void {
    $started->send(thread_id());
    foreach ($ping as $v) {
        $pong->send($v + 1);
    }
}

function drive(Chan $ping, Chan $pong, Chan $echo_started, Chan $done, int $rounds, bool $apart): void {
    $echo_tid = $apart ? await_partner($echo_started) : null;
    $before = switches_per_p();
    $sum = 0;
    $t = hrtime(true);
    for ($i = 0; $i < $rounds; $i++) {
        $ping->send($i);
        $sum += $pong->recv() - $i;
    }
    $ns = hrtime(true) - $t;
    $switches = delta(switches_per_p(), $before);
    $ping->close();
    $echo_tid ??= $echo_started->recv();
    $done->send(['ns' => $ns, 'sum' => $sum, 'tids' => [thread_id(), $echo_tid], 'switches' => $switches]);
}

function pingpong_rep(int $rounds, string $how): array {
    $ping = new Chan(0);
    $pong = new Chan(0);
    $echo_started = new Chan(1);
    $done = new Chan(1);
    if ($how === 'apart') {
        $driver_started = new Chan(1);
        go(static function (Chan $driver_started, ...$args) {
            $driver_started->send(true);
            drive(...$args);
        }, $driver_started, $ping, $pong, $echo_started, $done, $rounds, true);
        $driver_started->recv();
        go('echo_loop', $ping, $pong, $echo_started);
    } else {
        // As Go's main goroutine does: a goroutine starts both (on 1 P, where
        // to start them makes no difference).
        go(static function (...$args) {
            go('echo_loop', $args[0], $args[1], $args[2]);
            go('drive', ...$args);
        }, $ping, $pong, $echo_started, $done, $rounds, false);
    }
    $r = $done->recv();
    Scheduler::join();
    if ($r['sum'] !== $rounds) {
        fwrite(STDERR, "ping-pong: checksum {$r['sum']}, want $rounds\n");
        exit(1);
    }
    return $r;
}

// ---------------------------------------------------------------------------
// Buffered stream: one producer sends 0..n-1 over a channel of BUFFER slots,
// one consumer sums them (Go's chanBuffered); time until the consumer is done.

function produce(Chan $ch, Chan $consumer_started, Chan $t0, int $n, bool $apart, Chan $tid): void {
    $tid->send(thread_id());
    if ($apart) await_partner($consumer_started);
    $t0->send(hrtime(true));
    for ($i = 0; $i < $n; $i++) {
        $ch->send($i);
    }
    $ch->close();
}

function consume(Chan $ch, Chan $started, Chan $t0, Chan $done): void {
    $started->send(thread_id());
    $before = switches_per_p();
    $sum = 0;
    foreach ($ch as $v) {
        $sum += $v;
    }
    $ns = hrtime(true) - $t0->recv();
    $done->send(['ns' => $ns, 'sum' => $sum, 'tid' => thread_id(),
                 'switches' => delta(switches_per_p(), $before)]);
}

function buffered_rep(int $n, string $how): array {
    $ch = new Chan(BUFFER);
    $consumer_started = new Chan(1);
    $t0 = new Chan(1);
    $done = new Chan(1);
    $producer_tid = new Chan(1);
    $producer = null;
    if ($how === 'apart') {
        go('produce', $ch, $consumer_started, $t0, $n, true, $producer_tid);
        $producer = $producer_tid->recv();  // it runs: now it spins until the consumer does
        go('consume', $ch, $consumer_started, $t0, $done);
    } else {
        // As Go's main goroutine does: a goroutine starts the consumer, then
        // the producer.
        go(static function (Chan $ch, Chan $consumer_started, Chan $t0, Chan $done, int $n, Chan $producer_tid) {
            go('consume', $ch, $consumer_started, $t0, $done);
            go('produce', $ch, $consumer_started, $t0, $n, false, $producer_tid);
        }, $ch, $consumer_started, $t0, $done, $n, $producer_tid);
    }
    $r = $done->recv();
    Scheduler::join();
    $want = $n * ($n - 1) / 2;
    if ($r['sum'] !== $want) {
        fwrite(STDERR, "buffered: checksum {$r['sum']}, want $want\n");
        exit(1);
    }
    $producer ??= $producer_tid->recv();
    return ['ns' => $r['ns'], 'tids' => [$producer, $r['tid']],
            'switches' => $r['switches']];
}

// One channel figure: calibrate, then REPS timed repetitions. A forced-apart
// repetition whose pair shared a thread is dropped and counted.
function channel_child(string $figure): array {
    [$procs, $rep, $how] = match ($figure) {
        'chan_pingpong_1p' => [1, 'pingpong_rep', 'goroutine'],
        'chan_pingpong_2p' => [2, 'pingpong_rep', 'goroutine'],
        'chan_pingpong_2p_apart' => [2, 'pingpong_rep', 'apart'],
        'chan_buffered_throughput' => [2, 'buffered_rep', 'goroutine'],
        'chan_buffered_apart' => [2, 'buffered_rep', 'apart'],
    };
    Scheduler::maxProcs($procs);
    $rounds = 1000;
    while (($r = $rep($rounds, $how))['ns'] < MIN_REP_NS) {
        $rounds *= 2;
    }
    $out = ['rounds' => $rounds, 'ns' => [], 'split' => 0, 'together' => 0, 'switches' => []];
    for ($i = 0; count($out['ns']) < REPS; $i++) {
        if ($i >= 2 * REPS) break;
        $r = $rep($rounds, $how);
        $split = $r['tids'][0] !== $r['tids'][1];
        $out[$split ? 'split' : 'together']++;
        if ($how === 'apart' && !$split) continue;
        $out['ns'][] = $r['ns'] / $rounds;
        $out['switches'][] = $r['switches'];
    }
    return $out;
}

// ---------------------------------------------------------------------------
// SLEEPERS goroutines, each sleeping 0.1 s, started from the script: wall time
// from the first go() to join()'s return. The physical limit is 0.1 s.

function sleepers_wall(string $figure): float {
    $fn = match ($figure) {
        'sleep_10k_usleep' => static function () { usleep(100_000); },
        'sleep_10k_time_sleep' => static function () { Time::sleep(0.1); },
        'sleep_10k_time_nanosleep' => static function () { time_nanosleep(0, 100_000_000); },
    };
    $t = hrtime(true);
    for ($i = 0; $i < SLEEPERS; $i++) {
        go($fn);
    }
    Scheduler::join();
    return (hrtime(true) - $t) / 1e9;
}

function sleepers_child(string $figure): array {
    $cold = sleepers_wall($figure);
    return ['cold_s' => $cold, 'warm_s' => sleepers_wall($figure)];
}

if ($argc > 1) {
    $figure = $argv[1];
    echo json_encode(str_starts_with($figure, 'sleep_') ? sleepers_child($figure) : channel_child($figure)), "\n";
    exit(0);
}

// ---------------------------------------------------------------------------
// The driver.

function child(string $figure): array {
    $cmd = escapeshellarg(PHP_BINARY) . ' ' . getenv('GOOS_PHP_ARGS') . ' ' . escapeshellarg(__FILE__) . " $figure";
    $out = shell_exec($cmd);
    $r = json_decode((string) $out, true);
    if (!is_array($r)) { fwrite(STDERR, "child failed: $cmd\n$out\n"); exit(1); }
    return $r;
}
function median(array $xs): float { sort($xs); return $xs[intdiv(count($xs), 2)]; }
function result(string $name, float $value, string $unit): void {
    printf("RESULT %s %.3f %s\n", $name, $value, $unit);
}
function listing(array $xs, string $format): string {
    return implode(' ', array_map(static fn ($x) => sprintf($format, $x), $xs));
}

foreach (['chan_pingpong_1p', 'chan_pingpong_2p', 'chan_pingpong_2p_apart',
          'chan_buffered_throughput', 'chan_buffered_apart'] as $figure) {
    $ns = $switches = [];
    $split = $together = 0;
    $rounds = [];
    for ($c = 0; $c < CHILDREN; $c++) {
        $r = child($figure);
        $ns = array_merge($ns, $r['ns']);
        $switches = array_merge($switches, $r['switches']);
        $split += $r['split'];
        $together += $r['together'];
        $rounds[] = $r['rounds'];
    }
    if ($ns === []) { fwrite(STDERR, "$figure: no repetition came apart\n"); exit(1); }
    fprintf(STDERR, "%-26s rounds %s; ns %s; pair on two threads in %d of %d; switches per P %s\n",
            $figure, implode('/', $rounds), listing($ns, '%.0f'), $split, $split + $together,
            implode(' ', array_map(static fn ($s) => implode('/', $s), $switches)));
    result("{$figure}_ns", min($ns), 'ns');
    result("{$figure}_median_ns", median($ns), 'ns');
    if (!str_ends_with($figure, '_1p')) {
        result("{$figure}_split_pct", 100 * $split / ($split + $together), '%');
    }
}

foreach (['sleep_10k_usleep', 'sleep_10k_time_sleep', 'sleep_10k_time_nanosleep'] as $figure) {
    $runs = [];
    for ($c = 0; $c < SLEEP_RUNS; $c++) $runs[] = child($figure);
    $cold = array_column($runs, 'cold_s');
    $warm = array_column($runs, 'warm_s');
    fprintf(STDERR, "%-26s cold %s; warm %s\n", $figure, listing($cold, '%.3f'), listing($warm, '%.3f'));
    result("{$figure}_wall_min_s", min($cold), 's');
    result("{$figure}_wall_median_s", median($cold), 's');
    result("{$figure}_warm_wall_median_s", median($warm), 's');
}
