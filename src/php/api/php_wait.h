// How PHP code blocks on a goos primitive (a channel, select, a mutex, a wait
// group), in a goroutine or in the script itself (the origin).
//
// A goroutine parks and its M runs others meanwhile; nothing else to do. The
// origin blocks its own thread, which must still take what the VM would take
// between two opcodes: a pcntl signal, max_execution_time, the end of the
// script by a goroutine (exit, uncaught exception, deadlock). Those come in as
// an interrupt (ThreadWaiter::interrupt(), sent by sysmon's origin_watch() and
// by end_script()) that ends the wait as if its deadline had passed; the
// origin then acts on it as the VM's interrupt check would, and waits again
// unless that threw. Before blocking, the origin starts the runtime, so that
// sysmon watches it and a wait that nothing can end is reported as a deadlock.
#ifndef GOOS_PHP_WAIT_H
#define GOOS_PHP_WAIT_H

#include "php.h"

#include "goos/clock.h"
#include "goos/function_ref.h"
#include "api/php_runtime.h"

namespace goos::php {

// A timeout argument: null is no deadline; otherwise a finite number of
// seconds, 0 or more, else a ValueError naming argument `arg` (and false).
bool deadline_arg(double seconds, bool is_null, uint32_t arg, goos::Deadline* out);
// The same for a duration that must be given.
bool duration_arg(double seconds, uint32_t arg, goos::Nanos* out);

enum class WaitOutcome {
  kDone,     // the operation finished (whatever it reported)
  kTimeout,  // `deadline` passed first
  kThrown,   // the wait must end: an exception is pending (the origin took a
             // signal, the script ended), or max_execution_time passed (the
             // caller calls raise_pending_timeout() from its PHP function's frame)
};

// Runs `attempt` until it finishes or `deadline` passes. `attempt(d)` does the
// blocking operation once with deadline d and returns false when d passed
// (having changed nothing), true otherwise.
WaitOutcome php_wait(goos::Deadline deadline, goos::FunctionRef<bool(goos::Deadline)> attempt);

}  // namespace goos::php

// Returns from a PHP function whose wait ended with WaitOutcome::kThrown:
// with its exception, or with PHP's timeout error (raise_pending_timeout()).
// Use it only where no C++ object with a destructor is in scope.
#define GOOS_RETURN_WAIT_FAILED()       \
  do {                                  \
    goos::php::raise_pending_timeout(); \
    RETURN_THROWS();                    \
  } while (0)

#endif  // GOOS_PHP_WAIT_H
