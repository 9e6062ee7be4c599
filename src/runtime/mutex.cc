// sync.Mutex, after Go's.
//
// The mutex has two modes.
//
// Normal mode: waiters park FIFO on sema_, but a woken waiter does not own the
// mutex; it competes with parties that are just arriving, and those usually win:
// they are already running, and there may be many of them. A woken waiter that
// loses parks again at the front of the queue. Normal mode is much faster, since
// a party can lock several times in a row even while others wait.
//
// Starvation mode: a waiter that has waited more than kStarvationThreshold and
// still lost switches the mutex into it. Now unlock() hands the mutex straight to
// the waiter at the front of the queue; arriving parties neither take it nor spin,
// they park at the back. The mode ends when a waiter that receives the mutex is
// the last one, or waited less than the threshold. Starvation mode bounds tail
// latency; normal mode is for throughput.
//
// A party that finds the mutex held by a running holder spins a little first
// (kSpinRounds) in the hope the holder is about to unlock; it sets kWoken while it
// spins so that unlock() does not also wake a parked waiter.
//
// Invariants (checked where they matter):
//  - The waiter count is the number of parties between the CAS that counted them
//    and the moment they own the mutex; each is parked on sema_, about to park, or
//    holds a wake-up permit from it.
//  - kWoken: a party that is spinning or was woken will retry without being woken;
//    unlock() wakes nobody while it is set. Only that party clears it.
//  - kStarving implies the waiter count is at least one, since unlock() then hands
//    the mutex to a waiter.
//  - In starvation mode the mutex is owned even while kLocked is clear: between
//    unlock()'s hand-off and the receiver adding kLocked back. Nobody else takes
//    it in that window because kStarving keeps arriving parties out.
#include "goos/mutex.h"

#include <cassert>
#include <chrono>
#include <thread>

namespace goos {
namespace {

using std::chrono::milliseconds;

constexpr Nanos kStarvationThreshold = milliseconds(1);
constexpr int kSpinRounds = 4;
constexpr int kPausesPerRound = 30;

// Spinning only pays off while the holder runs on another CPU. That holds for
// threads; a goroutine holder queued on the spinner's own M cannot run while it
// spins, so the scheduler will need a say here.
bool can_spin(int round) {
  static const bool multicore = std::thread::hardware_concurrency() > 1;
  return round < kSpinRounds && multicore;
}

void spin_round() {
  for (int i = 0; i < kPausesPerRound; ++i) {
#if defined(__x86_64__) || defined(__i386__)
    __builtin_ia32_pause();
#elif defined(__aarch64__)
    __asm__ __volatile__("yield");
#endif
  }
}

}  // namespace

void Mutex::lock() {
  std::int32_t unlocked = 0;
  if (state_.compare_exchange_strong(unlocked, kLocked, std::memory_order_acquire,
                                     std::memory_order_relaxed)) {
    return;
  }
  lock_slow();
}

bool Mutex::try_lock() {
  std::int32_t old = state_.load(std::memory_order_relaxed);
  if ((old & (kLocked | kStarving)) != 0) return false;
  return state_.compare_exchange_strong(old, old | kLocked, std::memory_order_acquire,
                                        std::memory_order_relaxed);
}

void Mutex::lock_slow() {
  Clock::time_point wait_start{};
  bool waited = false;    // parked at least once
  bool starving = false;  // waited longer than the threshold
  bool awoke = false;     // this party set (or was given) kWoken
  int spin = 0;
  std::int32_t old = state_.load(std::memory_order_relaxed);
  for (;;) {
    if ((old & (kLocked | kStarving)) == kLocked && can_spin(spin)) {
      if (!awoke && (old & kWoken) == 0 && (old >> kWaiterShift) != 0 &&
          state_.compare_exchange_strong(old, old | kWoken, std::memory_order_relaxed)) {
        awoke = true;
      }
      spin_round();
      ++spin;
      old = state_.load(std::memory_order_relaxed);
      continue;
    }
    std::int32_t next = old;
    // A starving mutex belongs to the queue: don't take it, join the queue.
    if ((old & kStarving) == 0) next |= kLocked;
    if ((old & (kLocked | kStarving)) != 0) next += 1 << kWaiterShift;
    // Only a held mutex may starve: unlock() expects a waiter to hand it to.
    if (starving && (old & kLocked) != 0) next |= kStarving;
    if (awoke) {
      assert((next & kWoken) != 0 && "inconsistent mutex state");
      next &= ~kWoken;
    }
    if (!state_.compare_exchange_weak(old, next, std::memory_order_acquire,
                                      std::memory_order_relaxed)) {
      continue;
    }
    if ((old & (kLocked | kStarving)) == 0) return;  // took it with the CAS

    // Counted as a waiter: park. A party that already waited goes to the front.
    SemaWait how;
    how.reason = reason_;
    how.lifo = waited;
    if (!waited) {
      waited = true;
      wait_start = Clock::now();
    }
    sema_.acquire(how);
    starving = starving || Clock::now() - wait_start > kStarvationThreshold;
    old = state_.load(std::memory_order_relaxed);
    if ((old & kStarving) != 0) {
      // Handed off to us: kLocked is clear and we are still counted as a waiter.
      assert((old & (kLocked | kWoken)) == 0 && (old >> kWaiterShift) != 0 &&
             "inconsistent mutex state");
      std::int32_t delta = kLocked - (1 << kWaiterShift);
      // Leave starvation mode as soon as it is not needed: two parties could
      // otherwise keep it in that slow mode by taking turns for ever.
      if (!starving || (old >> kWaiterShift) == 1) delta -= kStarving;
      state_.fetch_add(delta, std::memory_order_acquire);
      return;
    }
    awoke = true;
    spin = 0;
  }
}

bool Mutex::unlock() {
  std::int32_t old = state_.load(std::memory_order_relaxed);
  do {
    if ((old & kLocked) == 0) return false;
  } while (!state_.compare_exchange_weak(old, old - kLocked, std::memory_order_release,
                                         std::memory_order_relaxed));
  if (old != kLocked) unlock_slow(old - kLocked);
  return true;
}

// `state` is the state our unlock left.
void Mutex::unlock_slow(std::int32_t state) {
  if ((state & kStarving) != 0) {
    assert((state >> kWaiterShift) != 0 && "starving mutex without waiters");
    // Hand the mutex to the front waiter. kLocked stays clear until it runs, but
    // kStarving keeps everybody else out.
    sema_.release(1);
    return;
  }
  std::int32_t old = state;
  for (;;) {
    // Nobody to wake, or somebody already took the mutex, was woken or starved it.
    if ((old >> kWaiterShift) == 0 || (old & (kLocked | kWoken | kStarving)) != 0) return;
    const std::int32_t next = (old - (1 << kWaiterShift)) | kWoken;
    if (state_.compare_exchange_weak(old, next, std::memory_order_release,
                                     std::memory_order_relaxed)) {
      sema_.release(1);
      return;
    }
  }
}

}  // namespace goos
