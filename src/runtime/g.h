// A goroutine (G) and the rules for its status.
//
// Every status says who owns the G, and every change goes through set_status(),
// which asserts that the transition is legal:
//
//   kIdle       in a free list; owned by that list. Holds no task and no stack.
//   kUnstarted  made by go(): a task and nothing else; owned by one run queue
//               (global, a P's ring or its runnext). Any P may take it: thieves
//               steal these, and only these.
//   kRunnable   started, so pinned to `p` for life; ready to run; owned by p's
//               pinned FIFO or p's inbox.
//   kRunning    on its M's thread right now; owned by that M.
//   kWaiting    parked; owned by whoever holds its Waiter episode (a wait queue,
//               p's timer heap, p's poller). Only a claim on the episode may
//               make it runnable again.
//   kDead       its task returned; its M is giving back the stack.
//
//   kIdle -> kUnstarted -> kRunning <-> kRunnable
//                          kRunning  -> kWaiting -> kRunnable
//                          kRunning  -> kDead -> kIdle
#pragma once

#include <atomic>
#include <cassert>
#include <cstdint>

#include "fiber.h"
#include "goos/runtime.h"
#include "goos/stack_pool.h"
#include "goos/task.h"
#include "goos/waiter.h"
#include "timer.h"

namespace goos {

struct G;
struct P;

enum class GStatus : std::uint8_t { kIdle, kUnstarted, kRunnable, kRunning, kWaiting, kDead };

const char* to_string(GStatus status);
bool legal_transition(GStatus from, GStatus to);

// Why a G switched back to its M's scheduler.
enum class GExit : std::uint8_t { kYield, kPark, kDead };

// The Waiter of a goroutine: parks the G instead of its thread.
class GoroutineWaiter final : public Waiter {
 public:
  explicit GoroutineWaiter(G* g) : g_(g) {}
  std::uint64_t goroutine_id() const override;

 protected:
  bool block_impl(Ticket t, Deadline deadline, FunctionRef<void()> release) override;
  void wake_impl(Ticket t) override;

 private:
  friend struct P;
  G* g_;
};

struct G {
  G() : waiter(this) {}

  std::uint64_t id = 0;
  std::atomic<GStatus> status{GStatus::kIdle};
  Task task;
  Stack stack;
  FiberContext context;  // saved while not running
  P* p = nullptr;        // the P (and M) it is pinned to; null while unstarted
  G* next = nullptr;     // link in whichever intrusive queue owns it
  GExit exit = GExit::kYield;
  GoroutineWaiter waiter;
  Timer timer;             // its deadline while parked, in p's timer heap
  bool timed_out = false;  // the deadline, not a waker, ended the last park
  int no_preempt = 0;      // depth of preempt_disable(); owner: the running M
  GoroutineInfo info;      // what the glue sees
};

// G::id and G::p as read by a thread that owns nothing of the G (snapshot(),
// a dump's scan of allgs): such a reader may look at any G, while go() gives
// a reused G its new id and the G's M writes p when the G starts and when it
// ends. Those writes and these reads go through atomic_ref; everyone else
// (the G's M, its creator, a waker holding its claimed episode) reads the
// plain fields.
inline std::uint64_t id_of(G* g) {
  return std::atomic_ref<std::uint64_t>(g->id).load(std::memory_order_relaxed);
}
inline void set_id(G* g, std::uint64_t id) {
  std::atomic_ref<std::uint64_t>(g->id).store(id, std::memory_order_relaxed);
}
inline P* pinned_p(G* g) { return std::atomic_ref<P*>(g->p).load(std::memory_order_relaxed); }
inline void set_pinned_p(G* g, P* p) {
  std::atomic_ref<P*>(g->p).store(p, std::memory_order_relaxed);
}

// The one way a G's status changes. `from` is what the caller knows the status to
// be; the change is atomic because a waker on another thread makes kWaiting Gs
// runnable.
inline void set_status(G* g, GStatus from, GStatus to) {
  assert(legal_transition(from, to));
  [[maybe_unused]] GStatus seen = from;
  [[maybe_unused]] bool ok = g->status.compare_exchange_strong(seen, to, std::memory_order_acq_rel);
  assert(ok && "G status was not what the caller believed");
}

}  // namespace goos
