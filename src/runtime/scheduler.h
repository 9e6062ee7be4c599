// The scheduler's internal types: P (a processor bound to its M thread for
// life) and Runtime::Impl. proc.cc holds the logic and its design notes.
#pragma once

#include <atomic>
#include <condition_variable>
#include <cstdint>
#include <memory>
#include <mutex>
#include <thread>
#include <vector>

#include "callback_timers.h"
#include "fiber.h"
#include "g.h"
#include "goos/runtime.h"
#include "goos/stack_pool.h"
#include "netpoll.h"
#include "runq.h"
#include "timer.h"

namespace goos {

// Adds to a counter that only the calling thread writes: no locked instruction
// on the switch path, and readers still see a whole value.
inline void bump(std::atomic<std::uint64_t>& counter, std::uint64_t n = 1) {
  counter.store(counter.load(std::memory_order_relaxed) + n, std::memory_order_relaxed);
}

// A P and the M thread it is bound to. Fields marked "owner" are touched only by
// that M's thread; the others say who else may.
struct P {
  P(Runtime::Impl& rt, int id, StackAllocator& stacks) : rt(rt), id(id), stacks(stacks) {}

  Runtime::Impl& rt;
  const int id;
  std::thread thread;

  FiberContext sched;    // owner: the M's own stack, where its loop runs
  G* current = nullptr;  // owner: the G on this M right now
  // True only while `current` runs on its own fiber: the glue's switch hooks
  // run with `current` set but on the M's stack, where nothing may park.
  bool on_g_stack = false;
  std::atomic<G*> runnext{nullptr};  // an unstarted G to run next; thieves may take it
  LocalRunQueue runq;                // unstarted Gs; thieves take half
  PinnedQueue pinned;                // owner: started Gs ready to run
  Inbox inbox;                       // any thread pushes started Gs of this P it readied
  TimerHeap timers;                  // owner
  Poller poller;                     // owner waits; anyone rings
  StackCache stacks;                 // owner
  G* free_gs = nullptr;              // owner: finished Gs for reuse
  std::size_t nfree = 0;             // owner
  std::uint32_t tick = 0;            // owner: drives the 1-in-61 global queue check
  Clock::time_point polled_at{};     // owner: when find_runnable last polled the fds
  bool yielded = false;              // owner: the last G yielded; look at the global queue first
  bool spinning = false;             // owner: counted in Impl::nmspinning
  int parked = 0;                    // owner: Gs of this P parked now (what an idle spin waits for)
  bool idle = false;                 // guarded by Impl::idle_lock: in Impl::idle

  // Read by sysmon.
  std::atomic<std::uint64_t> schedtick{0};         // bumped each time a G starts running here
  std::atomic<bool> running{false};                // a G is on the M right now
  std::atomic<std::uint64_t> preempt_tick{~0ull};  // sysmon asks the run of this schedtick to yield
  std::atomic<bool> sleeping{false};               // the M is blocked (or about to) in its poller
  std::atomic<bool> describe_pending{false};       // a dump waits for this M (describe.cc)

  // Sysmon's own bookkeeping (sysmon thread only).
  std::uint64_t seen_tick = 0;
  Clock::time_point seen_at{};

  // Each written by one thread only (steals, spawned, preemptions: the owner;
  // preempt_requests: sysmon), so a plain load and store (bump) suffices;
  // others only read.
  struct Counters {
    std::atomic<std::uint64_t> steals{0}, preempt_requests{0}, preemptions{0}, spawned{0};
  } counters;

  // On the M's thread, in a goroutine: back to this M's scheduler loop.
  void switch_to_scheduler(G* g, GExit why);
  void loop();

 private:
  G* find_runnable();
  G* next_local();
  G* steal();
  void run(G* g);
  void finish(G* g);
  bool fire_timers();
  void poll_when_due();
  bool idle_spin();
  void poll_fds(int timeout_ms);
  void stop_spinning();
  void go_idle();
  void describe_goroutines();
};

struct DescribeRequest;  // describe.cc

struct Runtime::Impl {
  explicit Impl(RuntimeOptions opts);

  RuntimeOptions options;
  Runtime* self = nullptr;
  int nprocs;
  Glue default_glue;
  Glue* glue;
  StackAllocator stacks;
  std::vector<std::unique_ptr<P>> ps;
  GlobalQueue global;

  std::mutex idle_lock;
  std::vector<P*> idle;  // guarded by idle_lock
  std::atomic<int> npidle{0};
  std::atomic<int> nmspinning{0};

  std::atomic<std::uint64_t> next_id{1};
  std::atomic<std::int64_t> live{0};            // goroutines made and not finished
  std::atomic<std::int64_t> timed_waits{0};     // Gs parked with a deadline
  std::atomic<std::int64_t> fd_waits{0};        // Gs parked on an fd
  std::atomic<std::int64_t> blocking_calls{0};  // Gs parked in offload()

  std::mutex allgs_lock;
  std::vector<std::unique_ptr<G>> allgs;  // guarded by allgs_lock; never shrinks
  std::mutex gfree_lock;
  G* gfree = nullptr;  // guarded by gfree_lock

  std::mutex join_lock;
  struct Joiner {
    Waiter* waiter;
    Ticket ticket;
  };
  std::vector<Joiner> joiners;  // guarded by join_lock

  std::mutex describe_lock;
  std::vector<DescribeRequest*> describe_requests;  // guarded by describe_lock

  std::atomic<bool> stopping{false};
  std::thread sysmon;
  std::mutex sysmon_lock;
  std::condition_variable sysmon_wake;
  bool sysmon_kicked = false;  // guarded by sysmon_lock: a new earliest callback timer
  CallbackTimers callback_timers;

  G* alloc_g(P* p);
  void ready(G* g);
  void wakep();
  void goroutine_finished();
  void sysmon_loop();
  bool check_deadlock(std::uint64_t& last_progress, int& quiet_rounds);
  std::vector<GoroutineSnapshot> describe_all(Deadline deadline);
  void abandon_describe_requests();
};

// The P whose M is this thread, or null.
P* current_p();

// At runtime stop: drops the closing index's entries (fd_wait.cc) of the
// goroutines that are being abandoned while parked on fds.
void forget_parked_fd_waits();

}  // namespace goos
