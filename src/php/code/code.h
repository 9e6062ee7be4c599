// Code in goroutines: what a worker interpreter needs to run the script's code.
//
// Every M owns an interpreter of its own, which starts knowing only PHP's and
// the extensions' functions and classes. A goroutine must see the functions,
// classes, interfaces, traits, enums and constants the script declared -- in
// the main file, in included files, through autoloaders -- before its go().
//
// Publishing (in the interpreter that calls go(): the origin or a goroutine):
// code_publish() records, in a process-wide registry, what that interpreter
// has loaded that the registry lacks: the files it compiled (in order), the
// user constants it defined, the autoloaders it registered. Each change makes
// a new epoch; a task carries the epoch current at its go().
//
// Syncing (in a worker, before it runs a task): code_sync(epoch) brings the
// worker up to that epoch: it compiles each file it has not yet compiled or
// included, *without running it* (with opcache on, a cache hit that shares the
// immutable code opcache holds), which declares what PHP declares at compile
// time; binds what the publisher declared at run time (conditional functions,
// classes linked at run time) from those compiled files; defines the
// constants; registers the autoloaders; and marks the files included, so that
// include_once/require_once in a goroutine do not load them twice.
//
// Functions: a user function (a closure's code, a named function, a method)
// crosses as a FunctionKey that finds the same code in the receiver.
#ifndef GOOS_PHP_CODE_H
#define GOOS_PHP_CODE_H

#include "php.h"

#include <cstdint>
#include <string>

namespace goos::php {

// Records in the registry what the current interpreter loaded since its last
// call. Cheap when nothing changed (a few counters compared). Returns the
// epoch a task started now must be synced to. On failure (a constant whose
// value cannot cross) throws Goos\TransferError and returns 0.
std::uint64_t code_publish();

// Brings the current (worker) interpreter up to `epoch`. Cheap when it is
// there already. On failure reports it as PHP would (a compile error is
// fatal: it bails out like any PHP fatal error) or returns false with an
// exception thrown.
bool code_sync(std::uint64_t epoch);

// Forgets the registry: at the end of every request of the origin (php-fpm,
// and the CLI's --repeat, which runs several requests in one process) and at
// module shutdown, when no goroutine runs (a sync in progress reads events
// that this frees). Touches no interpreter: each notices the reset at its
// next publish or sync and starts over; workers are to be recycled anyway.
void code_reset();

// Module startup and shutdown (main thread, from MINIT and MSHUTDOWN).
// code_minit() wraps the handlers of spl_autoload_register() and
// spl_autoload_unregister() so that a change of an interpreter's autoloaders
// bumps a per-thread counter: that keeps code_publish() to integer compares
// when nothing changed (without it, autoloaders registered after the first
// go() are not seen). It also registers the resource type that ties an
// interpreter's code-sharing memory to its request (see below).
void code_minit(int module_number);
void code_mshutdown();

// Releases what the current interpreter holds for code sharing: the compiled
// files' top-level code, the lookup caches. Optional: the same happens by
// itself in the interpreter's request shutdown (when PHP closes the request's
// resources, before it destroys the function and class tables), in workers
// and in the origin alike. Call it earlier if you like, but only while the
// interpreter's request is alive: that code lives in the request's heap.
void code_worker_shutdown();

// Identifies a user function's code across interpreters. For a closure:
// its file, lines and a hash of its opcodes and literals (two closures with
// equal keys are the same code, so either will do). For a named function or
// a method: its (lower-case) name and class, plus the same fields as a check.
//
// A closure is matched in the receiver by file and lines first, then by
// `shape` (what no compiler setting changes: parameter and `use` names,
// flags); `hash` (opcodes and literals) only tells apart closures that share
// all of those, e.g. two arrow functions on one line. The opcodes of one
// source may differ between interpreters (opcache optimises the files it
// caches; without opcache a call compiles differently when its callee is
// already declared), so the hash is a tie-breaker, never a requirement.
struct FunctionKey {
  std::string file;
  std::uint32_t line_start = 0;
  std::uint32_t line_end = 0;
  std::uint64_t shape = 0;
  std::uint64_t hash = 0;
  std::string scope;     // class name for a method, "" otherwise
  std::string name;      // function or method name; "{closure}" for a closure
  bool closure = false;  // looked up among closures' code, not by name
};

// Fills `key` for a user function. False when the code cannot be found again
// in another interpreter (it came from eval() or from a file that no longer
// exists): then `why` says so, for the TransferError message.
bool code_function_key(const zend_function* function, FunctionKey* key, std::string* why);

// The current interpreter's function for `key`, after code_sync(); null when
// there is none (then the caller throws).
zend_function* code_find_function(const FunctionKey& key);

}  // namespace goos::php

#endif  // GOOS_PHP_CODE_H
