// The goos runtime core: goroutines on an M:N work-stealing scheduler.
//
// It runs plain C++ callables as goroutines; the PHP layer plugs the Zend engine
// in through Glue. The design (G, M, P, pinning, the M loop, parking, spinning)
// is written at the top of src/runtime/proc.cc.
#pragma once

#include <cstddef>
#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "goos/clock.h"
#include "goos/stack_pool.h"
#include "goos/task.h"
#include "goos/wait_reason.h"

namespace goos {

// What the glue knows of a goroutine: its id, its C stack (set once it has
// started: PHP bounds its own stack checks by it), and a slot for the glue's
// own state (for PHP: the goroutine's Zend VM stack and engine globals).
struct GoroutineInfo {
  std::uint64_t id = 0;
  void* glue_data = nullptr;
  char* stack_base = nullptr;  // lowest usable byte
  char* stack_top = nullptr;   // one past the highest usable byte
};

// The interface the PHP layer implements. Every call except request_preempt
// and sysmon_tick happens on the M's own thread; none may block on goos
// primitives.
class Glue {
 public:
  virtual ~Glue() = default;
  // An M thread starts / stops: create or destroy its interpreter.
  virtual void m_start(int /*m*/) {}
  virtual void m_stop(int /*m*/) {}
  // Around every run of a goroutine on M `m`: restore / save engine state.
  virtual void g_switch_in(int /*m*/, GoroutineInfo& /*g*/) {}
  virtual void g_switch_out(int /*m*/, GoroutineInfo& /*g*/) {}
  // A goroutine finished: free what glue_data holds (on its M's thread).
  virtual void g_finished(int /*m*/, GoroutineInfo& /*g*/) {}
  // From the sysmon thread: make the goroutine running on M `m` reach a safe
  // point soon (PHP: set that interpreter's EG(vm_interrupt)). Must be
  // async-safe towards M: no locks M may hold.
  virtual void request_preempt(int /*m*/) {}
  // From the sysmon thread, on each of its rounds (every 1 ms while a P is
  // busy, every 10 ms while all are idle, and when a callback timer is due):
  // a chance to notice what a thread outside the runtime cannot be woken for
  // directly (PHP: a signal that arrived while the script waits in join()).
  // Must not block.
  virtual void sysmon_tick() {}
  // On M `m`'s own thread, between goroutine runs, for a dump: describe
  // goroutine `g`, which is started, pinned to this M and not running (parked
  // or runnable). PHP: its backtrace. Must not block on goos primitives.
  virtual std::string g_describe(int /*m*/, GoroutineInfo& /*g*/) { return {}; }
};

// A callback timer (Runtime::after). 0 is never a valid id.
using TimerId = std::uint64_t;

// One goroutine as a dump shows it.
struct GoroutineSnapshot {
  std::uint64_t id;
  const char* status;  // "runnable", "running", "waiting", ...
  WaitReason reason;   // for "waiting"
  int p;               // the P it is pinned to; -1 if not started
  // Glue::g_describe's text (PHP: the backtrace); empty when not asked
  // (snapshot()) or when the goroutine had not started when its M described.
  std::string description;
};

// Every goroutine is blocked on goos objects (none runnable, no timer, no fd
// wait) and every attached thread is blocked too: nothing can ever move again.
struct DeadlockReport {
  std::vector<GoroutineSnapshot> goroutines;
  int blocked_threads = 0;
  std::string text() const;  // "fatal error: all goroutines are asleep - deadlock!" + a dump
};

struct PStats {
  std::uint64_t switches = 0;          // goroutine runs started on this P
  std::uint64_t steals = 0;            // goroutines stolen by this P from others
  std::uint64_t preempt_requests = 0;  // sysmon asked a goroutine of this P to yield
  std::uint64_t preemptions = 0;       // a goroutine of this P yielded because asked
  std::uint64_t spawned = 0;           // goroutines started on this P
  std::size_t runq = 0;                // unstarted goroutines waiting in its queues
};

struct RuntimeOptions {
  int max_procs = 0;                    // 0: one P per CPU
  int preempt_ms = 10;                  // 0: no preemption
  std::size_t stack_size = 256 * 1024;  // per goroutine, reserved (committed on touch)
  // Stacks that get a guard page; the rest get a zero canary (stack_pool.h).
  // By default as many as the kernel's vm.max_map_count allows.
  std::size_t stack_guards = static_cast<std::size_t>(-1);
  Glue* glue = nullptr;  // null: no engine to switch
  // Called from the sysmon thread when a deadlock is found; by default the
  // report goes to stderr and the process exits with status 2 (as Go's does).
  std::function<void(const DeadlockReport&)> on_deadlock;
};

class Runtime {
 public:
  // Starts max_procs M threads (each with its P) and the sysmon thread. The
  // calling thread is attached: it may wait on goos primitives, and counts in
  // deadlock detection. At most one Runtime exists at a time.
  explicit Runtime(RuntimeOptions options = {});
  // Stops every M and sysmon. Goroutines still blocked then are abandoned:
  // their stacks are released without unwinding them.
  ~Runtime();
  Runtime(const Runtime&) = delete;
  Runtime& operator=(const Runtime&) = delete;

  // The Runtime in this process, or null.
  static Runtime* current();

  // Starts a goroutine; returns its id (ids start at 1). From a goroutine it
  // goes to the creator's P; from a plain thread to the global queue.
  std::uint64_t go(Task task);

  // Outside goroutines: waits until no goroutine is alive. False on timeout,
  // or when cancel_joins() woke it first.
  bool join(Deadline deadline = kNoDeadline);

  // Wakes every thread waiting in join() now; each returns whether all
  // goroutines have ended. For a caller that must act on an event of its own
  // (the PHP glue: a goroutine ended the script) while the origin waits.
  void cancel_joins();

  // Calls `fn` once at `when` (or as soon as possible after it) on the
  // runtime's monitor thread, unless stop_timer() comes first (Go's
  // time.AfterFunc). fn must be short, must not block and must not throw (a
  // try_send, a close); it may call after() and stop_timer() itself (a ticker
  // re-arms from its own callback). Any thread may call this. A pending timer
  // counts as possible progress for deadlock detection. Timers still pending
  // when the Runtime is destroyed are dropped without running.
  TimerId after(Deadline when, std::function<void()> fn);

  // True when the timer had not fired: it never will now, and its fn is
  // destroyed by this call. False when it fired already, is firing now (fn
  // may still be running when this returns: it does not wait), or was
  // stopped. Any thread, including a timer's own callback.
  bool stop_timer(TimerId id);

  int max_procs() const;
  std::size_t num_goroutine() const;
  std::vector<PStats> stats() const;
  std::vector<GoroutineSnapshot> snapshot() const;
  // As snapshot(), plus each started goroutine's description, made on its own
  // M by Glue::g_describe between goroutine runs (the only place a goroutine's
  // engine state may be read). Blocks until every M has described its
  // goroutines: an idle M is woken for it, a busy one does it at its next
  // switch (a goroutine that never switches holds the dump up until
  // preemption cuts it: RuntimeOptions::preempt_ms). A described goroutine
  // shows the status and wait reason it had when described, so that they
  // match its description; the caller, if a goroutine, shows as running.
  // Callable from a goroutine (its own entry is described too: it parks
  // meanwhile) or from a plain thread, by several at once; not from an M's
  // scheduler loop (the glue's hooks) or from sysmon. Once the runtime is
  // stopping, it returns what it has without waiting.
  std::vector<GoroutineSnapshot> snapshot_described();
  StackStats stack_stats() const;

  struct Impl;

 private:
  std::unique_ptr<Impl> impl_;
};

// Called from inside a goroutine (on a plain thread they do the plain-thread
// thing where there is one, as documented).
namespace this_goroutine {

bool is_goroutine();
std::uint64_t id();  // 0 outside goroutines
int p();             // the P running the caller; -1 outside goroutines

// Gives up the thread: the goroutine goes to the back of its P's queue.
// (std::this_thread::yield() on a plain thread.)
void yield();

void sleep_until(Deadline deadline);
void sleep_for(Nanos duration);

enum class IoEvent { kRead, kWrite };
// Parks the goroutine (blocks a plain thread in poll()) until `fd` is ready for
// `event` or the deadline passes (false).
bool wait_fd(int fd, IoEvent event, Deadline deadline = kNoDeadline);

// A safe point: yields if sysmon asked this goroutine to (it ran preempt_ms
// without a switch). The PHP glue reaches it from the VM's interrupt hook; plain
// C++ goroutines call it in long loops.
void preempt_point();

// A critical section that preemption must not cut: between preempt_disable()
// and the matching preempt_enable() (they nest) preempt_point() does nothing.
// A request that came meanwhile is honoured by the outermost preempt_enable(),
// which then yields. The goroutine may still yield or block on purpose. On a
// plain thread both do nothing.
void preempt_disable();
void preempt_enable();

}  // namespace this_goroutine

}  // namespace goos
