// The goos scheduler.
//
// G, M and P
// ----------
// A G is a goroutine: a task, and once it runs, a fiber (a C stack from the
// stack pool and a saved machine context). An M is an OS thread. A P is a
// processor slot; there are max_procs of them, and each is bound to its own M
// for the M's whole life (P and M are one struct here). In Go any M may take
// any P and any G may run on any M. goos keeps one difference, for PHP: each M
// owns a PHP interpreter, every zval a goroutine holds lives in its M's Zend
// heap, and Zend memory is not thread-safe. So a G is *pinned* to the first M
// that runs it, for life; before it starts it is only a task, and any P may run
// it. Work stealing therefore moves unstarted Gs only.
//
// The queues of a P (runq.h): runnext, one unstarted G to run next (a fresh
// child of the running G: communication locality, as in Go); the ring, a
// bounded lock-free queue of unstarted Gs that thieves take half of; pinned, the
// started Gs of this P that are ready (yielded, or readied on this M); and the
// inbox, started Gs readied from other threads. The global queue holds Gs made
// outside goroutines and a full ring's overflow.
//
// The M loop (find_runnable): every 61st tick, and after a yield, the global
// queue first (fairness, as in Go), then the inbox (drained into pinned), runnext, pinned
// and the ring in alternation (neither starves the other), the global queue;
// then due timers and ready fds; then stealing; then sleep. Between any two
// runs, and before it sleeps, the loop also answers a dump: it has the glue
// describe the goroutines pinned to it (Glue::g_describe), which only this M
// may do, and only while none of them runs (describe.cc).
//
// Parking, readying, spinning
// ---------------------------
// A G blocks through its Waiter (waiter.h): it marks itself kWaiting, releases
// the lock of the queue it published itself in, and switches to its M's loop. A
// waker claims the episode and calls ready(): on the G's own M that is a push
// onto pinned; from elsewhere a push into the inbox and, if the M sleeps, its
// doorbell. Only the G's own M ever resumes it, so a wake that lands before
// the G has finished switching out is harmless: the M is still busy with that
// very switch.
//
// An M with nothing to run spins a while stealing, if fewer than half the busy
// Ps' Ms already spin (Go's bound), then goes idle: it puts its P on the idle
// list, sets `sleeping`, looks at every queue once more, and only then blocks
// in its poller (epoll), with its next timer as the timeout. A producer of
// unstarted work pushes it, then calls wakep(), which wakes one idle M only if
// no M is spinning: a spinning M will find the work, and when it does, it
// wakes another (stop_spinning) so that new work keeps finding a thief. The
// push-then-check of the producer and the mark-then-check of the sleeper are
// both sequentially consistent, so a wake-up is never lost. No M busy-waits:
// spinning is bounded to a few rounds of stealing.
//
// Rejected: migrating started Gs (their zvals cannot move between
// interpreters); one global run queue (contention on every spawn); waking an M
// per spawn (a syscall per go(): spinning Ms find the work instead).
#include <sched.h>

#include <algorithm>
#include <cassert>
#include <cstdio>
#include <cstdlib>
#include <exception>
#include <random>

#include "fd_table.h"
#include "fence.h"
#include "stack_guard.h"
#include "goos/config.h"
#include "scheduler.h"

namespace goos {
namespace {

thread_local P* tls_p = nullptr;
std::atomic<Runtime::Impl*> g_runtime{nullptr};

constexpr std::size_t kLocalFreeGs = 64;  // a P keeps at most this many finished Gs
constexpr std::size_t kFreeGBatch = 32;   // moved to or from the global free list at once
constexpr int kStealRounds = 4;
// How long an M with parked goroutines polls its inbox before it sleeps. Waking
// a sleeping M costs tens of microseconds here (a futex or epoll wake-up of an
// idle CPU), and a goroutine parked on a channel is often readied by another M
// within microseconds: a goroutine stolen by another P answering its parent.
constexpr auto kIdleSpin = std::chrono::microseconds(50);
constexpr auto kBusyPollEvery = std::chrono::milliseconds(1);

inline void cpu_relax() {
#if defined(__x86_64__) || defined(__i386__)
  __builtin_ia32_pause();
#elif defined(__aarch64__)
  asm volatile("yield");
#endif
}

[[noreturn]] void fatal(const char* message, std::uint64_t goroutine) {
  std::fprintf(stderr, "fatal error: %s (goroutine %llu)\n", message,
               static_cast<unsigned long long>(goroutine));
  std::fflush(stderr);
  std::abort();
}

// Where every goroutine starts, on its own stack. `t.fctx` is the M's scheduler.
void g_entry(ctx::transfer_t t) {
  G* g = static_cast<G*>(t.data);
  g->p->sched.saved = t.fctx;
  try {
    g->task();
  } catch (const std::exception& e) {
    std::fprintf(stderr, "goroutine %llu: uncaught exception: %s\n",
                 static_cast<unsigned long long>(g->id), e.what());
    fatal("a goroutine ended with an exception", g->id);
  } catch (...) {
    fatal("a goroutine ended with an exception", g->id);
  }
  g->task.reset();
  g->p->switch_to_scheduler(g, GExit::kDead);
  __builtin_unreachable();
}

}  // namespace

const char* to_string(GStatus status) {
  switch (status) {
    case GStatus::kIdle:
      return "idle";
    case GStatus::kUnstarted:
      return "runnable (not started)";
    case GStatus::kRunnable:
      return "runnable";
    case GStatus::kRunning:
      return "running";
    case GStatus::kWaiting:
      return "waiting";
    case GStatus::kDead:
      return "dead";
  }
  return "unknown";
}

bool legal_transition(GStatus from, GStatus to) {
  using S = GStatus;
  switch (from) {
    case S::kIdle:
      return to == S::kUnstarted;
    case S::kUnstarted:
      return to == S::kRunning;
    case S::kRunnable:
      return to == S::kRunning;
    case S::kRunning:
      return to == S::kRunnable || to == S::kWaiting || to == S::kDead;
    case S::kWaiting:
      return to == S::kRunnable;
    case S::kDead:
      return to == S::kIdle;
  }
  return false;
}

P* current_p() { return tls_p; }

// ---- Runtime::Impl ----------------------------------------------------------

Runtime::Impl::Impl(RuntimeOptions opts)
    : options(std::move(opts)),
      nprocs(effective_max_procs(options.max_procs)),
      glue(options.glue != nullptr ? options.glue : &default_glue),
      stacks(StackOptions{.stack_size = options.stack_size, .guard_budget = options.stack_guards}) {
}

G* Runtime::Impl::alloc_g(P* p) {
  if (p != nullptr && p->free_gs == nullptr) {
    // Refill the P's list with a batch: one lock for many spawns.
    std::lock_guard guard(gfree_lock);
    while (gfree != nullptr && p->nfree < kFreeGBatch) {
      G* g = gfree;
      gfree = g->next;
      g->next = p->free_gs;
      p->free_gs = g;
      p->nfree++;
    }
  }
  if (p != nullptr && p->free_gs != nullptr) {
    G* g = p->free_gs;
    p->free_gs = g->next;
    p->nfree--;
    return g;
  }
  if (p == nullptr) {
    std::lock_guard guard(gfree_lock);
    if (gfree != nullptr) {
      G* g = gfree;
      gfree = g->next;
      return g;
    }
  }
  std::lock_guard guard(allgs_lock);
  allgs.push_back(std::make_unique<G>());
  return allgs.back().get();
}

void Runtime::Impl::ready(G* g) {
  set_status(g, GStatus::kWaiting, GStatus::kRunnable);
  P* p = g->p;
  if (tls_p == p) {
    p->pinned.push_back(g);
    return;
  }
  p->inbox.push(g);
  seq_cst_fence();  // pairs with go_idle()
  if (p->sleeping.load(std::memory_order_seq_cst)) p->poller.ring();
}

void Runtime::Impl::wakep() {
  if (npidle.load(std::memory_order_seq_cst) == 0) return;
  if (nmspinning.load(std::memory_order_seq_cst) != 0) return;
  int none = 0;
  if (!nmspinning.compare_exchange_strong(none, 1, std::memory_order_seq_cst)) return;
  P* p = nullptr;
  {
    std::lock_guard guard(idle_lock);
    if (!idle.empty()) {
      p = idle.back();
      idle.pop_back();
      p->idle = false;
      npidle.fetch_sub(1, std::memory_order_seq_cst);
    }
  }
  if (p == nullptr) {
    nmspinning.fetch_sub(1, std::memory_order_seq_cst);
    return;
  }
  p->poller.ring();  // it wakes as a spinning M: we counted it in nmspinning
}

void Runtime::Impl::goroutine_finished() {
  if (live.fetch_sub(1, std::memory_order_acq_rel) != 1) return;
  std::vector<Joiner> woken;
  {
    std::lock_guard guard(join_lock);
    if (live.load(std::memory_order_acquire) != 0) return;
    for (const Joiner& j : joiners) {
      if (j.waiter->claim(j.ticket)) woken.push_back(j);
    }
    joiners.clear();
  }
  for (const Joiner& j : woken) j.waiter->wake(j.ticket);
}

// ---- P: the M loop -----------------------------------------------------------

void P::loop() {
  tls_p = this;
  enter_signal_stack();
  sched.adopt_current_thread();
  rt.glue->m_start(id);
  while (!rt.stopping.load(std::memory_order_acquire)) {
    if (G* g = find_runnable()) run(g);
  }
  // Goroutines of this P still parked never run again, and m_stop frees the
  // objects they may be waiting on.
  if (parked > 0) detail::note_abandoned_waits();
  rt.glue->m_stop(id);
  leave_signal_stack();
  tls_p = nullptr;
}

G* P::next_local() {
  ++tick;
  // After a yield the global queue goes first: Go would put the yielding G on
  // it, behind the Gs already there; a pinned G cannot go, so they come first.
  if (tick % 61 == 0 || yielded) {
    yielded = false;
    if (G* g = rt.global.pop()) return g;
  }
  if (!inbox.empty()) inbox.drain_into(pinned);
  if (G* g = runnext.exchange(nullptr, std::memory_order_acq_rel)) return g;
  if (tick & 1) {
    if (G* g = pinned.pop_front()) return g;
    if (G* g = runq.get()) return g;
  } else {
    if (G* g = runq.get()) return g;
    if (G* g = pinned.pop_front()) return g;
  }
  return rt.global.pop();
}

G* P::steal() {
  const int n = rt.nprocs;
  if (n == 1) return nullptr;
  G* batch[LocalRunQueue::kCapacity / 2];
  thread_local std::minstd_rand rng(static_cast<unsigned>(std::hash<const void*>{}(this)));
  for (int round = 0; round < kStealRounds; ++round) {
    const int start = static_cast<int>(rng() % static_cast<unsigned>(n));
    for (int i = 0; i < n; ++i) {
      P* victim = rt.ps[static_cast<std::size_t>((start + i) % n)].get();
      if (victim == this) continue;
      std::uint32_t got = victim->runq.grab_half(batch);
      // runnext is the victim's freshest child: take it only when all else
      // failed, as Go does, since the victim is about to run it.
      if (got == 0 && round == kStealRounds - 1) {
        if (G* g = victim->runnext.exchange(nullptr, std::memory_order_acq_rel)) {
          batch[got++] = g;
        }
      }
      if (got == 0) continue;
      bump(counters.steals, got);
      for (std::uint32_t k = 1; k < got; ++k) runq.put(batch[k]);  // room: ours is empty
      return batch[0];
    }
    if (G* g = rt.global.pop()) return g;
  }
  return nullptr;
}

G* P::find_runnable() {
  for (;;) {
    if (rt.stopping.load(std::memory_order_acquire)) return nullptr;
    // Between any two runs, and before sleeping: a dump may wait for this M
    // to describe its goroutines (describe.cc).
    if (describe_pending.load(std::memory_order_relaxed)) describe_goroutines();
    // Due timers and ready fds before the queues, as Go's schedule() checks
    // timers first: goroutines taking turns (CPU hogs that preemption
    // rotates) never leave the queues empty, and must not starve sleepers.
    fire_timers();
    poll_when_due();
    if (G* g = next_local()) {
      if (spinning) stop_spinning();
      return g;
    }
    if (rt.fd_waits.load(std::memory_order_relaxed) > 0 && poller.watched() > 0) {
      poll_fds(0);
      if (!pinned.empty()) continue;
    }
    // Spin only while fewer than half of the busy Ps' Ms spin.
    const int busy = rt.nprocs - rt.npidle.load(std::memory_order_seq_cst);
    if (spinning || 2 * rt.nmspinning.load(std::memory_order_seq_cst) < busy) {
      if (!spinning) {
        spinning = true;
        rt.nmspinning.fetch_add(1, std::memory_order_seq_cst);
      }
      if (G* g = steal()) {
        stop_spinning();
        return g;
      }
    }
    if (idle_spin()) continue;
    go_idle();
  }
}

// Polls for up to kIdleSpin, while goroutines of this P are parked, before the
// M sleeps: its inbox, the global queue, its timers, and the other Ps' stealable
// work (a fork-join parent waits for a child another P stole, while that P's
// queue fills with the child's own children). Bounded: this is the "spin
// briefly" of DESIGN.md, not busy waiting. True when there is work to look at.
bool P::idle_spin() {
  if (parked == 0) return false;
  const Deadline until = Clock::now() + kIdleSpin;
  const Timer* next_timer = timers.earliest();
  do {
    for (int i = 0; i < 32; ++i) cpu_relax();
    if (!inbox.empty() || !rt.global.empty() || rt.stopping.load(std::memory_order_relaxed) ||
        describe_pending.load(std::memory_order_relaxed)) {
      return true;
    }
    for (const auto& other : rt.ps) {
      if (other.get() != this && !other->runq.empty()) return true;
    }
    if (next_timer != nullptr && next_timer->when <= Clock::now()) return true;
  } while (Clock::now() < until);
  return false;
}

void P::stop_spinning() {
  spinning = false;
  // The last spinning M found work: there may be more, so wake another thief.
  if (rt.nmspinning.fetch_sub(1, std::memory_order_seq_cst) == 1) rt.wakep();
}

bool P::fire_timers() {
  Timer* t = timers.earliest();
  if (t == nullptr) return false;
  const Deadline now = Clock::now();
  if (t->when > now) return false;
  bool readied = false;
  while ((t = timers.earliest()) != nullptr && t->when <= now) {
    timers.remove(t);
    rt.timed_waits.fetch_sub(1, std::memory_order_relaxed);
    G* g = t->g;
    // A waker may have claimed the episode already; then its wake() readies g.
    if (g->waiter.claim(t->ticket)) {
      g->timed_out = true;
      rt.ready(g);
      readied = true;
    }
  }
  return readied;
}

// While the queues hold work, fds are polled at most once per kBusyPollEvery:
// often enough that a goroutine waiting on a socket is not starved by CPU-bound
// ones, rarely enough that a switch does not cost a syscall.
void P::poll_when_due() {
  if (rt.fd_waits.load(std::memory_order_relaxed) == 0 || poller.watched() == 0) return;
  const Clock::time_point now = Clock::now();
  if (now - polled_at < kBusyPollEvery) return;
  poll_fds(0);
}

void P::poll_fds(int timeout_ms) {
  polled_at = Clock::now();
  poller.wait(timeout_ms, [this](FdWaiter* w) {
    if (w->g->waiter.claim(w->ticket)) rt.ready(w->g);
  });
}

void P::go_idle() {
  if (spinning) {
    spinning = false;
    rt.nmspinning.fetch_sub(1, std::memory_order_seq_cst);
  }
  {
    std::lock_guard guard(rt.idle_lock);
    idle = true;
    rt.idle.push_back(this);
    rt.npidle.fetch_add(1, std::memory_order_seq_cst);
  }
  sleeping.store(true, std::memory_order_seq_cst);
  seq_cst_fence();  // pairs with ready() and go()

  // Look once more at everything a producer may have pushed before it could
  // see us idle. What it pushes after that finds us idle and wakes us.
  bool work = !inbox.empty() || !rt.global.empty() || rt.stopping.load() ||
              describe_pending.load(std::memory_order_seq_cst);  // pairs with describe_all()
  for (std::size_t i = 0; !work && i < rt.ps.size(); ++i) {
    P* other = rt.ps[i].get();
    work = !other->runq.empty() || other->runnext.load(std::memory_order_seq_cst) != nullptr;
  }
  if (!work) {
    int timeout_ms = -1;
    if (Timer* t = timers.earliest()) {
      auto left = std::chrono::ceil<std::chrono::milliseconds>(t->when - Clock::now()).count();
      timeout_ms = static_cast<int>(std::clamp<long long>(left, 0, 1'000'000));
    }
    poll_fds(timeout_ms);
  }
  sleeping.store(false, std::memory_order_seq_cst);

  std::lock_guard guard(rt.idle_lock);
  if (idle) {
    idle = false;
    rt.idle.erase(std::find(rt.idle.begin(), rt.idle.end(), this));
    rt.npidle.fetch_sub(1, std::memory_order_seq_cst);
  } else {
    spinning = true;  // wakep() took us off the list and counted us as spinning
  }
}

void P::run(G* g) {
  if (g->status.load(std::memory_order_relaxed) == GStatus::kUnstarted) {
    set_pinned_p(g, this);
    g->stack = stacks.acquire();
    g->context.make(g->stack, g_entry);
    g->info.stack_base = g->stack.base;
    g->info.stack_top = g->stack.top;
    bump(counters.spawned);
    set_status(g, GStatus::kUnstarted, GStatus::kRunning);
  } else {
    set_status(g, GStatus::kRunnable, GStatus::kRunning);
  }
  current = g;
  bump(schedtick);
  running.store(true, std::memory_order_relaxed);
  detail::set_current_goroutine_waiter(&g->waiter);
  rt.glue->g_switch_in(id, g->info);

  on_g_stack = true;
  ctx::transfer_t t = switch_to(g->context, g);
  on_g_stack = false;
  g->context.saved = t.fctx;

  rt.glue->g_switch_out(id, g->info);
  detail::set_current_goroutine_waiter(nullptr);
  running.store(false, std::memory_order_relaxed);
  current = nullptr;
  if (!StackAllocator::canary_intact(g->stack)) {
    fatal("stack overflow: a goroutine overran its stack (goos.stack_size)", g->id);
  }
  switch (g->exit) {
    case GExit::kYield:
      set_status(g, GStatus::kRunning, GStatus::kRunnable);
      // To the back of the queue, behind whatever became ready while it ran:
      // goroutines other threads readied and sleepers whose time came (a
      // preempted CPU hog must not run a second slice before them).
      if (!inbox.empty()) inbox.drain_into(pinned);
      fire_timers();
      pinned.push_back(g);
      yielded = true;
      break;
    case GExit::kPark:
      break;  // kWaiting, or already kRunnable in a queue if a waker was quick
    case GExit::kDead:
      finish(g);
      break;
  }
}

void P::finish(G* g) {
  set_status(g, GStatus::kRunning, GStatus::kDead);
  rt.glue->g_finished(id, g->info);
  g->context.destroy();
  stacks.release(g->stack);
  g->stack = {};
  set_pinned_p(g, nullptr);
  g->info = {};
  set_status(g, GStatus::kDead, GStatus::kIdle);
  g->next = free_gs;
  free_gs = g;
  if (++nfree > kLocalFreeGs) {
    // Give a batch to the global list, where Ps that spawn more than they
    // finish (a fork-join parent whose children were stolen) find them.
    std::lock_guard guard(rt.gfree_lock);
    while (nfree > kLocalFreeGs - kFreeGBatch) {
      G* spare = free_gs;
      free_gs = spare->next;
      spare->next = rt.gfree;
      rt.gfree = spare;
      nfree--;
    }
  }
  rt.goroutine_finished();
}

void P::switch_to_scheduler(G* g, GExit why) {
  g->exit = why;
  ctx::transfer_t t = switch_to(sched, nullptr);
  sched.saved = t.fctx;
}

// ---- GoroutineWaiter ---------------------------------------------------------

std::uint64_t GoroutineWaiter::goroutine_id() const { return g_->id; }

bool GoroutineWaiter::block_impl(Ticket t, Deadline deadline, FunctionRef<void()> release) {
  G* g = g_;
  P* p = g->p;
  g->timed_out = false;
  bool released = false;
  if (deadline != kNoDeadline) {
    if (deadline <= Clock::now()) {
      // Already due: no need to switch unless a waker claims first.
      release();
      released = true;
      if (claim_for_deadline(t)) {
        finish_episode();
        return false;
      }
    } else {
      g->timer.when = deadline;
      g->timer.ticket = t;
      g->timer.g = g;
      p->timers.add(&g->timer);
      p->rt.timed_waits.fetch_add(1, std::memory_order_relaxed);
    }
  }
  set_status(g, GStatus::kRunning, GStatus::kWaiting);
  // From here a waker may ready g; only this M can resume it, after the switch.
  if (!released) release();
  p->parked++;
  p->switch_to_scheduler(g, GExit::kPark);
  p->parked--;
  if (g->timer.armed()) {  // a waker won the race against the deadline
    p->timers.remove(&g->timer);
    p->rt.timed_waits.fetch_sub(1, std::memory_order_relaxed);
  }
  finish_episode();
  return !g->timed_out;
}

void GoroutineWaiter::wake_impl(Ticket) { g_->p->rt.ready(g_); }

// ---- Runtime -----------------------------------------------------------------

// 1024 fds: 8 KiB of table; beyond it the kernel grows the table as it would.
constexpr int kReservedFds = 1024;

Runtime::Runtime(RuntimeOptions options) : impl_(std::make_unique<Impl>(std::move(options))) {
  Impl* expected = nullptr;
  if (!g_runtime.compare_exchange_strong(expected, impl_.get())) {
    std::fprintf(stderr, "fatal error: goos: a second Runtime in one process\n");
    std::abort();
  }
  impl_->self = this;
  install_stack_guard_handler();
  detail::attach_current_thread();
  // Goroutines that each hold a connection or three take a process past 256
  // fds soon; growing the table then, with threads running, stalls them all.
  reserve_fd_table(kReservedFds);
  for (int i = 0; i < impl_->nprocs; ++i) {
    impl_->ps.push_back(std::make_unique<P>(*impl_, i, impl_->stacks));
  }
  for (auto& p : impl_->ps) p->thread = std::thread([raw = p.get()] { raw->loop(); });
  impl_->sysmon = std::thread([impl = impl_.get()] { impl->sysmon_loop(); });
}

Runtime::~Runtime() {
  impl_->stopping.store(true, std::memory_order_seq_cst);
  for (auto& p : impl_->ps) p->poller.ring();
  for (auto& p : impl_->ps) p->thread.join();
  // No M serves a dump now: wake whoever still waits for one (sysmon may,
  // for a deadlock report).
  impl_->abandon_describe_requests();
  {
    std::lock_guard guard(impl_->sysmon_lock);
    impl_->sysmon_wake.notify_all();
  }
  impl_->sysmon.join();
  impl_->callback_timers.clear();  // pending callbacks never run now
  // Abandoned goroutines parked on fds: a later close() must not reach
  // their frames.
  forget_parked_fd_waits();
  // A goroutine abandoned inside offload() has a helper thread running its
  // call, which will write into its frame and wake its G. Give those calls a
  // moment; a call that still has not returned (a lookup stuck in the
  // resolver, a wait for a child that never exits) keeps everything it may
  // touch alive: the Impl, its stacks and Gs are leaked, not freed.
  for (int i = 0; i < 100 && impl_->blocking_calls.load() > 0; ++i) {
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
  }
  const bool helpers_busy = impl_->blocking_calls.load() > 0;
  if (!helpers_busy) {
    // Abandoned goroutines (still blocked): give their stacks back unwound.
    for (auto& g : impl_->allgs) {
      if (g->stack) {
        g->context.destroy();
        impl_->stacks.deallocate(g->stack);
        g->stack = {};
      }
    }
    impl_->ps.clear();  // StackCaches return their stacks
  }
  detail::detach_current_thread();
  uninstall_stack_guard_handler();
  g_runtime.store(nullptr);
  if (helpers_busy) (void)impl_.release();
}

Runtime* Runtime::current() {
  Impl* impl = g_runtime.load(std::memory_order_acquire);
  return impl != nullptr ? impl->self : nullptr;
}

std::uint64_t Runtime::go(Task task) {
  Impl& rt = *impl_;
  P* p = tls_p != nullptr && tls_p->current != nullptr && &tls_p->rt == &rt ? tls_p : nullptr;
  G* g = rt.alloc_g(p);
  g->task = std::move(task);
  // Read nothing of g once it is published: it may run, end and be reused by
  // another go() before this one returns.
  const std::uint64_t id = rt.next_id.fetch_add(1, std::memory_order_relaxed);
  set_id(g, id);
  g->info.id = id;
  g->info.glue_data = nullptr;
  rt.live.fetch_add(1, std::memory_order_acq_rel);
  set_status(g, GStatus::kIdle, GStatus::kUnstarted);
  if (p != nullptr) {
    if (G* old = p->runnext.exchange(g, std::memory_order_acq_rel)) {
      if (!p->runq.put(old)) {
        // Full: move half of it, plus `old`, to the global queue (Go's runqputslow).
        G* batch[LocalRunQueue::kCapacity / 2 + 1];
        std::uint32_t n = p->runq.grab_half(batch);
        batch[n++] = old;
        for (std::uint32_t i = 0; i + 1 < n; ++i) batch[i]->next = batch[i + 1];
        batch[n - 1]->next = nullptr;
        rt.global.push_chain(batch[0], batch[n - 1], n);
      }
    }
  } else {
    rt.global.push(g);
  }
  seq_cst_fence();  // pairs with go_idle()
  rt.wakep();
  return id;
}

bool Runtime::join(Deadline deadline) {
  Impl& rt = *impl_;
  assert(!this_goroutine::is_goroutine() && "join() from a goroutine would wait for itself");
  Waiter& w = Waiter::current();
  std::unique_lock guard(rt.join_lock);
  if (rt.live.load(std::memory_order_acquire) == 0) return true;
  Ticket t = w.prepare(WaitReason::kJoin);
  rt.joiners.push_back({&w, t});
  if (w.block(t, deadline, [&] { guard.unlock(); })) {
    // Woken by the last goroutine's end, or by cancel_joins().
    return rt.live.load(std::memory_order_acquire) == 0;
  }
  guard.lock();
  auto it = std::find_if(rt.joiners.begin(), rt.joiners.end(),
                         [&](const Impl::Joiner& j) { return j.waiter == &w && j.ticket == t; });
  if (it != rt.joiners.end()) rt.joiners.erase(it);
  return rt.live.load(std::memory_order_acquire) == 0;
}

void Runtime::cancel_joins() {
  Impl& rt = *impl_;
  std::vector<Impl::Joiner> woken;
  {
    std::lock_guard guard(rt.join_lock);
    for (const Impl::Joiner& j : rt.joiners) {
      if (j.waiter->claim(j.ticket)) woken.push_back(j);
    }
    rt.joiners.clear();
  }
  for (const Impl::Joiner& j : woken) j.waiter->wake(j.ticket);
}

int Runtime::max_procs() const { return impl_->nprocs; }

std::size_t Runtime::num_goroutine() const {
  return static_cast<std::size_t>(std::max<std::int64_t>(impl_->live.load(), 0));
}

std::vector<PStats> Runtime::stats() const {
  std::vector<PStats> out;
  for (const auto& p : impl_->ps) {
    PStats s;
    s.switches = p->schedtick.load(std::memory_order_relaxed);
    s.steals = p->counters.steals.load(std::memory_order_relaxed);
    s.preempt_requests = p->counters.preempt_requests.load(std::memory_order_relaxed);
    s.preemptions = p->counters.preemptions.load(std::memory_order_relaxed);
    s.spawned = p->counters.spawned.load(std::memory_order_relaxed);
    s.runq = p->runq.size() + (p->runnext.load() != nullptr ? 1 : 0);
    out.push_back(s);
  }
  return out;
}

StackStats Runtime::stack_stats() const { return impl_->stacks.stats(); }

std::vector<GoroutineSnapshot> Runtime::snapshot() const {
  std::vector<GoroutineSnapshot> out;
  std::lock_guard guard(impl_->allgs_lock);
  for (const auto& g : impl_->allgs) {
    GStatus s = g->status.load(std::memory_order_acquire);
    if (s == GStatus::kIdle || s == GStatus::kDead) continue;
    const P* p = pinned_p(g.get());
    const WaitReason reason = s == GStatus::kWaiting ? g->waiter.reason() : WaitReason::kNone;
    out.push_back({id_of(g.get()), to_string(s), reason, p != nullptr ? p->id : -1, {}});
  }
  std::sort(out.begin(), out.end(), [](auto& a, auto& b) { return a.id < b.id; });
  return out;
}

// ---- this_goroutine ----------------------------------------------------------

namespace this_goroutine {

bool is_goroutine() { return tls_p != nullptr && tls_p->current != nullptr; }
std::uint64_t id() { return is_goroutine() ? tls_p->current->id : 0; }
int p() { return is_goroutine() ? tls_p->id : -1; }

void yield() {
  if (!is_goroutine()) {
    sched_yield();
    return;
  }
  tls_p->switch_to_scheduler(tls_p->current, GExit::kYield);
}

void sleep_until(Deadline deadline) { Waiter::current().sleep_until(deadline); }
void sleep_for(Nanos duration) { sleep_until(deadline_after(duration)); }

void preempt_point() {
  P* p = tls_p;
  if (p == nullptr || p->current == nullptr || p->current->no_preempt > 0) return;
  // The request names this run (its schedtick): one that came for an earlier
  // run of this P, or was already honoured, never matches.
  if (p->preempt_tick.load(std::memory_order_relaxed) ==
      p->schedtick.load(std::memory_order_relaxed)) {
    bump(p->counters.preemptions);
    yield();
  }
}

void preempt_disable() {
  if (is_goroutine()) tls_p->current->no_preempt++;
}

void preempt_enable() {
  if (!is_goroutine()) return;
  G* g = tls_p->current;
  assert(g->no_preempt > 0 && "preempt_enable() without preempt_disable()");
  if (--g->no_preempt == 0) preempt_point();
}

}  // namespace this_goroutine

}  // namespace goos
