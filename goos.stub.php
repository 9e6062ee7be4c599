<?php

/**
 * The PHP API of goos. goos_arginfo.h is generated from this file by php-src's
 * gen_stub.php (scripts/gen-stub.sh); never edit the header by hand.
 *
 * @generate-class-entries
 * @generate-legacy-arginfo 80200
 * @undocumentable
 */

namespace {
    /**
     * Starts a goroutine running $fn(...$args) and returns its id. $fn and
     * $args are copied into the goroutine (see Goos\TransferError).
     */
    function go(callable $fn, mixed ...$args): int {}
}

namespace Goos {
    /**
     * Starts a goroutine running $fn(...$args) and returns its id; the same
     * function as the global go().
     */
    function go(callable $fn, mixed ...$args): int {}

    /**
     * Thrown by go() (and by every operation that copies a value to another
     * thread) when a value cannot cross: a reference, a resource, or an
     * object of an internal class that cannot be serialised. The message names
     * where the value was found, e.g. $args[1]['db'].
     */
    class TransferError extends \Error {}

    /**
     * Thrown in a goroutine that waits on a connection (a socket, a pipe)
     * while another goroutine of the same thread is waiting on it: one
     * connection used by two goroutines at once, as a persistent connection
     * shared by goroutines would be. The message names the resource and the
     * other goroutine. Nothing was read or written.
     */
    class ConnectionBusyError extends \Error {}

    /**
     * @var string
     * @cvalue PHP_GOOS_VERSION
     */
    const VERSION = UNKNOWN;

    /**
     * The goroutine scheduler of this process. Static only: there is one.
     * @strict-properties
     * @not-serializable
     */
    final class Scheduler
    {
        private function __construct() {}

        /**
         * Returns the number of processors (Ps) that run goroutines and, given
         * $n, sets it for the scheduler to start with. As GOMAXPROCS in Go, the
         * value returned is the one in force before the call.
         */
        public static function maxProcs(?int $n = null): int {}

        /** The id of the running goroutine; 0 in the script itself (the origin). */
        public static function id(): int {}

        /**
         * Waits until every goroutine has ended, or until $timeout seconds
         * have passed; true when all have ended. Runs by itself at the end of
         * the script. Throws from inside a goroutine (it would wait for itself).
         */
        public static function join(?float $timeout = null): bool {}

        /** Lets other goroutines run (Go's runtime.Gosched()). */
        public static function yield(): void {}

        /** The number of goroutines started and not yet ended. */
        public static function numGoroutine(): int {}

        /**
         * Calls $fn(...$args) as a critical section that preemption does not
         * cut, and returns what it returns. A goroutine that has run
         * goos.preempt_ms is normally made to yield at its next loop or call;
         * inside $fn it keeps its thread, and yields when $fn returns
         * instead. Sections nest. $fn may still yield or block on purpose
         * (Scheduler::yield(), Time::sleep()). In the script itself (never
         * preempted) it simply calls $fn.
         */
        public static function noPreempt(callable $fn, mixed ...$args): mixed {}

        /**
         * The counters of each processor (P), indexed by P number, each an
         * array of: runq (goroutines waiting there to start), switches
         * (goroutine runs started), steals (goroutines taken from other Ps),
         * spawned (goroutines started there), preemptions (goroutines that
         * yielded because they had run goos.preempt_ms) and preemptRequests
         * (how often the monitor asked; one the goroutine never honoured, for
         * example inside noPreempt() or a long internal call, counts here
         * only). All zero before the first go().
         *
         * @return array<int, array<string, int>>
         */
        public static function stats(): array {}

        /**
         * Every goroutine: its id, state, what it waits for, and its PHP
         * backtrace (as the report of a deadlock shows them). The
         * goroutines keep running meanwhile: each is described at its next
         * switch.
         */
        public static function dump(): string {}
    }

    /** @strict-properties @not-serializable */
    final class Time
    {
        private function __construct() {}

        /**
         * Sleeps $seconds. In a goroutine only the goroutine waits: its thread
         * runs other goroutines meanwhile. In the script it blocks as usleep().
         */
        public static function sleep(float $seconds): void {}

        /**
         * A channel that receives one value, the time (as microtime(true)),
         * once $seconds have passed (Go's time.After).
         */
        public static function after(float $seconds): Chan {}

        /**
         * A Ticker: its channel receives the time (as microtime(true)) every
         * $seconds until stop() (Go's time.NewTicker). A receiver that falls
         * behind misses ticks rather than finding them queued: the channel
         * holds one.
         */
        public static function tick(float $seconds): Ticker {}
    }

    /**
     * Thrown by a send on a closed channel, and by closing a channel twice
     * (where Go panics).
     */
    class ChanClosedError extends \Error {}

    /**
     * A channel: goroutines (and the script) send values into it and receive
     * them in order. Unbuffered ($capacity 0: every send waits for a
     * receiver) or buffered. Values cross as go()'s arguments do (see
     * TransferError); goos objects (channels, mutexes, ...) cross as the same
     * object. foreach receives until the channel is closed and drained.
     *
     * @strict-properties
     * @not-serializable
     */
    final class Chan implements \IteratorAggregate, \Countable
    {
        public function __construct(int $capacity = 0) {}

        /**
         * Sends $value, waiting as long as needed, or at most $timeout
         * seconds: true when sent, false on timeout (the value is then not in
         * the channel). Throws ChanClosedError if the channel is or gets
         * closed, and TransferError if $value cannot cross; either way
         * nothing was sent.
         */
        public function send(mixed $value, ?float $timeout = null): bool {}

        /**
         * Receives the next value, waiting as long as needed, or at most
         * $timeout seconds. $ok is true when a value came, false (and null is
         * returned) when the channel is closed and drained, null (and null is
         * returned) when the timeout passed first.
         */
        public function recv(?float $timeout = null, ?bool &$ok = null): mixed {}

        /**
         * Sends $value if a receiver or a buffer slot takes it now: true when
         * sent. Throws as send() does.
         */
        public function trySend(mixed $value): bool {}

        /**
         * Receives a value if one is there now. $ok as in recv(): true, false
         * (closed and drained) or null (nothing there yet).
         */
        public function tryRecv(?bool &$ok = null): mixed {}

        /**
         * Closes the channel: blocked and later senders get ChanClosedError,
         * receivers get the buffered values and then $ok = false. Throws
         * ChanClosedError if it was closed already.
         */
        public function close(): void {}

        public function isClosed(): bool {}

        public function capacity(): int {}

        /** The number of values buffered now. */
        public function count(): int {}

        /** Receives until the channel is closed and drained; keys count from 0. */
        public function getIterator(): \Iterator {}
    }

    /**
     * What foreach over a Chan uses: each step receives one value.
     *
     * @strict-properties
     * @not-serializable
     */
    final class ChanIterator implements \Iterator
    {
        private function __construct() {}

        public function current(): mixed {}

        public function key(): mixed {}

        public function next(): void {}

        public function rewind(): void {}

        public function valid(): bool {}
    }

    /**
     * One case of select(), made by Goos\recv() or Goos\send().
     *
     * @strict-properties
     * @not-serializable
     */
    final class SelectCase
    {
        private function __construct() {}
    }

    /** What select() chose. */
    final class Selected
    {
        /**
         * The key of the chosen case in select()'s array; null when the
         * timeout passed or a non-blocking select found no case ready.
         */
        public readonly int|string|null $key;
        /** A receive case's value (null when closed and drained); null for a send. */
        public readonly mixed $value;
        /**
         * A receive case: true when a value came, false when the channel is
         * closed and drained. A send case: true.
         */
        public readonly bool $ok;

        private function __construct() {}
    }

    /** A receive case for select(). */
    function recv(Chan $chan): SelectCase {}

    /** A send case for select(): $value is copied when select() runs. */
    function send(Chan $chan, mixed $value): SelectCase {}

    /**
     * Waits until one of $cases can go ahead, performs it (only that one) and
     * says which: Go's select. $cases maps keys to cases made by recv() and
     * send(); a null case never goes ahead (as a nil channel in Go). Among
     * the cases ready at once one is chosen uniformly at random. With
     * $timeout, gives up after that many seconds; with $block false, returns
     * at once when no case is ready (Go's default:); then the key is null.
     * A send case on a closed channel throws ChanClosedError when chosen; a
     * receive case on a closed channel is always ready.
     */
    function select(array $cases, ?float $timeout = null, bool $block = true): Selected {}

    /**
     * A mutual exclusion lock (Go's sync.Mutex). Not tied to who locked it:
     * any goroutine may unlock it.
     *
     * @strict-properties
     * @not-serializable
     */
    final class Mutex
    {
        public function __construct() {}

        public function lock(): void {}

        public function tryLock(): bool {}

        /** Throws \Error if the mutex is not locked. */
        public function unlock(): void {}
    }

    /**
     * A reader/writer lock (Go's sync.RWMutex): many readers or one writer.
     * A waiting writer keeps new readers out, so it cannot starve.
     *
     * @strict-properties
     * @not-serializable
     */
    final class RWMutex
    {
        public function __construct() {}

        public function lock(): void {}

        public function tryLock(): bool {}

        /** Throws \Error if the lock is not write-locked. */
        public function unlock(): void {}

        public function rLock(): void {}

        public function tryRLock(): bool {}

        /** Throws \Error if no reader holds the lock. */
        public function rUnlock(): void {}
    }

    /**
     * Waits for a set of goroutines to finish (Go's sync.WaitGroup): add()
     * before starting each, done() when each ends, wait() for all.
     *
     * @strict-properties
     * @not-serializable
     */
    final class WaitGroup
    {
        public function __construct() {}

        /** Throws \Error if the counter would go below zero. */
        public function add(int $delta = 1): void {}

        /** add(-1). */
        public function done(): void {}

        /** Waits until the counter is zero (true), or $timeout seconds (false). */
        public function wait(?float $timeout = null): bool {}

        /** The counter now. */
        public function count(): int {}
    }

    /**
     * Runs a function once (Go's sync.Once): the first do() calls it, calls
     * made meanwhile wait for it to finish, later calls return at once. A
     * function that throws still counts as done.
     *
     * @strict-properties
     * @not-serializable
     */
    final class Once
    {
        public function __construct() {}

        public function do(callable $fn, mixed ...$args): void {}

        public function isDone(): bool {}
    }

    /**
     * Made by Time::tick().
     *
     * @strict-properties
     * @not-serializable
     */
    final class Ticker
    {
        private function __construct() {}

        /** The channel that receives the ticks. */
        public function channel(): Chan {}

        /** No more ticks. A tick already in the channel stays there. */
        public function stop(): void {}

        /** Ticks every $seconds from now on (a stopped ticker starts again). */
        public function reset(float $seconds): void {}
    }
}
