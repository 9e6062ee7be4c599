// One PHP interpreter per M: a TSRM context with a started request, made on
// the M's own thread when the M starts and shut down when it stops.
#ifndef GOOS_PHP_INTERP_H
#define GOOS_PHP_INTERP_H

#include <signal.h>

#include "php.h"

namespace goos::php {

// On the M's thread. Creates the thread's Zend globals, starts a request as
// the CLI would (output to the SAPI's stdout), includes goos.bootstrap if
// set. Returns that interpreter's EG(vm_interrupt), for preemption requests.
zend_atomic_bool* interp_start(int m);

// Blocks every asynchronous signal in the calling thread (faults stay
// deliverable: they are synchronous, and the stack-overflow report needs
// SIGSEGV), saving the mask it replaces in `previous` if given. The origin
// alone handles signals (pcntl, Ctrl-C, PHP's own timeout), as in a PHP
// without goos.
void block_async_signals(sigset_t* previous = nullptr);

// In the script's thread, before the Ms start: notes whether the script has
// the CLI's STDIN, STDOUT and STDERR, which each worker's request then defines
// too (as dup()s of fds 0, 1 and 2).
void note_script_std_streams();

// In a child process forked while Ms ran: their interpreters' memory came
// along, but not their threads, so nothing can end their requests, and
// TSRM's shutdown would destroy their tables' entries from this thread,
// into the wrong heaps. Their tables are emptied instead (what they held
// leaks with the exiting child).
void orphan_worker_interpreters();

// On the M's thread: ends the request and frees the thread's globals.
// `abandoned`: goroutines of this M were left blocked (the script ended
// under them); their zvals are freed with the heap, unreported.
void interp_stop(int m, bool abandoned);

}  // namespace goos::php

#endif  // GOOS_PHP_INTERP_H
