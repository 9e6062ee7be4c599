// The state behind code_load_guard.h, shared by code_load_*.cc (not an API).
//
// One ThreadLoads per M thread, made by the first goroutine that needs it.
// Only its own thread touches it: the goroutines running there, one at a
// time, and the M loop between their runs (the glue's switch and finish
// hooks). So no lock guards it; what a goroutine read from it stays true
// until that goroutine parks or is preempted.
#ifndef GOOS_PHP_CODE_LOAD_INTERNAL_H
#define GOOS_PHP_CODE_LOAD_INTERNAL_H

#include <cstddef>
#include <cstdint>
#include <string>
#include <unordered_map>
#include <vector>

#include "php.h"

#include "goos/sema.h"

namespace goos::php::load {

// What a goroutine waits for, in the order in which such waits give way to
// end a cycle of waits, as the same code would have nested on PHP's one
// thread: a wait for the autoload lock goes on inside the holder's load; a
// wait for an include_once run counts the file included (the waiter may then
// miss what the rest of the file declares, as with PHP's own circular
// include_once); a wait for a class another goroutine is linking cannot
// (the class must be linked first).
enum class WaitKind : std::uint8_t { kLock, kOnce, kLinking };

struct ThreadLoads {
  // The autoload lock: the goroutine inside an autoload (0: none) and its
  // nesting. Released only when `depth` is back at 0.
  std::uint64_t holder = 0;
  unsigned depth = 0;
  // Lower-case class names being autoloaded, by whom: under the lock, and by
  // a goroutine that went on inside the holder's load (a wait cycle).
  std::unordered_map<std::string, std::uint64_t> loading;

  // *_once includes a goroutine started and was still running at its last
  // switch-out (its frames held the file's top-level code).
  struct Run {
    std::string path;  // as zend_resolve_path() gave it, the key of EG(included_files)
    std::uint64_t owner;
  };
  std::vector<Run> runs;

  // Classes a switched-out goroutine is in the middle of linking, renamed
  // out of other goroutines' sight (code_load_linking.cc). `name` and `key`
  // are references of ours to the class's name and the hiding key.
  struct Hidden {
    std::uint64_t owner;
    zend_string* name;
    zend_string* key;
    bool conflict;  // the name was taken meanwhile: the owner raises PHP's error
  };
  std::vector<Hidden> hidden;
  // The goroutine whose switch-in restored hidden classes: its next
  // switch-out wakes the waiters.
  std::uint64_t restored = 0;
  // Class constants a switched-out goroutine is evaluating, their "visited"
  // mark cleared (code_load_constants.cc).
  struct Evaluating {
    std::uint64_t owner;
    zval* value;
  };
  std::vector<Evaluating> evaluating;
  // Classes code_sync() is binding, by goroutine (load_guard_binding()).
  std::unordered_map<std::uint64_t, zend_string*> sync_binding;

  // A parked goroutine -> the goroutine it waits for, and for what.
  struct Edge {
    std::uint64_t owner;
    WaitKind kind;
  };
  std::unordered_map<std::uint64_t, Edge> waits_for;
  // Every parked goroutine waits here; whatever may end a wait (the lock
  // released, a run over) wakes them all, and each looks again. `parked`
  // counts them: a goroutine counts itself and parks with no switch in
  // between, so all those counted are parked when a wake-up releases them.
  goos::Semaphore gate{0};
  std::size_t parked = 0;
};

// This thread's state, made on first use.
ThreadLoads& thread_loads();
// This thread's state if it was made, else null.
ThreadLoads* thread_loads_if_any();

// What waiting for `owner` would close: nothing (kNone), or a cycle back to
// `me`, named by the wait on the way back that gives way most readily
// (kLock, kOnce; kStuck: only waits for linking).
enum class Cycle { kNone, kLock, kOnce, kStuck };
Cycle cycle_through(const ThreadLoads& t, std::uint64_t owner, std::uint64_t me);

// What `me`, about to wait (a wait of `kind`) in a cycle `cycle`, does: give
// way (go on without waiting), wait (another wait of the cycle gives way,
// woken by wait_for()), or neither (kStuck for a linking wait: the lookup is
// "not found", PHP's answer to a class that needs itself).
enum class Resolve { kWait, kGiveWay, kStuck };
Resolve resolve(Cycle cycle, WaitKind kind);

// Parks the calling goroutine `me` until the next wake_waiters(), noting
// that it waits for `owner`. A wait that closes a cycle first wakes the
// others, so that the one that gives way looks again and does.
void wait_for(ThreadLoads& t, std::uint64_t me, std::uint64_t owner, WaitKind kind);

// Wakes every goroutine parked in wait_for() on this thread.
void wake_waiters(ThreadLoads& t);

// code_load_linking.cc: the owner of a hidden class (0: not hidden); hiding
// a switched-out goroutine's half-linked classes (`frames`: its frames), and
// putting them back at its switch-in (true when it had any); the redeclaration
// error for one whose name was taken meanwhile (no-op when none); dropping a
// goroutine's entries (0: everyone's) without putting them back.
std::uint64_t hidden_owner(const ThreadLoads& t, const zend_string* lcname);
void hide_linking(ThreadLoads& t, std::uint64_t goroutine, const zend_execute_data* frames);
bool restore_linking(ThreadLoads& t, std::uint64_t goroutine);
void raise_link_conflict(ThreadLoads& t, std::uint64_t goroutine);
void forget_hidden(ThreadLoads& t, std::uint64_t goroutine);

// code_load_constants.cc: clearing the "visited" marks of the class
// constants a switched-out goroutine is evaluating, and setting them again
// at its switch-in (on those still unevaluated).
void unmark_evaluating(ThreadLoads& t, std::uint64_t goroutine);
void remark_evaluating(ThreadLoads& t, std::uint64_t goroutine);

// code_load_once.cc: drops the *_once runs of `goroutine` that its frames
// no longer hold (all of them with `all`); true when one was dropped.
bool end_runs(ThreadLoads& t, std::uint64_t goroutine, const zend_execute_data* frames, bool all);

// The two wraps (code_load_lock.cc, code_load_once.cc); each idempotent.
void install_autoload_lock();
void uninstall_autoload_lock();
void install_once_guard();
void uninstall_once_guard();

}  // namespace goos::php::load

#endif  // GOOS_PHP_CODE_LOAD_INTERNAL_H
