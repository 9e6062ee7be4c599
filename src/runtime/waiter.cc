#include "goos/waiter.h"

#include <linux/futex.h>
#include <sys/syscall.h>
#include <unistd.h>

#include <algorithm>
#include <cassert>
#include <cerrno>
#include <ctime>
#include <fstream>
#include <mutex>
#include <string>
#include <vector>

namespace goos {
namespace {

thread_local Waiter* tls_goroutine_waiter = nullptr;
thread_local bool tls_attached = false;
std::atomic<int> g_attached_threads{0};
std::atomic<int> g_blocked_threads{0};
std::atomic<std::uint64_t> g_thread_wakes{0};
// The kernel's ids of the attached threads, for attached_thread_signal_pending().
std::mutex g_attached_lock;
std::vector<pid_t> g_attached_tids;  // under g_attached_lock

// A signal mask line of a /proc status file ("SigPnd:\t000...0200"); 0 when the
// file or the line is missing (no /proc in a chroot: nothing is known).
std::uint64_t status_mask(const std::string& path, const std::string& field) {
  std::ifstream status(path);
  for (std::string line; std::getline(status, line);) {
    if (line.compare(0, field.size(), field) == 0) {
      return std::stoull(line.substr(field.size()), nullptr, 16);
    }
  }
  return 0;
}

// Waits while *word == expected, at most until `deadline`. Spurious returns are
// fine: the caller loops.
void futex_wait(std::atomic<std::uint32_t>* word, std::uint32_t expected, Deadline deadline) {
  timespec ts;
  timespec* timeout = nullptr;
  if (deadline != kNoDeadline) {
    auto left = deadline - Clock::now();
    if (left <= Nanos::zero()) return;
    auto ns = std::chrono::duration_cast<Nanos>(left).count();
    ts.tv_sec = static_cast<time_t>(ns / 1'000'000'000);
    ts.tv_nsec = static_cast<long>(ns % 1'000'000'000);
    timeout = &ts;
  }
  syscall(SYS_futex, reinterpret_cast<std::uint32_t*>(word), FUTEX_WAIT_PRIVATE, expected, timeout,
          nullptr, 0);
}

void futex_wake_all(std::atomic<std::uint32_t>* word) {
  syscall(SYS_futex, reinterpret_cast<std::uint32_t*>(word), FUTEX_WAKE_PRIVATE, INT32_MAX, nullptr,
          nullptr, 0);
}

}  // namespace

Waiter& Waiter::current() {
  if (tls_goroutine_waiter != nullptr) return *tls_goroutine_waiter;
  return ThreadWaiter::this_thread();
}

ThreadWaiter& ThreadWaiter::this_thread() {
  thread_local ThreadWaiter thread_waiter;
  return thread_waiter;
}

Ticket Waiter::prepare(WaitReason reason) {
  std::uint64_t old = state_.load(std::memory_order_relaxed);
  assert((old & 3) != kWaiting && "prepare() while an episode is open");
  Ticket t = (old >> 2) + 1;
  reason_.store(reason, std::memory_order_relaxed);
  // Release: whoever reads the ticket from a wait queue sees the reason too.
  state_.store(word(t, kWaiting), std::memory_order_release);
  return t;
}

bool Waiter::claim(Ticket t) {
  std::uint64_t expected = word(t, kWaiting);
  return state_.compare_exchange_strong(expected, word(t, kClaimed), std::memory_order_acq_rel,
                                        std::memory_order_acquire);
}

void Waiter::wake(Ticket t) {
  assert(state_.load(std::memory_order_relaxed) == word(t, kClaimed));
  wake_impl(t);
}

bool Waiter::cancel(Ticket t) {
  if (!claim(t)) return false;
  finish_episode();
  return true;
}

void Waiter::sleep_until(Deadline deadline, WaitReason reason) {
  Ticket t = prepare(reason);
  block(t, deadline, [] {});
}

// Interrupts and the episode meet Dekker-style: the owner publishes the
// episode, then looks for a pending interrupt; interrupt() publishes the
// interrupt, then looks for an open episode (all sequentially consistent).
// Whichever comes second sees the other, so an interrupt is never lost; if
// both see each other, exactly one claim wins.
//
// The deadlock detector counts this thread as blocked from before the episode
// can be claimed (the count is raised before release() and before the episode
// is offered to interrupt()) until the moment it is claimed and woken: the
// waker takes the count back in wake_impl(), not the owner once it runs again.
// A woken thread that the kernel leaves without a CPU for a while is runnable,
// not blocked, and must never look like a deadlock (uncount()).
bool ThreadWaiter::block_impl(Ticket t, Deadline deadline, FunctionRef<void()> release) {
  const auto target = static_cast<std::uint32_t>(t);
  const bool counted = tls_attached && deadline == kNoDeadline && needs_another_party(reason());
  if (counted) {
    counted_episode_.store(t, std::memory_order_seq_cst);
    g_blocked_threads.fetch_add(1, std::memory_order_seq_cst);
  }
  bool interruptible = interruptible_;
  if (interruptible) open_interruptible_.store(t, std::memory_order_seq_cst);
  release();
  bool woken = true;
  bool interrupted = false;
  for (;;) {
    std::uint32_t seen = woken_.load(std::memory_order_acquire);
    if (seen == target) break;
    if (interruptible && interrupt_pending_.load(std::memory_order_seq_cst)) {
      if (claim_for_deadline(t)) {
        woken = false;
        interrupted = true;
        break;
      }
      interruptible = false;  // a waker or interrupt() claimed it: its wake() is on the way
      continue;
    }
    if (deadline != kNoDeadline && Clock::now() >= deadline) {
      if (claim_for_deadline(t)) {
        woken = false;
        break;
      }
      deadline = kNoDeadline;  // a waker claimed it first: its wake() is on the way
      continue;
    }
    futex_wait(&woken_, seen, deadline);
  }
  uncount(t);  // claimed by ourselves (an interrupt we saw): no wake_impl() took it back
  if (interruptible_) {
    open_interruptible_.store(0, std::memory_order_seq_cst);
    if (woken && interrupted_ == t) {
      woken = false;  // interrupt() claimed it: nothing was handed over
      interrupted = true;
    }
    if (interrupted) interrupt_pending_.store(false, std::memory_order_seq_cst);
  }
  finish_episode();
  return woken;
}

void ThreadWaiter::uncount(Ticket t) {
  Ticket expected = t;
  if (counted_episode_.compare_exchange_strong(expected, 0, std::memory_order_seq_cst)) {
    g_blocked_threads.fetch_sub(1, std::memory_order_seq_cst);
  }
}

void ThreadWaiter::interrupt() {
  interrupt_pending_.store(true, std::memory_order_seq_cst);
  const Ticket t = open_interruptible_.load(std::memory_order_seq_cst);
  if (t != 0 && claim(t)) {
    interrupted_ = t;
    wake(t);
  }
}

void ThreadWaiter::wake_impl(Ticket t) {
  // A dump moves nothing, so waking its requester is no progress: sysmon asks
  // for one while it reports a standstill, which must stay one (reported once).
  // The claim that preceded this call made prepare()'s reason visible.
  if (reason() != WaitReason::kDump) g_thread_wakes.fetch_add(1, std::memory_order_relaxed);
  // Runnable from now on, whenever the kernel runs it (see block_impl).
  uncount(t);
  woken_.store(static_cast<std::uint32_t>(t), std::memory_order_release);
  // The waiter may return (and its thread end) as soon as the store lands; a
  // futex wake on memory that is gone or reused only wakes nobody, or wakes a
  // futex waiter spuriously, which every futex waiter tolerates.
  futex_wake_all(&woken_);
}

int attached_thread_count() { return g_attached_threads.load(std::memory_order_seq_cst); }
int blocked_thread_count() { return g_blocked_threads.load(std::memory_order_seq_cst); }
std::uint64_t thread_wake_count() { return g_thread_wakes.load(std::memory_order_relaxed); }

// A signal the kernel has queued but not yet delivered, because the thread that
// takes it has not run since, is a wake in flight: its handler (PHP: pcntl's,
// then the interrupt that ends the origin's wait) may end the standstill. The
// kernel says so in /proc; read only when everything else looks still.
bool attached_thread_signal_pending() {
  std::lock_guard guard(g_attached_lock);
  if (g_attached_tids.empty()) return false;
  const std::uint64_t process_wide = status_mask("/proc/self/status", "ShdPnd:");
  for (pid_t tid : g_attached_tids) {
    const std::string path = "/proc/self/task/" + std::to_string(tid) + "/status";
    const std::uint64_t pending = status_mask(path, "SigPnd:") | process_wide;
    if ((pending & ~status_mask(path, "SigBlk:")) != 0) return true;
  }
  return false;
}

namespace detail {
namespace {
std::atomic<bool> g_waits_abandoned{false};
}  // namespace

void note_abandoned_waits() { g_waits_abandoned.store(true, std::memory_order_relaxed); }
bool waits_abandoned() { return g_waits_abandoned.load(std::memory_order_relaxed); }

void set_current_goroutine_waiter(Waiter* waiter) { tls_goroutine_waiter = waiter; }

void attach_current_thread() {
  if (tls_attached) return;
  {
    std::lock_guard guard(g_attached_lock);
    g_attached_tids.push_back(gettid());
  }
  g_attached_threads.fetch_add(1, std::memory_order_seq_cst);
  tls_attached = true;
}

void detach_current_thread() {
  if (!tls_attached) return;
  g_attached_threads.fetch_sub(1, std::memory_order_seq_cst);
  {
    std::lock_guard guard(g_attached_lock);
    auto it = std::find(g_attached_tids.begin(), g_attached_tids.end(), gettid());
    if (it != g_attached_tids.end()) g_attached_tids.erase(it);
  }
  tls_attached = false;
}
}  // namespace detail

}  // namespace goos
