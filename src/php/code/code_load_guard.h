// Loading code among the goroutines of one M.
//
// PHP loads a class or an include_once'd file to completion before anything
// else happens in its interpreter. Goroutines of one M share that
// interpreter and may switch in the middle of a load (preemption in the
// autoloader or in the file's top-level code; a park in usleep(), and later
// in blocking I/O). These guards give back what PHP's code relies on:
//
//  - Autoloading (code_load_lock.cc): one goroutine of an M autoloads at a
//    time. A goroutine that needs a class while another goroutine of its M is
//    inside an autoload parks until that load is over, then finds the class
//    declared (or, if that load did not declare it, autoloads it itself). So a
//    class is never loaded twice, and never reported missing because another
//    goroutine was half-way through loading it. Zend's own recursion guard,
//    EG(in_autoload), is switched with the goroutine (engine_state.h).
//
//  - Linking (code_load_linking.cc): a class declared at run time is in the
//    class table under its name before it is linked (its parent, interfaces
//    and traits autoloaded), and a lookup finds it "not found" meanwhile.
//    While a goroutine is switched out in the middle of that, its classes are
//    renamed out of the others' sight; another goroutine asking for one waits
//    for the end of its linking.
//
//  - Constant expressions (code_load_constants.cc): a class constant being
//    evaluated is marked, and a second reader of a marked constant gets
//    "Cannot declare self-referencing constant". While a goroutine is
//    switched out in the middle of an evaluation, its marks are cleared.
//
//  - include_once/require_once (code_load_once.cc): PHP marks a file included
//    before its code runs. A goroutine whose *_once names a file that another
//    goroutine of its M is still running parks until that run is over.
//
// A goroutine does not wait for ever for one that, directly or through
// others, waits for it: one wait of the cycle gives way, as the two would
// have nested on PHP's one thread. A wait for the autoload lock gives way
// first (the load goes on inside the holder's), then a wait for an
// include_once run (the file counts as included); a wait for a class another
// goroutine is linking never does, and when nothing else can, the lookup is
// "not found", PHP's answer to a class that needs itself.
//
// Waits park the goroutine (WaitReason::kCodeLoad); its M runs the others.
// Nothing here is shared between threads: each M's interpreter has its own
// tables, and so its own guards. The origin runs no goroutines and is left
// alone.
#ifndef GOOS_PHP_CODE_LOAD_GUARD_H
#define GOOS_PHP_CODE_LOAD_GUARD_H

#include "php.h"

#include <cstdint>

namespace goos::php {

// Wraps zend_autoload and zend_resolve_path. Called by the origin before it
// starts the runtime's threads; idempotent. Not in MINIT: opcache replaces
// zend_resolve_path after every module's startup (accel_post_startup), and
// the wrap must come after it, or opcache answers *_once from its cache
// without reaching the guard.
void load_guard_install();
// Puts back what load_guard_install() replaced, if it is still in place
// (module shutdown).
void load_guard_uninstall();

// From the glue, on the goroutine's M, between runs: after its state was
// saved (`frames`: its current frame chain; `autoloading`: its
// EG(in_autoload) is not empty), before its state is loaded, and once it
// ended.
void load_guard_switched_out(std::uint64_t goroutine, const zend_execute_data* frames,
                             bool autoloading);
void load_guard_switched_in(std::uint64_t goroutine);
void load_guard_finished(std::uint64_t goroutine);

// code_sync() is binding `lcname` (a class whose parent, interfaces or
// traits it may have to autoload), or is done (null). In a goroutine.
void load_guard_binding(const zend_string* lcname);
// The M's interpreter ends (interp_stop): forgets this thread's guards.
void load_guard_thread_end();

}  // namespace goos::php

#endif  // GOOS_PHP_CODE_LOAD_GUARD_H
