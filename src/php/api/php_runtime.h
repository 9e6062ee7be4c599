// The process's goos runtime as PHP sees it: started by the first go() of the
// origin (the interpreter running the script), stopped at the end of the
// origin's request. Also: how a goroutine ends the whole script (an uncaught
// exception, a fatal error, exit()), and the hooks that carry that out.
#ifndef GOOS_PHP_RUNTIME_H
#define GOOS_PHP_RUNTIME_H

#include "php.h"

#include "goos/runtime.h"

namespace goos::php {

// The runtime, started on first use. Only the origin starts it; in a worker
// it exists already. Throws (returns null with an exception) if the origin
// cannot start it.
goos::Runtime* runtime_start();

// In a child process forked while the runtime ran: throws an Error saying so
// and returns true. Elsewhere false.
bool runtime_refused_after_fork();
// The runtime if started, else null.
goos::Runtime* runtime_if_started();
// Joins and stops the runtime: every M ends its interpreter. Origin only,
// at the end of its request.
void runtime_stop();

// True on an M thread (a worker interpreter), false in the origin.
bool on_worker_thread();

// A goroutine ended the script with `status` (255 for an uncaught exception
// or a fatal error, exit()'s status): the first call wins. Makes every
// running goroutine and the origin unwind at their next VM interrupt check,
// and wakes the origin if it waits in join().
void end_script(int status);
// The status end_script() set, or -1.
int script_end_status();
// In the origin: if a goroutine ended the script, set EG(exit_status) and
// throw PHP's exit unwinding, once; true if it threw now. (After that the
// shutdown functions and destructors run, as after exit(); waits in them
// return at once: see script_end_status().)
bool origin_unwind_if_ended();

// In the origin, inside a wait of goos (join(), Time::sleep(), a channel):
// what the VM's interrupt check would do had the origin been running PHP
// code. Anything but a timeout (pcntl's asynchronous signals, a goroutine
// that ended the script) goes to zend_interrupt_function. True when the wait
// must return: an exception is pending, or max_execution_time passed. The
// timeout's fatal error is a bailout (a longjmp), so it is not raised here,
// deep in C++ frames whose destructors it would skip: the caller returns
// to its PHP function's own frame and calls raise_pending_timeout() there.
bool origin_check_interrupt();
// Raises PHP's "Maximum execution time" fatal error if origin_check_interrupt()
// saw the timeout (it does not return then); otherwise does nothing.
void raise_pending_timeout();
// From sysmon: if the origin's interpreter has an interrupt pending, wake it
// from join() so that it can take it (see origin_check_interrupt()).
void origin_watch();

// Module hooks (goos_module.cc).
void runtime_minit();
void runtime_mshutdown();
void runtime_rshutdown();

}  // namespace goos::php

#endif  // GOOS_PHP_RUNTIME_H
