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
    }
}
