<?php

/**
 * The PHP API of goos. goos_arginfo.h is generated from this file by php-src's
 * gen_stub.php (scripts/gen-stub.sh); never edit the header by hand.
 *
 * @generate-class-entries
 * @generate-legacy-arginfo 80200
 * @undocumentable
 */

namespace Goos {
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
    }
}
